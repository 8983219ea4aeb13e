-module(proc_hibernate_wake).
-export([main/0, woke/1, idle/1]).

%% A process that hibernates wakes, at the next message, in the function hibernate/3
%% named with the arguments given, whatever other processes ran in between; also when
%% it hibernates from a receive's `after` clause and messages keep coming.

woke(Tag) ->
    receive {From, ping} -> From ! {Tag, pong} end.

idle(N) ->
    receive
        {From, ping} -> From ! {pong, N}, idle(N + 1)
    after 2 ->
        erlang:hibernate(?MODULE, idle, [N])
    end.

id(X) -> X.

main() ->
    P = spawn(?MODULE, woke, [id(tag1)]),
    timer:sleep(20),
    Q = spawn(fun() -> erlang:hibernate(?MODULE, woke, [id(tag2)]) end),
    timer:sleep(20),
    io:format("~p~n", [lists:sum(lists:seq(1, id(1000)))]),
    Q ! {self(), ping},
    io:format("~p~n", [receive R1 -> R1 after 2000 -> timeout end]),
    P ! {self(), ping},
    io:format("~p~n", [receive R2 -> R2 after 2000 -> timeout end]),
    I = spawn(?MODULE, idle, [0]),
    Pongs = [begin
                 timer:sleep(K rem 4),
                 I ! {self(), ping},
                 receive {pong, _} -> ok after 2000 -> timeout end
             end || K <- lists:seq(1, 200)],
    io:format("~p~n", [lists:usort(Pongs)]),
    io:format("~p~n", [is_process_alive(I)]),
    exit(I, kill),
    ok.
