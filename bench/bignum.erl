%% bignum: arbitrary-precision integer arithmetic. Computes 2000! several
%% times (growing bignum x small multiply), then exercises bignum x bignum
%% multiply, div/rem and conversion to decimal text.
-module(bignum).
-export([main/0]).

-define(REPS, 150).

main() ->
    _ = run(1),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?REPS),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench bignum ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(Reps) -> run(Reps, 0).

run(0, Acc) -> Acc;
run(Reps, Acc) ->
    F = fact(2000),
    H = fact(1000),
    Q = F div H,                      % bignum / bignum
    P = H * H,                        % bignum * bignum
    S = integer_to_list(F),           % bignum -> decimal
    M = (Q rem 1000000007) + (P rem 998244353) + length(S) +
        digit_sum(S, 0) + ((F - P * 3) band 16#FFFF) + (F bsr 19000),
    run(Reps - 1, (Acc + M) rem 1000000000039).

fact(N) -> fact(N, 1).
fact(0, Acc) -> Acc;
fact(N, Acc) -> fact(N - 1, Acc * N).

digit_sum([], Acc) -> Acc;
digit_sum([C | T], Acc) -> digit_sum(T, Acc + (C - $0)).
