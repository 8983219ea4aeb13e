-module(stdlib_erl_parse).
-export([main/0]).

parse_exprs(S) ->
    {ok, Toks, _} = erl_scan:string(S),
    erl_parse:parse_exprs(Toks).

parse_form(S) ->
    {ok, Toks, _} = erl_scan:string(S),
    erl_parse:parse_form(Toks).

main() ->
    Exprs = ["1 + 2 * 3.", "X = {a, [1, 2 | T]}.", "case X of 1 -> a; _ -> b end.",
             "fun(A) -> A end.", "[X * 2 || X <- L, X > 1].", "<<A:8, B/binary>>.",
             "#{a => 1, b := 2}.", "M#{a := 1}.", "try f() catch throw:X -> X after g() end.",
             "receive {a, B} -> B after 100 -> timeout end.", "begin a, b end.", "-X + +Y.",
             "<< <<B>> || <<B>> <= Bin >>.", "fun lists:map/2.", "fun foo/1.", "a andalso b orelse c.",
             "1 + .", "f(.", "\"str\" \"cat\"."],
    lists:foreach(fun(S) -> io:format("~s~n  ~p~n", [S, parse_exprs(S)]) end, Exprs),
    Forms = ["f(X) -> X + 1.", "-module(m).", "-export([f/1, g/0]).", "-record(r, {a = 1, b}).",
             "g() -> ok; g() -> bad.", "h(X) when is_integer(X), X > 0 -> pos.", "-spec f(integer()) -> integer().",
             "-type t() :: atom() | {t, integer()}.", "broken( -> ."],
    lists:foreach(fun(S) -> io:format("~s~n  ~p~n", [S, parse_form(S)]) end, Forms),
    {ok, [E]} = parse_exprs("foo(1, [a, \"b\"], {x}) + 2."),
    io:format("normalise: ~p~n", [catch erl_parse:normalise({cons, 1, {integer, 1, 1}, {nil, 1}})]),
    io:format("abstract: ~p~n", [erl_parse:abstract({a, [1, 2.5], <<"b">>, "str"})]),
    io:format("pp expr: ~s~n", [erl_pp:expr(E)]),
    {ok, F} = parse_form("f(X) when X > 0 -> case X of 1 -> one; _ -> many end; f(_) -> none."),
    io:format("pp form:~n~s~n", [erl_pp:form(F)]),
    io:format("tokens roundtrip: ~p~n", [erl_parse:tokens(erl_parse:abstract({a, 1}))]),
    ok.
