%% ring: a ring of 10,000 processes (main is one of them) passing a token
%% around 100 times -- 1,000,000 messages in total. Measures spawn, send and
%% receive of small messages and process switching. The token is transformed
%% by every process it passes, so the check value depends on every hop
%% happening exactly once, in ring order.
-module(ring).
-export([main/0]).

-define(PROCS, 10000).
-define(ROUNDS, 100).

main() ->
    _ = run(500, 10),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?PROCS, ?ROUNDS),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench ring ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

%% Build the ring, send the token around Rounds times, then send `stop`
%% around once so that every other process has exited when this returns.
run(Procs, Rounds) ->
    First = build(Procs - 1, self()),
    T = rounds(Rounds, First, 1),
    First ! stop,
    receive stop -> ok end,
    T.

%% Nodes Procs-1 .. 1; node 1 is the one main sends to; the last node sends
%% back to main (node 0).
build(0, Next) -> Next;
build(I, Next) ->
    P = spawn(fun() -> node(I, Next) end),
    build(I - 1, P).

node(I, Next) ->
    receive
        {t, T} ->
            Next ! {t, step(T, I)},
            node(I, Next);
        stop ->
            Next ! stop
    end.

rounds(0, _First, T) -> T;
rounds(N, First, T) ->
    First ! {t, T},
    receive
        {t, T1} -> rounds(N - 1, First, step(T1, 0))
    end.

step(T, I) -> (T * 31 + I + 1) band 16#FFFFFF.
