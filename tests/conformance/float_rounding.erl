-module(float_rounding).
-export([main/0]).

id(X) -> X.

main() ->
    Fs = [0.0, -0.0, 0.4, 0.5, 0.6, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999999999999996, 1.0e15 + 0.5,
          1.0e20, -1.0e20, 1.0e30, 123.999, -123.999, 4503599627370495.5, 7.0, -7.0, 1.0e300],
    lists:foreach(fun(F0) ->
        F = id(F0),
        io:format("~w: round=~w trunc=~w ceil=~w floor=~w~n",
                  [F, round(F), trunc(F), ceil(F), floor(F)])
    end, Fs),
    Is = [0, 5, -5, 1 bsl 70],
    lists:foreach(fun(I0) ->
        I = id(I0),
        io:format("int ~w: round=~w trunc=~w ceil=~w floor=~w float=~w~n",
                  [I, round(I), trunc(I), ceil(I), floor(I), float(I)])
    end, Is),
    io:format("math:floor ~w math:ceil ~w~n", [math:floor(id(-2.5)), math:ceil(id(-2.5))]),
    io:format("math:floor int ~w~n", [math:floor(id(3))]),
    E = fun(F) -> try F() catch C:R -> {C, R} end end,
    io:format("round atom: ~p~n", [E(fun() -> round(id(a)) end)]),
    io:format("float list: ~p~n", [E(fun() -> float(id("1")) end)]),
    io:format("trunc in guard: ~p~n", [[X || X <- [1.5, 2, a], is_number(X), trunc(X) > 1]]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("round half away", fun() -> [round(X) || X <- [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994]] end),
    extra_t("trunc big exact", fun() -> trunc(1.0e22) end),
    extra_t("ceil/floor neg small", fun() -> {ceil(-0.1), floor(-0.1), ceil(0.1), floor(0.1)} end),
    extra_t("math:ceil/floor big", fun() -> {math:ceil(1.0e300), math:floor(-1.0e300)} end),
    ok.
