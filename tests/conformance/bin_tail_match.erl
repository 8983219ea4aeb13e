-module(bin_tail_match).
-export([main/0]).

id(X) -> X.

count(<<>>, N) -> N;
count(<<_, R/binary>>, N) -> count(R, N + 1).

split_on(<<Sep, R/binary>>, Sep, Acc) -> [lists:reverse(Acc) | split_on(R, Sep, [])];
split_on(<<C, R/binary>>, Sep, Acc) -> split_on(R, Sep, [C | Acc]);
split_on(<<>>, _, Acc) -> [lists:reverse(Acc)].

bits(<<>>) -> [];
bits(<<B:1, R/bits>>) -> [B | bits(R)].

sum16(<<X:16, R/binary>>, A) -> sum16(R, A + X);
sum16(<<X:8>>, A) -> A + X;
sum16(<<>>, A) -> A.

trim_trailing(B) ->
    S = byte_size(B) - 1,
    case B of
        <<P:S/binary, " ">> -> trim_trailing(P);
        _ -> B
    end.

main() ->
    B = id(<<"a,bc,,def">>),
    io:format("count: ~w~n", [count(B, 0)]),
    io:format("split: ~p~n", [split_on(B, $,, [])]),
    io:format("bits: ~w~n", [bits(id(<<2#10110:5>>))]),
    io:format("sum16 even: ~w~n", [sum16(id(<<1, 2, 3, 4>>), 0)]),
    io:format("sum16 odd: ~w~n", [sum16(id(<<1, 2, 3>>), 0)]),
    io:format("trim: ~p~n", [trim_trailing(id(<<"abc   ">>))]),
    io:format("suffix match: ~p~n", [case id(<<"file.erl">>) of <<Name:4/binary, ".erl">> -> Name; _ -> no end]),
    io:format("count big: ~w~n", [count(binary:copy(<<"x">>, 100000), 0)]),
    <<First:3/binary, Rest/binary>> = B,
    io:format("first/rest: ~p ~p~n", [First, Rest]),
    io:format("rest sizes: ~w ~w~n", [byte_size(Rest), bit_size(Rest)]),
    <<_:1, Odd/bits>> = id(<<255, 0>>),
    io:format("odd tail: ~w size=~w~n", [Odd, bit_size(Odd)]),
    io:format("tail of odd is_binary: ~w is_bitstring: ~w~n", [is_binary(Odd), is_bitstring(Odd)]),
    ok.
