-module(stdlib_re_run).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> V catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    S = "The year 1999 and 2024, also 42.",
    t("match", fun() -> re:run(S, "[0-9]+") end),
    t("match global", fun() -> re:run(S, "[0-9]+", [global]) end),
    t("capture list", fun() -> re:run(S, "[0-9]+", [global, {capture, all, list}]) end),
    t("capture binary", fun() -> re:run(S, "(\\w+) (\\d+)", [{capture, all, binary}]) end),
    t("capture first", fun() -> re:run(S, "(\\w+) (\\d+)", [{capture, first, list}]) end),
    t("capture groups", fun() -> re:run(S, "(\\w+) (\\d+)", [{capture, all_but_first, list}]) end),
    t("named", fun() -> re:run("key=value", "(?<k>\\w+)=(?<v>\\w+)", [{capture, [v, k], list}]) end),
    t("nomatch", fun() -> re:run(S, "xyz") end),
    t("caseless", fun() -> re:run("HeLLo", "hello", [caseless, {capture, all, list}]) end),
    t("anchored", fun() -> re:run("abc", "b", [anchored]) end),
    t("capture none", fun() -> re:run("abc", "b", [{capture, none}]) end),
    t("offset", fun() -> re:run("aXbXc", "X", [{offset, 2}]) end),
    t("multiline", fun() -> re:run("a\nb\nc", "^b$", [multiline, {capture, all, index}]) end),
    t("dotall", fun() -> re:run("a\nb", "a.b", [dotall, {capture, all, list}]) end),
    t("unicode", fun() -> re:run("caf\x{e9} \x{3bb}", "\\x{3bb}", [unicode]) end),
    t("unicode list capture", fun() -> re:run("\x{3bb}\x{3bc}x", "(.)x", [unicode, {capture, all_but_first, list}]) end),
    t("binary subject", fun() -> re:run(<<"abc123">>, "\\d+", [{capture, all, binary}]) end),
    t("compile", fun() -> {ok, MP} = re:compile("a(b+)c"), re:run("xabbbcx", MP, [{capture, all, index}]) end),
    t("bad regex", fun() -> re:compile("a(b") end),
    t("bad regex run", fun() -> re:run("a", "(") end),
    t("unmatched optional group", fun() -> re:run("ac", "a(b)?c", [{capture, all, list}]) end),
    t("unmatched optional group index", fun() -> re:run("ac", "a(b)?c", [{capture, all, index}]) end),
    t("greedy vs lazy", fun() -> {re:run("<a><b>", "<.+>", [{capture, all, list}]), re:run("<a><b>", "<.+?>", [{capture, all, list}])} end),
    t("backref", fun() -> re:run("abcabc", "(abc)\\1", [{capture, all, list}]) end),
    t("lookahead", fun() -> re:run("price: 100USD 200EUR", "\\d+(?=EUR)", [{capture, all, list}]) end),
    t("global empty matches", fun() -> re:run("abc", "x*", [global, {capture, all, index}]) end),
    ok.
