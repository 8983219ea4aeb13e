-module(stdlib_erl_scan).
-export([main/0]).

main() ->
    Srcs = ["foo(X) -> X + 1.", "A = [1, 2.5, $a, \"str\", 'At om', <<\"b\">>].",
            "#{k => v}#r.f", "1 bsl 3 =:= 8 andalso true.", "16#FF 2#101 1.0e10 1_000",
            "fun(X) when X > 0 -> ok end", "% comment\nx.", "'unterminated", "\"unterminated",
            "a ?= b", "X ! Y", "<<A:8/little-unit:1>>", "try a catch _:_ -> b after c end",
            "$\\n $\\x{41} $\\101", "1.5e-3 .5", "x#{} y#r{}", "maybe ok else x end"],
    lists:foreach(fun(S) ->
        io:format("~p:~n  ~p~n", [S, erl_scan:string(S)])
    end, Srcs),
    io:format("with location: ~p~n", [erl_scan:string("a\n  b", {1, 1})]),
    io:format("with text: ~p~n", [erl_scan:string("ab cd", 1, [text])]),
    io:format("return_comments: ~p~n", [erl_scan:string("x % hi\ny", 1, [return_comments])]),
    io:format("return_white_spaces: ~p~n", [erl_scan:string("x  y", 1, [return_white_spaces])]),
    {ok, Toks, _} = erl_scan:string("f(1)."),
    io:format("category/symbol: ~p~n", [[{erl_scan:category(T), erl_scan:symbol(T)} || T <- Toks]]),
    io:format("reserved_word: ~p~n", [[erl_scan:reserved_word(W) || W <- ['case', 'maybe', foo, 'receive']]]),
    io:format("tokens continuation: ~p~n", [erl_scan:tokens([], "a + ", 1)]),
    {more, C} = erl_scan:tokens([], "a + ", 1),
    io:format("tokens finish: ~p~n", [erl_scan:tokens(C, "b.\nrest", 1)]),
    ok.
