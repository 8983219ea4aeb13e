-module(proc_suspend).
-export([main/0]).

%% erlang:suspend_process/1,2 and resume_process/1: counts per suspender, unless_suspending,
%% asynchronous replies, errors, a suspended process still handling signals (kill, queued
%% messages), the suspender's exit resuming, and a busy process on another scheduler
%% stopping.
t(F) -> try F() catch C:E -> {C, E} end.
flush() -> receive M -> [M | flush()] after 0 -> [] end.
counter(N) -> receive {get, P} -> P ! {count, N}, counter(N) after 0 -> counter(N + 1) end.
main() ->
    P = spawn(fun() -> counter(0) end),
    io:format("~p~n", [erlang:suspend_process(P)]),
    io:format("status ~p~n", [process_info(P, status)]),
    io:format("~p~n", [erlang:suspend_process(P, [unless_suspending])]),
    io:format("~p~n", [erlang:suspend_process(P)]),
    io:format("~p~n", [erlang:resume_process(P)]),
    io:format("status ~p~n", [process_info(P, status)]),
    io:format("~p~n", [erlang:resume_process(P)]),
    io:format("status ~p~n", [process_info(P, status)]),
    io:format("~p~n", [t(fun() -> erlang:resume_process(P) end)]),
    io:format("~p~n", [t(fun() -> erlang:suspend_process(self()) end)]),
    io:format("~p~n", [t(fun() -> erlang:suspend_process(P, [bad]) end)]),
    io:format("~p~n", [t(fun() -> erlang:suspend_process(x) end)]),
    D = spawn(fun() -> ok end), timer:sleep(10),
    io:format("dead ~p~n", [t(fun() -> erlang:suspend_process(D) end)]),
    io:format("dead async ~p~n", [t(fun() -> erlang:suspend_process(D, [asynchronous]) end)]),
    io:format("dead async tag ~p~n", [t(fun() -> erlang:suspend_process(D, [{asynchronous, tg}]) end)]),
    timer:sleep(10), io:format("flush ~p~n", [flush()]),
    io:format("async ~p~n", [erlang:suspend_process(P, [{asynchronous, mytag}])]),
    receive {mytag, R} -> io:format("async reply ~p~n", [R]) end,
    P ! {get, self()},
    timer:sleep(20),
    io:format("suspended gets no reply: ~p~n", [flush()]),
    io:format("info while suspended ~p~n", [process_info(P, [status, message_queue_len])]),
    true = erlang:resume_process(P),
    receive {count, _} -> io:format("reply after resume~n") end,
    erlang:suspend_process(P),
    exit(P, kill), timer:sleep(10),
    io:format("killed while suspended: alive ~p~n", [is_process_alive(P)]),
    io:format("resume dead ~p~n", [t(fun() -> erlang:resume_process(P) end)]),
    %% suspender dies: the suspension ends
    Q = spawn(fun() -> counter(0) end),
    S = spawn(fun() -> erlang:suspend_process(Q), receive go -> ok end end),
    timer:sleep(10),
    io:format("q ~p~n", [process_info(Q, status)]),
    S ! go, timer:sleep(10),
    io:format("q after suspender exit ~p~n", [process_info(Q, status)]),
    exit(Q, kill),
    %% waiting process suspended
    W = spawn(fun() -> receive X -> io:format("w got ~p~n", [X]) end end),
    timer:sleep(5),
    erlang:suspend_process(W),
    io:format("w ~p~n", [process_info(W, status)]),
    W ! hello, timer:sleep(10),
    io:format("w ~p~n", [process_info(W, [status, message_queue_len])]),
    erlang:resume_process(W), timer:sleep(10),
    io:format("w alive ~p~n", [is_process_alive(W)]),
    %% A busy process (on any scheduler) stops running once suspended.
    B = spawn(fun() -> counter(0) end),
    timer:sleep(5),
    true = erlang:suspend_process(B),
    timer:sleep(5),
    {reductions, R1} = process_info(B, reductions),
    timer:sleep(20),
    {reductions, R2} = process_info(B, reductions),
    io:format("busy stopped: ~p~n", [R1 =:= R2]),
    %% Two suspenders: both must resume.
    S2 = spawn(fun() -> erlang:suspend_process(B), receive go -> erlang:resume_process(B), receive stop -> ok end end end),
    timer:sleep(10),
    true = erlang:resume_process(B),
    timer:sleep(10),
    io:format("one of two resumed: ~p~n", [process_info(B, status)]),
    S2 ! go, timer:sleep(10),
    {reductions, R3} = process_info(B, reductions),
    timer:sleep(10),
    {reductions, R4} = process_info(B, reductions),
    io:format("both resumed: runs again ~p~n", [R4 > R3]),
    exit(B, kill), S2 ! stop.
