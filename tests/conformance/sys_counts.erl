%% What system_info counts follows what the system holds: ports, ETS tables, and the
%% descriptors the I/O poller watches (check_io's total_poll_set_size and active_fds,
%% summed over poll sets as OTP's z_SUITE sums them: back where they were once a port has
%% closed).
%% port_close/1 sends the port's exit signal to its links, the caller too.
%% monitor_node/2,3 without distribution: only this node may be named.
-module(sys_counts).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    P0 = erlang:system_info(port_count),
    E0 = erlang:system_info(ets_count),
    F0 = active_fds(),
    Port = open_port({spawn, "cat"}, [binary]),
    T = ets:new(t, []),
    io:format("port_count +~p, ets_count +~p~n",
              [erlang:system_info(port_count) - P0, erlang:system_info(ets_count) - E0]),
    port_close(Port),
    receive {'EXIT', Port, Why} -> io:format("port_close: exit signal ~p~n", [Why])
    after 1000 -> io:format("port_close: no exit signal~n")
    end,
    ets:delete(T),
    timer:sleep(100),
    io:format("port_count back: ~p, ets_count back: ~p, fds back: ~p~n",
              [erlang:system_info(port_count) =:= P0, erlang:system_info(ets_count) =:= E0,
               active_fds() =:= F0]),
    [io:format("~p -> ~p~n", [Args, reason(fun() -> apply(erlang, monitor_node, Args) end)])
     || Args <- [[node(), true], [node(), false], [foo@bar, true], [foo@bar, false],
                 [foo, true], [node(), maybe], ["node", true],
                 [node(), true, [allow_passive_connect]], [foo@bar, true, [bad]],
                 [node(), true, bad], [node(), true, [allow_passive_connect | x]]]],
    receive M -> io:format("unexpected message ~p~n", [M]) after 100 -> ok end.

active_fds() ->
    Sets = erlang:system_info(check_io),
    {lists:sum([proplists:get_value(total_poll_set_size, Set) || Set <- Sets]),
     lists:sum([proplists:get_value(active_fds, Set) || Set <- Sets])}.

reason(F) ->
    try F() catch error:R:St -> {error, R, [I || {_, _, _, I} <- lists:sublist(St, 1)]} end.
