%% list_sort: lists:sort of 200k pseudo-random integers (Park-Miller LCG,
%% all small ints), plus lists:usort and a sort with a custom ordering fun.
%% Generating the input is part of the measured work.
-module(list_sort).
-export([main/0]).

-define(LEN, 200000).
-define(REPS, 3).

main() ->
    _ = run(1, 1000),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?REPS, ?LEN),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench list_sort ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(Reps, Len) -> run(Reps, Len, 0).

run(0, _Len, Acc) -> Acc;
run(Reps, Len, Acc) ->
    L = gen(Len, Reps * 7919 + 1, []),
    S = lists:sort(L),
    U = lists:usort([X rem 50000 || X <- L]),
    D = lists:sort(fun(A, B) -> A >= B end, L),
    H = hash(S, hash(U, hash(D, 0))),
    run(Reps - 1, Len, (Acc * 31 + H + length(U)) band 16#FFFFFFFFF).

%% Park-Miller minimal standard generator; products stay below 2^47
gen(0, _X, Acc) -> Acc;
gen(N, X, Acc) ->
    X1 = (X * 48271) rem 2147483647,
    gen(N - 1, X1, [X1 | Acc]).

%% order-sensitive checksum
hash([], H) -> H;
hash([X | T], H) -> hash(T, (H * 33 + X) band 16#FFFFFFF).
