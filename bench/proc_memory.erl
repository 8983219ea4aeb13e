%% proc_memory: not a timing benchmark. Measures the memory cost of an idle
%% process: the growth of the OS resident set size (VmRSS in
%% /proc/self/status, Linux only) while 100,000 processes sit idle in
%% `receive`, divided by 100,000. Prints
%%
%%     memory proc_memory <bytes per process>
%%     check <number of processes seen waiting>
%%
%% The figure includes the parent's list of the 100,000 pids (2 words per
%% process) and whatever the allocators keep around; it is an estimate
%% meant for comparing VMs, not an exact per-process size.
-module(proc_memory).
-export([main/0]).

-define(PROCS, 100000).

main() ->
    %% Warm-up: spawn and stop a few processes so one-time allocations
    %% (scheduler structures, code for the fun) are not counted.
    stop_all(spawn_idle(1000, [])),
    Before = rss_bytes(),
    Pids = spawn_idle(?PROCS, []),
    Waiting = count_waiting(Pids, 0),
    After = rss_bytes(),
    io:format("memory proc_memory ~b~n", [max(0, After - Before) div ?PROCS]),
    stop_all(Pids),
    io:format("check ~b~n", [Waiting]).

spawn_idle(0, Acc) -> Acc;
spawn_idle(N, Acc) ->
    P = spawn(fun() -> receive stop -> ok end end),
    spawn_idle(N - 1, [P | Acc]).

%% Wait until every process has run up to its `receive`, so that a VM that
%% allocates a process's memory lazily (on first run) is measured fairly.
count_waiting([], N) -> N;
count_waiting([P | Ps] = All, N) ->
    case erlang:process_info(P, status) of
        {status, waiting} -> count_waiting(Ps, N + 1);
        _ -> erlang:yield(), count_waiting(All, N)
    end.

%% Monitor every process and wait for it to exit, so nothing is left over.
stop_all(Pids) ->
    Refs = [begin R = monitor(process, P), P ! stop, R end || P <- Pids],
    lists:foreach(fun(R) -> receive {'DOWN', R, process, _, _} -> ok end end, Refs).

rss_bytes() ->
    {ok, Bin} = file:read_file("/proc/self/status"),
    rss_kb(binary:split(Bin, <<"\n">>, [global])) * 1024.

%% The line looks like "VmRSS:\t   12345 kB".
rss_kb([<<"VmRSS:", Rest/binary>> | _]) -> digits(Rest, 0);
rss_kb([_ | Lines]) -> rss_kb(Lines);
rss_kb([]) -> error(no_vmrss).

digits(<<C, Rest/binary>>, N) when C >= $0, C =< $9 -> digits(Rest, N * 10 + C - $0);
digits(<<C, Rest/binary>>, 0) when C =:= $\s; C =:= $\t -> digits(Rest, 0);
digits(_, N) -> N.
