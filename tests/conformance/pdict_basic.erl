-module(pdict_basic).
-export([main/0]).

main() ->
    io:format("get undefined: ~p~n", [get(nokey)]),
    io:format("put new: ~p~n", [put(k1, v1)]),
    io:format("put replace: ~p~n", [put(k1, v2)]),
    io:format("get: ~p~n", [get(k1)]),
    put({tuple, key}, [1, 2]),
    put("string key", 3.5),
    put(42, <<"bin">>),
    io:format("get tuple key: ~p~n", [get({tuple, key})]),
    io:format("get string key: ~p~n", [get("string key")]),
    io:format("get int key: ~p~n", [get(42)]),
    io:format("get/0 sorted: ~p~n", [lists:sort([P || P = {K, _} <- get(), is_mine(K)])]),
    io:format("get_keys sorted: ~p~n", [lists:sort([K || K <- get_keys(), is_mine(K)])]),
    put(other, v2),
    io:format("get_keys(v2): ~p~n", [lists:sort(get_keys(v2))]),
    io:format("erase: ~p~n", [erase(k1)]),
    io:format("erase again: ~p~n", [erase(k1)]),
    io:format("get after erase: ~p~n", [get(k1)]),
    lists:foreach(fun(I) -> put({n, I}, I * I) end, lists:seq(1, 100)),
    io:format("sum of 100: ~p~n", [lists:sum([get({n, I}) || I <- lists:seq(1, 100)])]),
    io:format("count keys n: ~p~n", [length([K || {n, _} = K <- get_keys()])]),
    lists:foreach(fun(I) -> erase({n, I}) end, lists:seq(1, 100, 2)),
    io:format("after erasing odds: ~p~n", [length([K || {n, _} = K <- get_keys()])]),
    Counter = fun(K) -> put(K, case get(K) of undefined -> 1; N -> N + 1 end) end,
    [Counter(X) || X <- [a, b, a, c, a, b]],
    io:format("counters: ~p~n", [[{X, get(X)} || X <- [a, b, c]]]),
    io:format("erase/0 returns all mine: ~p~n", [length([x || {K, _} <- erase(), is_mine(K)]) > 0]),
    io:format("after erase/0: ~p ~p~n", [get(a), [K || K <- get_keys(), is_mine(K)]]),
    io:format("in spawned process: ~p~n", [run_in_child()]),
    ok.

is_mine(K) -> not (is_atom(K) andalso lists:prefix("$", atom_to_list(K))).

run_in_child() ->
    Parent = self(),
    put(parent_only, yes),
    spawn(fun() -> Parent ! {child, get(parent_only), put(c, 1), get(c)} end),
    receive {child, A, B, C} -> {A, B, C} after 5000 -> timeout end.
