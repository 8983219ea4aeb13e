-module(list_flatten).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

nest(0) -> [x];
nest(N) -> [N, nest(N - 1), [N]].

main() ->
    t("flatten", fun() -> lists:flatten([1, [2, [3, [4]], 5], [], [[[]]], 6]) end),
    t("flatten/2", fun() -> lists:flatten([a, [b]], [c, [d]]) end),
    t("flatten string", fun() -> lists:flatten(["ab", [$c, "de"], []]) end),
    t("flatten tuples kept", fun() -> lists:flatten([{a, [b]}, [{c}]]) end),
    t("flatten deep", fun() -> lists:flatten(nest(10)) end),
    t("flatlength", fun() -> lists:flatlength(nest(10)) end),
    t("flatten empty", fun() -> lists:flatten([[], [[], []]]) end),
    t("flatten improper", fun() -> lists:flatten([1 | 2]) end),
    t("deep big", fun() -> length(lists:flatten(lists:duplicate(1000, [1, [2, [3]]]))) end),
    t("append nested", fun() -> lists:append([[1, [2]], [[3]]]) end),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("flatten binaries kept", fun() -> lists:flatten([<<"a">>, [<<"b">>]]) end),
    extra_t("flatten maps kept", fun() -> lists:flatten([#{a => [1]}, [[#{}]]]) end),
    extra_t("flatlength empty", fun() -> lists:flatlength([[], [[]]]) end),
    extra_t("flatten/2 tail improper", fun() -> lists:flatten([a], extra_id(b)) end),
    extra_t("flatten very deep", fun() -> length(lists:flatten(lists:foldl(fun(I, A) -> [I, A] end, [], lists:seq(1, 100000)))) end),
    extra_t("flatlength deep", fun() -> lists:flatlength(lists:foldl(fun(I, A) -> [A, I] end, [], lists:seq(1, 1000))) end),
    extra_t("flatten strings", fun() -> lists:flatten(["abc", [[$d]], [[[]]], "e"]) end),
    extra_t("flatten of tuples with lists", fun() -> lists:flatten([{[1]}, [[{[2]}]]]) end),
    ok.
