-module(sig_demonitor_race).
-export([main/0]).

%% After demonitor/1,2 returns, no 'DOWN' for that monitor arrives later, even when the
%% target was exiting at that very moment (on another scheduler). A 'DOWN' already in the
%% queue stays unless [flush] is given, and [info] tells which case happened: true means
%% the monitor was removed before its 'DOWN' was delivered (none will come), false means
%% the 'DOWN' is already in the queue. So the counts below are the same on every run.

flush() -> receive M -> [M | flush()] after 0 -> [] end.

downs_for(M) -> [X || {'DOWN', R, _, _, _} = X <- flush(), R =:= M].

round(0, Bad) -> Bad;
round(N, Bad) ->
    {_P, M} = spawn_monitor(fun() -> exit(bye) end),
    Unexpected =
        case N rem 3 of
            0 ->
                %% No flush: a 'DOWN' may be in the queue only if info says so.
                Removed = erlang:demonitor(M, [info]),
                timer:sleep(0),
                Left = length(downs_for(M)),
                case {Removed, Left} of
                    {true, 0} -> 0;
                    {false, 1} -> 0;
                    _ -> 1
                end;
            1 ->
                true = erlang:demonitor(M, [flush]),
                length(downs_for(M));
            2 ->
                _ = erlang:demonitor(M, [flush, info]),
                length(downs_for(M))
        end,
    round(N - 1, Bad + Unexpected).

main() ->
    Bad = round(3000, 0),
    timer:sleep(50),
    io:format("unexpected DOWN messages: ~p, left over: ~p~n",
              [Bad, length([X || {'DOWN', _, _, _, _} = X <- flush()])]).
