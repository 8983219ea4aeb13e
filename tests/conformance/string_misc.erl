-module(string_misc).
-export([main/0]).

p(L, V) -> io:format("~s: ~p~n", [L, V]).

main() ->
    p("to_integer", [string:to_integer(S) || S <- ["42", "-7rest", "+0", "x", <<"99 bottles">>]]),
    p("to_float", [string:to_float(S) || S <- ["3.14", "1.0e2x", "2", <<"-0.5">>]]),
    p("equal", [string:equal("abc", "abc"), string:equal("abc", <<"abc">>), string:equal("a", "b")]),
    p("equal norm", [string:equal("\x{e9}", "e\x{301}", false, nfc), string:equal("\x{e9}", "e\x{301}")]),
    p("len old", string:len("abc")),
    p("concat", string:concat("ab", "cd")),
    p("is_empty", string:is_empty("")),
    p("list vs bin result", {string:trim(["  a", <<" b ">>]), string:trim(<<" c ">>)}),
    p("nfc", [string:trim("e\x{301}")]),
    p("uppercase mixed", string:uppercase(["ab", <<"cd">>])),
    p("jaro-free compare", lists:sort(["b", "B", "a", "A", "ä", "_"])),
    p("io_lib:char_list", [io_lib:char_list("abc"), io_lib:char_list([1000]), io_lib:char_list([-1])]),
    p("io_lib:printable_list", [io_lib:printable_list("abc\n"), io_lib:printable_list([1]),
                                io_lib:printable_latin1_list("é"), io_lib:printable_unicode_list([955])]),
    p("io_lib:deep_char_list", io_lib:deep_char_list(["ab", ["c"]])),
    p("string:str empty", string:str("abc", "")),
    p("string:tokens empty", string:tokens("", ",")),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("string:is_empty bin", fun() -> string:is_empty(<<>>) end),
    extra_t("string:length empty", fun() -> string:length([]) end),
    extra_t("string:to_integer big", fun() -> string:to_integer("123456789012345678901234567890xyz") end),
    extra_t("string:to_float exponent", fun() -> string:to_float("1.5e-3rest") end),
    extra_t("string:to_float no digits after dot", fun() -> string:to_float("1.e5") end),
    extra_t("string:to_integer bad input", fun() -> string:to_integer([a]) end),
    ok.
