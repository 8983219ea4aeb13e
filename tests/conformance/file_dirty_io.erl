%% File operations that block (opening and reading FIFOs no one writes yet) run off the
%% schedulers: with more blocked readers than schedulers, other processes still run, and
%% each reader gets its data once a writer comes.
-module(file_dirty_io).
-export([main/0]).

main() ->
    Dir = "/tmp/enigma_dirty_io_" ++ os:getpid(),
    ok = file:make_dir(Dir),
    Fifos = [filename:join(Dir, "fifo" ++ integer_to_list(I)) || I <- lists:seq(1, 3)],
    [[] = os:cmd("mkfifo " ++ F) || F <- Fifos],
    Self = self(),
    %% Raw files: each reader calls prim_file itself (not through the file server), so
    %% the three block independently.
    [spawn(fun() -> Self ! {read, F, read_raw(F)} end) || F <- Fifos],
    timer:sleep(200),
    io:format("others still run: ~p~n", [lists:sum(lists:seq(1, 1000))]),
    [os:cmd("echo " ++ filename:basename(F) ++ " > " ++ F) || F <- Fifos],
    Got = [receive {read, F, R} -> R after 10000 -> timeout end || F <- Fifos],
    io:format("~p~n", [Got]),
    [file:delete(F) || F <- Fifos],
    ok = file:del_dir(Dir).

read_raw(F) ->
    {ok, Fd} = file:open(F, [read, raw, binary]),
    R = file:read(Fd, 100),
    ok = file:close(Fd),
    R.
