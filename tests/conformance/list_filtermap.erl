-module(list_filtermap).
-export([main/0]).

main() ->
    L = lists:seq(1, 12),
    F = fun(X) when X rem 3 =:= 0 -> {true, X * 10};
           (X) when X rem 4 =:= 0 -> true;
           (_) -> false end,
    io:format("filtermap: ~w~n", [lists:filtermap(F, L)]),
    io:format("filtermap empty: ~w~n", [lists:filtermap(F, [])]),
    io:format("filtermap strings: ~p~n",
              [lists:filtermap(fun("x" ++ R) -> {true, R}; (_) -> false end, ["xa", "b", "xyz", "x"])]),
    io:format("filter: ~w~n", [lists:filter(fun(X) -> X > 6 end, L)]),
    io:format("comprehension eq: ~w~n", [[X * 10 || X <- L, X rem 3 =:= 0]]),
    io:format("zf alias: ~w~n", [lists:zf(fun(X) -> X > 10 end, L)]),
    Bad = try lists:filtermap(fun(_) -> maybe end, [1]) catch C:E -> {C, E} end,
    io:format("bad return: ~p~n", [Bad]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("filtermap keep all", fun() -> lists:filtermap(fun(_) -> true end, [a, b]) end),
    extra_t("filtermap drop all", fun() -> lists:filtermap(fun(_) -> false end, [a, b]) end),
    extra_t("filtermap transform", fun() -> lists:filtermap(fun(X) when is_integer(X) -> {true, X + 1}; (_) -> false end, [1, a, 2, "b"]) end),
    extra_t("filtermap on strings", fun() -> lists:filtermap(fun([C | _]) when C >= $A, C =< $Z -> {true, string:lowercase([C])}; (_) -> false end, ["Apple", "banana", "Cherry", ""]) end),
    extra_t("filtermap improper", fun() -> lists:filtermap(fun(_) -> true end, extra_id([a | b])) end),
    extra_t("filter bad return", fun() -> lists:filter(fun(_) -> yes end, [1]) end),
    extra_t("filter keeps order", fun() -> lists:filter(fun(X) -> X rem 2 =:= 1 end, lists:seq(20, 1, -1)) end),
    extra_t("filtermap equal to comp", fun() -> lists:filtermap(fun(X) -> X > 3 andalso {true, X * 2} end, lists:seq(1, 6)) =:= [X * 2 || X <- lists:seq(1, 6), X > 3] end),
    extra_t("partition with filtermap", fun() -> {lists:filtermap(fun(X) -> X < 3 end, [1, 2, 3, 4]), lists:filtermap(fun(X) -> X >= 3 end, [1, 2, 3, 4])} end),
    extra_t("zf bad", fun() -> lists:zf(fun(_) -> {true} end, [1]) end),
    extra_t("filtermap big", fun() -> length(lists:filtermap(fun(X) -> X rem 3 =:= 0 andalso {true, X} end, lists:seq(1, 30000))) end),
    extra_t("filtermap nested", fun() -> lists:filtermap(fun(L) -> case lists:filtermap(fun(X) -> X > 1 end, L) of [] -> false; R -> {true, R} end end, [[1], [1, 2], [3, 0]]) end),
    ok.
