%% A port whose output queue passes its high-water mark is busy: `nosuspend` sends fail,
%% `force` sends go through, and plain senders wait until it drains.
-module(port_busy).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    P = open_port({spawn, "sh -c 'sleep 1; cat >/dev/null'"},
                  [{busy_limits_port, {1024, 2048}}, binary]),
    Data = binary:copy(<<"x">>, 200000),
    io:format("first: ~p~n", [port_command(P, Data, [nosuspend])]),
    io:format("nosuspend while busy: ~p~n", [port_command(P, <<"y">>, [nosuspend])]),
    %% The spawn driver cannot take data while busy: force is not supported.
    io:format("force: ~p~n", [try port_command(P, <<"y">>, [force]) catch C:Rs -> {C, Rs} end]),
    Self = self(),
    Sender = spawn(fun() ->
                           Self ! sending,
                           R = port_command(P, <<"z">>),
                           Self ! {sent, R}
                   end),
    receive sending -> ok end,
    timer:sleep(200),
    io:format("sender still waiting: ~p~n",
              [receive {sent, _} -> false after 0 -> true end]),
    io:format("sender status: ~p~n", [process_info(Sender, status)]),
    io:format("sender result: ~p~n", [receive {sent, R} -> R after 10000 -> timeout end]),
    io:format("not busy now: ~p~n", [port_command(P, <<"w">>, [nosuspend])]),
    port_close(P),
    ok.
