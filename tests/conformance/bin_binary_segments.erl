-module(bin_binary_segments).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    B = id(<<"hello world">>),
    t("binary seg", fun() -> <<B/binary, "!">> end),
    t("binary sized", fun() -> <<B:5/binary>> end),
    t("binary sized too big", fun() -> <<B:20/binary>> end),
    t("bytes", fun() -> <<B/bytes, 0>> end),
    t("bits seg", fun() -> <<(id(<<1:3>>))/bits, 1:5>> end),
    t("bitstring seg", fun() -> <<(id(<<5:4>>))/bitstring, (id(<<6:4>>))/bitstring>> end),
    t("binary with bitstring", fun() -> <<(id(<<1:3>>))/binary>> end),
    t("match prefix", fun() -> <<H:5/binary, " ", R/binary>> = B, {H, R} end),
    t("match bytes", fun() -> <<X:2/bytes, _/bytes>> = B, X end),
    t("match bits", fun() -> <<X:3/bits, Rest/bits>> = id(<<255, 0>>), {X, Rest} end),
    t("binary unit", fun() -> <<X:2/binary-unit:16, _/binary>> = B, X end),
    t("string literal seg", fun() -> <<"abc", "def">> end),
    t("string with type", fun() -> <<"ab"/utf16>> end),
    t("string int size", fun() -> <<"ab":16>> end),
    t("string little", fun() -> <<"ab":16/little>> end),
    t("empty bin", fun() -> <<>> end),
    t("empty in seg", fun() -> <<(id(<<>>))/binary, (id(<<>>))/binary>> end),
    t("non-binary in seg", fun() -> <<(id(abc))/binary>> end),
    t("list in seg", fun() -> <<(id("abc"))/binary>> end),
    t("nested build", fun() -> <<<<X>> || X <- [1, 2, 3]>> end),
    t("concat many", fun() -> lists:foldl(fun(X, Acc) -> <<Acc/binary, X>> end, <<>>, lists:seq(1, 20)) end),
    t("large concat size", fun() -> byte_size(lists:foldl(fun(X, Acc) -> <<Acc/binary, X:32>> end, <<>>, lists:seq(1, 10000))) end),
    t("match exact", fun() -> <<"hello", _/binary>> = B, yes end),
    t("match fail", fun() -> <<"world", _/binary>> = B, yes end),
    ok.
