-module(stdlib_re_replace_split).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> V catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    S = "one two  three   four",
    t("replace first", fun() -> re:replace(S, "\\s+", "_", [{return, list}]) end),
    t("replace global", fun() -> re:replace(S, "\\s+", "_", [global, {return, list}]) end),
    t("replace binary", fun() -> re:replace(S, "o", "0", [global, {return, binary}]) end),
    t("replace iodata", fun() -> iolist_to_binary(re:replace("abc", "b", "X")) end),
    t("replace with group", fun() -> re:replace("john smith", "(\\w+) (\\w+)", "\\2, \\1", [{return, list}]) end),
    t("replace with &", fun() -> re:replace("abc", "b", "[&]", [{return, list}]) end),
    t("replace with \\g{1}", fun() -> re:replace("a1b2", "(\\d)", "<\\g{1}>", [global, {return, list}]) end),
    t("replace nomatch", fun() -> re:replace("abc", "x", "y", [{return, list}]) end),
    t("replace caseless", fun() -> re:replace("ABC abc", "b", "-", [global, caseless, {return, list}]) end),
    t("replace empty pattern", fun() -> re:replace("abc", "", "-", [global, {return, list}]) end),
    t("split", fun() -> re:split(S, "\\s+", [{return, list}]) end),
    t("split binary", fun() -> re:split("a,b,,c", ",") end),
    t("split trim", fun() -> re:split("a,b,,c,,", ",", [{return, list}, trim]) end),
    t("split parts", fun() -> re:split("a,b,c,d", ",", [{return, list}, {parts, 2}]) end),
    t("split group", fun() -> re:split("a1b2c", "(\\d)", [{return, list}]) end),
    t("split group_list", fun() -> re:split("a1b2c", "(\\d)", [{return, list}, group]) end),
    t("split empty", fun() -> re:split("", ",", [{return, list}]) end),
    t("split chars", fun() -> re:split("abc", "", [{return, list}]) end),
    t("split unicode", fun() -> re:split("a\x{3bb}b\x{3bb}c", "\x{3bb}", [unicode, {return, list}]) end),
    t("version is binary", fun() -> is_binary(re:version()) end),
    t("csv parse", fun() -> [re:split(L, ",", [{return, list}]) || L <- re:split("a,b\nc,d\ne,f", "\n", [{return, list}])] end),
    ok.
