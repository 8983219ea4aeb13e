-module(unicode_chars_to_list).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> V catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [L, R]).

main() ->
    t("utf8 bin", fun() -> unicode:characters_to_list(<<"h", 195, 169, 206, 187, 240, 159, 152, 128>>) end),
    t("utf8 explicit", fun() -> unicode:characters_to_list(<<195, 169>>, utf8) end),
    t("latin1", fun() -> unicode:characters_to_list(<<195, 169>>, latin1) end),
    t("list passthrough", fun() -> unicode:characters_to_list([16#3bb, "ab"]) end),
    t("mixed", fun() -> unicode:characters_to_list(["a", <<"b", 206, 187>>, [[$c]]]) end),
    t("utf16 big", fun() -> unicode:characters_to_list(<<0, 104, 0, 105>>, utf16) end),
    t("utf16 little", fun() -> unicode:characters_to_list(<<104, 0, 105, 0>>, {utf16, little}) end),
    t("utf16 surrogates", fun() -> unicode:characters_to_list(<<216, 61, 222, 0>>, utf16) end),
    t("utf32 big", fun() -> unicode:characters_to_list(<<0, 0, 3, 187>>, utf32) end),
    t("utf32 little", fun() -> unicode:characters_to_list(<<187, 3, 0, 0>>, {utf32, little}) end),
    t("error", fun() -> unicode:characters_to_list(<<"ok", 128, "rest">>) end),
    t("incomplete", fun() -> unicode:characters_to_list(<<"ok", 240, 159>>) end),
    t("incomplete utf16", fun() -> unicode:characters_to_list(<<0, 104, 216, 61>>, utf16) end),
    t("error in list", fun() -> unicode:characters_to_list([$a, <<255>>, $b]) end),
    t("bad type", fun() -> unicode:characters_to_list({a}) end),
    t("bad encoding", fun() -> unicode:characters_to_list(<<"a">>, utf7) end),
    t("nfc", fun() -> unicode:characters_to_nfc_list([$e, 16#301, $a, 16#30a]) end),
    t("nfd", fun() -> unicode:characters_to_nfd_list([16#e9, 16#c5]) end),
    t("nfkc", fun() -> unicode:characters_to_nfkc_list([16#fb01, 16#2460]) end),
    t("nfkd", fun() -> unicode:characters_to_nfkd_list([16#fb01, 16#e9]) end),
    t("nfc bin", fun() -> unicode:characters_to_nfc_binary(<<"e", 204, 129>>) end),
    t("nfd bin", fun() -> unicode:characters_to_nfd_binary(<<195, 169>>) end),
    t("roundtrip", fun() ->
        L = lists:seq(16#20, 16#7e) ++ [16#a0, 16#ff, 16#100, 16#7ff, 16#800, 16#ffff, 16#10000, 16#10ffff],
        [unicode:characters_to_list(unicode:characters_to_binary(L, unicode, E), E) =:= L
         || E <- [utf8, utf16, {utf16, little}, utf32, {utf32, little}]]
    end),
    t("utf8 byte lengths", fun() -> [byte_size(unicode:characters_to_binary([C])) || C <- [16#7f, 16#80, 16#7ff, 16#800, 16#ffff, 16#10000]] end),
    ok.
