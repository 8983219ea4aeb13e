-module(unicode_chars_to_binary).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> V catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [L, R]).

main() ->
    S = [$a, 16#e9, 16#3bb, 16#20ac, 16#1f600],
    t("utf8", fun() -> unicode:characters_to_binary(S) end),
    t("utf8 explicit", fun() -> unicode:characters_to_binary(S, unicode, utf8) end),
    t("utf16", fun() -> unicode:characters_to_binary(S, unicode, utf16) end),
    t("utf16 little", fun() -> unicode:characters_to_binary(S, unicode, {utf16, little}) end),
    t("utf16 big", fun() -> unicode:characters_to_binary(S, unicode, {utf16, big}) end),
    t("utf32", fun() -> unicode:characters_to_binary(S, unicode, utf32) end),
    t("utf32 little", fun() -> unicode:characters_to_binary(S, unicode, {utf32, little}) end),
    t("latin1 out ok", fun() -> unicode:characters_to_binary([$a, 16#e9], unicode, latin1) end),
    t("latin1 out err", fun() -> unicode:characters_to_binary(S, unicode, latin1) end),
    t("from latin1", fun() -> unicode:characters_to_binary(<<"caf", 233>>, latin1) end),
    t("from latin1 to utf16", fun() -> unicode:characters_to_binary(<<"caf", 233>>, latin1, utf16) end),
    t("mixed iolist", fun() -> unicode:characters_to_binary(["ab", <<"cd">>, [16#3bb, <<206, 187>>]]) end),
    t("bad codepoint", fun() -> unicode:characters_to_binary([$a, 16#110000, $b]) end),
    t("surrogate", fun() -> unicode:characters_to_binary([$a, 16#d800]) end),
    t("negative", fun() -> unicode:characters_to_binary([$a, -1]) end),
    t("invalid utf8 in binary", fun() -> unicode:characters_to_binary(<<"ab", 255, "c">>) end),
    t("incomplete utf8", fun() -> unicode:characters_to_binary(<<"ab", 226, 130>>) end),
    t("incomplete then more", fun() -> unicode:characters_to_binary([<<"ab", 226>>, <<130, 172>>]) end),
    t("utf16 in", fun() -> unicode:characters_to_binary(<<0, 97, 3, 187, 216, 61, 222, 0>>, utf16) end),
    t("utf16 in odd", fun() -> unicode:characters_to_binary(<<0, 97, 3>>, utf16) end),
    t("utf16 lone surrogate", fun() -> unicode:characters_to_binary(<<216, 61, 0, 97>>, utf16) end),
    t("utf32 in", fun() -> unicode:characters_to_binary(<<0, 0, 0, 97, 0, 1, 246, 0>>, utf32) end),
    t("utf32 in bad", fun() -> unicode:characters_to_binary(<<0, 17, 0, 0>>, utf32) end),
    t("not chardata", fun() -> unicode:characters_to_binary(an_atom) end),
    t("empty", fun() -> unicode:characters_to_binary([]) end),
    t("overlong utf8", fun() -> unicode:characters_to_binary(<<192, 128>>) end),
    t("bom utf8", fun() -> unicode:encoding_to_bom(utf8) end),
    t("bom utf16", fun() -> unicode:encoding_to_bom({utf16, little}) end),
    t("bom_to_encoding", fun() -> [unicode:bom_to_encoding(B) || B <- [<<239, 187, 191>>, <<254, 255>>, <<255, 254>>, <<255, 254, 0, 0>>, <<"x">>]] end),
    ok.
