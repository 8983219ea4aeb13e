-module(list_zip).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    t("zip", fun() -> lists:zip([1, 2, 3], [a, b, c]) end),
    t("zip empty", fun() -> lists:zip([], []) end),
    t("zip uneven", fun() -> lists:zip([1, 2], [a]) end),
    t("zip3", fun() -> lists:zip3([1, 2], [a, b], ["x", "y"]) end),
    t("zip3 uneven", fun() -> lists:zip3([1], [a, b], [c]) end),
    t("zipwith", fun() -> lists:zipwith(fun(A, B) -> A * B end, [1, 2, 3], [4, 5, 6]) end),
    t("zipwith3", fun() -> lists:zipwith3(fun(A, B, C) -> A + B + C end, [1, 2], [3, 4], [5, 6]) end),
    t("unzip", fun() -> lists:unzip([{1, a}, {2, b}, {3, c}]) end),
    t("unzip empty", fun() -> lists:unzip([]) end),
    t("unzip3", fun() -> lists:unzip3([{1, a, x}, {2, b, y}]) end),
    t("unzip bad", fun() -> lists:unzip([{1, a}, {2}]) end),
    t("zip/unzip roundtrip", fun() -> {A, B} = lists:unzip(lists:zip(lists:seq(1, 5), "abcde")), {A, B} end),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("zip big", fun() -> length(lists:zip(lists:seq(1, 10000), lists:seq(1, 10000))) end),
    extra_t("zipwith uneven", fun() -> lists:zipwith(fun(A, B) -> A + B end, [1, 2], [3]) end),
    extra_t("unzip3 empty", fun() -> lists:unzip3([]) end),
    extra_t("zip strings", fun() -> lists:zip("abc", "xyz") end),
    extra_t("zipwith3 tuples", fun() -> lists:zipwith3(fun(A, B, C) -> {C, B, A} end, [1], [2], [3]) end),
    extra_t("unzip non-pairs", fun() -> lists:unzip([{1, 2, 3}]) end),
    extra_t("zip improper", fun() -> lists:zip(extra_id([1 | 2]), [a | b]) end),
    extra_t("zipwith bad fun", fun() -> lists:zipwith(extra_id(nofun), [1], [2]) end),
    extra_t("zip of zips", fun() -> lists:zip(lists:zip([1, 2], [a, b]), ["x", "y"]) end),
    extra_t("unzip of zip3", fun() -> lists:unzip3(lists:zip3([1], [2], [3])) end),
    ok.
