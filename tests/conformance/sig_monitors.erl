-module(sig_monitors).
-export([main/0, exiter/1]).

%% Process monitors: live/dead pids, registered names, demonitor options,
%% several watchers, spawn_monitor, monitor aliases and erlang:alias/unalias.

id(X) -> X.

exiter(R) -> exit(R).

flush() -> receive M -> [M | flush()] after 0 -> [] end.

waiter() -> spawn(fun() -> receive {stop, R} -> exit(R) end end).

dead() ->
    {P, M} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', M, process, P, _} -> P end.

down(M) ->
    receive {'DOWN', M, process, Obj, R} -> {Obj, R} after 5000 -> timeout end.

main() ->
    P1 = waiter(), M1 = monitor(process, P1), P1 ! {stop, id(done)},
    {O1, R1} = down(M1),
    io:format("live: ~p ~p~n", [O1 =:= P1, R1]),
    D = dead(), M2 = monitor(process, D), {O2, R2} = down(M2),
    io:format("dead: ~p ~p~n", [O2 =:= D, R2]),

    %% registered names
    P3 = waiter(), register(sig_mon_target, P3),
    M3 = monitor(process, sig_mon_target),
    P3 ! {stop, id(by_name)},
    io:format("by name: ~p node ~p~n", [down(M3), node()]),
    P3b = waiter(), register(sig_mon_target2, P3b),
    M3b = monitor(process, {sig_mon_target2, node()}),
    P3b ! {stop, id(by_name_node)},
    io:format("by {name, node}: ~p~n", [down(M3b)]),
    M4 = monitor(process, id(sig_mon_nobody)),
    io:format("unregistered name: ~p~n", [down(M4)]),
    io:format("bad monitor: ~p~n", [try monitor(process, id("str")) catch C1:E1 -> {C1, E1} end]),
    io:format("bad type: ~p~n", [try monitor(id(proc), self()) catch C2:E2 -> {C2, E2} end]),

    %% demonitor variants
    P5 = waiter(), M5 = monitor(process, P5),
    io:format("demonitor/1: ~p again ~p~n", [demonitor(M5), demonitor(M5)]),
    M6 = monitor(process, P5),
    io:format("info live: ~p info again: ~p~n", [demonitor(M6, [info]), demonitor(M6, [info])]),
    M7 = monitor(process, P5),
    P5 ! {stop, id(gone)},
    timer:sleep(20),
    io:format("info after DOWN queued: ~p~n", [demonitor(M7, [info])]),
    io:format("DOWN still queued: ~p~n", [[R || {'DOWN', Mx, _, _, R} <- flush(), Mx =:= M7]]),
    P8 = waiter(), M8 = monitor(process, P8), P8 ! {stop, id(flushed)}, timer:sleep(20),
    io:format("flush: ~p queue ~p~n", [demonitor(M8, [flush]), flush()]),
    P9 = waiter(), M9 = monitor(process, P9), P9 ! {stop, id(x)}, timer:sleep(20),
    io:format("flush+info after DOWN: ~p queue ~p~n", [demonitor(M9, [flush, info]), flush()]),
    P10 = waiter(), M10 = monitor(process, P10),
    io:format("flush+info live: ~p~n", [demonitor(M10, [flush, info])]),
    P10 ! {stop, x},
    io:format("demonitor empty opts: ~p~n", [demonitor(make_ref(), [])]),
    io:format("demonitor badarg: ~p ~p~n",
              [try demonitor(id(notref)) catch C3:E3 -> {C3, E3} end,
               try demonitor(make_ref(), [id(bogus)]) catch C4:E4 -> {C4, E4} end]),

    %% several watchers of one process
    Me = self(), T = waiter(),
    Ws = [spawn(fun() -> M = monitor(process, T), Me ! {watching, I},
                         receive {'DOWN', M, process, T, R} -> Me ! {saw, I, R} end end)
          || I <- lists:seq(1, 5)],
    [receive {watching, I} -> ok end || I <- lists:seq(1, length(Ws))],
    {monitored_by, By} = process_info(T, monitored_by),
    io:format("monitored_by count: ~p~n", [length(By)]),
    T ! {stop, id(shared)},
    io:format("watchers: ~p~n", [[receive {saw, I, R} -> {I, R} end || I <- lists:seq(1, 5)]]),

    %% spawn_monitor
    {SP, SM} = spawn_monitor(fun() -> exit(id({sm, 1})) end),
    io:format("spawn_monitor: ~p~n", [receive {'DOWN', SM, process, SP, R0} -> R0 end]),
    {SP2, SM2} = spawn_monitor(?MODULE, exiter, [id({sm, 3})]),
    io:format("spawn_monitor/3: ~p~n", [receive {'DOWN', SM2, process, SP2, R} -> R end]),

    %% monitor aliases
    A1 = monitor(process, waiter(), [{alias, explicit_unalias}]),
    spawn(fun() -> A1 ! {via_alias, 1} end),
    io:format("explicit_unalias: ~p~n", [receive {via_alias, N1} -> N1 after 1000 -> none end]),
    io:format("demonitor keeps alias: ~p~n", [demonitor(A1)]),
    A1 ! {via_alias, 2},
    io:format("still active: ~p~n", [receive {via_alias, N2} -> N2 after 100 -> none end]),
    io:format("unalias: ~p again ~p~n", [unalias(A1), unalias(A1)]),
    A1 ! {via_alias, 3},
    io:format("after unalias: ~p~n", [receive {via_alias, N3} -> N3 after 50 -> dropped end]),
    W2 = waiter(), A2 = monitor(process, W2, [{alias, demonitor}]),
    A2 ! {a2, 1},
    W2 ! {stop, id(bye)},
    {DO2, DR2} = down(A2),
    io:format("alias demonitor: ~p ~p ~p~n", [receive {a2, X} -> X after 100 -> none end, DO2 =:= W2, DR2]),
    A2 ! {a2, 2},
    io:format("after DOWN: ~p~n", [receive {a2, Y} -> Y after 50 -> dropped end]),
    W3 = waiter(), A3 = monitor(process, W3, [{alias, reply_demonitor}]),
    A3 ! {a3, 1}, A3 ! {a3, 2},
    io:format("reply_demonitor: ~p~n", [flush()]),
    W3 ! {stop, x},
    io:format("no DOWN after reply: ~p~n", [receive {'DOWN', A3, _, _, _} -> got after 50 -> none end]),

    %% erlang:alias/0,1
    Al = alias(), Al ! one, Al ! two,
    io:format("alias/0: ~p~n", [flush()]),
    io:format("unalias: ~p~n", [unalias(Al)]),
    Al ! three,
    io:format("inactive alias: ~p~n", [flush()]),
    Al2 = alias([reply]), Al2 ! first, Al2 ! second,
    io:format("alias([reply]): ~p unalias ~p~n", [flush(), unalias(Al2)]),
    io:format("alias badarg: ~p~n", [try alias([id(bad)]) catch C5:E5 -> {C5, E5} end]),

    %% monitoring self
    MS = monitor(process, self()),
    io:format("monitor self: ~p ~p~n", [is_reference(MS), demonitor(MS, [info])]),
    io:format("end queue: ~p~n", [flush()]),
    ok.
