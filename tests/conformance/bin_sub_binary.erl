-module(bin_sub_binary).
-export([main/0]).

id(X) -> X.

main() ->
    Big = id(list_to_binary(lists:seq(0, 255))),
    <<_:10/binary, Sub:20/binary, _/binary>> = Big,
    io:format("sub: ~w~n", [Sub]),
    io:format("sub size: ~w~n", [byte_size(Sub)]),
    io:format("sub equals copy: ~w~n", [Sub =:= binary:copy(Sub)]),
    <<_:3, Odd:17/bits, _/bits>> = Big,
    io:format("odd sub: ~w size ~w~n", [Odd, bit_size(Odd)]),
    Parts = [binary:part(Big, I, 4) || I <- lists:seq(0, 252, 36)],
    io:format("parts: ~w~n", [Parts]),
    io:format("concat parts: ~w~n", [iolist_to_binary(Parts)]),
    io:format("hash sub vs copy: ~w~n", [erlang:phash2(Sub) =:= erlang:phash2(binary:copy(Sub))]),
    io:format("t2b sub: ~w~n", [term_to_binary(Sub)]),
    io:format("t2b odd: ~w~n", [term_to_binary(Odd)]),
    io:format("append to sub: ~w~n", [<<Sub/binary, "xyz">>]),
    Grown = lists:foldl(fun(I, Acc) -> <<Acc/binary, I>> end, Sub, lists:seq(1, 50)),
    io:format("grown: ~w~n", [Grown]),
    io:format("orig sub unchanged: ~w~n", [Sub]),
    Sub2 = <<Sub/binary, "A">>,
    Sub3 = <<Sub/binary, "B">>,
    io:format("two appends: ~w ~w~n", [binary:last(Sub2), binary:last(Sub3)]),
    io:format("compare sub: ~w~n", [Sub < Big]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("sub of sub", fun() -> B = list_to_binary(lists:seq(1, 100)), <<_:10/binary, S1:50/binary, _/binary>> = B, <<_:5/binary, S2:5/binary, _/binary>> = S1, S2 end),
    extra_t("binary:part of sub", fun() -> binary:part(binary:part(<<"0123456789">>, 2, 6), 1, 3) end),
    extra_t("sub bitstring concat", fun() -> <<_:1, S:7/bits>> = <<255>>, <<S/bits, S/bits, 1:2>> end),
    extra_t("sub binary to list", fun() -> <<_:2/binary, R/binary>> = <<"abcdef">>, binary_to_list(R) end),
    ok.
