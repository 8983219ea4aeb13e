%% spawn_gather: spawn 100,000 short-lived processes; each computes a small
%% sum and sends it to the parent, which gathers all the results. Measures
%% process creation and exit, and receiving from many senders.
-module(spawn_gather).
-export([main/0]).

-define(PROCS, 100000).
-define(REPS, 3).

main() ->
    _ = run(1, 1000),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?REPS, ?PROCS),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench spawn_gather ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(Reps, Procs) -> run(Reps, Procs, 0).

run(0, _Procs, Acc) -> Acc;
run(Reps, Procs, Acc) ->
    Parent = self(),
    spawn_all(Procs, Parent),
    run(Reps - 1, Procs, Acc + gather(Procs, 0)).

spawn_all(0, _Parent) -> ok;
spawn_all(I, Parent) ->
    spawn(fun() -> Parent ! {r, work(I)} end),
    spawn_all(I - 1, Parent).

%% Results arrive in any order; only their sum is used.
gather(0, Acc) -> Acc;
gather(N, Acc) ->
    receive
        {r, R} -> gather(N - 1, Acc + R)
    end.

%% sum of (I*K) rem 1009 for K in 1..20
work(I) -> work(I, 20, 0).

work(_I, 0, Acc) -> Acc;
work(I, K, Acc) -> work(I, K - 1, Acc + (I * K) rem 1009).
