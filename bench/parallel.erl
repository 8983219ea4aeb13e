%% parallel: a CPU-bound workload split over 4 independent worker processes
%% (a pure small-int arithmetic loop each, no messages while working); the
%% parent gathers the results. The worker count is fixed, so the check is
%% the same whatever the number of schedulers. bench/run runs it with one
%% and with two schedulers (see bench/parallel.flags) and reports the
%% speedup.
-module(parallel).
-export([main/0]).

-define(WORKERS, 4).
-define(ITERS, 3000000).

main() ->
    _ = run(?WORKERS, 10000),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?WORKERS, ?ITERS),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench parallel ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(Workers, Iters) ->
    Parent = self(),
    Pids = [spawn(fun() -> Parent ! {self(), loop(Iters, W, 0)} end)
            || W <- lists:seq(1, Workers)],
    %% Gather in spawn order, so the check is independent of finishing order.
    lists:foldl(fun(P, Acc) ->
                        receive {P, R} -> (Acc * 1000003 + R) band 16#FFFFFFFFFFFF end
                end, 0, Pids).

%% A tail-recursive LCG-style loop on small ints.
loop(0, _X, Acc) -> Acc;
loop(N, X, Acc) ->
    X1 = (X * 1103515245 + 12345) band 16#7FFFFFFF,
    loop(N - 1, X1, (Acc + (X1 bsr 7) rem 1000) band 16#FFFFFFF).
