%% tak: the Takeuchi function -- deep non-tail recursion with three
%% arguments, comparisons and decrements. Computes tak(24, 16, 8) repeatedly.
-module(tak).
-export([main/0]).

-define(REPS, 60).

main() ->
    _ = run(1, {18, 12, 6}),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?REPS, {24, 16, 8}),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench tak ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(Reps, Args) -> run(Reps, Args, 0).

run(0, _Args, Acc) -> Acc;
run(Reps, {X, Y, Z} = Args, Acc) ->
    %% vary the arguments slightly per repetition so no two calls are equal
    D = Reps rem 2,
    run(Reps - 1, Args, (Acc * 3 + tak(X + D, Y, Z)) rem 1000000007).

tak(X, Y, Z) when Y < X ->
    tak(tak(X - 1, Y, Z), tak(Y - 1, Z, X), tak(Z - 1, X, Y));
tak(_X, _Y, Z) ->
    Z.
