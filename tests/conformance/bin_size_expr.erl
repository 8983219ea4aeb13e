-module(bin_size_expr).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

parse(<<Len:8, Data:Len/binary, Rest/binary>>) -> {Data, Rest};
parse(_) -> error.

tlv(<<>>) -> [];
tlv(<<T:8, L:16, V:L/binary, R/binary>>) -> [{T, V} | tlv(R)].

main() ->
    N = id(3),
    t("var size", fun() -> <<(id(7)):N>> end),
    t("expr size", fun() -> <<(id(1)):(N * 4)>> end),
    t("expr size 2", fun() -> <<(id(255)):(N + N + 2)/little>> end),
    t("parse len-prefixed", fun() -> parse(id(<<3, "abcdef">>)) end),
    t("parse too short", fun() -> parse(id(<<10, "abc">>)) end),
    t("tlv", fun() -> tlv(id(<<1, 0, 2, "hi", 2, 0, 0, 3, 0, 3, "xyz">>)) end),
    t("size from earlier seg", fun() -> <<S:4, V:S, _/bits>> = id(<<3:4, 5:3, 0:1>>), {S, V} end),
    t("size binary seg", fun() -> <<L:8, B:L/bytes>> = id(<<2, "ok">>), B end),
    t("size bits seg", fun() -> <<L:8, B:L/bits>> = id(<<4, 16#F0>>), B end),
    t("size in comprehension", fun() -> [X || <<X:N>> <= id(<<255, 0, 170>>)] end),
    t("size 0 match", fun() -> <<X:0, R/binary>> = id(<<1>>), {X, R} end),
    t("guard on size", fun() -> case id(<<1, 2, 3, 4>>) of <<A:16, B/binary>> when byte_size(B) =:= 2 -> {A, B}; _ -> no end end),
    t("size too large match", fun() -> Sz = id(100), <<_:Sz>> = id(<<1, 2>>), ok end),
    t("unit var size", fun() -> <<X:N/unit:8>> = id(<<1, 2, 3>>), X end),
    t("bad size type", fun() -> <<(id(1)):(id(a))>> end),
    t("huge size", fun() -> <<(id(1)):(id(1 bsl 60))>> end),
    t("repeat parse", fun() -> lists:reverse(rp(id(<<1, 10, 2, 20, 21, 0, 3, 30, 31, 32>>), [])) end),
    ok.

rp(<<>>, Acc) -> Acc;
rp(<<N, Vs:N/binary, R/binary>>, Acc) -> rp(R, [binary_to_list(Vs) | Acc]).
