-module(fun_external).
-export([main/0, double/1, pair/2]).

id(X) -> X.
double(X) -> X * 2.
pair(A, B) -> {A, B}.

main() ->
    F1 = fun ?MODULE:double/1,
    F2 = fun lists:reverse/1,
    F3 = fun erlang:'+'/2,
    io:format("F1: ~p~n", [F1]),
    io:format("F2: ~p~n", [F2]),
    io:format("F3: ~w~n", [F3]),
    io:format("call F1: ~p~n", [F1(21)]),
    io:format("call F2: ~p~n", [F2([1, 2, 3])]),
    io:format("call F3: ~p~n", [F3(2, 3)]),
    io:format("map with ext: ~p~n", [lists:map(fun ?MODULE:double/1, [1, 2, 3])]),
    M = id(lists), F = id(seq), A = id(2),
    Dyn = fun M:F/A,
    io:format("dynamic: ~p ~p~n", [Dyn, Dyn(1, 4)]),
    io:format("erlang:make_fun: ~p~n", [(erlang:make_fun(?MODULE, pair, 2))(x, y)]),
    io:format("eq: ~p~n", [[fun lists:map/2 =:= fun lists:map/2, fun lists:map/2 =:= fun lists:filter/2]]),
    io:format("sort funs: ~p~n", [lists:sort([fun lists:map/2, fun erlang:abs/1, fun lists:filter/2])]),
    io:format("fun_info module: ~p~n", [erlang:fun_info(F2, module)]),
    io:format("fun_info name: ~p~n", [erlang:fun_info(F2, name)]),
    io:format("fun_info arity: ~p~n", [erlang:fun_info(F2, arity)]),
    io:format("fun_info type: ~p~n", [erlang:fun_info(F2, type)]),
    io:format("fun_info env: ~p~n", [erlang:fun_info(F2, env)]),
    io:format("fun_info all: ~p~n", [erlang:fun_info(F2)]),
    io:format("fun_to_list: ~s~n", [erlang:fun_to_list(F2)]),
    io:format("t2b ext: ~w~n", [term_to_binary(F2)]),
    io:format("b2t ext: ~p~n", [binary_to_term(term_to_binary(F1))]),
    io:format("call via b2t: ~p~n", [(binary_to_term(term_to_binary(F1)))(5)]),
    io:format("undef ext fun: ~p~n", [try (fun nomod:nofun/0)() catch C:E -> {C, E} end]),
    io:format("is_function arity: ~p~n", [is_function(F3, 2)]),
    io:format("~~w of fun in list: ~w~n", [[F1, F2]]),
    ok.
