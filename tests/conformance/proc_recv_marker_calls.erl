-module(proc_recv_marker_calls).
-export([main/0]).

%% A gen_server:call from a process with a long message queue does not scan the queue:
%% the reply's receive starts at the marker bound to the monitor reference
%% (recv_marker_reserve/bind/use), and demonitor(Ref, [flush]) of a monitor that was
%% still active has no 'DOWN' to look for (gen_server_SUITE call_with_huge_message_queue).
main() ->
    Pid = spawn_link(fun echo_loop/0),
    {T1, ok} = timer:tc(fun() -> calls(2000, Pid) end),
    _ = [self() ! {msg, N} || N <- lists:seq(1, 200000)],
    {T2, ok} = timer:tc(fun() -> calls(2000, Pid) end),
    io:format("queue kept ~p~n", [element(2, process_info(self(), message_queue_len))]),
    io:format("not slowed ~p~n", [(T2 + 1) / (T1 + 1) < 20]),
    %% The old messages are still there, in order.
    io:format("first ~p~n", [receive {msg, _} = M -> M end]),
    flush_msgs(),
    %% demonitor flush: a 'DOWN' already delivered is removed; info tells whether the
    %% monitor was active.
    D = spawn(fun() -> receive stop -> exit(normal) end end),
    R1 = monitor(process, D),
    D ! stop,
    receive {'DOWN', R1, process, D, normal} = Down -> self() ! Down end,
    self() ! after_down,
    io:format("inactive ~p~n", [demonitor(R1, [flush, info])]),
    io:format("queue ~p~n", [receive_all()]),
    E = spawn(fun() -> receive stop -> exit(normal) end end),
    R2 = monitor(process, E),
    io:format("active ~p~n", [demonitor(R2, [flush, info])]),
    E ! stop,
    timer:sleep(20),
    io:format("queue ~p~n", [receive_all()]),
    unlink(Pid),
    exit(Pid, kill),
    ok.

calls(0, _) -> ok;
calls(N, Pid) ->
    {ultimate_answer, 42} = gen_server:call(Pid, {ultimate_answer, 42}, infinity),
    calls(N - 1, Pid).

echo_loop() ->
    receive
        {'$gen_call', {Pid, Ref}, Msg} -> Pid ! {Ref, Msg}, echo_loop()
    end.

flush_msgs() ->
    receive {msg, _} -> flush_msgs() after 0 -> ok end.

receive_all() ->
    receive M when is_tuple(M) -> [element(1, M) | receive_all()]; M -> [M | receive_all()] after 0 -> [] end.
