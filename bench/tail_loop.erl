%% tail_loop: a tight tail-recursive loop doing small-integer arithmetic
%% (add, multiply, rem, band, bsl/bsr) -- measures the dispatch cost of
%% the simplest instructions and tail-call overhead.
-module(tail_loop).
-export([main/0]).

-define(N, 150000000).

main() ->
    _ = loop(100000, 0, 1),
    T0 = erlang:monotonic_time(microsecond),
    R = loop(?N, 0, 1),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench tail_loop ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

loop(0, Acc, X) -> Acc + X;
loop(N, Acc, X) ->
    X1 = (X * 33 + N) band 16#FFFFF,
    Acc1 = (Acc + (X1 rem 7) + (X1 bsr 3)) band 16#FFFFFFF,
    loop(N - 1, Acc1, X1).
