-module(deep_recursion_sum).
-export([main/0]).

%% Non-tail recursion building a 1,000,000-deep stack without a list, plus
%% deep recursion through a fun and through try/catch frames.

sum_to(0) -> 0;
sum_to(N) -> N + sum_to(N - 1).

depth_tuple(0) -> leaf;
depth_tuple(N) -> {N, depth_tuple(N - 1)}.

count_depth(leaf, Acc) -> Acc;
count_depth({_, T}, Acc) -> count_depth(T, Acc + 1).

try_depth(0) -> 0;
try_depth(N) -> try 1 + try_depth(N - 1) catch throw:x -> -1 end.

main() ->
    io:format("sum_to 1000000: ~p~n", [sum_to(1000000)]),
    io:format("sum_to 10: ~p~n", [sum_to(10)]),
    T = depth_tuple(1000000),
    io:format("tuple depth: ~p~n", [count_depth(T, 0)]),
    Fact = fun F(0) -> 1; F(N) -> N + F(N - 1) end,
    io:format("fun depth: ~p~n", [Fact(500000)]),
    io:format("try depth: ~p~n", [try_depth(200000)]),
    Thrower = fun G(0) -> throw(bottom); G(N) -> [G(N - 1)] end,
    io:format("throw from deep: ~p~n", [catch Thrower(300000)]),
    io:format("foldr deep: ~p~n", [lists:foldr(fun(X, A) -> X + A end, 0, lists:seq(1, 1000000))]),
    ok.
