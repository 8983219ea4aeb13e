-module(stdlib_erl_eval_basic).
-export([main/0]).

eval(S) -> eval(S, erl_eval:new_bindings()).
eval(S, B) ->
    try
        {ok, Toks, _} = erl_scan:string(S),
        {ok, Exprs} = erl_parse:parse_exprs(Toks),
        {value, V, B2} = erl_eval:exprs(Exprs, B),
        {V, [{K, hide_fun(BV)} || {K, BV} <- lists:sort(erl_eval:bindings(B2))]}
    catch C:E -> {C, E}
    end.

%% funs created by erl_eval print with erl_eval's own fun index/uniq: hide them
hide_fun(F) when is_function(F) -> {'fun', element(2, erlang:fun_info(F, arity))};
hide_fun(X) -> X.

main() ->
    Progs = ["1 + 2 * 3.", "X = 5, Y = X * X, Y + 1.", "lists:sum(lists:seq(1, 100)).",
             "[X * X || X <- [1, 2, 3]].", "F = fun(N) -> N * 2 end, F(21).",
             "case {a, 1} of {a, N} -> N + 10; _ -> none end.", "<<A:4, B:4>> = <<16#AB>>, {A, B}.",
             "M = #{k => 1}, M#{k := 2, j => 3}.", "try throw(x) catch throw:T -> {caught, T} end.",
             "Fact = fun F(0) -> 1; F(N) -> N * F(N - 1) end, Fact(20).", "atom_to_list(hello).",
             "{ok, 1} = {ok, 2}.", "undefined_fun(1).", "1 / 0.", "X = 1, X = 2.",
             "if 1 > 2 -> a; true -> b end.", "begin A = 1, B = A + 1, {A, B} end.",
             "element(2, {a, b, c}).", "<< <<(C - 32)>> || <<C>> <= <<\"abc\">> >>.",
             "lists:map(fun erlang:abs/1, [-1, -2]).", "receive after 0 -> timeout end.",
             "self() ! hi, receive M -> M end.", "string:uppercase(\"erl\").",
             "erlang:phash2({a, [1, 2]}).", "maps:get(b, #{a => 1}, default).", "\"abc\" ++ \"def\".",
             "[1, 2, 3] -- [2].", "(fun() -> 42 end)()."],
    lists:foreach(fun(P) -> io:format("~s~n  => ~p~n", [P, eval(P)]) end, Progs),
    B0 = erl_eval:add_binding('Z', 100, erl_eval:new_bindings()),
    io:format("preset binding: ~p~n", [eval("Z * 2.", B0)]),
    io:format("expr/2: ~p~n", [element(2, erl_eval:expr({op, 1, '+', {integer, 1, 2}, {integer, 1, 3}}, []))]),
    ok.
