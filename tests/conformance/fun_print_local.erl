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
    io:format("same code different env equal: ~p~n", [make(1) =:= make(1), make(1) =:= make(2)]),
    io:format("fun ordering: ~p~n", [lists:sort([make(2), make(1)]) =:= [make(1), make(2)]]),
    ok.

make(N) -> fun() -> N end.
