%% An integer segment whose value is larger than BEAM's largest bignum (2^19 - 1 digits of
%% 64 bits) does not match; a wider segment holding a smaller value does.
-module(bits_int_too_big).
-export([main/0]).

main() ->
    Max = ((1 bsl 19) - 1) * 64,
    Fits = <<1:Max>>,
    TooBig = <<1:(Max + 8)>>,
    io:format("fits: ~p~n", [match(Fits, Max)]),
    io:format("wide, small: ~p~n", [match(TooBig, Max + 8)]),
    Huge = <<255, 0:Max>>,
    io:format("too big: ~p~n", [match(Huge, Max + 8)]),
    io:format("too big, in a case: ~p~n",
              [case Huge of <<N:(Max + 8)/unsigned>> -> N band 1; _ -> no_match end]).

match(Bin, Size) ->
    try
        <<N:Size>> = Bin,
        {ok, N band 16#ff}
    catch error:{badmatch, _} -> badmatch
    end.
