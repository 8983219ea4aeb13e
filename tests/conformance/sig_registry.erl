-module(sig_registry).
-export([main/0]).

%% The local name registry: register/unregister/whereis/registered, badarg cases,
%% names freed on exit, sends to names, erlang:send/2,3 and is_process_alive/1.

id(X) -> X.

try_(F) -> try F() catch C:E -> {C, E} end.

mine() -> lists:sort([N || N <- registered(), lists:prefix("sigreg_", atom_to_list(N))]).

echo() ->
    receive
        {stop, R} -> exit(R);
        {From, Msg} -> From ! {echo, Msg}, echo()
    end.

wait_down(M) -> receive {'DOWN', M, process, _, R} -> R after 5000 -> timeout end.

main() ->
    P1 = spawn(fun echo/0),
    P2 = spawn(fun echo/0),
    io:format("register: ~p ~p~n", [register(sigreg_one, P1), register(sigreg_two, P2)]),
    io:format("mine: ~p~n", [mine()]),
    io:format("whereis: ~p ~p ~p~n", [whereis(sigreg_one) =:= P1, whereis(sigreg_two) =:= P2,
                                      whereis(sigreg_none)]),
    io:format("name taken: ~p~n", [try_(fun() -> register(sigreg_one, P2) end)]),
    io:format("pid has a name: ~p~n", [try_(fun() -> register(sigreg_three, P1) end)]),
    io:format("undefined: ~p~n", [try_(fun() -> register(undefined, spawn(fun() -> ok end)) end)]),
    io:format("not an atom: ~p~n", [try_(fun() -> register(id("sigreg_str"), self()) end)]),
    io:format("not a pid: ~p~n", [try_(fun() -> register(sigreg_x, id(self_pid)) end)]),
    {D, DM} = spawn_monitor(fun() -> ok end),
    wait_down(DM),
    io:format("dead pid: ~p~n", [try_(fun() -> register(sigreg_dead, D) end)]),
    io:format("mine after errors: ~p~n", [mine()]),

    %% sends by name
    sigreg_one ! {self(), hello},
    io:format("send by name: ~p~n", [receive {echo, M1} -> M1 after 1000 -> none end]),
    erlang:send(sigreg_two, {self(), via_send2}),
    io:format("erlang:send/2: ~p~n", [receive {echo, M2} -> M2 after 1000 -> none end]),
    {sigreg_one, node()} ! {self(), via_tuple},
    io:format("{Name, node()}: ~p~n", [receive {echo, M3} -> M3 after 1000 -> none end]),
    io:format("send/3 noconnect: ~p~n", [erlang:send(sigreg_one, {self(), nc}, [noconnect])]),
    io:format("reply: ~p~n", [receive {echo, M4} -> M4 after 1000 -> none end]),
    io:format("send/3 nosuspend: ~p~n", [erlang:send(P2, {self(), ns}, [nosuspend])]),
    io:format("reply: ~p~n", [receive {echo, M5} -> M5 after 1000 -> none end]),
    io:format("send/3 both: ~p~n", [erlang:send(sigreg_two, {self(), both}, [nosuspend, noconnect])]),
    io:format("reply: ~p~n", [receive {echo, M6} -> M6 after 1000 -> none end]),
    io:format("send/3 []: ~p~n", [erlang:send(self(), plain, [])]),
    io:format("got: ~p~n", [receive plain -> plain after 0 -> none end]),
    io:format("send/3 bad opt: ~p~n", [try_(fun() -> erlang:send(self(), x, [id(bogus)]) end)]),
    io:format("to unregistered: ~p~n", [try_(fun() -> id(sigreg_none) ! x end)]),
    io:format("send/2 unregistered: ~p~n", [try_(fun() -> erlang:send(id(sigreg_none), x) end)]),
    io:format("send/3 unregistered: ~p~n", [try_(fun() -> erlang:send(id(sigreg_none), x, [noconnect]) end)]),
    io:format("{unregistered, node()}: ~p~n", [try_(fun() -> {id(sigreg_none), node()} ! x end)]),
    io:format("to bad dest: ~p~n", [try_(fun() -> id("str") ! x end)]),
    io:format("to dead pid: ~p~n", [try_(fun() -> D ! x end)]),

    %% unregister
    io:format("unregister: ~p~n", [unregister(sigreg_two)]),
    io:format("unregister again: ~p~n", [try_(fun() -> unregister(sigreg_two) end)]),
    io:format("process_info name: ~p~n", [process_info(P2, registered_name)]),
    io:format("re-register other name: ~p~n", [register(sigreg_two_b, P2)]),
    io:format("process_info name: ~p~n", [process_info(P2, registered_name)]),

    %% name freed when the process exits
    M = monitor(process, P1),
    sigreg_one ! {stop, id(bye)},
    io:format("down: ~p~n", [wait_down(M)]),
    io:format("whereis dead: ~p~n", [whereis(sigreg_one)]),
    io:format("mine: ~p~n", [mine()]),
    io:format("reuse name: ~p~n", [register(sigreg_one, self())]),
    sigreg_one ! to_me,
    io:format("to me: ~p~n", [receive to_me -> yes after 0 -> no end]),
    io:format("self name: ~p~n", [process_info(self(), registered_name)]),
    io:format("unregister self: ~p ~p~n", [unregister(sigreg_one), process_info(self(), registered_name)]),

    %% is_process_alive
    io:format("alive self: ~p live: ~p dead: ~p~n",
              [is_process_alive(self()), is_process_alive(P2), is_process_alive(D)]),
    io:format("alive badarg: ~p~n", [try_(fun() -> is_process_alive(id(sigreg_two_b)) end)]),
    MK = monitor(process, P2),
    exit(P2, kill),
    io:format("killed: ~p alive ~p whereis ~p~n", [wait_down(MK), is_process_alive(P2), whereis(sigreg_two_b)]),
    io:format("mine at end: ~p~n", [mine()]),
    ok.
