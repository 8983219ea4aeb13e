-module(gc_heavy_loop).
-export([main/0]).

%% Allocates a large amount of short-lived data (about 2 GB in total over the
%% run) while keeping only a small live set, to exercise the garbage collector.

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, [{N, N + 1} | Acc]).

churn(0, Sum) -> Sum;
churn(Rounds, Sum) ->
    L = build(1000, []),
    S = sum_pairs(L, 0),
    churn(Rounds - 1, (Sum + S) rem 1000000007).

sum_pairs([], A) -> A;
sum_pairs([{X, Y} | T], A) -> sum_pairs(T, A + X * Y).

main() ->
    %% each round: 1000 cons cells (16 B) + 1000 3-word tuples (24 B) = ~40 KB
    R = churn(50000, 0),
    io:format("churn result: ~p~n", [R]),
    Live = build(10000, []),
    R2 = lists:foldl(fun(I, Acc) ->
                             Tmp = lists:map(fun({A, B}) -> {B, A, I} end, lists:sublist(Live, 200)),
                             Acc + length(Tmp)
                     end, 0, lists:seq(1, 2000)),
    io:format("with live set: ~p ~p~n", [R2, length(Live)]),
    io:format("live set intact: ~p~n", [lists:last(Live)]),
    ok.
