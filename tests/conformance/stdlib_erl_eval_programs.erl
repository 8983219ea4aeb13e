-module(stdlib_erl_eval_programs).
-export([main/0]).

run(Src) ->
    {ok, Toks, _} = erl_scan:string(Src),
    {ok, Exprs} = erl_parse:parse_exprs(Toks),
    {value, V, _} = erl_eval:exprs(Exprs, erl_eval:new_bindings()),
    V.

main() ->
    Fib = "Fib = fun F(0) -> 0; F(1) -> 1; F(N) -> F(N - 1) + F(N - 2) end, [Fib(N) || N <- lists:seq(0, 20)].",
    io:format("fib: ~p~n", [run(Fib)]),
    Sort = "Q = fun S([]) -> []; S([P | T]) -> S([X || X <- T, X < P]) ++ [P] ++ S([X || X <- T, X >= P]) end, "
           "Q([5, 2, 8, 1, 9, 3, 7, 4, 6, 0]).",
    io:format("qsort: ~p~n", [run(Sort)]),
    Words = "Text = \"the quick brown fox jumps over the lazy dog the end\", "
            "Ws = string:lexemes(Text, \" \"), "
            "Counts = lists:foldl(fun(W, M) -> maps:update_with(W, fun(C) -> C + 1 end, 1, M) end, #{}, Ws), "
            "lists:sort(fun({_, A}, {_, B}) -> A >= B end, lists:sort(maps:to_list(Counts))).",
    io:format("word counts: ~p~n", [run(Words)]),
    Primes = "Sieve = fun Sv([]) -> []; Sv([P | Xs]) -> [P | Sv([X || X <- Xs, X rem P =/= 0])] end, Sieve(lists:seq(2, 60)).",
    io:format("primes: ~p~n", [run(Primes)]),
    Bin = "B = list_to_binary(lists:seq(1, 10)), << <<(X * 2):16>> || <<X>> <= B >>.",
    io:format("bin: ~p~n", [run(Bin)]),
    Rec = "Acc = lists:foldl(fun(X, {S, P}) -> {S + X, P * X} end, {0, 1}, lists:seq(1, 15)), Acc.",
    io:format("fold: ~p~n", [run(Rec)]),
    Exc = "F = fun(X) -> try 10 div X of R -> {ok, R} catch error:E -> {err, E} after ok end end, [F(2), F(0)].",
    io:format("exceptions: ~p~n", [run(Exc)]),
    Proc = "P = self(), Pid = spawn(fun() -> receive {From, N} -> From ! {result, N * N} end end), "
           "Pid ! {P, 12}, receive {result, R} -> R after 1000 -> timeout end.",
    io:format("process: ~p~n", [run(Proc)]),
    Str = "lists:flatten(io_lib:format(\"~w|~p|~s\", [{a, 1}, \"str\", \"raw\"])).",
    io:format("format: ~p~n", [run(Str)]),
    Err = try run("X = 1, X + an_atom.") catch C:E -> {C, E} end,
    io:format("atom arith: ~p~n", [Err]),
    Err2 = try run("X = 1, X + Unbound.") catch C2:E2 -> {C2, E2} end,
    io:format("unbound var: ~p~n", [Err2]),
    ok.
