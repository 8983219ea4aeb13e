-module(list_keysort).
-export([main/0]).

id(X) -> X.

main() ->
    L = id([{3, c, x}, {1, a, z}, {2, b, y}, {1, b, w}, {3, a, v}]),
    io:format("keysort 1: ~w~n", [lists:keysort(1, L)]),
    io:format("keysort 2: ~w~n", [lists:keysort(2, L)]),
    io:format("keysort 3: ~w~n", [lists:keysort(3, L)]),
    io:format("ukeysort 1: ~w~n", [lists:ukeysort(1, L)]),
    io:format("ukeysort 2: ~w~n", [lists:ukeysort(2, L)]),
    io:format("keymerge: ~w~n", [lists:keymerge(1, [{1, a}, {3, c}], [{2, b}, {3, d}])]),
    io:format("ukeymerge: ~w~n", [lists:ukeymerge(1, [{1, a}, {3, c}], [{1, x}, {2, b}, {3, d}])]),
    io:format("ukeymerge dup in first: ~w~n", [lists:ukeymerge(1, [{1, a}, {1, b}], [{1, c}])]),
    io:format("keysort bad: ~p~n", [try lists:keysort(4, L) catch C:E -> {C, E} end]),
    io:format("keysort 0: ~p~n", [try lists:keysort(0, L) catch C2:E2 -> {C2, E2} end]),
    io:format("keysort mixed size: ~w~n", [lists:keysort(2, [{a, 3, x}, {b, 1}, {c, 2, y, z}])]),
    io:format("keysort stability: ~w~n", [lists:keysort(1, [{k, I} || I <- lists:seq(1, 10)])]),
    Big = [{(I * 7919) rem 101, I} || I <- lists:seq(1, 300)],
    S = lists:keysort(1, Big),
    io:format("big keysort head: ~w~n", [lists:sublist(S, 12)]),
    io:format("big ukeysort len: ~w~n", [length(lists:ukeysort(1, Big))]),
    io:format("rukeymerge: ~w~n", [lists:rukeymerge(1, [{3, a}, {1, b}], [{2, c}, {1, d}])]),
    io:format("rkeymerge: ~w~n", [lists:rkeymerge(1, [{3, a}, {1, b}], [{2, c}, {1, d}])]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("keysort empty", fun() -> lists:keysort(1, []) end),
    extra_t("keysort single", fun() -> lists:keysort(2, [{a, b}]) end),
    extra_t("ukeysort keeps first", fun() -> lists:ukeysort(1, [{a, 1}, {a, 2}, {b, 3}, {a, 4}]) end),
    extra_t("keysort non-tuple elem", fun() -> lists:keysort(1, [{a}, b]) end),
    ok.
