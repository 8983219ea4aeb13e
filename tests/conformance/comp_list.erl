-module(comp_list).
-export([main/0]).

id(X) -> X.

main() ->
    L = id(lists:seq(1, 10)),
    io:format("squares: ~w~n", [[X * X || X <- L]]),
    io:format("filter: ~w~n", [[X || X <- L, X rem 3 =:= 0]]),
    io:format("two filters: ~w~n", [[X || X <- L, X > 3, X < 8]]),
    io:format("cartesian: ~w~n", [[{X, Y} || X <- [1, 2, 3], Y <- [a, b]]]),
    io:format("dependent: ~w~n", [[{X, Y} || X <- lists:seq(1, 4), Y <- lists:seq(X, 4)]]),
    io:format("pythag: ~w~n", [[{A, B, C} || C <- lists:seq(1, 30), B <- lists:seq(1, C), A <- lists:seq(1, B), A * A + B * B =:= C * C]]),
    io:format("pattern gen: ~w~n", [[V || {ok, V} <- [{ok, 1}, error, {ok, 2}, {error, 3}, {ok, 3}]]]),
    io:format("string gen: ~s~n", [[C - 32 || C <- "hello", C =/= $l]]),
    io:format("nested comp: ~w~n", [[[Y || Y <- lists:seq(1, X)] || X <- lists:seq(1, 4)]]),
    io:format("empty: ~w~n", [[X || X <- []]]),
    io:format("all filtered: ~w~n", [[X || X <- L, X > 100]]),
    io:format("guard-like filter: ~w~n", [[X || X <- [1, a, 2.0, "s", {t}], is_number(X)]]),
    io:format("bool filter non-bool: ~p~n", [try [X || X <- id([1, 2]), id(X)] catch C:E -> {C, E} end]),
    io:format("qsort: ~w~n", [qsort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])]),
    io:format("perms: ~p~n", [perms("abc")]),
    io:format("bin gen in list: ~w~n", [[X + Y || <<X, Y>> <= id(<<1, 2, 3, 4>>)]]),
    io:format("map gen: ~w~n", [[K || {K, V} <- maps:to_list(id(#{a => 1, b => 2, c => 1})), V =:= 1]]),
    io:format("var capture: ~w~n", [begin N = id(3), [X * N || X <- L] end]),
    io:format("non-list gen: ~p~n", [try [X || X <- id(notalist)] catch C2:E2 -> {C2, E2} end]),
    ok.

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].
