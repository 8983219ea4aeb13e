-module(unicode_edge_cases).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> V catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [L, R]).

main() ->
    t("latin1 in, list >255", fun() -> unicode:characters_to_binary([16#3bb], latin1) end),
    t("latin1 in, list <=255", fun() -> unicode:characters_to_binary([233, 255], latin1) end),
    t("latin1 to latin1", fun() -> unicode:characters_to_binary([233], latin1, latin1) end),
    t("list to latin1 list", fun() -> unicode:characters_to_list([233, <<195, 169>>]) end),
    t("deep mixed", fun() -> unicode:characters_to_binary([[[$a], <<"b">>], [[<<206, 187>>]], $c]) end),
    t("binary in list latin1", fun() -> unicode:characters_to_list([<<233>>, 233], latin1) end),
    t("max codepoint", fun() -> unicode:characters_to_binary([16#10FFFF]) end),
    t("max decode", fun() -> unicode:characters_to_list(<<244, 143, 191, 191>>) end),
    t("above max utf8 bytes", fun() -> unicode:characters_to_list(<<244, 144, 128, 128>>) end),
    t("5-byte seq", fun() -> unicode:characters_to_list(<<248, 136, 128, 128, 128>>) end),
    t("continuation alone", fun() -> unicode:characters_to_list(<<128>>) end),
    t("surrogate bytes", fun() -> unicode:characters_to_list(<<237, 160, 128>>) end),
    t("noncharacter fffe", fun() -> unicode:characters_to_binary([16#FFFE]) end),
    t("BOM char", fun() -> unicode:characters_to_binary([16#FEFF, $a]) end),
    t("utf16 le surrogate pair", fun() -> unicode:characters_to_list(<<61, 216, 0, 222>>, {utf16, little}) end),
    t("utf32 little max", fun() -> unicode:characters_to_binary([16#10FFFF], unicode, {utf32, little}) end),
    t("error keeps rest", fun() -> unicode:characters_to_binary([$a, $b, 16#D800, $c, $d]) end),
    t("error in nested list", fun() -> unicode:characters_to_binary([$a, [$b, [-5]], $c]) end),
    t("incomplete in middle of list", fun() -> unicode:characters_to_binary([<<"a", 226>>, $x]) end),
    t("nfc of hangul", fun() -> unicode:characters_to_nfc_list([16#1100, 16#1161, 16#11A8]) end),
    t("nfd of hangul", fun() -> unicode:characters_to_nfd_list([16#AC01]) end),
    t("nfkc ligature", fun() -> unicode:characters_to_nfkc_list("\x{FB03}\x{2168}") end),
    t("nfc invalid", fun() -> unicode:characters_to_nfc_list(<<255>>) end),
    t("string:length combining", fun() -> string:length([$a, 16#301, 16#302, $b]) end),
    t("string:length hangul", fun() -> string:length([16#1100, 16#1161, 16#11A8, 16#1100]) end),
    t("casefold sharp s", fun() -> string:casefold("Stra\x{DF}e") end),
    t("uppercase final sigma", fun() -> string:uppercase("\x{3C2}") end),
    ok.
