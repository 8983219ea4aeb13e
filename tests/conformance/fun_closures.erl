-module(fun_closures).
-export([main/0]).

id(X) -> X.

make_adder(N) -> fun(X) -> X + N end.
make_counter(Start) -> fun(Inc) -> {Start + Inc, make_counter(Start + Inc)} end.
compose(F, G) -> fun(X) -> F(G(X)) end.
curry(F) -> fun(A) -> fun(B) -> F(A, B) end end.

main() ->
    Add5 = make_adder(5),
    io:format("add5(10): ~p~n", [Add5(10)]),
    Adders = [make_adder(N) || N <- lists:seq(1, 5)],
    io:format("adders on 100: ~p~n", [[F(100) || F <- Adders]]),
    C0 = make_counter(0),
    {V1, C1} = C0(3),
    {V2, C2} = C1(4),
    {V3, _} = C2(10),
    io:format("counter: ~p ~p ~p~n", [V1, V2, V3]),
    Inc = fun(X) -> X + 1 end,
    Dbl = fun(X) -> X * 2 end,
    io:format("compose: ~p ~p~n", [(compose(Inc, Dbl))(5), (compose(Dbl, Inc))(5)]),
    io:format("curry: ~p~n", [((curry(fun(A, B) -> A - B end))(10))(3)]),
    Captured = {id(a), [1, 2, 3], <<"bin">>, #{k => v}},
    F = fun() -> Captured end,
    io:format("captured: ~p~n", [F()]),
    Y = id(7),
    G = fun(Z) -> Z * 2 end,
    io:format("fun arg: ~p~n", [G(3)]),
    io:format("outer Y unchanged: ~p~n", [Y]),
    Multi = fun(0) -> zero; (N) when N < 0 -> neg; (_) -> pos end,
    io:format("multi-clause: ~p~n", [[Multi(X) || X <- [-2, 0, 5]]]),
    Fact = fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end,
    io:format("named fun fact(20): ~p~n", [Fact(20)]),
    Fib = fun Fib(N) when N < 2 -> N; Fib(N) -> Fib(N - 1) + Fib(N - 2) end,
    io:format("named fun fib: ~p~n", [[Fib(N) || N <- lists:seq(0, 15)]]),
    io:format("is_function: ~p~n", [[is_function(Add5), is_function(Add5, 1), is_function(Add5, 2), is_function(id(x))]]),
    io:format("immediate call: ~p~n", [(fun(A, B) -> A * B end)(6, 7)]),
    Acc = lists:foldl(fun(X, Fs) -> [fun() -> X * X end | Fs] end, [], lists:seq(1, 5)),
    io:format("closures in fold: ~p~n", [[H() || H <- Acc]]),
    io:format("fun equality: ~p~n", [[Add5 =:= Add5, make_adder(1) =:= make_adder(1), make_adder(1) =:= make_adder(2)]]),
    io:format("apply/2: ~p~n", [apply(Add5, [1])]),
    io:format("erlang:apply/3: ~p~n", [erlang:apply(lists, reverse, [[1, 2, 3]])]),
    ok.
