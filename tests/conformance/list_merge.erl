-module(list_merge).
-export([main/0]).

main() ->
    io:format("merge/2: ~w~n", [lists:merge([1, 3, 5], [2, 3, 4, 6])]),
    io:format("merge/1: ~w~n", [lists:merge([[1, 4], [2, 5], [3, 6], []])]),
    io:format("merge/3: ~w~n", [lists:merge(fun(A, B) -> A >= B end, [5, 3, 1], [6, 4, 2])]),
    io:format("merge3: ~w~n", [lists:merge3([1, 4], [2, 5], [3, 6])]),
    io:format("umerge/2: ~w~n", [lists:umerge([1, 3, 5], [1, 2, 3, 6])]),
    io:format("umerge/1: ~w~n", [lists:umerge([[1, 2], [2, 3], [3, 4]])]),
    io:format("umerge/3: ~w~n", [lists:umerge(fun(A, B) -> A >= B end, [5, 3, 1], [5, 4, 1])]),
    io:format("umerge3: ~w~n", [lists:umerge3([1, 2], [2, 3], [1, 3, 4])]),
    io:format("rmerge: ~w~n", [lists:rmerge([5, 3, 1], [4, 2])]),
    io:format("rumerge: ~w~n", [lists:rumerge([5, 3, 1], [5, 2, 1])]),
    io:format("merge empty: ~w ~w~n", [lists:merge([], [1]), lists:merge([1], [])]),
    io:format("merge int/float: ~w~n", [lists:merge([1, 2.0], [1.0, 2])]),
    io:format("umerge int/float: ~w~n", [lists:umerge([1, 2.0], [1.0, 2])]),
    io:format("merge tuples: ~w~n", [lists:merge([{a, 1}, {c, 1}], [{b, 2}])]),
    io:format("merge unsorted: ~w~n", [lists:merge([3, 1], [2, 0])]),
    ok.
