%% Ports on child processes: {spawn, Cmd} and {spawn_executable, File} with the framing
%% options, exit status, eof, environment and working directory.
-module(port_spawn).
-export([main/0]).

collect(P) -> collect(P, []).
collect(P, Acc) ->
    receive
        {P, {data, D}} -> collect(P, [{data, D} | Acc]);
        {P, {exit_status, S}} -> collect(P, [{exit_status, S} | Acc]);
        {P, eof} -> port_close(P), lists:reverse([eof | Acc]);
        {'EXIT', P, R} -> lists:reverse([{exit, R} | Acc])
    after 5000 -> lists:reverse([timeout | Acc])
    end.

show(Label, P) -> io:format("~s: ~p~n", [Label, collect(P)]).

main() ->
    process_flag(trap_exit, true),
    show("echo", open_port({spawn, "echo hello world"}, [])),
    show("echo binary", open_port({spawn, "echo hello"}, [binary])),
    show("exit status 3", open_port({spawn, "sh -c 'echo out; exit 3'"}, [exit_status])),
    show("eof", open_port({spawn, "printf abc"}, [eof, binary])),
    show("eof+exit_status", open_port({spawn, "printf abc"}, [eof, binary, exit_status])),
    show("lines", open_port({spawn, "printf 'one\\ntwo\\nthree-is-long\\nfour'"}, [{line, 5}, binary])),
    show("stderr", open_port({spawn, "sh -c 'echo to-err >&2'"}, [stderr_to_stdout, binary])),
    show("env", open_port({spawn, "sh -c 'echo $PORT_T_A-$PORT_T_B'"},
                          [{env, [{"PORT_T_A", "a"}, {"PORT_T_B", false}]}, binary])),
    show("cd", open_port({spawn, "pwd"}, [{cd, "/"}, binary])),
    show("spawn_executable args",
         open_port({spawn_executable, "/bin/echo"}, [{args, ["x", "y z"]}, binary])),
    show("arg0", open_port({spawn_executable, "/bin/sh"},
                           [{args, ["-c", "echo $0"]}, {arg0, "my-name"}, binary])),
    show("signal status", open_port({spawn, "sh -c 'kill -9 $$'"}, [exit_status])),
    %% cat echoes what it is sent, in packets.
    lists:foreach(
      fun(N) ->
              P = open_port({spawn, "cat"}, [{packet, N}, binary]),
              true = port_command(P, <<"packet data">>),
              P ! {self(), {command, [<<"io">>, $l, "ist"]}},
              R1 = receive {P, {data, D1}} -> D1 after 5000 -> timeout end,
              R2 = receive {P, {data, D2}} -> D2 after 5000 -> timeout end,
              io:format("packet ~p: ~p ~p~n", [N, R1, R2]),
              port_close(P)
      end, [1, 2, 4]),
    P = open_port({spawn, "cat"}, [stream]),
    port_command(P, "abc"),
    io:format("stream: ~p~n", [receive {P, {data, D}} -> D after 5000 -> timeout end]),
    P ! {self(), close},
    io:format("close reply: ~p~n", [receive {P, closed} -> closed after 5000 -> timeout end]),
    io:format("after close: ~p ~p~n", [erlang:port_info(P), lists:member(P, erlang:ports())]),
    io:format("os:cmd: ~p~n", [os:cmd("echo a; echo b 1>&2")]),
    io:format("os:cmd exit: ~p~n", [os:cmd("exit 3")]),
    io:format("getpid is a number: ~p~n", [is_list(os:getpid()) andalso list_to_integer(os:getpid()) > 0]),
    %% Every child has been reaped: no zombie is left behind.
    timer:sleep(300),
    Stats = string:lexemes(os:cmd("ps -o stat= --ppid " ++ os:getpid()), "\n"),
    io:format("zombies: ~p~n", [[S || S = [$Z | _] <- Stats]]),
    ok.
