-module(stdlib_ordsets).
-export([main/0]).

main() ->
    A = ordsets:from_list([c, a, b, a, d]),
    B = ordsets:from_list([d, e, b]),
    io:format("A: ~p B: ~p~n", [A, B]),
    io:format("union: ~p~n", [ordsets:union(A, B)]),
    io:format("union list: ~p~n", [ordsets:union([A, B, [z]])]),
    io:format("intersection: ~p~n", [ordsets:intersection(A, B)]),
    io:format("intersection list: ~p~n", [ordsets:intersection([A, B, [b, z]])]),
    io:format("subtract: ~p~n", [ordsets:subtract(A, B)]),
    io:format("is_element: ~p ~p~n", [ordsets:is_element(a, A), ordsets:is_element(z, A)]),
    io:format("is_subset: ~p ~p~n", [ordsets:is_subset([a, b], A), ordsets:is_subset([a, z], A)]),
    io:format("is_disjoint: ~p ~p~n", [ordsets:is_disjoint(A, [x, y]), ordsets:is_disjoint(A, B)]),
    io:format("add_element: ~p~n", [ordsets:add_element(bb, A)]),
    io:format("del_element: ~p~n", [ordsets:del_element(b, A)]),
    io:format("filter: ~p~n", [ordsets:filter(fun(X) -> X > b end, A)]),
    io:format("fold: ~p~n", [ordsets:fold(fun(X, Acc) -> [X | Acc] end, [], A)]),
    io:format("size: ~p~n", [ordsets:size(A)]),
    io:format("is_set: ~p ~p~n", [ordsets:is_set(A), ordsets:is_set([b, a])]),
    io:format("int/float: ~p~n", [ordsets:from_list([1, 1.0, 2])]),
    io:format("int/float union: ~p~n", [ordsets:union([1, 2], [1.0, 3])]),
    io:format("is_element float: ~p~n", [ordsets:is_element(1.0, [1, 2])]),
    io:format("mixed: ~p~n", [ordsets:from_list([{a}, "s", 1, x, <<"b">>, [], 2.5])]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("subtract empty", fun() -> ordsets:subtract([1, 2], []) end),
    extra_t("union big", fun() -> length(ordsets:union(lists:seq(1, 1000, 2), lists:seq(1, 1000, 3))) end),
    extra_t("intersection big", fun() -> length(ordsets:intersection(lists:seq(1, 1000, 2), lists:seq(1, 1000, 3))) end),
    extra_t("new", fun() -> ordsets:new() end),
    ok.
