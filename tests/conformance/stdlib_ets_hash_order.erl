-module(stdlib_ets_hash_order).
-export([main/0]).
keys(T) -> keys(T, ets:first(T)).
keys(_, '$end_of_table') -> [];
keys(T, K) -> [K | keys(T, ets:next(T, K))].
h(L) -> erlang:phash2(L).
nc({L, C}) when is_tuple(C) -> {L, cont};
nc(X) -> X.
main() ->
    Opts = [[set], [bag], [duplicate_bag], [set, {write_concurrency, true}], [set, {write_concurrency, auto}],
            [bag, public, {write_concurrency, true}], [set, {write_concurrency, true}, {decentralized_counters, true}]],
    Keysets = [lists:seq(1, 300), lists:seq(1, 5000), [list_to_atom("a" ++ integer_to_list(I)) || I <- lists:seq(1, 700)],
               [{I, integer_to_list(I)} || I <- lists:seq(1, 1000)], [float(I) || I <- lists:seq(1, 400)],
               [integer_to_binary(I) || I <- lists:seq(1, 600)], [-I * 1000000000000000000000 || I <- lists:seq(1, 300)]],
    [begin
         T = ets:new(t, O),
         [ets:insert(T, {K, x}) || K <- Ks],
         L1 = ets:tab2list(T),
         K1 = keys(T),
         io:format("~p ~p: ~p ~p ~p~n", [O, length(Ks), h(L1), h(K1), lists:sublist(K1, 8)]),
         %% delete 3/4 and see order after shrinking
         [ets:delete(T, K) || {I, K} <- lists:zip(lists:seq(1, length(Ks)), Ks), I rem 4 =/= 0],
         io:format("  after delete: ~p ~p ~p~n", [h(ets:tab2list(T)), lists:sublist(keys(T), 8), ets:info(T, size)]),
         io:format("  slot5: ~p~n", [ets:slot(T, 5)]),
         io:format("  select: ~p~n", [h(ets:select(T, [{{'$1', '_'}, [], ['$1']}]))]),
         ets:delete(T)
     end || O <- Opts, Ks <- Keysets],
    B = ets:new(b, [bag]),
    [ets:insert(B, {K rem 7, K}) || K <- lists:seq(1, 100)],
    io:format("bag: ~p~n", [ets:tab2list(B)]),
    ets:insert(B, [{K rem 5, K} || K <- lists:seq(1, 30)]),
    io:format("bag2: ~p~n", [ets:lookup(B, 3)]),
    ets:delete_object(B, {3, 10}),
    io:format("bag3: ~p~n", [ets:lookup(B, 3)]),
    io:format("bag4: ~p~n", [ets:select(B, [{{3, '$1'}, [], ['$1']}])]),
    io:format("bag5: ~p~n", [nc(ets:select(B, [{{3, '$1'}, [], ['$1']}], 4))]),
    {R1, C1} = ets:select(B, [{{'_', '$1'}, [], ['$1']}], 7),
    {R2, C2} = ets:select(C1),
    {R3, _C3} = ets:select(C2),
    io:format("chunks: ~p ~p ~p~n", [R1, R2, R3]),
    D = ets:new(d, [duplicate_bag]),
    [ets:insert(D, {K rem 3, K rem 2}) || K <- lists:seq(1, 20)],
    io:format("dbag: ~p~n", [ets:tab2list(D)]),
    ets:delete_object(D, {1, 1}),
    io:format("dbag2: ~p~n", [ets:tab2list(D)]),
    ok.
