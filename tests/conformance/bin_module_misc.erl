-module(bin_module_misc).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    S = <<"0123456789">>,
    t("part", fun() -> binary:part(S, 2, 3) end),
    t("part tuple", fun() -> binary:part(S, {7, 3}) end),
    t("part neg len", fun() -> binary:part(S, 5, -2) end),
    t("part oob", fun() -> binary:part(S, 8, 5) end),
    t("part 0", fun() -> binary:part(S, 10, 0) end),
    t("binary_part bif", fun() -> binary_part(S, {0, 4}) end),
    t("copy", fun() -> binary:copy(<<"ab">>, 4) end),
    t("copy 0", fun() -> binary:copy(<<"ab">>, 0) end),
    t("copy 1", fun() -> binary:copy(<<"ab">>) end),
    t("decode_unsigned", fun() -> [binary:decode_unsigned(B) || B <- [<<>>, <<0>>, <<1, 0>>, <<255, 255, 255, 255, 255, 255, 255, 255, 255>>]] end),
    t("decode_unsigned little", fun() -> binary:decode_unsigned(<<1, 0>>, little) end),
    t("encode_unsigned", fun() -> [binary:encode_unsigned(N) || N <- [0, 1, 255, 256, 65535, 1 bsl 64, 1 bsl 100]] end),
    t("encode_unsigned little", fun() -> binary:encode_unsigned(258, little) end),
    t("encode_unsigned neg", fun() -> binary:encode_unsigned(-1) end),
    t("lcp", fun() -> binary:longest_common_prefix([<<"interstellar">>, <<"internet">>, <<"interval">>]) end),
    t("lcp none", fun() -> binary:longest_common_prefix([<<"abc">>, <<"xyz">>]) end),
    t("lcp one", fun() -> binary:longest_common_prefix([<<"abc">>]) end),
    t("lcs", fun() -> binary:longest_common_suffix([<<"running">>, <<"jumping">>, <<"ping">>]) end),
    t("lcp bad", fun() -> binary:longest_common_prefix([]) end),
    t("split_binary", fun() -> split_binary(S, 3) end),
    t("split_binary 0", fun() -> split_binary(S, 0) end),
    t("split_binary end", fun() -> split_binary(S, 10) end),
    t("split_binary oob", fun() -> split_binary(S, id(11)) end),
    t("referenced_byte_size", fun() -> binary:referenced_byte_size(binary:part(S, 0, 2)) end),
    t("binary_to_list", fun() -> binary_to_list(S, 3, 5) end),
    t("list_to_binary", fun() -> list_to_binary([1, [2, [3]], <<4, 5>>, "six"]) end),
    t("list_to_binary bad", fun() -> list_to_binary(id([256])) end),
    t("list_to_binary bitstring", fun() -> list_to_binary(id([<<1:1>>])) end),
    ok.
