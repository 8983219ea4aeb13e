-module(proc_registered).
-export([main/0]).

server(State) ->
    receive
        {get, From} -> From ! {state, State}, server(State);
        {put, V} -> server([V | State]);
        stop -> ok
    end.

main() ->
    Pid = spawn(fun() -> server([]) end),
    io:format("register: ~p~n", [register(conf_test_server, Pid)]),
    io:format("whereis match: ~p~n", [whereis(conf_test_server) =:= Pid]),
    io:format("whereis missing: ~p~n", [whereis(conf_no_such_name)]),
    conf_test_server ! {put, a},
    conf_test_server ! {put, b},
    conf_test_server ! {get, self()},
    receive {state, S} -> io:format("state: ~p~n", [S]) after 5000 -> io:format("timeout~n") end,
    io:format("register again: ~p~n", [try register(conf_test_server, self()) catch C:E -> {C, E} end]),
    io:format("send to unregistered: ~p~n", [try conf_no_such_name ! hi catch C2:E2 -> {C2, E2} end]),
    io:format("registered member: ~p~n", [lists:member(conf_test_server, registered())]),
    io:format("unregister: ~p~n", [unregister(conf_test_server)]),
    io:format("whereis after: ~p~n", [whereis(conf_test_server)]),
    Pid ! stop,
    io:format("self registered name: ~p~n", [process_info(self(), registered_name)]),
    register(conf_me, self()),
    conf_me ! to_myself,
    io:format("to myself: ~p~n", [receive M -> M after 1000 -> none end]),
    io:format("registered_name: ~p~n", [process_info(self(), registered_name)]),
    unregister(conf_me),
    ok.
