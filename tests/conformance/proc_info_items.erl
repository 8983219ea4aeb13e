-module(proc_info_items).
-export([main/0, wait_here/0]).

%% process_info/1,2 items for the caller and for a process blocked in a receive.

id(X) -> X.

try_(F) -> try F() catch C:E -> {C, E} end.

wait_here() ->
    receive
        {dict, K, V} -> put(K, V), wait_here();
        {trap, B} -> process_flag(trap_exit, B), wait_here();
        {stop, R} -> exit(R)
    end.

pos_int(X) -> is_integer(X) andalso X > 0.

info(P, Item) ->
    case process_info(P, Item) of
        {Item, V} -> V;
        Other -> {unexpected, Other}
    end.

main() ->
    Me = self(),
    P = spawn(?MODULE, wait_here, []),
    timer:sleep(10),
    io:format("status other: ~p self: ~p~n", [info(P, status), info(Me, status)]),
    io:format("current_function: ~p~n", [info(P, current_function)]),
    {M0, F0, A0, _} = info(P, current_location),
    io:format("current_location: ~p~n", [{M0, F0, A0}]),
    [{M1, F1, A1, _} | _] = info(P, current_stacktrace),
    io:format("current_stacktrace top: ~p~n", [{M1, F1, A1}]),
    io:format("initial_call mfa: ~p~n", [info(P, initial_call)]),
    Q = spawn(fun() -> wait_here() end),
    io:format("initial_call fun: ~p~n", [info(Q, initial_call)]),
    io:format("self current_function: ~w via helper: ~w~n",
              [process_info(Me, current_function), info(Me, current_function)]),

    %% messages
    io:format("queue empty: ~p ~p~n", [info(P, message_queue_len), info(P, messages)]),
    P ! {unmatched, 1}, P ! {unmatched, <<"two">>}, P ! [three],
    timer:sleep(10),
    io:format("queue: ~p ~p~n", [info(P, message_queue_len), info(P, messages)]),
    self() ! own1, self() ! own2,
    io:format("own queue: ~p ~p~n", [info(Me, message_queue_len), info(Me, messages)]),
    receive own1 -> ok end, receive own2 -> ok end,

    %% links, monitors, monitored_by
    io:format("links none: ~p~n", [info(P, links)]),
    link(P),
    Mon = monitor(process, P),
    io:format("links: ~p~n", [info(P, links) =:= [Me]]),
    io:format("self links has P: ~p~n", [lists:member(P, info(Me, links))]),
    io:format("monitored_by: ~p~n", [info(P, monitored_by) =:= [Me]]),
    io:format("monitors: ~p~n", [info(Me, monitors) =:= [{process, P}]]),
    io:format("P monitors: ~p~n", [info(P, monitors)]),
    register(proc_info_items_q, Q),
    MQ = monitor(process, proc_info_items_q),
    io:format("monitor by name: ~p~n", [lists:member({process, {proc_info_items_q, node()}}, info(Me, monitors))]),
    demonitor(MQ),
    unlink(P),
    io:format("after unlink/demonitor: ~p~n", [{info(P, links), length(info(P, monitored_by))}]),

    %% dictionary, registered_name, trap_exit
    [P ! {dict, K, V} || {K, V} <- [{zeta, 1}, {alpha, "a"}, {{t, 2}, [x]}]],
    P ! {trap, true},
    timer:sleep(10),
    io:format("dictionary: ~p~n", [lists:sort(info(P, dictionary))]),
    io:format("registered_name none: ~p~n", [process_info(P, registered_name)]),
    io:format("registered_name: ~p~n", [process_info(Q, registered_name)]),
    io:format("trap_exit: ~p ~p~n", [info(P, trap_exit), info(Q, trap_exit)]),
    io:format("priority: ~p~n", [info(P, priority)]),
    io:format("group_leader same: ~p~n", [info(P, group_leader) =:= group_leader()]),
    io:format("error_handler: ~p~n", [info(P, error_handler)]),
    io:format("message_queue_data: ~p~n", [info(P, message_queue_data)]),

    %% sizes, only as facts
    io:format("sizes positive: ~p~n",
              [[{I, pos_int(info(P, I))} || I <- [heap_size, total_heap_size, stack_size, reductions, memory]]]),
    GC = info(P, garbage_collection),
    io:format("gc keys: ~p~n", [lists:sort([K || {K, _} <- GC])]),

    %% list form
    io:format("list form: ~p~n", [process_info(P, [trap_exit, registered_name, priority, message_queue_len])]),
    io:format("list form empty: ~p~n", [process_info(P, [])]),
    io:format("list form dup: ~p~n", [process_info(Q, [registered_name, status, registered_name])]),

    %% process_info/1 keys
    io:format("info/1 keys: ~p~n", [lists:sort([K || {K, _} <- process_info(Q)])]),
    unregister(proc_info_items_q),
    io:format("info/1 keys unregistered: ~p~n", [lists:sort([K || {K, _} <- process_info(Q)])]),

    %% errors and dead processes
    io:format("bad item: ~p~n", [try_(fun() -> process_info(P, id(no_such_item)) end)]),
    io:format("bad item in list: ~p~n", [try_(fun() -> process_info(P, [status, id(no_such_item)]) end)]),
    io:format("not a pid: ~p~n", [try_(fun() -> process_info(id(self), status) end)]),
    P ! {stop, id(done)},
    io:format("down: ~p~n", [receive {'DOWN', Mon, process, P, R} -> R after 1000 -> timeout end]),
    io:format("dead: ~p ~p ~p~n", [process_info(P), process_info(P, status), process_info(P, [status, links])]),
    exit(Q, kill),
    ok.
