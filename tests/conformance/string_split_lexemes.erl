-module(string_split_lexemes).
-export([main/0]).

p(L, V) -> io:format("~s: ~p~n", [L, V]).

main() ->
    S = "a,b,,c,",
    p("split", string:split(S, ",")),
    p("split trailing", string:split(S, ",", trailing)),
    p("split all", string:split(S, ",", all)),
    p("split leading", string:split(S, ",", leading)),
    p("split missing", string:split(S, ";", all)),
    p("split multi-char sep", string:split("a::b::c", "::", all)),
    p("split bin", string:split(<<"x y z">>, " ", all)),
    p("split bin trailing", string:split(<<"x y z">>, " ", trailing)),
    p("split empty", string:split("", ",", all)),
    p("split crlf", string:split("a\r\nb\nc", "\n", all)),
    p("split mixed iodata", string:split(["ab", <<"c,d">>, $e], ",")),
    p("lexemes", string:lexemes(S, ",")),
    p("lexemes multi sep", string:lexemes("  a  b\tc\n", " \t\n")),
    p("lexemes bin", string:lexemes(<<"one two  three">>, " ")),
    p("lexemes crlf", string:lexemes("a\r\nb\r\n", [[$\r, $\n]])),
    p("lexemes empty", string:lexemes("", " ")),
    p("nth_lexeme", string:nth_lexeme("a b c d", 3, " ")),
    p("tokens", string:tokens("/usr/local/bin", "/")),
    p("join", string:join(["a", "b", "c"], "--")),
    p("split unicode", string:split("x\x{3bb}y\x{3bb}z", [16#3bb], all)),
    p("lexemes grapheme sep", string:lexemes("ae\x{301}b", "e")),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("split separator at end", fun() -> string:split("abc,", ",") end),
    extra_t("split separator at start", fun() -> string:split(",abc", ",", all) end),
    extra_t("lexemes only separators", fun() -> string:lexemes(",,,", ",") end),
    extra_t("split empty separator", fun() -> string:split("abc", "") end),
    ok.
