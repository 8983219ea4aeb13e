%% A process recursing past its max_heap_size (only its stack grows on the way down) is
%% killed, and the emulator's report goes to the logger as erl sends it; the rest of the
%% system goes on.
-module(max_heap_report).
-export([main/0]).

down(0) -> [];
down(N) -> [N | down(N - 1)].

main() ->
    {P, M} = spawn_opt(fun() -> exit(length(down(10000000))) end,
                       [monitor, {max_heap_size, 100000}]),
    receive {'DOWN', M, process, P, R} -> io:format("down: ~p~n", [R]) end,
    timer:sleep(500),
    io:format("still running~n").
