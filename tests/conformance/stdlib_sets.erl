-module(stdlib_sets).
-export([main/0]).

main() ->
    L1 = [5, 3, 9, 1, 3, 7, "s", {t}, 2.5],
    L2 = [2, 3, 4, 5, 6, "s"],
    lists:foreach(fun(Opts) ->
        io:format("== opts ~p~n", [Opts]),
        S1 = sets:from_list(L1, Opts),
        S2 = sets:from_list(L2, Opts),
        io:format("is_set: ~p size: ~p~n", [sets:is_set(S1), sets:size(S1)]),
        io:format("to_list order: ~p~n", [sets:to_list(S1)]),
        io:format("sorted: ~p~n", [lists:sort(sets:to_list(S1))]),
        io:format("union: ~p~n", [lists:sort(sets:to_list(sets:union(S1, S2)))]),
        io:format("intersection: ~p~n", [lists:sort(sets:to_list(sets:intersection(S1, S2)))]),
        io:format("subtract: ~p~n", [lists:sort(sets:to_list(sets:subtract(S1, S2)))]),
        io:format("is_element: ~p ~p~n", [sets:is_element(9, S1), sets:is_element(9.0, S1)]),
        io:format("is_subset: ~p~n", [sets:is_subset(sets:from_list([1, 3], Opts), S1)]),
        io:format("is_disjoint: ~p~n", [sets:is_disjoint(S1, sets:from_list([100], Opts))]),
        io:format("add/del: ~p~n", [lists:sort(sets:to_list(sets:del_element(1, sets:add_element(42, S1))))]),
        io:format("filter: ~p~n", [lists:sort(sets:to_list(sets:filter(fun(X) -> is_integer(X) end, S1)))]),
        io:format("fold sum ints: ~p~n", [sets:fold(fun(X, A) when is_integer(X) -> X + A; (_, A) -> A end, 0, S1)]),
        io:format("is_empty: ~p ~p~n", [sets:is_empty(sets:new(Opts)), sets:is_empty(S1)]),
        Big = sets:from_list(lists:seq(1, 100), Opts),
        io:format("big to_list: ~p~n", [sets:to_list(Big)]),
        io:format("big size: ~p~n", [sets:size(Big)])
    end, [[], [{version, 1}], [{version, 2}]]),
    io:format("v2 repr small: ~p~n", [sets:from_list([1, 2], [{version, 2}])]),
    io:format("v1 repr small: ~p~n", [sets:from_list([1, 2], [{version, 1}])]),
    io:format("int float distinct v2: ~p~n", [sets:size(sets:from_list([1, 1.0], [{version, 2}]))]),
    io:format("int float distinct v1: ~p~n", [sets:size(sets:from_list([1, 1.0]))]),
    ok.
