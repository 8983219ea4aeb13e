-module(fun_info_local).
-export([main/0]).

id(X) -> X.

main() ->
    A = id(10), B = id({x, y}),
    F0 = fun() -> ok end,
    F1 = fun(X) -> X + A end,
    F2 = fun(X, Y) -> {X, Y, A, B} end,
    lists:foreach(fun({Name, F}) ->
        io:format("~s arity: ~p~n", [Name, erlang:fun_info(F, arity)]),
        io:format("~s module: ~p~n", [Name, erlang:fun_info(F, module)]),
        io:format("~s type: ~p~n", [Name, erlang:fun_info(F, type)]),
        io:format("~s env: ~p~n", [Name, erlang:fun_info(F, env)]),
        io:format("~s name: ~p~n", [Name, erlang:fun_info(F, name)]),
        io:format("~s is_function: ~p~n", [Name, is_function(F)])
    end, [{"f0", F0}, {"f1", F1}, {"f2", F2}]),
    io:format("call f2: ~p~n", [F2(1, 2)]),
    io:format("bad item: ~p~n", [try erlang:fun_info(F0, bogus) catch C:E -> {C, E} end]),
    io:format("not a fun: ~p~n", [try erlang:fun_info(id(notfun), arity) catch C2:E2 -> {C2, E2} end]),
    io:format("sizes of env: ~p~n", [[length(element(2, erlang:fun_info(F, env))) || F <- [F0, F1, F2]]]),
    ok.
