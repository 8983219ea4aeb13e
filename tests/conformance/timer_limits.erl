%% The limits of timeouts: `receive ... after T` takes 0..2^32-1 ms (anything else is a
%% timeout_value error), and the timer BIFs name the bad argument in their error info
%% (cause time or badopt).
-module(timer_limits).
-export([main/0]).

main() ->
    [io:format("after ~p: ~p~n", [T, try_after(T)])
     || T <- [-1, 0.0, 3.14, 16#ffffffff + 1, 16#3fffffffffffffff, 16#ffffffffffffffff,
              -16#100000000, -3891278094774921784123987129848, xxx]],
    io:format("after 2^32-1 with a message: ~p~n", [with_message(16#ffffffff)]),
    [io:format("~p: ~p~n", [Name, error_info(F)])
     || {Name, F} <- [{send_after_neg, fun() -> erlang:send_after(-1, self(), x) end},
                      {send_after_atom, fun() -> erlang:send_after(foo, self(), x) end},
                      {send_after_huge, fun() -> erlang:send_after(16#3fffffffffffffff, self(), x) end},
                      {send_after_dest, fun() -> erlang:send_after(1, 1, x) end},
                      {send_after_opt, fun() -> erlang:send_after(1, self(), x, [bad]) end},
                      {send_after_opt_tail, fun() -> erlang:send_after(1, self(), x, [{abs, true} | a]) end},
                      {start_timer_neg, fun() -> erlang:start_timer(-5, self(), x) end},
                      {start_timer_opt, fun() -> erlang:start_timer(1, self(), x, [{abs, 1}]) end}]],
    ok.

try_after(T) ->
    try receive never_sent -> impossible after T -> timed_out end
    catch error:Reason -> {error, Reason}
    end.

with_message(T) ->
    self() ! here,
    receive here -> got_it after T -> timed_out end.

error_info(F) ->
    try F() of
        _ -> no_error
    catch error:Reason:Stack ->
        [{_, _, _, Info} | _] = Stack,
        {Reason, proplists:get_value(error_info, Info)}
    end.
