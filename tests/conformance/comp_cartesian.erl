-module(comp_cartesian).
-export([main/0]).

id(X) -> X.

main() ->
    io:format("3 gens: ~w~n", [length([{A, B, C} || A <- lists:seq(1, 20), B <- lists:seq(1, 20), C <- lists:seq(1, 20)])]),
    io:format("filtered triples: ~w~n", [[{A, B, C} || A <- lists:seq(1, 12), B <- lists:seq(A, 12), C <- lists:seq(B, 12), A + B + C =:= 12, A * B * C > 40]]),
    io:format("pattern + filter: ~w~n", [[X + Y || {X, Y} <- [{1, 2}, {3, 4}, bad, {5, 6}], X > 1]]),
    io:format("dependent on earlier: ~w~n", [[{I, J} || I <- lists:seq(1, 5), J <- lists:seq(1, I), (I + J) rem 3 =:= 0]]),
    io:format("string product: ~p~n", [[[X, Y] || X <- "ab", Y <- "xyz"]]),
    io:format("tuple gens: ~w~n", [[K || {K, true} <- [{a, true}, {b, false}, {c, true}]]]),
    io:format("nested lists: ~w~n", [[[X * Y || Y <- lists:seq(1, 5)] || X <- lists:seq(1, 5)]]),
    io:format("sum of products: ~w~n", [lists:sum([X * Y || X <- lists:seq(1, 100), Y <- lists:seq(1, 100)])]),
    io:format("filter only: ~w~n", [[ok || id(true)]]),
    io:format("filter false: ~w~n", [[ok || id(false)]]),
    io:format("gen with map values: ~w~n", [lists:sort([V || {_, V} <- maps:to_list(#{a => 3, b => 1, c => 2})])]),
    io:format("zip via comp: ~w~n", [[{X, Y} || {X, Y} <- lists:zip([1, 2, 3], [a, b, c])]]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("4 gens count", fun() -> length([x || _ <- lists:seq(1, 5), _ <- lists:seq(1, 5), _ <- lists:seq(1, 5), _ <- lists:seq(1, 5)]) end),
    extra_t("gen over tuple list with guard fun", fun() -> [A || {A, B} <- [{1, 2}, {3, 1}, {2, 2}], A < B] end),
    extra_t("magic squares rows", fun() -> [{A, B, C} || A <- lists:seq(1, 9), B <- lists:seq(1, 9), C <- lists:seq(1, 9), A =/= B, B =/= C, A =/= C, A + B + C =:= 15, A < B, B < C] end),
    extra_t("comprehension in comprehension filter", fun() -> [X || X <- lists:seq(1, 20), [] =:= [D || D <- lists:seq(2, X - 1), X rem D =:= 0], X > 1] end),
    extra_t("chars grouped", fun() -> [[C || C <- W, C =/= $a] || W <- ["banana", "apple", "cherry"]] end),
    extra_t("nested tuple pattern", fun() -> [{K, V} || {K, {ok, V}} <- [{a, {ok, 1}}, {b, error}, {c, {ok, 3}}]] end),
    extra_t("accumulate with foldl over comp", fun() -> lists:foldl(fun(X, A) -> A * 2 + X end, 0, [X rem 2 || X <- lists:seq(1, 16)]) end),
    extra_t("strings concat", fun() -> lists:append([[C, C] || C <- "abc"]) end),
    extra_t("empty generator first", fun() -> [{X, Y} || X <- [], Y <- [1]] end),
    extra_t("empty generator second", fun() -> [{X, Y} || X <- [1], Y <- []] end),
    extra_t("binary in list comp result", fun() -> [<<X>> || X <- [65, 66]] end),
    ok.
