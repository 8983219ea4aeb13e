-module(list_fold).
-export([main/0]).

main() ->
    L = lists:seq(1, 10),
    io:format("foldl sum: ~w~n", [lists:foldl(fun(X, A) -> X + A end, 0, L)]),
    io:format("foldl cons: ~w~n", [lists:foldl(fun(X, A) -> [X | A] end, [], L)]),
    io:format("foldr cons: ~w~n", [lists:foldr(fun(X, A) -> [X | A] end, [], L)]),
    io:format("foldl minus: ~w~n", [lists:foldl(fun(X, A) -> X - A end, 0, L)]),
    io:format("foldr minus: ~w~n", [lists:foldr(fun(X, A) -> X - A end, 0, L)]),
    io:format("foldl empty: ~w~n", [lists:foldl(fun(X, A) -> X + A end, acc, [])]),
    io:format("foldl tuple acc: ~w~n", [lists:foldl(fun(X, {E, O}) when X rem 2 =:= 0 -> {E + X, O};
                                                        (X, {E, O}) -> {E, O + X} end, {0, 0}, L)]),
    io:format("map: ~w~n", [lists:map(fun(X) -> X * X end, L)]),
    io:format("flatmap: ~w~n", [lists:flatmap(fun(X) -> lists:duplicate(X rem 3, X) end, L)]),
    io:format("foreach: "), lists:foreach(fun(X) -> io:format("~w,", [X]) end, L), io:format("~n"),
    io:format("all: ~w ~w~n", [lists:all(fun(X) -> X > 0 end, L), lists:all(fun(X) -> X > 5 end, L)]),
    io:format("any: ~w ~w~n", [lists:any(fun(X) -> X > 9 end, L), lists:any(fun(X) -> X > 10 end, L)]),
    io:format("all/any empty: ~w ~w~n", [lists:all(fun(_) -> false end, []), lists:any(fun(_) -> true end, [])]),
    io:format("filter: ~w~n", [lists:filter(fun(X) -> X rem 3 =:= 0 end, L)]),
    io:format("foldl bad fun: ~p~n", [try lists:foldl(fun(X) -> X end, 0, L) catch C:E -> {C, E} end]),
    io:format("map improper: ~p~n", [try lists:map(fun(X) -> X end, [1 | 2]) catch C2:E2 -> {C2, E2} end]),
    io:format("foldl big: ~w~n", [lists:foldl(fun(X, A) -> X * A end, 1, lists:seq(1, 40))]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("foldl order", fun() -> lists:foldl(fun(X, A) -> A ++ [X] end, [], [a, b, c]) end),
    extra_t("foldr order", fun() -> lists:foldr(fun(X, A) -> A ++ [X] end, [], [a, b, c]) end),
    extra_t("foldl string build", fun() -> lists:foldl(fun(W, A) -> A ++ " " ++ W end, "start", ["x", "y"]) end),
    extra_t("foldl max", fun() -> lists:foldl(fun erlang:max/2, 0, [3, 9, 2, 7]) end),
    extra_t("foldr big", fun() -> lists:foldr(fun(X, A) -> X + A end, 0, lists:seq(1, 200000)) end),
    extra_t("foldl map acc", fun() -> lists:foldl(fun(C, M) -> maps:update_with(C, fun(N) -> N + 1 end, 1, M) end, #{}, "mississippi") end),
    ok.
