-module(proc_hibernate_info).
-export([main/0, loop/1]).

%% While a process hibernates (erlang:hibernate/3, not yet woken by a message),
%% process_info shows it in erlang:hibernate/3 with an empty stack trace, waiting; once
%% woken it is in the function it resumed in (gen_server_SUITE's hibernate cases poll
%% for this). Only a message wakes it: other signals leave it hibernating.
loop(N) ->
    receive
        {get, From} -> From ! {n, N}, loop(N + 1);
        hib -> erlang:hibernate(?MODULE, loop, [N + 10]);
        stop -> exit(normal)
    end.

show(P) ->
    io:format("~p~n", [process_info(P, [current_function, current_location,
                                        current_stacktrace, status, message_queue_len])]).

main() ->
    P = spawn(fun() -> loop(0) end),
    timer:sleep(10),
    io:format("~p~n", [process_info(P, [current_function, status])]),
    P ! hib,
    timer:sleep(10),
    show(P),
    P ! {get, self()},
    receive M -> io:format("~p~n", [M]) end,
    io:format("~p~n", [process_info(P, [current_function, status])]),
    P ! hib,
    timer:sleep(10),
    show(P),
    erlang:suspend_process(P),
    io:format("~p~n", [process_info(P, [current_function, status])]),
    erlang:resume_process(P),
    P ! {get, self()},
    receive M2 -> io:format("~p~n", [M2]) end,
    io:format("~p~n", [process_info(P, [current_function, status])]),
    Q = spawn(fun() -> erlang:hibernate(lists, reverse, [[1]]) end),
    timer:sleep(10),
    show(Q),
    %% Signals other than messages (monitors, links, their removal) do not wake it.
    P ! hib,
    timer:sleep(10),
    M1 = monitor(process, P),
    demonitor(M1),
    link(P),
    unlink(P),
    timer:sleep(10),
    show(P),
    P ! {get, self()},
    receive M3 -> io:format("~p~n", [M3]) end,
    P ! stop,
    ok.
