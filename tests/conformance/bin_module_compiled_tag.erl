-module(bin_module_compiled_tag).
-export([main/0]).

id(X) -> X.

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

%% A compiled pattern whose tag does not fit its contents ({bm, ...} holding the
%% several-pattern automaton, {ac, ...} the one-pattern one, or anything else) is a badarg
%% for binary:match/matches/split, as binary_module_SUITE's badargs checks.
main() ->
    {bm, BM} = BMP = binary:compile_pattern(id([<<1, 2, 3>>])),
    {ac, AC} = ACP = binary:compile_pattern(id([<<1, 2, 3>>, <<4, 5>>])),
    S = id(<<0, 1, 2, 3, 4, 5>>),
    t("bm ok", fun() -> binary:match(S, BMP) end),
    t("ac ok", fun() -> binary:matches(S, ACP) end),
    t("split ac", fun() -> binary:split(S, ACP, [global]) end),
    t("bm of ac", fun() -> binary:match(S, {bm, AC}) end),
    t("ac of bm", fun() -> binary:match(S, {ac, BM}) end),
    t("bm of ac matches", fun() -> binary:matches(S, {bm, AC}) end),
    t("ac of bm split", fun() -> binary:split(S, {ac, BM}) end),
    t("bm empty", fun() -> binary:match(S, {bm, <<>>}) end),
    t("ac empty", fun() -> binary:match(S, {ac, <<>>}) end),
    t("bm ms", fun() -> binary:match(S, {bm, ets:match_spec_compile([{'_', [], ['$_']}])}) end),
    t("other tag", fun() -> binary:match(S, {xx, BM}) end),
    t("3-tuple", fun() -> binary:match(S, {bm, BM, BM}) end),
    t("scope 0", fun() -> binary:match(id(<<1, 2, 3>>), <<1>>, [{scope, {0, 0}}]) end),
    ok.
