-module(proc_receive_timers).
-export([main/0]).

flush() -> receive M -> [M | flush()] after 0 -> [] end.

main() ->
    erlang:send_after(30, self(), late),
    erlang:send_after(10, self(), early),
    R1 = receive early -> got_early after 1000 -> timeout end,
    R2 = receive late -> got_late after 1000 -> timeout end,
    io:format("send_after order: ~p ~p~n", [R1, R2]),
    T = erlang:start_timer(20, self(), tick),
    R3 = receive {timeout, T, tick} -> timer_fired after 1000 -> timeout end,
    io:format("start_timer: ~p~n", [R3]),
    T2 = erlang:send_after(5000, self(), never),
    Left = erlang:cancel_timer(T2),
    io:format("cancel_timer left is integer: ~p~n", [is_integer(Left)]),
    io:format("cancel again: ~p~n", [erlang:cancel_timer(T2)]),
    io:format("nothing arrived: ~p~n", [flush()]),
    Timeout = 15,
    R4 = receive nothing -> x after Timeout -> variable_timeout end,
    io:format("variable after: ~p~n", [R4]),
    self() ! {tag, 1}, self() ! other, self() ! {tag, 2},
    R5 = [receive {tag, N} -> N after 0 -> none end || _ <- [1, 2, 3]],
    io:format("selective tags: ~p rest ~p~n", [R5, flush()]),
    self() ! {a, 1}, self() ! {b, 2},
    R6 = receive {b, X} -> receive {a, Y} -> {X, Y} after 0 -> nested_none end after 0 -> none end,
    io:format("nested receive: ~p~n", [R6]),
    {ok, TRef} = timer:send_after(10, self(), via_timer_module),
    R7 = receive via_timer_module -> yes after 1000 -> no end,
    io:format("timer:send_after: ~p ~p~n", [R7, is_tuple(TRef) orelse is_reference(TRef)]),
    timer:sleep(5),
    io:format("timer:sleep done~n"),
    io:format("tc result: ~p~n", [element(2, timer:tc(fun() -> lists:sum(lists:seq(1, 1000)) end))]),
    ok.
