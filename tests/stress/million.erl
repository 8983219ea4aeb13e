-module(million).
-export([main/0]).

%% 1,000,000 processes alive at once (run erl with +P 2000000), each answering once, then
%% all gone.

main() ->
    N = 1000000,
    Self = self(),
    Pids = [spawn(fun() -> receive {go, K} -> Self ! {done, K} end end)
            || _ <- lists:seq(1, N)],
    Alive = erlang:system_info(process_count),
    io:format("alive at once: ~p~n", [Alive >= N]),
    lists:foldl(fun(P, K) -> P ! {go, K}, K + 1 end, 1, Pids),
    Sum = lists:sum([receive {done, K} -> K end || _ <- Pids]),
    io:format("answers: ~p~n", [Sum =:= N * (N + 1) div 2]),
    timer:sleep(100),
    io:format("left: ~p~n", [erlang:system_info(process_count) < 1000]),
    io:format("done~n").
