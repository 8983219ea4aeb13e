%% Stack trace limits: backtrace_depth 0 still keeps one frame, and a line number of 2^24
%% or more (here from a -file attribute) leaves the frame without a location, as BEAM's
%% packed locations do.
-module(exc_trace_limits).
-export([main/0]).

main() ->
    [begin
         Old = erlang:system_flag(backtrace_depth, D),
         Lengths = [length(T) || T <- [t1(), t2()]],
         erlang:system_flag(backtrace_depth, Old),
         io:format("~p: ~p~n", [D, Lengths])
     end || D <- [0, 1, 2]],
    {'EXIT', {crash, [Top | _]}} = (catch crash_huge_line(gurka)),
    io:format("~p~n", [Top]),
    {'EXIT', {crash, [Top2 | _]}} = (catch crash_big_line(gurka)),
    io:format("~p~n", [Top2]).

t1() -> try error(reason) catch error:_:S -> S end.
t2() ->
    try
        {'EXIT', {_, S0}} = (catch error(x)),
        erlang:raise(error, reason, [hd(S0) | tl(S0)])
    catch error:_:S -> S
    end.

-file("huge_lines.erl", 16777213).
crash_big_line(_) ->
    erlang:error(crash).

-file("huge_lines.erl", 100000002).
crash_huge_line(_) ->
    erlang:error(crash).
