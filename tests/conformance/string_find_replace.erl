-module(string_find_replace).
-export([main/0]).

p(L, V) -> io:format("~s: ~p~n", [L, V]).

main() ->
    S = "the cat sat on the mat",
    p("find", string:find(S, "at")),
    p("find trailing", string:find(S, "at", trailing)),
    p("find missing", string:find(S, "dog")),
    p("find empty", string:find(S, "")),
    p("find bin", string:find(<<"hello world">>, "o w")),
    p("replace", string:replace(S, "at", "og")),
    p("replace all", string:replace(S, "at", "og", all)),
    p("replace trailing", string:replace(S, "at", "og", trailing)),
    p("replace flat", lists:flatten(string:replace(S, "the", "a", all))),
    p("replace bin", string:replace(<<"a-b-c">>, "-", "+", all)),
    p("replace bin flat", iolist_to_binary(string:replace(<<"a-b-c">>, "-", "+", all))),
    p("replace missing", string:replace(S, "zz", "y")),
    p("str", string:str(S, "sat")),
    p("rstr", string:rstr(S, "the")),
    p("chr", string:chr(S, $c)),
    p("rchr", string:rchr(S, $t)),
    p("span", string:span("aabbcc", "ab")),
    p("cspan", string:cspan("aabbcc", "c")),
    p("prefix", [string:prefix(S, "the "), string:prefix(S, "cat")]),
    p("sub_string", string:sub_string(S, 5, 7)),
    p("substr", string:substr(S, 5)),
    p("sub_word", string:sub_word(S, 2)),
    p("words", string:words(S)),
    p("is_empty", [string:is_empty(""), string:is_empty([[], <<>>]), string:is_empty(" ")]),
    p("take", string:take("abc123", lists:seq($a, $z))),
    p("take complement", string:take("abc123", "123", true)),
    p("take trailing", string:take("abc123", "0123456789", false, trailing)),
    ok.
