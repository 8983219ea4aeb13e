-module(exc_classes).
-export([main/0]).

id(X) -> X.
st(ST) -> [F || F = {M, _, _, _} <- ST, M =/= erl_eval, M =/= init].

show(Name, F) ->
    try F() of
        V -> io:format("~s: returned ~p~n", [Name, V])
    catch
        Class:Reason:Stack ->
            io:format("~s: class=~p~n  reason=~p~n  stack=~p~n", [Name, Class, Reason, st(Stack)])
    end.

main() ->
    show("throw", fun() -> throw(id(t)) end),
    show("error", fun() -> error(id(e)) end),
    show("exit", fun() -> exit(id(x)) end),
    show("error/2", fun() -> error(id(e2), [id(1), two]) end),
    show("error/2 none", fun() -> error(id(e2n), none) end),
    show("error/3", fun() -> error(id(e3), [a], [{error_info, #{module => ?MODULE, cause => id(why)}}]) end),
    show("erlang:error", fun() -> erlang:error({complex, [1, 2], #{k => v}}) end),
    show("erlang:throw", fun() -> erlang:throw(id([1, 2, 3])) end),
    show("erlang:exit", fun() -> erlang:exit(id({shutdown, reason})) end),
    show("nocatch in catch", fun() -> catch throw(id(caught)) end),
    show("error term big", fun() -> error(lists:seq(1, 30)) end),
    ok.
