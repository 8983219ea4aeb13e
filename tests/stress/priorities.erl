-module(priorities).
-export([main/0]).

%% Run with one scheduler (+S 1). Processes of every priority are made runnable at the same
%% moment, while main (normal) keeps the scheduler; when main waits, they run in priority
%% order: max, high, normal, low. A busy high-priority process delays normal ones until it
%% finishes; a busy low-priority one does not starve a normal one.

spin(0) -> ok;
spin(N) -> spin(N - 1).

waiter(Prio, Tag, Log) ->
    spawn_opt(fun() -> receive go -> Log ! Tag end end, [{priority, Prio}]).

main() ->
    Self = self(),
    Ws = [waiter(low, low1, Self), waiter(normal, normal1, Self), waiter(high, high1, Self),
          waiter(max, max1, Self), waiter(low, low2, Self), waiter(normal, normal2, Self),
          waiter(high, high2, Self)],
    timer:sleep(50),
    [W ! go || W <- Ws],
    Order = [receive T -> T end || _ <- Ws],
    io:format("order: ~p~n", [Order]),

    %% A high-priority process that spins finishes before a normal one gets a turn.
    B = spawn_opt(fun() -> receive go -> spin(20000000), Self ! busy_high_done end end,
                  [{priority, high}]),
    N = spawn(fun() -> receive go -> Self ! normal_done end end),
    timer:sleep(20),
    N ! go, B ! go,
    First = receive X -> X end,
    Second = receive Y -> Y end,
    io:format("high vs normal: ~p ~p~n", [First, Second]),

    %% A low-priority spinner does not starve a normal process.
    L = spawn_opt(fun() -> spin(1 bsl 60) end, [{priority, low}]),
    timer:sleep(20),
    spawn(fun() -> spin(1000000), Self ! normal_finished end),
    receive normal_finished -> io:format("normal finished beside a low spinner~n") end,
    exit(L, kill),
    io:format("done~n").
