-module(int_bignum_arith).
-export([main/0]).

id(X) -> X.
p(L, V) -> io:format("~s: ~p~n", [L, V]).

pow(_, 0) -> 1;
pow(B, E) -> B * pow(B, E - 1).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

main() ->
    Big = pow(id(2), 100),
    p("2^100", Big),
    p("2^100 + 1", Big + 1),
    p("2^100 - 2^100", Big - Big),
    p("2^100 * 2^100", Big * Big),
    p("-(2^100)", -Big),
    p("2^100 div 3", Big div 3),
    p("2^100 rem 3", Big rem 3),
    p("-(2^100) div 7", (-Big) div 7),
    p("-(2^100) rem 7", (-Big) rem 7),
    p("2^100 div 2^50", Big div pow(2, 50)),
    p("2^100 div -(2^99)", Big div -pow(2, 99)),
    p("10^40 div 10^20+1", pow(10, 40) div (pow(10, 20) + 1)),
    p("10^40 rem 10^20+1", pow(10, 40) rem (pow(10, 20) + 1)),
    p("fact 30", fact(30)),
    p("fact 52", fact(52)),
    F100 = fact(100),
    p("fact 100", F100),
    p("fact 100 div fact 98", F100 div fact(98)),
    p("len fact 200", length(integer_to_list(fact(200)))),
    p("abs big", abs(-Big)),
    p("big / 3", Big / 3),
    p("big float", float(Big)),
    p("big + float", Big + 0.5),
    p("big * 0", Big * 0),
    p("big - big + small", Big - (Big - 5)),
    p("max smallint", pow(2, 59) - 1),
    p("min smallint", -pow(2, 59)),
    p("2^60", pow(2, 60)),
    p("2^63-1", pow(2, 63) - 1),
    p("2^64", pow(2, 64)),
    p("-(2^64)+1", -pow(2, 64) + 1),
    p("2^64 * -1", pow(2, 64) * -1),
    lists:foreach(fun(E) ->
        X = pow(2, E),
        io:format("e=~w x=~w x-1=~w -x=~w sq=~w~n", [E, X, X - 1, -X, X * X])
    end, [27, 28, 31, 32, 58, 59, 60, 61, 62, 63, 64, 65, 127, 128]),
    p("mul mixed signs", [pow(-3, 41), pow(-3, 40), pow(7, 30) * -pow(11, 20)]),
    p("big pow 3^200", pow(3, 200)),
    p("fib 300", fib(300, 0, 1)),
    p("is_integer big", is_integer(Big)),
    ok.

fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).
