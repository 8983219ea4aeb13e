-module(fun_env_preempted).
-export([main/0]).

%% Calls to closures with several free variables, preempted often and interleaved with
%% other processes running closures of their own: the free variables must survive every
%% switch (they travel in registers after the arguments).

loop(_F, 0, Acc) -> Acc;
loop(F, N, Acc) -> loop(F, N - 1, add(Acc, F(N))).

%% A third call per iteration, so that time slices end at every kind of call site.
add(Acc, V) -> (Acc + V) band 16#FFFFFFF.

worker(Parent, K) ->
    {A, B, C, D} = {K, K * 3, K * 7 + 1, [K, K + 1]},
    F = fun(X) -> X + A + B * C + length(D) + hd(D) end,
    Parent ! {self(), loop(F, 50000, 0)}.

expected(K) ->
    {A, B, C, D} = {K, K * 3, K * 7 + 1, [K, K + 1]},
    lists:foldl(fun(X, Acc) -> (Acc + X + A + B * C + length(D) + hd(D)) band 16#FFFFFFF end,
                0, lists:seq(50000, 1, -1)).

main() ->
    Self = self(),
    Ks = lists:seq(1, 6),
    Pids = [{spawn(fun() -> worker(Self, K) end), K} || K <- Ks],
    Results = [receive {P, R} -> R =:= expected(K) end || {P, K} <- Pids],
    io:format("all right: ~p~n", [Results]).
