%% os:cmd round trips: a shell started through a port, its output collected, 200 times;
%% plus a cat port echoing 2,000 packets. Ports, the I/O poller and child reaping.
-module(os_cmd).
-export([main/0]).

main() ->
    _ = os:cmd("true"),
    T0 = erlang:monotonic_time(microsecond),
    Outs = [os:cmd("echo " ++ integer_to_list(I)) || I <- lists:seq(1, 200)],
    P = open_port({spawn, "cat"}, [{packet, 2}, binary]),
    Echoed = echo(P, 2000, 0),
    port_close(P),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench os_cmd ~p~n", [T1 - T0]),
    io:format("check ~p~n", [{erlang:phash2(Outs), Echoed}]).

echo(_P, 0, Acc) -> Acc;
echo(P, N, Acc) ->
    port_command(P, <<N:32>>),
    receive {P, {data, <<M:32>>}} -> echo(P, N - 1, Acc + M) end.
