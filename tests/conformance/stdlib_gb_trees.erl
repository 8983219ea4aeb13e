-module(stdlib_gb_trees).
-export([main/0]).

main() ->
    T0 = gb_trees:empty(),
    io:format("empty: ~p size=~p is_empty=~p~n", [T0, gb_trees:size(T0), gb_trees:is_empty(T0)]),
    Keys = [50, 20, 80, 10, 30, 70, 90, 25, 35, 5, 1, 99, 60],
    T1 = lists:foldl(fun(K, T) -> gb_trees:insert(K, K * 10, T) end, T0, Keys),
    io:format("tree: ~p~n", [T1]),
    io:format("size: ~p~n", [gb_trees:size(T1)]),
    io:format("to_list: ~p~n", [gb_trees:to_list(T1)]),
    io:format("keys: ~p~n", [gb_trees:keys(T1)]),
    io:format("values: ~p~n", [gb_trees:values(T1)]),
    io:format("lookup 30: ~p lookup 31: ~p~n", [gb_trees:lookup(30, T1), gb_trees:lookup(31, T1)]),
    io:format("get 70: ~p~n", [gb_trees:get(70, T1)]),
    io:format("is_defined: ~p ~p~n", [gb_trees:is_defined(5, T1), gb_trees:is_defined(6, T1)]),
    io:format("smallest/largest: ~p ~p~n", [gb_trees:smallest(T1), gb_trees:largest(T1)]),
    {K1, V1, T2} = gb_trees:take_smallest(T1),
    io:format("take_smallest: ~p ~p size=~p~n", [K1, V1, gb_trees:size(T2)]),
    {K2, V2, T3} = gb_trees:take_largest(T2),
    io:format("take_largest: ~p ~p size=~p~n", [K2, V2, gb_trees:size(T3)]),
    T4 = gb_trees:update(50, fifty, T3),
    io:format("update: ~p~n", [gb_trees:get(50, T4)]),
    T5 = gb_trees:enter(51, new, gb_trees:enter(50, again, T4)),
    io:format("enter: ~p ~p~n", [gb_trees:get(50, T5), gb_trees:get(51, T5)]),
    T6 = gb_trees:delete(20, T5),
    io:format("delete: ~p~n", [gb_trees:keys(T6)]),
    io:format("delete_any missing: ~p~n", [gb_trees:keys(gb_trees:delete_any(12345, T6))]),
    io:format("take: ~p~n", [element(1, gb_trees:take(30, T6))]),
    io:format("take_any missing: ~p~n", [gb_trees:take_any(777, T6)]),
    io:format("insert dup: ~p~n", [try gb_trees:insert(50, x, T6) catch C:E -> {C, E} end]),
    io:format("map: ~p~n", [gb_trees:to_list(gb_trees:map(fun(_, V) -> {v, V} end, gb_trees:from_orddict([{1, a}, {2, b}])))]),
    It = gb_trees:iterator(T6),
    io:format("iterate: ~p~n", [iter(It, [])]),
    It2 = gb_trees:iterator_from(60, T6),
    io:format("iterator_from 60: ~p~n", [iter(It2, [])]),
    Bal = gb_trees:balance(T6),
    io:format("balanced: ~p~n", [Bal]),
    Big = lists:foldl(fun(K, T) -> gb_trees:enter(K rem 97, K, T) end, gb_trees:empty(), lists:seq(1, 1000)),
    io:format("big size: ~p smallest: ~p largest: ~p~n", [gb_trees:size(Big), gb_trees:smallest(Big), gb_trees:largest(Big)]),
    ok.

iter(It, Acc) ->
    case gb_trees:next(It) of
        none -> lists:reverse(Acc);
        {K, _V, It2} -> iter(It2, [K | Acc])
    end.
