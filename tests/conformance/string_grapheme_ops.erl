-module(string_grapheme_ops).
-export([main/0]).

main() ->
    S = [$a, 16#301, $b, 16#308, 16#304, $c, $\r, $\n, $d],
    io:format("length: ~w~n", [string:length(S)]),
    io:format("graphemes: ~w~n", [string:to_graphemes(S)]),
    io:format("reverse: ~w~n", [string:reverse(S)]),
    io:format("slice 1 2: ~w~n", [string:slice(S, 1, 2)]),
    io:format("pad 8: ~w~n", [string:pad(S, 8, trailing, $.)]),
    io:format("split on b-umlaut-macron: ~w~n", [string:split(S, [$b, 16#308, 16#304])]),
    io:format("split on plain b: ~w~n", [string:split(S, "b")]),
    io:format("find a: ~w~n", [string:find(S, "a")]),
    io:format("trim combining: ~w~n", [string:trim([$x, 16#301, $x], both, [$x])]),
    io:format("lexemes crlf: ~w~n", [string:lexemes(S, [[$\r, $\n]])]),
    io:format("uppercase: ~w~n", [string:uppercase(S)]),
    io:format("take: ~w~n", [string:take(S, [$a, [$a, 16#301]])]),
    io:format("equal nfc/nfd: ~w~n", [string:equal([16#e1], [$a, 16#301], false, nfc)]),
    io:format("next_grapheme bin: ~w~n", [string:next_grapheme(<<"e", 204, 129, "x">>)]),
    io:format("length bin: ~w~n", [string:length(<<"e", 204, 129, "x">>)]),
    Flags = [16#1F1EB, 16#1F1F7, 16#1F1E9, 16#1F1EA],
    io:format("flags length: ~w~n", [string:length(Flags)]),
    Emoji = [16#1F44D, 16#1F3FD, 16#1F469, 16#200D, 16#1F4BB],
    io:format("emoji length: ~w graphemes: ~w~n", [string:length(Emoji), string:to_graphemes(Emoji)]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("slice grapheme binary", fun() -> string:slice(<<"e", 204, 129, "xyz">>, 0, 2) end),
    extra_t("reverse grapheme binary", fun() -> string:reverse(<<"ab", 204, 129>>) end),
    extra_t("pad binary grapheme", fun() -> string:pad(<<"e", 204, 129>>, 3, leading) end),
    extra_t("find grapheme boundary", fun() -> string:find([$e, 16#301, $e], "e", trailing) end),
    extra_t("equal graphemes", fun() -> string:equal([$e, 16#301], [$e, 16#301]) end),
    ok.
