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
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("throw/catch class atom", fun() -> try throw(x) catch Class:_ -> Class end end),
    extra_t("error reason map", fun() -> try error(#{reason => r}) catch error:#{reason := R} -> R end end),
    extra_t("exit reason tuple", fun() -> try exit({a, b}) catch exit:{A, B} -> [A, B] end end),
    extra_t("raise class vs catch", fun() -> try erlang:raise(exit, r, []) catch throw:_ -> thrown; exit:_ -> exited end end),
    ok.
