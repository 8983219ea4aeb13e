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
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("fun_info/1 keys", fun() -> [K || {K, _} <- erlang:fun_info(fun() -> ok end)] end),
    extra_t("fun_info pid is_pid", fun() -> {pid, P} = erlang:fun_info(fun() -> ok end, pid), is_pid(P) end),
    extra_t("fun_info arity of named fun", fun() -> erlang:fun_info(fun F(0) -> 0; F(N) -> F(N - 1) end, arity) end),
    extra_t("fun_info env of named fun size", fun() -> {env, E} = erlang:fun_info(fun F(0) -> 0; F(N) -> F(N - 1) end, env), length(E) end),
    extra_t("fun_info arity ext", fun() -> erlang:fun_info(fun erlang:max/2, arity) end),
    extra_t("fun_info type ext", fun() -> erlang:fun_info(fun erlang:max/2, type) end),
    extra_t("fun_info module ext", fun() -> erlang:fun_info(fun erlang:max/2, module) end),
    ok.
