-module(exc_catch_values).
-export([main/0]).

id(X) -> X.

strip({'EXIT', {Reason, Stack}}) when is_list(Stack) ->
    {'EXIT', Reason, [F || F = {M, _, _, _} <- Stack, M =/= erl_eval, M =/= init]};
strip(Other) -> Other.

main() ->
    io:format("normal: ~p~n", [catch id(1) + 1]),
    io:format("throw: ~p~n", [catch throw(id(ball))]),
    io:format("throw tuple: ~p~n", [catch throw({id(a), b})]),
    io:format("exit: ~p~n", [catch exit(id(reason))]),
    io:format("exit normal: ~p~n", [catch exit(normal)]),
    io:format("error: ~p~n", [strip(catch error(id(myerr)))]),
    io:format("badarith: ~p~n", [strip(catch id(1) / id(0))]),
    io:format("badmatch: ~p~n", [strip(catch begin {a, _} = id({b, c}) end)]),
    io:format("error/2: ~p~n", [strip(catch error(id(e2), [1, 2]))]),
    io:format("nested catch: ~p~n", [catch (catch throw(inner))]),
    io:format("catch in list: ~p~n", [[catch throw(X) || X <- [1, 2]]]),
    io:format("catch of 'EXIT' tuple: ~p~n", [catch id({'EXIT', fake})]),
    X = (catch id(ok)),
    io:format("bound: ~p~n", [X]),
    io:format("catch precedence: ~p~n", [catch id(1) + id(2)]),
    io:format("exit with stack-like: ~p~n", [catch exit({x, [1, 2]})]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("catch list comprehension error", fun() -> element(1, catch [1 / X || X <- [1, 0]]) end),
    extra_t("catch nested value", fun() -> catch {catch throw(a), catch b} end),
    extra_t("catch atom reason", fun() -> catch exit(extra_id(x)) end),
    ok.
