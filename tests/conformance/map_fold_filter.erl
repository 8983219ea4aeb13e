-module(map_fold_filter).
-export([main/0]).

main() ->
    M = #{a => 1, b => 2, c => 3, d => 4},
    io:format("fold sum: ~w~n", [maps:fold(fun(_, V, A) -> V + A end, 0, M)]),
    io:format("fold list: ~w~n", [maps:fold(fun(K, V, A) -> [{K, V} | A] end, [], M)]),
    io:format("map: ~w~n", [maps:map(fun(K, V) -> {K, V * 10} end, M)]),
    io:format("filter: ~w~n", [maps:filter(fun(_, V) -> V rem 2 =:= 0 end, M)]),
    io:format("filtermap: ~w~n", [maps:filtermap(fun(a, _) -> false; (b, V) -> {true, V * 100}; (_, _) -> true end, M)]),
    io:format("foreach: "), maps:foreach(fun(K, V) -> io:format("~w=~w ", [K, V]) end, M), io:format("~n"),
    L = maps:from_list([{K, K} || K <- lists:seq(1, 45)]),
    io:format("large fold list: ~w~n", [maps:fold(fun(K, _, A) -> [K | A] end, [], L)]),
    io:format("large map: ~w~n", [maps:map(fun(_, V) -> V * V end, L)]),
    io:format("large filter: ~w~n", [maps:filter(fun(K, _) -> K rem 3 =:= 0 end, L)]),
    io:format("large filter keys: ~w~n", [maps:keys(maps:filter(fun(K, _) -> K > 5 end, L))]),
    io:format("groups_from_list: ~w~n", [maps:groups_from_list(fun(X) -> X rem 3 end, lists:seq(1, 10))]),
    io:format("groups_from_list/3: ~w~n", [maps:groups_from_list(fun(X) -> X rem 2 end, fun(X) -> X * X end, lists:seq(1, 7))]),
    io:format("fold bad: ~p~n", [try maps:fold(fun(_, _, A) -> A end, 0, notmap) catch C:E -> {C, E} end]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("fold on large order", fun() -> maps:fold(fun(K, _, A) -> [K | A] end, [], maps:from_list([{I * 3, x} || I <- lists:seq(1, 40)])) end),
    extra_t("map preserves keys", fun() -> maps:keys(maps:map(fun(_, V) -> V end, maps:from_list([{I, I} || I <- lists:seq(1, 40)]))) end),
    extra_t("filter all out", fun() -> maps:filter(fun(_, _) -> false end, #{a => 1, b => 2}) end),
    extra_t("filter keep all large", fun() -> map_size(maps:filter(fun(_, _) -> true end, maps:from_list([{I, I} || I <- lists:seq(1, 100)]))) end),
    extra_t("filter bad fun", fun() -> maps:filter(fun(_) -> true end, #{a => 1}) end),
    extra_t("map bad map", fun() -> maps:map(fun(_, V) -> V end, extra_id([])) end),
    extra_t("fold with iterator", fun() -> maps:fold(fun(K, V, A) -> A + K * V end, 0, maps:iterator(#{1 => 2, 3 => 4})) end),
    extra_t("filtermap large", fun() -> maps:keys(maps:filtermap(fun(K, V) -> K rem 10 =:= 0 andalso {true, V * 2} end, maps:from_list([{I, I} || I <- lists:seq(1, 100)]))) end),
    extra_t("foreach order large", fun() -> put(acc, []), maps:foreach(fun(K, _) -> put(acc, [K | get(acc)]) end, maps:from_list([{I, I} || I <- lists:seq(1, 35)])), lists:reverse(erase(acc)) end),
    extra_t("fold values sum", fun() -> maps:fold(fun(_, V, A) -> V + A end, 0, maps:from_list([{I, I} || I <- lists:seq(1, 1000)])) end),
    extra_t("groups_from_list strings", fun() -> maps:groups_from_list(fun erlang:length/1, ["a", "bb", "c", "dd", "eee"]) end),
    ok.
