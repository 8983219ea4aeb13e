-module(fun_higher_order).
-export([main/0]).

map(_, []) -> [];
map(F, [H | T]) -> [F(H) | map(F, T)].

foldr(_, Acc, []) -> Acc;
foldr(F, Acc, [H | T]) -> F(H, foldr(F, Acc, T)).

iterate(_, 0, X) -> X;
iterate(F, N, X) -> iterate(F, N - 1, F(X)).

y(F) -> (fun(X) -> F(fun(V) -> (X(X))(V) end) end)(fun(X) -> F(fun(V) -> (X(X))(V) end) end).

main() ->
    io:format("map: ~p~n", [map(fun(X) -> X * X end, lists:seq(1, 8))]),
    io:format("foldr: ~p~n", [foldr(fun(X, A) -> [X, X | A] end, [], [a, b, c])]),
    io:format("iterate: ~p~n", [iterate(fun(X) -> X * 3 + 1 end, 10, 1)]),
    io:format("collatz steps: ~p~n", [[collatz(N, 0) || N <- [1, 7, 27, 97]]]),
    Fact = y(fun(Self) -> fun(0) -> 1; (N) -> N * Self(N - 1) end end),
    io:format("y-comb fact 25: ~p~n", [Fact(25)]),
    Pipeline = [fun(X) -> X + 1 end, fun(X) -> X * 10 end, fun(X) -> X - 3 end],
    io:format("pipeline: ~p~n", [lists:foldl(fun(F, Acc) -> F(Acc) end, 5, Pipeline)]),
    Memo = lists:foldl(fun(N, M) -> M#{N => maps:get(N - 1, M, 0) + maps:get(N - 2, M, 1)} end, #{0 => 0, 1 => 1}, lists:seq(2, 50)),
    io:format("fib 50 via fold: ~p~n", [maps:get(50, Memo)]),
    io:format("sort by fun: ~p~n", [lists:sort(fun(A, B) -> abs(A) =< abs(B) end, [-5, 3, -1, 4, -2])]),
    io:format("apply list: ~p~n", [[apply(F, [2]) || F <- Pipeline]]),
    ok.

collatz(1, S) -> S;
collatz(N, S) when N rem 2 =:= 0 -> collatz(N div 2, S + 1);
collatz(N, S) -> collatz(3 * N + 1, S + 1).
