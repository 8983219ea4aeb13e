-module(stdlib_gb_sets).
-export([main/0]).

main() ->
    S1 = gb_sets:from_list([5, 3, 9, 1, 3, 7]),
    S2 = gb_sets:from_list([2, 3, 4, 5, 6]),
    io:format("s1: ~p~n", [gb_sets:to_list(S1)]),
    io:format("raw s1: ~p~n", [S1]),
    io:format("size: ~p~n", [gb_sets:size(S1)]),
    io:format("union: ~p~n", [gb_sets:to_list(gb_sets:union(S1, S2))]),
    io:format("intersection: ~p~n", [gb_sets:to_list(gb_sets:intersection(S1, S2))]),
    io:format("subtract: ~p~n", [gb_sets:to_list(gb_sets:subtract(S1, S2))]),
    io:format("union list: ~p~n", [gb_sets:to_list(gb_sets:union([S1, S2, gb_sets:singleton(100)]))]),
    io:format("is_element: ~p ~p~n", [gb_sets:is_element(9, S1), gb_sets:is_element(2, S1)]),
    io:format("is_subset: ~p ~p~n", [gb_sets:is_subset(gb_sets:from_list([1, 3]), S1), gb_sets:is_subset(S2, S1)]),
    io:format("is_disjoint: ~p~n", [gb_sets:is_disjoint(S1, gb_sets:from_list([100, 200]))]),
    io:format("add/del: ~p~n", [gb_sets:to_list(gb_sets:del_element(1, gb_sets:add(42, S1)))]),
    io:format("smallest/largest: ~p ~p~n", [gb_sets:smallest(S1), gb_sets:largest(S1)]),
    io:format("take_smallest: ~p~n", [element(1, gb_sets:take_smallest(S1))]),
    io:format("filter: ~p~n", [gb_sets:to_list(gb_sets:filter(fun(X) -> X > 4 end, S1))]),
    io:format("fold: ~p~n", [gb_sets:fold(fun(X, A) -> [X | A] end, [], S1)]),
    It = gb_sets:iterator_from(4, S1),
    io:format("iterator_from 4: ~p~n", [it(It)]),
    io:format("insert dup: ~p~n", [try gb_sets:insert(5, S1) catch C:E -> {C, E} end]),
    io:format("empty: ~p ~p~n", [gb_sets:is_empty(gb_sets:new()), gb_sets:to_list(gb_sets:empty())]),
    io:format("mixed types: ~p~n", [gb_sets:to_list(gb_sets:from_list([b, 1, "s", {t}, 2.0, a]))]),
    io:format("from_ordset: ~p~n", [gb_sets:to_list(gb_sets:from_ordset([1, 2, 3]))]),
    io:format("balance: ~p~n", [gb_sets:balance(gb_sets:del_element(9, S1))]),
    ok.

it(I) -> case gb_sets:next(I) of none -> []; {X, I2} -> [X | it(I2)] end.
