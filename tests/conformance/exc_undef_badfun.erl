-module(exc_undef_badfun).
-export([main/0, exported/1]).

id(X) -> X.
st(ST) -> [F || F = {M, _, _, _} <- ST, M =/= erl_eval, M =/= init].
exported(X) -> X.

show(Name, F) ->
    try F() of
        V -> io:format("~s: ~p~n", [Name, V])
    catch
        error:{badarity, {Fun, Args}}:S when is_function(Fun) ->
            io:format("~s: error:{badarity,{<fun arity ~p>,~p}}~n  ~p~n",
                      [Name, element(2, erlang:fun_info(Fun, arity)), Args, st(S)]);
        C:R:S -> io:format("~s: ~p:~p~n  ~p~n", [Name, C, R, st(S)])
    end.

main() ->
    show("undef module", fun() -> (id(no_such_module_xyz)):f(1) end),
    show("undef function", fun() -> (id(lists)):no_such_function(1, 2) end),
    show("undef arity", fun() -> (id(?MODULE)):exported(1, 2) end),
    show("undef local not exported", fun() -> (id(?MODULE)):id(1) end),
    show("apply undef", fun() -> apply(id(nomod), id(nofun), [a, b]) end),
    show("badfun int", fun() -> (id(42))(1) end),
    show("badfun atom", fun() -> (id(foo))() end),
    show("badfun tuple", fun() -> (id({lists, reverse}))([1]) end),
    show("badarity", fun() -> (id(fun(X) -> X end))(1, 2) end),
    show("badarity 0", fun() -> (id(fun() -> ok end))(x) end),
    show("badarity ext", fun() -> (id(fun lists:reverse/1))(1, 2) end),
    show("apply badarg", fun() -> apply(id(lists), reverse, id(notlist)) end),
    show("apply fun", fun() -> apply(id(fun(A, B) -> A + B end), [1, 2]) end),
    show("apply fun badarity", fun() -> apply(id(fun(A) -> A end), [1, 2]) end),
    show("ok exported", fun() -> (id(?MODULE)):exported(ok) end),
    ok.
