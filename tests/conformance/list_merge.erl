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
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("merge big", fun() -> length(lists:merge(lists:seq(1, 10000, 2), lists:seq(2, 10000, 2))) end),
    extra_t("merge big sorted", fun() -> lists:merge(lists:seq(1, 100, 2), lists:seq(2, 100, 2)) =:= lists:seq(1, 100) end),
    extra_t("merge/1 many", fun() -> lists:merge([[I, I + 10] || I <- lists:seq(1, 5)]) end),
    extra_t("merge equal elements order", fun() -> lists:merge([{1, a}], [{1, a}]) end),
    extra_t("umerge equal elements", fun() -> lists:umerge([1, 2, 3], [1, 2, 3]) end),
    extra_t("merge/3 custom order", fun() -> lists:merge(fun({_, A}, {_, B}) -> A =< B end, [{x, 1}, {y, 3}], [{z, 2}, {w, 3}]) end),
    extra_t("umerge/3 custom", fun() -> lists:umerge(fun({A, _}, {B, _}) -> A =< B end, [{1, x}, {2, y}], [{1, z}, {3, w}]) end),
    extra_t("rmerge/3", fun() -> lists:rmerge(fun(A, B) -> A =< B end, [1, 3], [2, 4]) end),
    extra_t("rumerge/3", fun() -> lists:rumerge(fun(A, B) -> A =< B end, [1, 3], [2, 3]) end),
    extra_t("merge non-list", fun() -> lists:merge(extra_id(a), [1]) end),
    extra_t("merge3 empty", fun() -> lists:merge3([], [], [1]) end),
    extra_t("rmerge3", fun() -> lists:rmerge3([5, 2], [4, 1], [3, 0]) end),
    extra_t("rumerge3", fun() -> lists:rumerge3([5, 2], [5, 1], [3, 2]) end),
    extra_t("umerge3 dup across", fun() -> lists:umerge3([1, 5], [1, 5], [1, 5]) end),
    ok.
