%% closures: funs and higher-order code -- closures capturing variables,
%% lists:map/foldl/filter/any/all with closures, function composition,
%% currying, funs stored in data structures and fun calls via apply.
-module(closures).
-export([main/0]).

-define(LEN, 10000).
-define(REPS, 200).

main() ->
    _ = run(2, 100),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?REPS, ?LEN),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench closures ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(Reps, Len) -> run(Reps, Len, 0).

run(0, _Len, Acc) -> Acc;
run(Reps, Len, Acc) ->
    L = lists:seq(1, Len),
    K = Reps rem 13 + 1,
    Add = fun(N) -> fun(X) -> X + N end end,
    Mul = fun(N) -> fun(X) -> (X * N) band 16#FFFFFF end end,
    Pipeline = compose_all([Add(K), Mul(3), Add(-1), Mul(K + 2), fun square_mod/1]),
    M1 = lists:map(Pipeline, L),
    M2 = lists:map(fun(X) -> X + K end, M1),
    F = lists:filter(fun(X) -> X rem K =/= 0 end, M2),
    S = lists:foldl(fun(X, A) -> (A + X * K) band 16#FFFFFFF end, 0, F),
    Any = lists:any(fun(X) -> X =:= -1 end, F),
    All = lists:all(fun(X) -> X >= 0 end, F),
    Table = [{add, Add(K)}, {mul, Mul(K)}, {id, fun(X) -> X end}],
    T = lists:foldl(fun(X, A) ->
                            {_, Fn} = lists:nth(X rem 3 + 1, Table),
                            (A + Fn(X)) band 16#FFFFFFF
                    end, 0, L),
    C = curry3(fun(A, B, Cc) -> A * B + Cc end),
    Cu = lists:foldl(fun(X, A) -> ((C(X))(K))(A) band 16#FFFFFFF end, 1, L),
    Ap = apply(Pipeline, [Len]) + apply(fun erlang:'+'/2, [K, Len]),
    B = bool(Any) + 2 * bool(All),
    run(Reps - 1, Len, (Acc * 5 + S + T + Cu + Ap + B + length(F)) band 16#FFFFFFFFF).

square_mod(X) -> (X * X) rem 1000003.

compose(F, G) -> fun(X) -> G(F(X)) end.

compose_all([F]) -> F;
compose_all([F | Rest]) -> compose(F, compose_all(Rest)).

curry3(F) -> fun(A) -> fun(B) -> fun(C) -> F(A, B, C) end end end.

bool(true) -> 1;
bool(false) -> 0.
