-module(sig_demonitor_race).
-export([main/0]).

%% After demonitor/1,2 returns, no 'DOWN' for that monitor arrives, even when the target
%% was exiting at that very moment (on another scheduler).

flush() -> receive M -> [M | flush()] after 0 -> [] end.

round(0, Stray) -> Stray;
round(N, Stray) ->
    {_P, M} = spawn_monitor(fun() -> exit(bye) end),
    case N rem 2 of
        0 -> erlang:demonitor(M);
        1 -> erlang:demonitor(M, [flush])
    end,
    Left = [X || {'DOWN', R, _, _, _} = X <- flush(), R =:= M],
    round(N - 1, Stray + length(Left)).

main() ->
    Stray = round(2000, 0),
    timer:sleep(50),
    io:format("stray DOWN messages: ~p, left over: ~p~n",
              [Stray, length([X || {'DOWN', _, _, _, _} = X <- flush()])]).
