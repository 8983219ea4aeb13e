-module(proc_link_trap_exit).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    io:format("trap_exit now: ~p~n", [process_flag(trap_exit, true)]),
    P1 = spawn_link(fun() -> exit(custom_reason) end),
    receive {'EXIT', P1, R1} -> io:format("exit reason: ~p~n", [R1]) after 5000 -> io:format("timeout~n") end,
    P2 = spawn_link(fun() -> ok end),
    receive {'EXIT', P2, R2} -> io:format("normal exit: ~p~n", [R2]) after 5000 -> io:format("timeout~n") end,
    %% (error/throw in a spawned process would write a logger report with a
    %% timestamp, so only exit/1 reasons are used here)
    P3 = spawn_link(fun() -> exit({crash, [1, 2]}) end),
    receive {'EXIT', P3, R3} -> io:format("tuple exit: ~p~n", [R3]) after 5000 -> io:format("timeout~n") end,
    P4 = spawn_link(fun() -> exit(normal) end),
    receive {'EXIT', P4, R4} -> io:format("explicit normal: ~p~n", [R4]) after 5000 -> io:format("timeout~n") end,
    P5 = spawn_link(fun() -> receive never -> ok end end),
    exit(P5, kill),
    receive {'EXIT', P5, R5} -> io:format("killed: ~p~n", [R5]) after 5000 -> io:format("timeout~n") end,
    P6 = spawn_link(fun() -> receive never -> ok end end),
    exit(P6, shutdown),
    receive {'EXIT', P6, R6} -> io:format("shutdown: ~p~n", [R6]) after 5000 -> io:format("timeout~n") end,
    Me = self(),
    P7 = spawn(fun() -> process_flag(trap_exit, true), Me ! ready, receive {'EXIT', _, W} -> exit({got, W}) end end),
    receive ready -> ok end,
    link(P7),
    exit(P7, please_stop),
    receive {'EXIT', P7, R7} -> io:format("trapped then exit: ~p~n", [R7]) after 5000 -> io:format("timeout~n") end,
    P8 = spawn(fun() -> receive go -> exit(after_unlink) end end),
    link(P8), unlink(P8), P8 ! go,
    receive {'EXIT', P8, R8} -> io:format("unexpected: ~p~n", [R8]) after 100 -> io:format("unlinked: no exit msg~n") end,
    io:format("link to dead: ~p~n", [begin
        D = spawn(fun() -> ok end),
        Mref = erlang:monitor(process, D),
        receive {'DOWN', Mref, _, _, _} -> ok end,
        link(D),
        receive {'EXIT', D, RD} -> RD after 1000 -> none end
    end]),
    process_flag(trap_exit, false),
    Parent = self(),
    spawn(fun() ->
        process_flag(trap_exit, true),
        Child = spawn_link(fun() -> exit(child_died) end),
        receive {'EXIT', Child, CR} -> Parent ! {mid, CR} end
    end),
    receive {mid, CR} -> io:format("middle process saw: ~p~n", [CR]) after 5000 -> io:format("timeout~n") end,
    io:format("monitor noproc: ~p~n", [begin
        Dead = spawn(fun() -> ok end),
        M0 = erlang:monitor(process, Dead),
        receive {'DOWN', M0, process, Dead, _} -> ok end,
        M1 = erlang:monitor(process, Dead),
        receive {'DOWN', M1, process, Dead, RR} -> RR after 5000 -> timeout end
    end]),
    ok.
