%% Ports and processes: links, exit signals, monitors, the owner's death, port_connect,
%% port_info, registered ports, errors BEAM raises for bad arguments.
-module(port_links).
-export([main/0]).

try_(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    process_flag(trap_exit, true),
    %% The owner dies: the port closes with its reason.
    Self = self(),
    Owner = spawn(fun() ->
                          P = open_port({spawn, "cat"}, []),
                          Self ! {port, P},
                          receive stop -> exit(owner_stopped) end
                  end),
    P1 = receive {port, X} -> X end,
    Ref = erlang:monitor(port, P1),
    io:format("monitor ref is ref: ~p~n", [is_reference(Ref)]),
    Owner ! stop,
    receive {'DOWN', Ref, port, P1, R1} -> io:format("DOWN: ~p~n", [R1]) after 5000 -> io:format("no DOWN~n") end,
    io:format("info after: ~p~n", [erlang:port_info(P1)]),
    %% A port linked to us dies: we get an EXIT.
    P2 = open_port({spawn, "cat"}, []),
    exit(P2, kill),
    receive {'EXIT', P2, R2} -> io:format("EXIT after kill: ~p~n", [R2]) after 5000 -> io:format("no EXIT~n") end,
    P3 = open_port({spawn, "cat"}, []),
    exit(P3, normal),
    io:format("normal from owner closes: ~p~n", [receive {'EXIT', P3, R3} -> R3 after 1000 -> still_open end]),
    P4 = open_port({spawn, "cat"}, []),
    exit(P4, some_reason),
    io:format("reason: ~p~n", [receive {'EXIT', P4, R4} -> R4 after 1000 -> still_open end]),
    %% port_info items.
    P5 = open_port({spawn, "cat"}, [binary]),
    [K || {K, _} <- erlang:port_info(P5)] =:= [name, links, id, connected, input, output, os_pid] orelse io:format("items ~p~n", [erlang:port_info(P5)]),
    io:format("connected: ~p~n", [erlang:port_info(P5, connected) =:= {connected, self()}]),
    io:format("links: ~p~n", [erlang:port_info(P5, links) =:= {links, [self()]}]),
    io:format("name: ~p~n", [erlang:port_info(P5, name)]),
    port_command(P5, <<"12345">>),
    receive {P5, {data, _}} -> ok end,
    io:format("io: ~p ~p~n", [erlang:port_info(P5, input), erlang:port_info(P5, output)]),
    io:format("os_pid: ~p~n", [element(1, erlang:port_info(P5, os_pid))]),
    io:format("bad item: ~p~n", [try_(fun() -> erlang:port_info(P5, bad) end)]),
    true = register(my_port, P5),
    io:format("whereis: ~p~n", [whereis(my_port) =:= P5]),
    io:format("registered_name: ~p~n", [erlang:port_info(P5, registered_name)]),
    my_port ! {self(), {command, <<"via name">>}},
    io:format("by name: ~p~n", [receive {P5, {data, D5}} -> D5 after 5000 -> timeout end]),
    %% port_connect hands it to another process.
    {Other, OtherRef} = spawn_monitor(fun() -> receive {P, {data, D}} -> Self ! {other_got, P, D} end end),
    true = erlang:port_connect(P5, Other),
    unlink(P5),
    port_command(P5, <<"for other">>),
    io:format("other got: ~p~n", [receive {other_got, P5, DD} -> DD after 5000 -> timeout end]),
    receive {'DOWN', OtherRef, process, Other, _} -> ok end,
    %% The new owner has exited, so the port closed.
    io:format("connected now: ~p~n", [erlang:port_info(P5, connected)]),
    io:format("closing it again: ~p~n", [try_(fun() -> port_close(P5) end)]),
    io:format("whereis after close: ~p~n", [whereis(my_port)]),
    %% Errors.
    io:format("close closed: ~p~n", [try_(fun() -> port_close(P5) end)]),
    io:format("command closed: ~p~n", [try_(fun() -> port_command(P5, "x") end)]),
    io:format("control closed: ~p~n", [try_(fun() -> port_control(P5, 1, "") end)]),
    io:format("bad name: ~p~n", [try_(fun() -> open_port({spawn_executable, "/no/such/file"}, []) end)]),
    io:format("not exec: ~p~n", [try_(fun() -> open_port({spawn_executable, "/etc/passwd"}, []) end)]),
    io:format("bad opt: ~p~n", [try_(fun() -> open_port({spawn, "cat"}, [bad_option]) end)]),
    io:format("bad packet: ~p~n", [try_(fun() -> open_port({spawn, "cat"}, [{packet, 3}]) end)]),
    io:format("line+packet: ~p~n", [try_(fun() -> open_port({spawn, "cat"}, [{packet, 2}, line]) end)]),
    io:format("args with spawn: ~p~n", [try_(fun() -> open_port({spawn, "cat"}, [{args, ["a"]}]) end)]),
    io:format("bad tuple: ~p~n", [try_(fun() -> open_port({spawn}, []) end)]),
    io:format("exit_status fd: ~p~n", [try_(fun() -> open_port({fd, 0, 1}, [exit_status]) end)]),
    io:format("bad data: ~p~n", [try_(fun() -> P6 = open_port({spawn, "cat"}, []), port_command(P6, [foo]) end)]),
    io:format("bad port: ~p~n", [try_(fun() -> port_command(self(), "x") end)]),
    io:format("packet too big: ~p~n",
              [begin P7 = open_port({spawn, "cat"}, [{packet, 1}]),
                     port_command(P7, lists:duplicate(300, $a)),
                     receive {'EXIT', P7, R7} -> R7 after 5000 -> timeout end end]),
    ok.
