-module(fun_print_local).
-export([main/0]).

%% Printing local funs: BEAM shows #Fun<Module.Index.Uniq>, where Index and
%% Uniq come from the compiled module's fun table (stable for a given .beam).

id(X) -> X.

main() ->
    F0 = fun() -> ok end,
    F1 = fun(X) -> X end,
    A = id(5),
    F2 = fun(X) -> X + A end,
    io:format("~p~n~p~n~p~n", [F0, F1, F2]),
    io:format("~w~n", [[F0, F1]]),
    io:format("fun_to_list: ~s~n", [erlang:fun_to_list(F2)]),
    io:format("in tuple: ~p~n", [{F0, ext, fun lists:map/2}]),
    io:format("index: ~p~n", [erlang:fun_info(F2, index)]),
    io:format("new_index: ~p~n", [erlang:fun_info(F2, new_index)]),
    io:format("uniq: ~p~n", [erlang:fun_info(F2, uniq)]),
    io:format("new_uniq: ~p~n", [erlang:fun_info(F2, new_uniq)]),
    io:format("same code different env equal: ~p ~p~n", [make(1) =:= make(1), make(1) =:= make(2)]),
    io:format("fun ordering: ~p~n", [lists:sort([make(2), make(1)]) =:= [make(1), make(2)]]),
    extra(),
    ok.

make(N) -> fun() -> N end.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("named fun print", fun() -> lists:flatten(io_lib:format("~p", [fun F(0) -> 0; F(N) -> F(N - 1) end])) end),
    extra_t("fun in record-like tuple", fun() -> lists:flatten(io_lib:format("~w", [{cb, fun(X) -> X end}])) end),
    extra_t("fun_to_list ext", fun() -> erlang:fun_to_list(fun lists:map/2) end),
    ok.
