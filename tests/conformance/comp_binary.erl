-module(comp_binary).
-export([main/0]).

id(X) -> X.

main() ->
    B = id(<<"Hello, World! 123">>),
    io:format("upper: ~s~n", [<< <<(if C >= $a, C =< $z -> C - 32; true -> C end)>> || <<C>> <= B >>]),
    io:format("digits only: ~s~n", [<< <<C>> || <<C>> <= B, C >= $0, C =< $9 >>]),
    io:format("rot13: ~s~n", [<< <<(rot(C))>> || <<C>> <= B >>]),
    io:format("nibbles: ~w~n", [[N || <<N:4>> <= id(<<16#AB, 16#CD>>)]]),
    io:format("pack 3-bit: ~w~n", [<< <<X:3>> || X <- [1, 2, 3, 4, 5, 6, 7] >>]),
    io:format("unpack 3-bit: ~w~n", [[X || <<X:3>> <= << <<X:3>> || X <- [1, 2, 3, 4, 5, 6, 7] >>]]),
    io:format("16-bit LE to BE: ~w~n", [<< <<X:16/big>> || <<X:16/little>> <= id(<<1, 0, 2, 0, 255, 1>>) >>]),
    io:format("floats: ~w~n", [[F || <<F:32/float>> <= << <<X:32/float>> || X <- [1.5, -2.0, 0.25] >>]]),
    io:format("binary chunks: ~p~n", [[C || <<C:3/binary>> <= id(<<"abcdefghij">>)]]),
    io:format("nested gens: ~w~n", [<< <<X, Y>> || <<X>> <= id(<<1, 2>>), Y <- [7, 8] >>]),
    io:format("xor cipher: ~w~n", [<< <<(C bxor K)>> || {<<C>>, K} <- lists:zip([<<C>> || <<C>> <= id(<<"key!">>)], [1, 2, 3, 4]) >>]),
    io:format("bitstring gen: ~w~n", [[X || <<X:1>> <= id(<<5:3>>)]]),
    io:format("utf8 chars: ~w~n", [[C || <<C/utf8>> <= id(<<"a", 206, 187, "b">>)]]),
    io:format("empty result: ~w~n", [<< <<X>> || <<X>> <= id(<<1, 2>>), X > 5 >>]),
    io:format("large: ~w~n", [byte_size(<< <<(X rem 256)>> || X <- lists:seq(1, 100000) >>)]),
    extra(),
    ok.

rot(C) when C >= $a, C =< $z -> $a + (C - $a + 13) rem 26;
rot(C) when C >= $A, C =< $Z -> $A + (C - $A + 13) rem 26;
rot(C) -> C.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("bin gen with list filter", fun() -> [X || <<X>> <= <<1, 2, 3, 4>>, lists:member(X, [2, 4])] end),
    extra_t("two bin gens", fun() -> [{X, Y} || <<X>> <= <<1, 2>>, <<Y>> <= <<3, 4>>] end),
    extra_t("bin gen pattern literal", fun() -> [Y || <<0, Y>> <= <<0, 1, 1, 2, 0, 3>>] end),
    ok.
