-module(list_sort).
-export([main/0]).

id(X) -> X.

lcg(0, _, Acc) -> Acc;
lcg(N, S, Acc) -> S2 = (S * 1103515245 + 12345) rem 2147483648, lcg(N - 1, S2, [S2 rem 1000 | Acc]).

main() ->
    L = id([5, 3, 9, 1, 5, 7, 2, 8, 3, 0]),
    io:format("sort: ~w~n", [lists:sort(L)]),
    io:format("sort desc: ~w~n", [lists:sort(fun(A, B) -> A >= B end, L)]),
    io:format("sort strict >: ~w~n", [lists:sort(fun(A, B) -> A > B end, L)]),
    io:format("usort: ~w~n", [lists:usort(L)]),
    io:format("usort fun: ~w~n", [lists:usort(fun(A, B) -> A >= B end, L)]),
    io:format("sort []: ~w ~w~n", [lists:sort([]), lists:usort([])]),
    io:format("sort single: ~w~n", [lists:sort([x])]),
    Pairs = id([{b, 2}, {a, 3}, {c, 1}, {a, 1}, {b, 1}]),
    io:format("sort tuples: ~w~n", [lists:sort(Pairs)]),
    io:format("stable by key: ~w~n", [lists:sort(fun({A, _}, {B, _}) -> A =< B end, Pairs)]),
    io:format("stable by val: ~w~n", [lists:sort(fun({_, A}, {_, B}) -> A =< B end, Pairs)]),
    io:format("usort by key: ~w~n", [lists:usort(fun({A, _}, {B, _}) -> A =< B end, Pairs)]),
    io:format("strings: ~p~n", [lists:sort(["banana", "apple", "cherry", "app", "", "b"])]),
    R = lcg(2000, 42, []),
    S = lists:sort(R),
    io:format("random sorted head: ~w~n", [lists:sublist(S, 20)]),
    io:format("random sorted last: ~w~n", [lists:nthtail(1980, S)]),
    io:format("random usort len: ~w~n", [length(lists:usort(R))]),
    io:format("rsort head: ~w~n", [lists:sublist(lists:reverse(S), 10)]),
    io:format("is sorted: ~w~n", [is_sorted(S)]),
    io:format("floats ints: ~w~n", [lists:sort([3, 1.0, 2, 1, 2.0, 0.5])]),
    io:format("usort floats ints: ~w~n", [lists:usort([3, 1.0, 2, 1, 2.0, 0.5])]),
    ok.

is_sorted([A, B | T]) when A =< B -> is_sorted([B | T]);
is_sorted([_, _ | _]) -> false;
is_sorted(_) -> true.
