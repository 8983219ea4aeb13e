-module(exc_stacktrace).
-export([main/0]).

id(X) -> X.
st(ST) -> [F || F = {M, _, _, _} <- ST, M =/= erl_eval, M =/= init].

a(X) -> [b(X)].
b(X) -> [c(X)].
c(X) -> [d(X)].
d(X) -> 1 + X.

deep(0, X) -> [element(1, X)];
deep(N, X) -> [deep(N - 1, X)].

tail(0, X) -> element(1, X);
tail(N, X) -> tail(N - 1, X).

show(Name, F) ->
    try F() of
        V -> io:format("~s: ~p~n", [Name, V])
    catch
        C:R:S -> io:format("~s: ~p:~p~n~p~n", [Name, C, R, st(S)])
    end.

main() ->
    show("chain", fun() -> a(id(x)) end),
    show("deep 3", fun() -> deep(3, id(notuple)) end),
    show("deep 20 (depth limited)", fun() -> deep(20, id(notuple)) end),
    show("tail calls vanish", fun() -> tail(10, id(notuple)) end),
    show("bif in lists", fun() -> lists:map(fun(X) -> X + 1 end, id([1, a])) end),
    show("lists:nth", fun() -> lists:nth(id(5), [1]) end),
    show("fun in module", fun() -> (fun(Y) -> Y / 0 end)(id(1)) end),
    show("apply", fun() -> apply(?MODULE, d, [id(z)]) end),
    show("stacktrace length", fun() -> try deep(30, id(q)) catch _:_:S -> length(st(S)) end end),
    show("element frames", fun() -> try element(id(9), {}) catch _:_:S -> hd(S) end end),
    ok.
