-module(tuple_ops).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    T = id({a, b, c, d}),
    t("element 1", fun() -> element(1, T) end),
    t("element 4", fun() -> element(4, T) end),
    t("element 0", fun() -> element(id(0), T) end),
    t("element 5", fun() -> element(id(5), T) end),
    t("element non-tuple", fun() -> element(1, id([a])) end),
    t("element float idx", fun() -> element(id(1.0), T) end),
    t("setelement 2", fun() -> setelement(2, T, x) end),
    t("setelement 5", fun() -> setelement(id(5), T, x) end),
    t("setelement chain", fun() -> setelement(1, setelement(4, T, z), y) end),
    t("insert_element 1", fun() -> erlang:insert_element(1, T, new) end),
    t("insert_element 5", fun() -> erlang:insert_element(5, T, new) end),
    t("insert_element 3", fun() -> erlang:insert_element(3, T, new) end),
    t("insert_element 6", fun() -> erlang:insert_element(id(6), T, new) end),
    t("delete_element 1", fun() -> erlang:delete_element(1, T) end),
    t("delete_element 4", fun() -> erlang:delete_element(4, T) end),
    t("delete_element 5", fun() -> erlang:delete_element(id(5), T) end),
    t("delete_element {x}", fun() -> erlang:delete_element(1, id({x})) end),
    t("append_element", fun() -> erlang:append_element(T, e) end),
    t("append_element {}", fun() -> erlang:append_element(id({}), e) end),
    t("tuple_to_list", fun() -> tuple_to_list(T) end),
    t("tuple_to_list {}", fun() -> tuple_to_list(id({})) end),
    t("list_to_tuple", fun() -> list_to_tuple(id([1, 2, [3], {4}])) end),
    t("list_to_tuple improper", fun() -> list_to_tuple(id([1 | 2])) end),
    t("make_tuple 3", fun() -> erlang:make_tuple(3, z) end),
    t("make_tuple 0", fun() -> erlang:make_tuple(0, z) end),
    t("make_tuple init", fun() -> erlang:make_tuple(5, 0, [{2, a}, {4, b}, {2, c}]) end),
    t("make_tuple neg", fun() -> erlang:make_tuple(id(-1), z) end),
    t("make_tuple bad init", fun() -> erlang:make_tuple(2, z, [{3, a}]) end),
    t("tuple_size", fun() -> [tuple_size(X) || X <- [{}, {1}, T, erlang:make_tuple(1000, 0)]] end),
    t("size", fun() -> [size(T), size(<<1, 2, 3>>)] end),
    t("tuple_size list", fun() -> tuple_size(id([])) end),
    t("big tuple sum", fun() -> lists:sum(tuple_to_list(list_to_tuple(lists:seq(1, 5000)))) end),
    t("nested", fun() -> element(2, element(2, id({1, {2, {3}}}))) end),
    t("tuple compare", fun() -> lists:sort([{b}, {a, a}, {a}, {}, {z, a, a}, {a, b}]) end),
    t("match", fun() -> {A, _, C, _} = T, {C, A} end),
    t("is_tuple", fun() -> [is_tuple(X) || X <- [{}, {a}, [], "t", <<>>]] end),
    ok.
