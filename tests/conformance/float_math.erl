-module(float_math).
-export([main/0]).

id(X) -> X.
e(L, F) ->
    R = try F() of V -> V catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    io:format("pi: ~p~n", [math:pi()]),
    Xs = [0.0, 0.5, 1.0, -0.5, 2.0, 10.0],
    lists:foreach(fun(X0) ->
        X = id(X0),
        io:format("x=~p~n", [X]),
        e(" sin", fun() -> math:sin(X) end),
        e(" cos", fun() -> math:cos(X) end),
        e(" tan", fun() -> math:tan(X) end),
        e(" asin", fun() -> math:asin(X) end),
        e(" acos", fun() -> math:acos(X) end),
        e(" atan", fun() -> math:atan(X) end),
        e(" sinh", fun() -> math:sinh(X) end),
        e(" cosh", fun() -> math:cosh(X) end),
        e(" tanh", fun() -> math:tanh(X) end),
        e(" asinh", fun() -> math:asinh(X) end),
        e(" acosh", fun() -> math:acosh(X) end),
        e(" atanh", fun() -> math:atanh(X) end),
        e(" exp", fun() -> math:exp(X) end),
        e(" log", fun() -> math:log(X) end),
        e(" log2", fun() -> math:log2(X) end),
        e(" log10", fun() -> math:log10(X) end),
        e(" sqrt", fun() -> math:sqrt(X) end),
        e(" erf", fun() -> math:erf(X) end),
        e(" erfc", fun() -> math:erfc(X) end)
    end, Xs),
    e("atan2 1 1", fun() -> math:atan2(id(1), id(1)) end),
    e("atan2 -1 -1", fun() -> math:atan2(id(-1.0), id(-1.0)) end),
    e("atan2 0 -1", fun() -> math:atan2(id(0.0), id(-1.0)) end),
    e("pow 2 10", fun() -> math:pow(id(2), id(10)) end),
    e("pow 2 0.5", fun() -> math:pow(id(2), id(0.5)) end),
    e("pow -8 1/3", fun() -> math:pow(id(-8), id(1/3)) end),
    e("pow 10 400", fun() -> math:pow(id(10), id(400)) end),
    e("fmod 10 3", fun() -> math:fmod(id(10.0), id(3.0)) end),
    e("fmod -10 3", fun() -> math:fmod(id(-10), id(3)) end),
    e("fmod 1 0", fun() -> math:fmod(id(1.0), id(0.0)) end),
    e("exp 1000", fun() -> math:exp(id(1000)) end),
    e("log int", fun() -> math:log(id(100)) end),
    e("log bignum", fun() -> math:log(id(1) bsl id(200)) end),
    e("log10 1000", fun() -> math:log10(id(1000)) end),
    e("sqrt int", fun() -> math:sqrt(id(16)) end),
    e("sqrt atom", fun() -> math:sqrt(id(x)) end),
    ok.
