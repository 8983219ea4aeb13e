-module(gc_large_live_set).
-export([main/0]).

%% A large live set (list, map, tuples, binaries) kept across many garbage
%% collections caused by short-lived allocation.

churn(0, Acc) -> Acc;
churn(N, Acc) ->
    Tmp = [{N, I} || I <- lists:seq(1, 100)],
    churn(N - 1, Acc + length(Tmp)).

main() ->
    L = lists:seq(1, 300000),
    M = maps:from_list([{I, integer_to_list(I)} || I <- lists:seq(1, 50000)]),
    T = list_to_tuple([{I, <<I:32>>} || I <- lists:seq(1, 20000)]),
    Bins = [binary:copy(<<I:8>>, 200) || I <- lists:seq(1, 2000)],
    C = churn(20000, 0),
    io:format("churned: ~p~n", [C]),
    io:format("list intact: ~p ~p~n", [length(L), lists:sum(L)]),
    io:format("map intact: ~p ~p~n", [map_size(M), maps:get(49999, M)]),
    io:format("tuple intact: ~p ~p~n", [tuple_size(T), element(12345, T)]),
    io:format("bins intact: ~p ~p~n", [length(Bins), lists:sum([binary:last(B) || B <- Bins])]),
    erlang:garbage_collect(),
    io:format("after explicit gc: ~p ~p~n", [lists:last(L), maps:get(1, M)]),
    M2 = maps:map(fun(K, V) -> {K, length(V)} end, M),
    io:format("map rebuilt: ~p~n", [maps:get(50000, M2)]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("live deep structure", fun() -> D = lists:foldl(fun(I, A) -> {I, A} end, nil, lists:seq(1, 100000)), erlang:garbage_collect(), element(1, D) end),
    extra_t("live binary list", fun() -> L = [<<I:64>> || I <- lists:seq(1, 100000)], erlang:garbage_collect(), length(L) end),
    extra_t("message heap data", fun() -> self() ! {big, lists:seq(1, 100000)}, erlang:garbage_collect(), receive {big, L} -> lists:sum(L) end end),
    ok.
