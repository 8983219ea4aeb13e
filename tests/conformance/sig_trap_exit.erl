-module(sig_trap_exit).
-export([main/0]).

%% trap_exit semantics: exit/2 with normal/kill/other reasons to trapping and
%% non-trapping processes, link propagation, unlink, links to dead pids.

id(X) -> X.

wait_down(P) -> down({P, monitor(process, P)}).

down({P, M}) -> receive {'DOWN', M, process, P, R} -> R after 5000 -> timeout end.

%% spawn with a monitor and wait for the exit reason
run(Fun) -> down(spawn_monitor(Fun)).

%% a process that reports what it receives (or that it is still alive)
idle(Trap) ->
    Me = self(),
    P = spawn(fun() ->
                      process_flag(trap_exit, Trap),
                      Me ! {ready, self()},
                      receive
                          {'EXIT', From, R} -> exit({trapped, From =:= Me, R});
                          alive_check -> exit(still_alive)
                      end
              end),
    receive {ready, P} -> P end.

exit_and_wait(P, Reason) ->
    M = monitor(process, P),
    exit(P, Reason),
    down({P, M}).

main() ->
    process_flag(trap_exit, false),
    %% exit(P, normal): ignored by a non-trapping process, a message for a trapper
    P1 = idle(false), exit(P1, normal), timer:sleep(20),
    M1 = monitor(process, P1), P1 ! alive_check,
    io:format("normal to non-trapping: ~p~n",
              [receive {'DOWN', M1, process, P1, R1} -> R1 after 5000 -> timeout end]),
    io:format("normal to trapping: ~p~n", [exit_and_wait(idle(true), normal)]),
    io:format("custom to trapping: ~p~n", [exit_and_wait(idle(true), id(custom))]),
    io:format("custom to non-trapping: ~p~n", [exit_and_wait(idle(false), id(custom))]),
    io:format("kill to trapping: ~p~n", [exit_and_wait(idle(true), kill)]),
    io:format("kill to non-trapping: ~p~n", [exit_and_wait(idle(false), kill)]),
    io:format("killed to non-trapping: ~p~n", [exit_and_wait(idle(false), killed)]),
    io:format("killed to trapping: ~p~n", [exit_and_wait(idle(true), killed)]),
    io:format("tuple to trapping: ~p~n", [exit_and_wait(idle(true), {shutdown, id([1, 2])})]),

    %% a trapping process linked to a killed one sees killed
    Me = self(),
    {W, MW} = spawn_monitor(fun() ->
                      process_flag(trap_exit, true),
                      V = spawn_link(fun() -> receive after infinity -> ok end end),
                      Me ! {victim, V},
                      receive {'EXIT', V, R} -> exit({linked_saw, R}) end
              end),
    receive {victim, V} -> exit(V, kill) end,
    io:format("linked trapper of killed: ~p~n", [receive {'DOWN', MW, process, W, RW} -> RW end]),

    %% exit(self(), normal)
    S1 = (fun() -> exit(self(), normal), receive after 1000 -> exit(survived) end end),
    io:format("exit(self(), normal) non-trapping: ~p~n", [run(S1)]),
    S2 = (fun() -> process_flag(trap_exit, true), exit(self(), normal),
                        receive {'EXIT', F, R} -> exit({got, F =:= self(), R}) after 1000 -> exit(nothing) end end),
    io:format("exit(self(), normal) trapping: ~p~n", [run(S2)]),

    %% exit(kill) via a link propagates as kill, not killed
    K1 = (fun() -> process_flag(trap_exit, true), spawn_link(fun() -> exit(kill) end),
                        receive {'EXIT', _, R} -> exit({trapped, R}) end end),
    io:format("link kill to trapper: ~p~n", [run(K1)]),
    K2 = (fun() -> spawn_link(fun() -> exit(kill) end), receive after 1000 -> exit(survived) end end),
    io:format("link kill to non-trapper: ~p~n", [run(K2)]),

    %% normal exit of a partner does not kill; abnormal does
    N1 = (fun() -> spawn_link(fun() -> ok end), receive after 50 -> exit(survived) end end),
    io:format("partner normal: ~p~n", [run(N1)]),
    N2 = (fun() -> spawn_link(fun() -> exit(id(boom)) end), receive after 1000 -> exit(survived) end end),
    io:format("partner abnormal: ~p~n", [run(N2)]),

    %% chain of three: C3 exits, C2 and C1 die with the same reason
    C1 = spawn(fun() ->
                       C2 = spawn_link(fun() ->
                                               C3 = spawn_link(fun() -> receive go -> exit(chain_end) end end),
                                               Me ! {c3, C3},
                                               receive after infinity -> ok end
                                       end),
                       Me ! {c2, C2},
                       receive after infinity -> ok end
               end),
    C2 = receive {c2, X2} -> X2 end, C3 = receive {c3, X3} -> X3 end,
    Ms = [{P, monitor(process, P)} || P <- [C1, C2, C3]],
    C3 ! go,
    io:format("chain: ~p~n", [[receive {'DOWN', M, process, P, R} -> R end || {P, M} <- Ms]]),

    %% unlink prevents propagation
    U = (fun() ->
                      Q = spawn_link(fun() -> receive go -> exit(unlinked_reason) end end),
                      io:format("unlink: ~p~n", [unlink(Q)]), Q ! go, receive after 50 -> exit(survived) end
              end),
    io:format("after unlink: ~p~n", [run(U)]),

    %% link to a dead pid
    Dead = spawn(fun() -> ok end), wait_down(Dead),
    L1 = (fun() -> process_flag(trap_exit, true), T = link(Dead),
                        receive {'EXIT', Dead, R} -> exit({T, R}) after 1000 -> exit(no_msg) end end),
    io:format("link dead, trapping: ~p~n", [run(L1)]),
    L2 = (fun() -> R = try link(Dead) catch C:E -> {C, E} end,
                        receive after 20 -> exit({survived, R}) end end),
    io:format("link dead, non-trapping: ~p~n", [run(L2)]),
    io:format("link self: ~p~n", [link(self())]),

    %% process_flag returns the old value
    Flags = (fun() ->
                      A = process_flag(trap_exit, true), B = process_flag(trap_exit, true),
                      C = process_flag(trap_exit, false), D = process_flag(trap_exit, false),
                      E = try process_flag(trap_exit, id(maybe)) catch Cl:Er -> {Cl, Er} end,
                      exit([A, B, C, D, E])
              end),
    io:format("process_flag values: ~p~n", [run(Flags)]),
    io:format("exit/2 badarg: ~p~n", [try exit(id(not_a_pid), x) catch Cl:Er -> {Cl, Er} end]),
    ok.
