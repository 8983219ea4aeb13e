-module(proc_exit_reasons).
-export([main/0]).

%% Exit reasons as seen in 'DOWN' messages and trapped 'EXIT' messages: normal
%% return, exit/1 with many kinds of terms, exit/2, kill/killed, and large reasons
%% delivered to several monitors and links. (Uncaught errors and throws would write
%% an error report, so only exit/1 and exit/2 are used.)

id(X) -> X.

%% spawn a process that exits via Fun once told to, seen through a link and a monitor
both(Fun) ->
    P = spawn_link(fun() -> receive go -> Fun() end end),
    M = monitor(process, P),
    P ! go,
    D = receive {'DOWN', M, process, P, R1} -> R1 after 5000 -> timeout end,
    E = receive {'EXIT', P, R2} -> R2 after 5000 -> timeout end,
    {D =:= E, D}.

summary(B) when is_binary(B) -> {binary, byte_size(B), lists:sum(binary_to_list(B))};
summary(L) when is_list(L) -> {list, length(L), lists:sum(L)};
summary(T) when is_tuple(T) -> {tuple, tuple_size(T), [summary(X) || X <- tuple_to_list(T)]};
summary(X) -> X.

main() ->
    process_flag(trap_exit, true),
    Cases = [{return, fun() -> ok end},
             {exit_normal, fun() -> exit(normal) end},
             {atom, fun() -> exit(id(shutdown)) end},
             {shutdown_tuple, fun() -> exit({shutdown, id(restart)}) end},
             {tuple, fun() -> exit({id(error), {reason, [1, 2, 3]}}) end},
             {list, fun() -> exit(id([a, "b", <<"c">>])) end},
             {binary, fun() -> exit(id(<<"bin reason">>)) end},
             {integer, fun() -> exit(id(42)) end},
             {bignum, fun() -> exit(id(1 bsl 200)) end},
             {float, fun() -> exit(id(2.5)) end},
             {map, fun() -> exit(id(#{why => because, n => 1})) end},
             {empty_list, fun() -> exit(id([])) end},
             {fake_error, fun() -> exit({badarith, [{m, f, 1, []}]}) end},
             {kill_self, fun() -> exit(kill) end},
             {killed_self, fun() -> exit(killed) end},
             {caught_error, fun() -> exit(catch_reason(fun() -> id(1) / id(0) end)) end},
             {caught_throw, fun() -> exit(catch_reason(fun() -> throw(id(ball)) end)) end}],
    [io:format("~p: ~p~n", [Name, both(F)]) || {Name, F} <- Cases],

    %% exit/2 from outside
    Outside = [id(custom), {tuple, 1}, kill, killed, shutdown],
    lists:foreach(
      fun(R) ->
              P = spawn_link(fun() -> receive after infinity -> ok end end),
              M = monitor(process, P),
              exit(P, R),
              D = receive {'DOWN', M, process, P, R1} -> R1 after 5000 -> timeout end,
              E = receive {'EXIT', P, R2} -> R2 after 5000 -> timeout end,
              io:format("exit(P, ~p): down ~p exit ~p~n", [R, D, E])
      end, Outside),

    %% large reasons to several monitors and linked trapping processes
    Big = {lists:seq(1, 100000), binary:copy(<<"0123456789">>, 100000),
           <<"small">>, binary:part(binary:copy(<<"abc">>, 1000), 10, 50),
           list_to_tuple(lists:seq(1, 1000))},
    Me = self(),
    Victim = spawn(fun() -> receive go -> exit(Big) end end),
    Watchers = [spawn(fun() ->
                              M = monitor(process, Victim),
                              Me ! {ready, self()},
                              receive {'DOWN', M, process, Victim, R} -> Me ! {saw, self(), monitor, R =:= Big, summary(R)} end
                      end) || _ <- lists:seq(1, 3)]
        ++ [spawn(fun() ->
                          process_flag(trap_exit, true),
                          link(Victim),
                          Me ! {ready, self()},
                          receive {'EXIT', Victim, R} -> Me ! {saw, self(), link, R =:= Big, summary(R)} end
                  end) || _ <- lists:seq(1, 3)],
    [receive {ready, W} -> ok end || W <- Watchers],
    Victim ! go,
    Seen = [receive {saw, W, Kind, Eq, S} -> {Kind, Eq, S} after 5000 -> timeout end || W <- Watchers],
    io:format("big reason kinds: ~p~n", [[{K, Eq} || {K, Eq, _} <- Seen]]),
    io:format("all summaries equal: ~p~n", [length(lists:usort([S || {_, _, S} <- Seen])) =:= 1]),
    {_, _, {tuple, 5, [L, B1, B2, B3, {tuple, 1000, _}]}} = hd(Seen),
    io:format("big reason summary: ~w ~w ~w ~w~n", [L, B1, B2, B3]),

    %% monitor on an already dead process
    {DP, DM} = spawn_monitor(fun() -> exit(id(first)) end),
    receive {'DOWN', DM, process, DP, First} -> io:format("first: ~p~n", [First]) end,
    M2 = monitor(process, DP),
    io:format("late monitor: ~p~n", [receive {'DOWN', M2, process, DP, R} -> R after 1000 -> timeout end]),
    process_flag(trap_exit, false),
    ok.

catch_reason(F) ->
    try F() of V -> {value, V} catch Class:Reason -> {Class, Reason} end.
