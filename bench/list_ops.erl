%% list_ops: list construction and traversal -- lists:seq, lists:map,
%% lists:filter, lists:foldl, lists:reverse, ++, length and a list
%% comprehension, each over 100k-element lists.
-module(list_ops).
-export([main/0]).

-define(LEN, 100000).
-define(REPS, 35).

main() ->
    _ = run(2, 1000),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?REPS, ?LEN),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench list_ops ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(Reps, Len) -> run(Reps, Len, 0).

run(0, _Len, Acc) -> Acc;
run(Reps, Len, Acc) ->
    L = lists:seq(Reps, Len + Reps),
    M = lists:map(fun(X) -> X * 3 + 1 end, L),
    F = lists:filter(fun(X) -> X rem 4 =:= 0 end, M),
    S = lists:foldl(fun(X, A) -> (A + X) band 16#FFFFFFF end, 0, F),
    R = lists:reverse(M),
    C = F ++ R ++ L,
    Z = [X * 2 || X <- C, X band 1 =:= 1],
    Len2 = length(C) + length(Z),
    Sum2 = sum(Z, 0),
    [H | _] = R,
    Last = lists:last(C),
    run(Reps - 1, Len, (Acc + S + Len2 + Sum2 + H + Last) band 16#FFFFFFFFF).

sum([], Acc) -> Acc;
sum([X | T], Acc) -> sum(T, (Acc + X) band 16#FFFFFFF).
