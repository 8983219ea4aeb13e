-module(list_mapfoldl).
-export([main/0]).

main() ->
    L = [3, 1, 4, 1, 5, 9, 2, 6],
    io:format("mapfoldl: ~w~n", [lists:mapfoldl(fun(X, A) -> {X * 2, A + X} end, 0, L)]),
    io:format("mapfoldr: ~w~n", [lists:mapfoldr(fun(X, A) -> {X * 2, [X | A]} end, [], L)]),
    io:format("mapfoldl index: ~w~n", [lists:mapfoldl(fun(X, I) -> {{I, X}, I + 1} end, 1, L)]),
    io:format("mapfoldl empty: ~w~n", [lists:mapfoldl(fun(X, A) -> {X, A} end, z, [])]),
    io:format("enumerate-like: ~w~n", [lists:zip(lists:seq(1, length(L)), L)]),
    {Mapped, Max} = lists:mapfoldl(fun(X, M) -> {-X, max(X, M)} end, 0, L),
    io:format("mapped=~w max=~w~n", [Mapped, Max]),
    io:format("running sum: ~w~n", [element(1, lists:mapfoldl(fun(X, S) -> {S + X, S + X} end, 0, L))]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("mapfoldl string", fun() -> lists:mapfoldl(fun(C, N) -> {C - 32, N + 1} end, 0, "hello") end),
    extra_t("mapfoldr order", fun() -> lists:mapfoldr(fun(X, Acc) -> {X, [X | Acc]} end, [], [1, 2, 3]) end),
    extra_t("mapfoldl tuple acc", fun() -> lists:mapfoldl(fun(X, {Mn, Mx}) -> {X * X, {min(X, Mn), max(X, Mx)}} end, {100, -100}, [5, -3, 8]) end),
    extra_t("mapfoldl big", fun() -> element(2, lists:mapfoldl(fun(X, A) -> {X, A + X} end, 0, lists:seq(1, 100000))) end),
    extra_t("mapfoldl bad fun", fun() -> lists:mapfoldl(fun(X) -> X end, 0, [1]) end),
    extra_t("mapfoldl bad return", fun() -> lists:mapfoldl(fun(X, A) -> X + A end, 0, [1]) end),
    extra_t("mapfoldl improper", fun() -> lists:mapfoldl(fun(X, A) -> {X, A} end, 0, extra_id([1 | 2])) end),
    extra_t("mapfoldr big", fun() -> element(2, lists:mapfoldr(fun(X, A) -> {X, A * 2 rem 1000003 + X} end, 1, lists:seq(1, 50000))) end),
    extra_t("mapfoldl with index then filter", fun() -> [V || {I, V} <- element(1, lists:mapfoldl(fun(X, I) -> {{I, X}, I + 1} end, 0, "abcdef")), I rem 2 =:= 0] end),
    extra_t("mapfoldl dedup", fun() -> element(1, lists:mapfoldl(fun(X, Seen) -> case lists:member(X, Seen) of true -> {dup, Seen}; false -> {X, [X | Seen]} end end, [], [a, b, a, c, b])) end),
    extra_t("mapfoldl nested", fun() -> lists:mapfoldl(fun(L, A) -> lists:mapfoldl(fun(X, B) -> {X + B, B + 1} end, A, L) end, 0, [[1, 2], [3], []]) end),
    extra_t("mapfoldr strings", fun() -> lists:mapfoldr(fun(S, N) -> {{N, S}, N + length(S)} end, 0, ["ab", "cde", "f"]) end),
    extra_t("mapfoldl empty", fun() -> lists:mapfoldr(fun(X, A) -> {X, A} end, acc, []) end),
    extra_t("mapfoldl returns list", fun() -> is_list(element(1, lists:mapfoldl(fun(X, A) -> {X, A} end, 0, [1]))) end),
    extra_t("mapfoldl exceptions", fun() -> catch lists:mapfoldl(fun(3, _) -> throw(three); (X, A) -> {X, A} end, 0, [1, 2, 3]) end),
    ok.
