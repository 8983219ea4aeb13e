%% fib: naive doubly-recursive Fibonacci -- non-tail calls and small-int
%% arithmetic. Computes fib(27) repeatedly.
-module(fib).
-export([main/0]).

-define(N, 27).
-define(REPS, 300).

main() ->
    _ = run(2, 20),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?REPS, ?N),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench fib ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(Reps, N) -> run(Reps, N, 0).

run(0, _N, Acc) -> Acc;
run(Reps, N, Acc) -> run(Reps - 1, N, Acc + fib(N)).

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).
