-module(int_arith_basic).
-export([main/0]).

id(X) -> X.
p(L, V) -> io:format("~s: ~p~n", [L, V]).

main() ->
    A = id(17), B = id(5), N = id(-17), M = id(-5),
    p("17+5", A + B),
    p("17-5", A - B),
    p("5-17", B - A),
    p("17*5", A * B),
    p("-17*-5", N * M),
    p("17 div 5", A div B),
    p("17 rem 5", A rem B),
    p("-17 div 5", N div B),
    p("-17 rem 5", N rem B),
    p("17 div -5", A div M),
    p("17 rem -5", A rem M),
    p("-17 div -5", N div M),
    p("-17 rem -5", N rem M),
    p("17 / 5", A / B),
    p("-17 / 5", N / B),
    p("10 / 2", id(10) / id(2)),
    p("unary minus", -A),
    p("unary plus", +N),
    p("abs(-17)", abs(N)),
    p("abs(17)", abs(A)),
    p("0 div 7", id(0) div id(7)),
    p("0 rem -7", id(0) rem id(-7)),
    p("max", max(A, B)),
    p("min", min(N, M)),
    p("max int float", max(id(1), id(1.0))),
    p("min int float", min(id(1), id(1.0))),
    p("max float int", max(id(1.0), id(1))),
    p("bnot 0", bnot id(0)),
    p("bnot 17", bnot A),
    p("bnot -17", bnot N),
    lists:foreach(fun(X) ->
        io:format("~w: div3=~w rem3=~w divm3=~w remm3=~w~n",
                  [X, X div 3, X rem 3, X div -3, X rem -3])
    end, lists:seq(-7, 7)),
    Sum = lists:foldl(fun(X, Acc) -> Acc + X * X - X end, 0, lists:seq(1, 1000)),
    p("fold sum", Sum),
    p("is_integer", [is_integer(A), is_integer(id(1.0)), is_number(A)]),
    p("integer literal bases", [16#FF, 2#1010, 8#777, 36#ZZ, -16#10]),
    p("char literals", [$a, $\n, $\s, $\\, $\x{41}, $\101]),
    p("underscore literals", [1_000_000, 16#FF_FF]),
    ok.
