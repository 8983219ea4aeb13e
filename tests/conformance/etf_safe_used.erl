-module(etf_safe_used).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    B = term_to_binary({hello, [1, 2]}),
    t("used", fun() -> binary_to_term(B, [used]) end),
    t("used with trailing", fun() -> binary_to_term(<<B/binary, 1, 2, 3>>, [used]) end),
    t("trailing without used", fun() -> binary_to_term(<<B/binary, 1, 2, 3>>) end),
    t("safe existing atom", fun() -> binary_to_term(B, [safe]) end),
    NewAtom = <<131, 100, 0, 20, "no_such_atom_zz_9876">>,
    t("safe new atom", fun() -> binary_to_term(NewAtom, [safe]) end),
    NewAtomUtf8 = <<131, 119, 19, "no_such_atom_zz_987">>,
    t("safe new utf8 atom", fun() -> binary_to_term(NewAtomUtf8, [safe]) end),
    t("safe + used", fun() -> binary_to_term(B, [safe, used]) end),
    t("bad option", fun() -> binary_to_term(B, [bogus]) end),
    t("not binary", fun() -> binary_to_term(notbin) end),
    t("empty", fun() -> binary_to_term(<<>>) end),
    t("no version", fun() -> binary_to_term(<<97, 1>>) end),
    t("only version", fun() -> binary_to_term(<<131>>) end),
    t("bad version", fun() -> binary_to_term(<<130, 97, 1>>) end),
    t("unknown tag", fun() -> binary_to_term(<<131, 200>>) end),
    t("truncated int", fun() -> binary_to_term(<<131, 98, 0, 0>>) end),
    t("truncated list", fun() -> binary_to_term(<<131, 108, 0, 0, 0, 2, 97, 1>>) end),
    t("truncated binary", fun() -> binary_to_term(<<131, 109, 0, 0, 0, 10, 1, 2>>) end),
    t("list length lie", fun() -> binary_to_term(<<131, 108, 255, 255, 255, 255, 106>>) end),
    t("bad atom utf8", fun() -> binary_to_term(<<131, 119, 1, 255>>) end),
    t("small tuple", fun() -> binary_to_term(<<131, 104, 2, 97, 1, 97, 2>>) end),
    t("nil", fun() -> binary_to_term(<<131, 106>>) end),
    t("string ext", fun() -> binary_to_term(<<131, 107, 0, 3, 1, 2, 3>>) end),
    t("bit binary", fun() -> binary_to_term(<<131, 77, 0, 0, 0, 1, 3, 224>>) end),
    t("bit binary zero bits", fun() -> binary_to_term(<<131, 77, 0, 0, 0, 1, 0, 224>>) end),
    t("map ext", fun() -> binary_to_term(<<131, 116, 0, 0, 0, 1, 97, 1, 97, 2>>) end),
    t("map dup keys", fun() -> binary_to_term(<<131, 116, 0, 0, 0, 2, 97, 1, 97, 2, 97, 1, 97, 3>>) end),
    t("export ext", fun() -> binary_to_term(<<131, 113, 100, 0, 5, "lists", 100, 0, 3, "map", 97, 2>>) end),
    t("atom cache ref invalid", fun() -> binary_to_term(<<131, 82, 0>>) end),
    t("compressed bad", fun() -> binary_to_term(<<131, 80, 0, 0, 0, 10, 1, 2, 3>>) end),
    ok.
