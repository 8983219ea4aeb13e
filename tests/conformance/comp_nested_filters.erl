-module(comp_nested_filters).
-export([main/0]).

id(X) -> X.

main() ->
    Matrix = id([[1, 2, 3], [4, 5, 6], [7, 8, 9]]),
    io:format("flatten: ~w~n", [[X || Row <- Matrix, X <- Row]]),
    io:format("transpose: ~w~n", [[[lists:nth(I, Row) || Row <- Matrix] || I <- lists:seq(1, 3)]]),
    io:format("diag: ~w~n", [[lists:nth(I, lists:nth(I, Matrix)) || I <- lists:seq(1, 3)]]),
    io:format("even in rows: ~w~n", [[[X || X <- Row, X rem 2 =:= 0] || Row <- Matrix]]),
    io:format("primes: ~w~n", [[N || N <- lists:seq(2, 100), lists:all(fun(D) -> N rem D =/= 0 end, lists:seq(2, N - 1))]]),
    io:format("multi gen filter between: ~w~n", [[{X, Y} || X <- lists:seq(1, 5), X rem 2 =:= 1, Y <- lists:seq(1, 3), X + Y > 4]]),
    io:format("comp with bin gen and filter: ~w~n", [<< <<X>> || <<X:4>> <= id(<<16#12, 16#34, 16#56>>), X > 2 >>]),
    io:format("comp over tuple lists: ~w~n", [[{K, V * 2} || {K, V} <- [{a, 1}, {b, 2}], K =/= b]]),
    io:format("comp with side effects: "),
    _ = [io:format("~w ", [X]) || X <- lists:seq(1, 5)],
    io:format("~n"),
    io:format("comp big: ~w~n", [length([X || X <- lists:seq(1, 100000), X rem 7 =:= 0])]),
    io:format("string words upcase: ~p~n", [[string:uppercase(W) || W <- string:lexemes("alpha beta gamma", " "), length(W) > 4]]),
    io:format("n-queens 6: ~w~n", [queens(6)]),
    io:format("n-queens 8 count: ~w~n", [length(queens(8))]),
    extra(),
    ok.

queens(N) -> q(N, N).
q(0, _) -> [[]];
q(K, N) -> [[C | Qs] || Qs <- q(K - 1, N), C <- lists:seq(1, N), safe(C, Qs, 1)].
safe(_, [], _) -> true;
safe(C, [Q | Qs], D) -> C =/= Q andalso abs(C - Q) =/= D andalso safe(C, Qs, D + 1).

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("filter referencing two vars", fun() -> [{X, Y} || X <- lists:seq(1, 6), Y <- lists:seq(1, 6), X * Y =:= 6] end),
    extra_t("triangle", fun() -> [[$* || _ <- lists:seq(1, N)] || N <- lists:seq(1, 4)] end),
    ok.
