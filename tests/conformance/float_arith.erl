-module(float_arith).
-export([main/0]).

id(X) -> X.
p(L, V) -> io:format("~s: ~p~n", [L, V]).
e(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    A = id(1.5), B = id(0.1), C = id(0.2),
    p("0.1+0.2", B + C),
    p("0.1*3", B * 3),
    p("1.5-0.1", A - B),
    p("1.5*1.5", A * A),
    p("1/3", id(1) / id(3)),
    p("2/3", id(2) / id(3)),
    p("1.0e308*1.0", id(1.0e308) * 1.0),
    p("1.0e-308/10", id(1.0e-308) / 10),
    p("5.0e-324", id(5.0e-324)),
    p("5.0e-324/2", id(5.0e-324) / 2),
    p("max double", id(1.7976931348623157e308)),
    p("neg", -A),
    p("abs", abs(id(-2.5))),
    p("int+float", id(1) + id(0.5)),
    p("bigint+float", (id(1) bsl 80) + 0.0),
    p("bigint*float", (id(1) bsl 80) * 1.5),
    p("float - same", A - A),
    p("0.0 * -1", id(0.0) * -1),
    p("-0.0 + 0.0", id(-0.0) + 0.0),
    p("sum list", lists:sum([0.1 || _ <- lists:seq(1, 10)])),
    p("1.0e15+0.3", id(1.0e15) + 0.3),
    p("1.0e16+1", id(1.0e16) + 1),
    p("123456789.123456789", id(123456789.123456789)),
    p("float eq", [id(0.1) + id(0.2) == 0.3, id(0.5) + id(0.25) == 0.75]),
    e("overflow mul", fun() -> id(1.0e308) * id(10.0) end),
    e("overflow add", fun() -> id(1.7976931348623157e308) + id(1.0e292) end),
    e("div zero float", fun() -> id(1.0) / id(0.0) end),
    e("div zero int", fun() -> id(1) / id(0) end),
    e("zero/zero", fun() -> id(0.0) / id(0.0) end),
    e("float of huge", fun() -> float(id(1) bsl id(1024)) end),
    e("huge + float", fun() -> (id(1) bsl id(1100)) + id(1.0) end),
    e("atom + float", fun() -> id(a) + id(1.0) end),
    e("float div", fun() -> id(3.0) div id(2) end),
    p("is_float", [is_float(A), is_float(id(1)), is_number(A)]),
    p("float literals", [1.0, 1.0e10, 1.0e-10, 2.5e+3, 0.000001, 1.0e21, 1.0e22, 123.0e-2]),
    ok.
