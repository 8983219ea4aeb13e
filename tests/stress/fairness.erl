%% fairness: meant to run with ONE scheduler (`erl +S 1`, `enigma run +S 1`).
%% Two processes busy-loop forever (tail-recursive arithmetic, no receive), and
%% a third calls BIFs over a 100,000-element list forever (each call must cost
%% reductions in proportion to its work, or one time slice of it lasts seconds).
%% While they spin, main (1) waits for a worker process that computes
%% fib(25), (2) sleeps on a timer, (3) plays ping-pong with another process
%% and (4) computes in main itself. None of that can finish unless the
%% spinners are preempted. Finally the spinners are killed with
%% exit(Pid, kill). A VM without preemption hangs after "start".
-module(fairness).
-export([main/0]).

main() ->
    io:format("start~n"),
    Big = lists:seq(1, 100000),
    Spinners = [spawn(fun() -> spin(I) end) || I <- [1, 2]]
        ++ [spawn(fun() -> bif_spin(Big) end)],
    Self = self(),
    %% 1. work in another process
    _ = spawn(fun() -> Self ! {fib, fib(25)} end),
    receive {fib, F} -> io:format("worker fib(25) = ~b~n", [F]) end,
    %% 2. a timer
    receive after 50 -> ok end,
    io:format("timer fired~n"),
    %% 3. ping-pong
    Echo = spawn(fun echo/0),
    io:format("ping-pong ~b~n", [ping(Echo, 1000, 0)]),
    Echo ! stop,
    %% 4. work in main itself
    io:format("main fib(24) = ~b~n", [fib(24)]),
    io:format("spinners alive: ~p~n", [[is_process_alive(P) || P <- Spinners]]),
    io:format("fair~n"),
    Reasons = [kill(P) || P <- Spinners],
    io:format("spinners killed: ~p~n", [Reasons]),
    io:format("spinners alive: ~p~n", [[is_process_alive(P) || P <- Spinners]]),
    io:format("done~n").

%% Busy loop forever: only calls and arithmetic, never waits.
spin(X) -> spin((X * 1103515245 + 12345) band 16#7FFFFFFF).

%% Busy loop forever on long BIF calls.
bif_spin(L) ->
    _ = length(L),
    _ = lists:reverse(L),
    _ = lists:member(x, L),
    bif_spin(L).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

echo() ->
    receive
        {ping, From, N} -> From ! {pong, N + 1}, echo();
        stop -> ok
    end.

ping(_Echo, 0, Acc) -> Acc;
ping(Echo, K, Acc) ->
    Echo ! {ping, self(), K},
    receive {pong, R} -> ping(Echo, K - 1, Acc + R) end.

kill(P) ->
    Ref = monitor(process, P),
    exit(P, kill),
    receive {'DOWN', Ref, process, P, Reason} -> Reason end.
