-module(sched_priorities).
-export([main/0]).

%% Process priorities and scheduler-related BIFs: only deterministic facts
%% (returned values, shapes of statistics, badarg cases).

id(X) -> X.

try_(F) -> try F() catch C:E -> {C, E} end.

run(Fun) ->
    {P, M} = spawn_monitor(Fun),
    receive {'DOWN', M, process, P, R} -> R after 5000 -> timeout end.

prio(P) -> element(2, process_info(P, priority)).

shape({A, B}) when is_integer(A), is_integer(B), A >= 0, B >= 0 -> {int, int};
shape(X) when is_integer(X), X >= 0 -> int;
shape(X) -> {other, X}.

main() ->
    %% process_flag(priority, _) returns the old value (in a fresh process)
    Seq = run(fun() ->
                      L = [process_flag(priority, P) || P <- [high, low, max, normal, normal]],
                      exit({L, prio(self())})
              end),
    io:format("priority sequence: ~p~n", [Seq]),
    io:format("self priority: ~p~n", [prio(self())]),
    Old = process_flag(priority, high),
    io:format("set high: ~p now ~p~n", [Old, prio(self())]),
    io:format("spawned child: ~p~n", [run(fun() -> exit(prio(self())) end)]),
    io:format("restore: ~p now ~p~n", [process_flag(priority, Old), prio(self())]),
    io:format("bad priorities: ~p~n",
              [[try_(fun() -> process_flag(priority, id(B)) end) || B <- [urgent, 1, "high", undefined]]]),
    io:format("still: ~p~n", [prio(self())]),

    %% spawn_opt with priorities
    Opts = [low, normal, high, max],
    io:format("spawn_opt: ~p~n",
              [[run2(spawn_opt(fun() -> exit(prio(self())) end, [monitor, {priority, O}])) || O <- Opts]]),
    io:format("spawn_opt bad: ~p~n",
              [try_(fun() -> spawn_opt(fun() -> ok end, [{priority, id(urgent)}]) end)]),
    Me = self(),
    W = spawn_opt(fun() -> receive go -> Me ! {prio, prio(self())} end end, [{priority, low}]),
    io:format("other process priority: ~p~n", [prio(W)]),
    W ! go,
    io:format("reported: ~p~n", [receive {prio, X} -> X after 1000 -> none end]),

    %% high/low priority workers all finish and report in their own order
    Ws = [spawn_opt(fun() -> Me ! {done, I, lists:sum(lists:seq(1, 1000 * I))} end, [{priority, Pr}])
          || {I, Pr} <- lists:zip(lists:seq(1, 8), [low, high, normal, max, low, high, normal, normal])],
    io:format("workers: ~p~n", [[receive {done, I, S} -> {I, S} after 5000 -> none end
                                 || I <- lists:seq(1, length(Ws))]]),

    %% yield and reductions
    io:format("yield: ~p ~p~n", [erlang:yield(), run(fun() -> exit(erlang:yield()) end)]),
    io:format("bump_reductions: ~p~n", [erlang:bump_reductions(id(100))]),
    io:format("bump_reductions bad: ~p~n", [try_(fun() -> erlang:bump_reductions(id(-1)) end)]),
    {reductions, R1} = process_info(self(), reductions),
    _ = lists:sum(lists:seq(1, id(10000))),
    {reductions, R2} = process_info(self(), reductions),
    io:format("reductions grow: ~p~n", [R2 > R1]),

    %% scheduler info and statistics shapes
    S = erlang:system_info(schedulers),
    io:format("schedulers: ~p online ~p~n", [is_integer(S) andalso S > 0,
                                             erlang:system_info(schedulers_online) =< S]),
    io:format("process_count: ~p~n", [is_integer(erlang:system_info(process_count))]),
    io:format("stat shapes: ~p~n",
              [[{K, shape(statistics(K))} || K <- [reductions, exact_reductions, run_queue, runtime,
                                                   wall_clock, context_switches, total_run_queue_lengths,
                                                   total_active_tasks]]]),
    io:format("run_queue_lengths: ~p~n",
              [lists:all(fun(L) -> is_integer(L) andalso L >= 0 end, statistics(run_queue_lengths))]),
    io:format("bad statistics: ~p~n", [try_(fun() -> statistics(id(no_such_stat)) end)]),
    io:format("bad system_info: ~p~n", [try_(fun() -> erlang:system_info(id(no_such_info)) end)]),
    ok.

run2({P, M}) ->
    receive {'DOWN', M, process, P, R} -> R after 5000 -> timeout end.
