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
    ok.
