%% map_large: a large (hash-trie) map. Inserts 100k scrambled integer keys
%% with maps:put, looks every key up (maps:get, maps:find, is_key, pattern
%% match), updates every key with the := syntax and maps:update_with,
%% removes half of the keys and folds over the result.
-module(map_large).
-export([main/0]).

-define(KEYS, 100000).
-define(REPS, 3).

main() ->
    _ = run(1, 1000),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?REPS, ?KEYS),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench map_large ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(Reps, N) -> run(Reps, N, 0).

run(0, _N, Acc) -> Acc;
run(Reps, N, Acc) ->
    Keys = keys(N, Reps + 12345, []),
    M1 = insert(Keys, 0, #{}),
    Sz1 = map_size(M1),
    L = lookup(Keys, M1, 0),
    M2 = update(Keys, M1),
    M3 = lists:foldl(fun(K, M) -> maps:update_with(K, fun(V) -> V * 2 end, M) end,
                     M2, Keys),
    M4 = remove(Keys, M3),
    Miss = misses(N, M4, 0),
    %% order-independent checksum (iteration order is implementation-defined)
    S = maps:fold(fun(K, V, A) -> (A + (K bxor V)) band 16#FFFFFFF end, 0, M4),
    run(Reps - 1, N, (Acc + Sz1 + map_size(M4) + L + Miss + S) band 16#FFFFFFFFF).

%% distinct keys: Park-Miller outputs are distinct within one period
keys(0, _X, Acc) -> Acc;
keys(N, X, Acc) ->
    X1 = (X * 48271) rem 2147483647,
    keys(N - 1, X1, [X1 | Acc]).

insert([], _I, M) -> M;
insert([K | T], I, M) -> insert(T, I + 1, maps:put(K, I, M)).

lookup([], _M, Acc) -> Acc;
lookup([K | T], M, Acc) ->
    V1 = maps:get(K, M),
    {ok, V2} = maps:find(K, M),
    true = maps:is_key(K, M),
    #{K := V3} = M,
    lookup(T, M, (Acc + V1 + V2 + V3) band 16#FFFFFFF).

update([], M) -> M;
update([K | T], M) ->
    #{K := V} = M,
    update(T, M#{K := V + K rem 1000}).

remove([], M) -> M;
remove([K1, K2 | T], M) -> remove(T, maps:remove(K1, M#{K2 := 0}));
remove([K], M) -> maps:remove(K, M).

%% keys below 1000 are (almost surely) absent
misses(0, _M, Acc) -> Acc;
misses(N, M, Acc) ->
    V = maps:get(N rem 1000, M, 1),
    misses(N - 1, M, Acc + V).
