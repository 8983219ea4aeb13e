-module(string_trim_pad).
-export([main/0]).

p(L, V) -> io:format("~s: ~p~n", [L, V]).

main() ->
    S = "  \thello world \n ",
    p("trim", string:trim(S)),
    p("trim leading", string:trim(S, leading)),
    p("trim trailing", string:trim(S, trailing)),
    p("trim chars", string:trim("xxhixx", both, "x")),
    p("trim multi chars", string:trim("-=-hi-=-", both, "-=")),
    p("trim bin", string:trim(<<"  bin  ">>)),
    p("trim crlf", string:trim("line\r\n", trailing)),
    p("trim all space", string:trim("     ")),
    p("trim empty", string:trim("")),
    p("chomp", [string:chomp("abc\n"), string:chomp("abc\r\n"), string:chomp("abc")]),
    p("pad", string:pad("abc", 8)),
    p("pad leading", string:pad("abc", 8, leading)),
    p("pad both", string:pad("abc", 8, both)),
    p("pad both odd", string:pad("abcd", 9, both, $*)),
    p("pad char", string:pad("abc", 6, trailing, $.)),
    p("pad shorter", string:pad("abcdef", 3)),
    p("pad bin", string:pad(<<"b">>, 3, leading, $0)),
    p("pad unicode", string:pad("e\x{301}", 4, trailing, $_)),
    p("centre", string:centre("ab", 6)),
    p("left right", {string:left("ab", 5), string:right("ab", 5, $0), string:left("abcdef", 3)}),
    p("strip", {string:strip("  a  "), string:strip("xxaxx", both, $x), string:strip("  a  ", left)}),
    p("copies", string:copies("ab", 3)),
    p("chars", string:chars($z, 4, "tail")),
    ok.
