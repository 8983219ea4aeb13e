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
    %% the continuation holds erl_scan-internal funs: print only its tag
    io:format("tokens continuation: ~p~n", [element(1, erl_scan:tokens([], "a + ", 1))]),
    {more, C} = erl_scan:tokens([], "a + ", 1),
    io:format("tokens finish: ~p~n", [erl_scan:tokens(C, "b.\nrest", 1)]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("string empty", fun() -> erl_scan:string("") end),
    extra_t("only whitespace", fun() -> erl_scan:string("   \n\t ") end),
    extra_t("bad char", fun() -> erl_scan:string("a ` b") end),
    extra_t("big int token", fun() -> erl_scan:string("123456789012345678901234567890") end),
    extra_t("float forms", fun() -> erl_scan:string("1.0 1.5e3 2.0E-2 16#1F 36#Zz") end),
    extra_t("char escapes", fun() -> erl_scan:string("$\\t $\\s $\\^A $\\e $\\d") end),
    extra_t("string escapes", fun() -> erl_scan:string("\"a\\tb\\x{41}\\101\\\"\"") end),
    extra_t("atoms quoted", fun() -> erl_scan:string("'a b' 'A' '\\n'") end),
    extra_t("operators", fun() -> erl_scan:string("=:= =/= == /= =< >= < > ++ -- :: || <- <= => := ...") end),
    extra_t("variables", fun() -> erl_scan:string("X _ _X Xy1") end),
    extra_t("dots", fun() -> erl_scan:string("a. b.c") end),
    extra_t("format_error", fun() -> lists:flatten(erl_scan:format_error({string, $", "abc"})) end),
    ok.
