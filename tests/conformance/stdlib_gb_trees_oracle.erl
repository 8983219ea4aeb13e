-module(stdlib_gb_trees_oracle).
-export([main/0]).

%% Random operations applied to gb_trees, orddict and maps; results compared.

next(S) -> (S * 1103515245 + 12345) rem 2147483648.

run(0, _, T, O, M, Log) -> {T, O, M, lists:reverse(Log)};
run(N, S, T, O, M, Log) ->
    S1 = next(S),
    K = S1 rem 200,
    case (S1 div 200) rem 3 of
        0 -> run(N - 1, S1, gb_trees:enter(K, N, T), orddict:store(K, N, O), M#{K => N}, Log);
        1 -> run(N - 1, S1, gb_trees:delete_any(K, T), orddict:erase(K, O), maps:remove(K, M), Log);
        2 -> L = {gb_trees:lookup(K, T), orddict:find(K, O), maps:find(K, M)},
             run(N - 1, S1, T, O, M, [L | Log])
    end.

main() ->
    {T, O, M, Log} = run(5000, 1, gb_trees:empty(), orddict:new(), #{}, []),
    io:format("sizes: ~p ~p ~p~n", [gb_trees:size(T), length(O), map_size(M)]),
    io:format("same content: ~p ~p~n", [gb_trees:to_list(T) =:= O, lists:sort(maps:to_list(M)) =:= O]),
    Agree = lists:all(fun({{value, V}, {ok, V}, {ok, V}}) -> true; ({none, error, error}) -> true; (_) -> false end, Log),
    io:format("lookups: ~p agree: ~p~n", [length(Log), Agree]),
    io:format("first 10 lookups: ~p~n", [lists:sublist(Log, 10)]),
    io:format("smallest/largest: ~p ~p~n", [gb_trees:smallest(T), gb_trees:largest(T)]),
    io:format("keys head: ~p~n", [lists:sublist(gb_trees:keys(T), 15)]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("from_orddict", fun() -> gb_trees:to_list(gb_trees:from_orddict([{1, a}, {2, b}, {3, c}])) end),
    extra_t("from_orddict raw", fun() -> gb_trees:from_orddict([{1, a}, {2, b}, {3, c}]) end),
    ok.
