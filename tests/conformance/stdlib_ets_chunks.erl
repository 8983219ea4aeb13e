-module(stdlib_ets_chunks).
-export([main/0]).
c(F) -> case catch F() of {'EXIT',{E,[{_,_,_,[{error_info,I}]}|_]}} -> {E,I}; {'EXIT', E} -> {exit, E}; V -> V end.
drain('$end_of_table', Acc) -> lists:reverse(Acc);
drain({L, Cont}, Acc) -> drain(case Cont of '$end_of_table' -> '$end_of_table'; _ -> ets:select(Cont) end, [{length(L), L} | Acc]).
drainr('$end_of_table', Acc) -> lists:reverse(Acc);
drainr({L, Cont}, Acc) -> drainr(case Cont of '$end_of_table' -> '$end_of_table'; _ -> ets:select_reverse(Cont) end, [{length(L), L} | Acc]).
drainm('$end_of_table', Acc) -> lists:reverse(Acc);
drainm({L, Cont}, Acc) -> drainm(case Cont of '$end_of_table' -> '$end_of_table'; _ -> ets:match_object(Cont) end, [length(L) | Acc]).
nc({L, C}) when is_tuple(C) -> {L, cont};
nc(X) -> X.
main() ->
    [begin
         T = ets:new(t, [Ty]),
         [ets:insert(T, {K rem 37, K}) || K <- lists:seq(1, 200)],
         MS = [{{'$1', '$2'}, [{'<', '$2', 150}], [{{'$2', '$1'}}]}],
         [io:format("~p ~p: ~p~n", [Ty, N, erlang:phash2(drain(ets:select(T, MS, N), []))]) || N <- [1, 2, 3, 7, 50, 1000]],
         io:format("~p rev: ~p~n", [Ty, erlang:phash2(drainr(ets:select_reverse(T, MS, 5), []))]),
         io:format("~p match: ~p~n", [Ty, drainm(ets:match_object(T, {'_', '_'}, 13), [])]),
         io:format("~p bound: ~p~n", [Ty, drain(ets:select(T, [{{5, '$1'}, [], ['$1']}, {{6, '$1'}, [], ['$1']}], 3), [])]),
         io:format("~p nomatch: ~p~n", [Ty, ets:select(T, [{{a, b, c}, [], ['$_']}], 3)]),
         io:format("~p empty: ~p~n", [Ty, ets:select(ets:new(e, [Ty]), [{'_', [], ['$_']}], 3)]),
         {_, Cont} = ets:select(T, [{'_',[],['$_']}], 4),
         ets:insert(T, {1000, 1}),
         io:format("~p after insert: ~p~n", [Ty, nc(ets:select(Cont))]),
         io:format("~p bad cont: ~p~n", [Ty, c(fun() -> ets:select({T, a, b}) end)]),
         io:format("~p bad cont2: ~p~n", [Ty, c(fun() -> ets:select(setelement(4, Cont, make_ref())) end)]),
         io:format("~p bad cont3: ~p~n", [Ty, c(fun() -> ets:select(foo) end)]),
         io:format("~p repair: ~p~n", [Ty, ets:select(ets:repair_continuation(Cont, [{'_',[],['$_']}])) =:= ets:select(Cont)]),
         ets:delete(T),
         io:format("~p deleted cont: ~p~n", [Ty, c(fun() -> ets:select(Cont) end)])
     end || Ty <- [set, ordered_set, bag, duplicate_bag]],
    ok.
