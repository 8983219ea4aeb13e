-module(proc_spawn_variants).
-export([main/0, report/2, stay/0]).

%% Every local form of spawn/spawn_link/spawn_monitor/spawn_opt, spawn options
%% as seen through process_info, and badarg cases.

id(X) -> X.

try_(F) -> try F() catch C:E -> {C, E} end.

report(To, Tag) -> To ! {Tag, self(), process_info(self(), [links, priority, trap_exit])}.

stay() -> receive {stop, R} -> exit(R) end.

got(Tag, Pid) ->
    receive
        {Tag, Pid, Info} -> [{K, case K of links -> length(V); _ -> V end} || {K, V} <- Info]
    after 2000 -> timeout
    end.

down({P, M}) -> receive {'DOWN', M, process, P, R} -> R after 2000 -> timeout end.

gc(P, K) -> proplists:get_value(K, element(2, process_info(P, garbage_collection))).

main() ->
    process_flag(trap_exit, true),
    Me = self(),
    N = node(),
    P1 = spawn(fun() -> report(Me, s1) end),
    P2 = spawn(N, fun() -> report(Me, s2) end),
    P3 = spawn(?MODULE, report, [Me, s3]),
    P4 = spawn(N, ?MODULE, report, [Me, s4]),
    io:format("spawn/1..4: ~p~n", [[got(s1, P1), got(s2, P2), got(s3, P3), got(s4, P4)]]),
    L1 = spawn_link(fun() -> report(Me, l1) end),
    L2 = spawn_link(N, fun() -> report(Me, l2) end),
    L3 = spawn_link(?MODULE, report, [Me, l3]),
    L4 = spawn_link(N, ?MODULE, report, [Me, l4]),
    io:format("spawn_link/1..4: ~p~n", [[got(l1, L1), got(l2, L2), got(l3, L3), got(l4, L4)]]),
    io:format("link exits: ~p~n", [[receive {'EXIT', L, R} -> R after 2000 -> timeout end || L <- [L1, L2, L3, L4]]]),
    M1 = spawn_monitor(fun() -> exit(id(m1)) end),
    M2 = spawn_monitor(N, fun() -> exit(id(m2)) end),
    M3 = spawn_monitor(erlang, exit, [id(m3)]),
    M4 = spawn_monitor(N, erlang, exit, [id(m4)]),
    io:format("spawn_monitor/1..4: ~p~n", [[down(M) || M <- [M1, M2, M3, M4]]]),

    %% spawn_opt forms
    O1 = spawn_opt(fun() -> report(Me, o1) end, [link]),
    O2 = spawn_opt(N, fun() -> report(Me, o2) end, [link, {priority, high}]),
    O3 = spawn_opt(?MODULE, report, [Me, o3], [{priority, low}]),
    O4 = spawn_opt(N, ?MODULE, report, [Me, o4], []),
    io:format("spawn_opt/2..5: ~p~n", [[got(o1, O1), got(o2, O2), got(o3, O3), got(o4, O4)]]),
    io:format("linked exits: ~p~n", [[receive {'EXIT', L, R} -> R after 2000 -> timeout end || L <- [O1, O2]]]),
    Mo = spawn_opt(fun() -> exit(id(mon)) end, [monitor]),
    io:format("spawn_opt monitor: ~p ~p~n", [is_tuple(Mo), down(Mo)]),
    {LP, LM} = spawn_opt(?MODULE, stay, [], [link, monitor]),
    LP ! {stop, id(both)},
    io:format("link+monitor: ~p ~p~n", [down({LP, LM}), receive {'EXIT', LP, R} -> R after 2000 -> timeout end]),
    {AP, AM} = spawn_opt(?MODULE, stay, [], [{monitor, [{alias, demonitor}]}]),
    AM ! via_alias,
    io:format("monitor alias: ~p~n", [receive via_alias -> ok after 1000 -> none end]),
    AP ! {stop, id(alias_done)},
    io:format("alias down: ~p~n", [down({AP, AM})]),

    %% options visible in process_info
    G = spawn_opt(?MODULE, stay, [], [{min_heap_size, 1000}, {min_bin_vheap_size, 50000},
                                      {fullsweep_after, 7}, {message_queue_data, off_heap},
                                      {max_heap_size, 100000}]),
    io:format("min_heap_size >= 1000: ~p~n", [gc(G, min_heap_size) >= 1000]),
    io:format("min_bin_vheap_size >= 50000: ~p~n", [gc(G, min_bin_vheap_size) >= 50000]),
    io:format("fullsweep_after: ~p~n", [gc(G, fullsweep_after)]),
    io:format("message_queue_data: ~p~n", [process_info(G, message_queue_data)]),
    {max_heap_size, MH} = process_info(G, max_heap_size),
    io:format("max_heap_size: ~p~n", [maps:get(size, MH)]),
    H = spawn_opt(?MODULE, stay, [], [{message_queue_data, on_heap}]),
    io:format("on_heap: ~p ~p~n", [process_info(H, message_queue_data), process_info(H, priority)]),
    [X ! {stop, normal} || X <- [G, H]],

    %% badarg cases
    Bad = [fun() -> spawn(?MODULE, stay, id(not_a_list)) end,
           fun() -> spawn(?MODULE, stay, id([a | b])) end,
           fun() -> spawn(id("mod"), stay, []) end,
           fun() -> spawn(?MODULE, id(1), []) end,
           fun() -> spawn(id(not_a_fun)) end,
           fun() -> spawn_link(?MODULE, stay, id(x)) end,
           fun() -> spawn_monitor(id(1), stay, []) end,
           fun() -> spawn_opt(fun() -> ok end, [id(bogus)]) end,
           fun() -> spawn_opt(fun() -> ok end, id(bogus)) end,
           fun() -> spawn_opt(fun() -> ok end, [{min_heap_size, id(-1)}]) end,
           fun() -> spawn_opt(fun() -> ok end, [{fullsweep_after, id(-1)}]) end,
           fun() -> spawn_opt(fun() -> ok end, [{message_queue_data, id(nowhere)}]) end,
           fun() -> spawn_opt(?MODULE, stay, [], [{priority, id(1)}]) end,
           fun() -> spawn_opt(?MODULE, stay, id(x), []) end],
    io:format("badargs: ~w~n", [[try_(F) || F <- Bad]]),
    io:format("no stray messages: ~p~n", [receive Any -> Any after 50 -> none end]),
    process_flag(trap_exit, false),
    ok.
