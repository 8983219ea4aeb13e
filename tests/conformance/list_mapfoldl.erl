-module(list_mapfoldl).
-export([main/0]).

main() ->
    L = [3, 1, 4, 1, 5, 9, 2, 6],
    io:format("mapfoldl: ~w~n", [lists:mapfoldl(fun(X, A) -> {X * 2, A + X} end, 0, L)]),
    io:format("mapfoldr: ~w~n", [lists:mapfoldr(fun(X, A) -> {X * 2, [X | A]} end, [], L)]),
    io:format("mapfoldl index: ~w~n", [lists:mapfoldl(fun(X, I) -> {{I, X}, I + 1} end, 1, L)]),
    io:format("mapfoldl empty: ~w~n", [lists:mapfoldl(fun(X, A) -> {X, A} end, z, [])]),
    io:format("enumerate-like: ~w~n", [lists:zip(lists:seq(1, length(L)), L)]),
    {Mapped, Max} = lists:mapfoldl(fun(X, M) -> {-X, max(X, M)} end, 0, L),
    io:format("mapped=~w max=~w~n", [Mapped, Max]),
    io:format("running sum: ~w~n", [element(1, lists:mapfoldl(fun(X, S) -> {S + X, S + X} end, 0, L))]),
    ok.
