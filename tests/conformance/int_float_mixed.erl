-module(int_float_mixed).
-export([main/0]).

id(X) -> X.

main() ->
    Ints = [0, 1, -7, 1 bsl 53, (1 bsl 53) + 1, 1 bsl 64, -(1 bsl 100)],
    Floats = [0.5, -2.25, 1.0e10, 1.0e-3],
    lists:foreach(fun(I0) ->
        lists:foreach(fun(F0) ->
            I = id(I0), F = id(F0),
            io:format("~w op ~w: + ~w - ~w * ~w / ~w~n", [I, F, I + F, I - F, I * F, I / F])
        end, Floats)
    end, Ints),
    io:format("int/int: ~w ~w ~w~n", [id(7) / id(2), id(1 bsl 80) / id(1 bsl 40), id(-9) / id(3)]),
    io:format("big / big inexact: ~w~n", [id((1 bsl 100) + 1) / id(3)]),
    io:format("float == int checks: ~w~n", [[float(X) == X || X <- [1 bsl 53, (1 bsl 53) + 1, 1 bsl 80]]]),
    io:format("round trip trunc: ~w~n", [[trunc(float(X)) =:= X || X <- [1 bsl 53, (1 bsl 53) + 1, 12345]]]),
    io:format("sum mixed: ~w~n", [lists:sum([1, 2.5, 1 bsl 60, -0.5])]),
    io:format("max mixed: ~w ~w~n", [lists:max([1, 1.0, 0.999]), lists:min([2, 2.0, 3])]),
    io:format("abs mixed: ~w~n", [[abs(X) || X <- [-1, -1.5, -(1 bsl 70), 0.0]]]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("float + huge int overflow", fun() -> 1.0 + extra_id(1 bsl 1030) end),
    extra_t("int * float zero", fun() -> extra_id(1 bsl 200) * 0.0 end),
    extra_t("int / float tiny", fun() -> 1 / extra_id(1.0e-300) end),
    extra_t("int / float overflow", fun() -> extra_id(1 bsl 1000) / 1.0e-300 end),
    extra_t("float - int", fun() -> [0.5 - X || X <- [1, 1 bsl 60, -3]] end),
    extra_t("mixed compare chain", fun() -> lists:sort([1, 1.5, 1 bsl 53, 9.007199254740992e15, 2, 2.0]) end),
    extra_t("float(int) exactness", fun() -> [float(X) - X || X <- [1 bsl 53, (1 bsl 53) + 1, (1 bsl 53) + 2]] end),
    extra_t("arith on -0.0 and ints", fun() -> [0 + -0.0, 0 * -1.0, -0.0 - 0] end),
    ok.
