-module(sched_online).
-export([main/0]).

%% system_flag(schedulers_online, N) and system_flag(multi_scheduling, block | unblock):
%% the previous values, errors, the scheduler ids processes run on meanwhile, blocks
%% counted per process and released by its exit. Run with the default scheduler count
%% (two on the test machine; the output is the same with more).

ids(N) ->
    Self = self(),
    Pids = [spawn(fun() -> Self ! {self(), busy(200000, 0)} end) || _ <- lists:seq(1, N)],
    lists:usort(lists:append([receive {P, Ids} -> Ids end || P <- Pids])).

%% The scheduler ids seen while running a busy loop.
busy(0, _) -> [erlang:system_info(scheduler_id)];
busy(N, Acc) when N rem 20000 =:= 0 ->
    [erlang:system_info(scheduler_id) | busy(N - 1, Acc)];
busy(N, Acc) -> busy(N - 1, Acc + 1).

err(F) -> try F() catch C:R -> {C, R} end.

main() ->
    S = erlang:system_info(schedulers),
    io:format("online = schedulers: ~p~n", [erlang:system_info(schedulers_online) =:= S]),
    io:format("set 1, old = S: ~p~n", [erlang:system_flag(schedulers_online, 1) =:= S]),
    io:format("online: ~p~n", [erlang:system_info(schedulers_online)]),
    io:format("ids with one online: ~p~n", [ids(4)]),
    io:format("back, old: ~p~n", [erlang:system_flag(schedulers_online, S)]),
    io:format("online again = S: ~p~n", [erlang:system_info(schedulers_online) =:= S]),
    io:format("errors: ~p~n",
              [[err(fun() -> erlang:system_flag(schedulers_online, V) end) || V <- [0, S + 1, x]]]),
    Multi = erlang:system_info(multi_scheduling),
    io:format("multi_scheduling: ~p~n", [Multi]),
    io:format("block: ~p~n", [erlang:system_flag(multi_scheduling, block)]),
    io:format("blockers are me: ~p~n",
              [erlang:system_info(multi_scheduling_blockers) =:= [self()]]),
    io:format("online while blocked: ~p~n", [erlang:system_info(schedulers_online)]),
    io:format("ids while blocked: ~p~n", [ids(4)]),
    io:format("block again: ~p~n", [erlang:system_flag(multi_scheduling, block)]),
    io:format("unblock once: ~p~n", [erlang:system_flag(multi_scheduling, unblock)]),
    io:format("unblock twice: ~p~n", [erlang:system_flag(multi_scheduling, unblock)]),
    io:format("blockers: ~p~n", [erlang:system_info(multi_scheduling_blockers)]),
    %% A blocker that exits releases its block.
    Self = self(),
    B = spawn(fun() -> erlang:system_flag(multi_scheduling, block), Self ! blocked,
                       receive go -> ok end end),
    receive blocked -> ok end,
    io:format("blocked by another: ~p ~p~n",
              [erlang:system_info(multi_scheduling),
               erlang:system_info(multi_scheduling_blockers) =:= [B]]),
    Ref = monitor(process, B),
    B ! go,
    receive {'DOWN', Ref, _, _, _} -> ok end,
    io:format("after its exit: ~p ~p~n",
              [erlang:system_info(multi_scheduling),
               erlang:system_info(multi_scheduling_blockers)]),
    io:format("bad: ~p~n", [err(fun() -> erlang:system_flag(multi_scheduling, sideways) end)]),
    io:format("all ids back: ~p~n", [length(ids(8)) =:= S]).
