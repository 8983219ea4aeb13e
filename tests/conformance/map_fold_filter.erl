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
    ok.
