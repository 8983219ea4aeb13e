-module(bin_comprehension).
-export([main/0]).

id(X) -> X.

main() ->
    B = id(<<1, 2, 3, 4, 5, 6, 7, 8>>),
    io:format("bin->list: ~w~n", [[X || <<X>> <= B]]),
    io:format("bin->list 16: ~w~n", [[X || <<X:16>> <= B]]),
    io:format("bin->bin double: ~w~n", [<< <<(X * 2)>> || <<X>> <= B >>]),
    io:format("list->bin: ~w~n", [<< <<X:4>> || X <- lists:seq(0, 15) >>]),
    io:format("filter: ~w~n", [<< <<X>> || <<X>> <= B, X rem 2 =:= 0 >>]),
    io:format("bits out: ~w~n", [<< <<X:1>> || X <- [1, 0, 1, 1, 0] >>]),
    io:format("bits in: ~w~n", [[X || <<X:1>> <= id(<<16#A5>>)]]),
    io:format("leftover ignored: ~w~n", [[X || <<X:3>> <= id(<<255, 255>>)]]),
    io:format("pairs: ~w~n", [[{A, Bv} || <<A, Bv>> <= B]]),
    io:format("nested: ~w~n", [<< <<X, Y>> || <<X>> <= id(<<1, 2>>), <<Y>> <= id(<<10, 20>>) >>]),
    io:format("list gen in bin: ~w~n", [<< <<X/utf8>> || X <- "héllo" >>]),
    io:format("swap endian: ~w~n", [<< <<X:16/little>> || <<X:16/big>> <= id(<<1, 2, 3, 4>>) >>]),
    io:format("hex: ~s~n", [<< <<(hex(N))>> || <<N:4>> <= id(<<222, 173, 190, 239>>) >>]),
    io:format("binary elems: ~w~n", [[X || <<X:2/binary>> <= id(<<"abcdef">>)]]),
    io:format("pattern filter: ~w~n", [[X || <<1, X>> <= id(<<1, 2, 3, 4, 1, 6>>)]]),
    io:format("empty: ~w ~w~n", [<< <<X>> || X <- [] >>, [X || <<X>> <= <<>>]]),
    io:format("big: ~w~n", [byte_size(<< <<X:32>> || X <- lists:seq(1, 10000) >>)]),
    io:format("sum big: ~w~n", [lists:sum([X || <<X:32>> <= << <<X:32>> || X <- lists:seq(1, 10000) >>])]),
    extra(),
    ok.

hex(N) when N < 10 -> $0 + N;
hex(N) -> $a + N - 10.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("bits gen 0-size rest", fun() -> [X || <<X:8>> <= <<1, 2, 3:4>>] end),
    extra_t("list of bins to bin", fun() -> << <<B/binary>> || B <- [<<"a">>, <<"bc">>, <<>>] >> end),
    extra_t("bitstring result", fun() -> << <<B:1>> || B <- [1, 1, 0] >> end),
    extra_t("float gen", fun() -> [F || <<F:64/float>> <= <<1.5:64/float, 2.5:64/float>>] end),
    ok.
