-module(bin_module_match).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    S = <<"the quick brown fox jumps over the lazy dog">>,
    t("match", fun() -> binary:match(S, <<"the">>) end),
    t("match list", fun() -> binary:match(S, [<<"fox">>, <<"quick">>]) end),
    t("match overlapping pats", fun() -> binary:match(S, [<<"qu">>, <<"quick">>]) end),
    t("match none", fun() -> binary:match(S, <<"cat">>) end),
    t("match scope", fun() -> binary:match(S, <<"the">>, [{scope, {1, 40}}]) end),
    t("match scope neg", fun() -> binary:match(S, <<"o">>, [{scope, {43, -20}}]) end),
    t("matches", fun() -> binary:matches(S, <<"o">>) end),
    t("matches list", fun() -> binary:matches(S, [<<"the">>, <<"o">>, <<"over">>]) end),
    t("matches overlapping", fun() -> binary:matches(<<"aaaa">>, <<"aa">>) end),
    t("matches none", fun() -> binary:matches(S, <<"zz">>) end),
    t("compiled pattern", fun() -> P = binary:compile_pattern([<<"ab">>, <<"cd">>]), binary:matches(<<"xxabyycdab">>, P) end),
    t("empty pattern", fun() -> binary:match(S, <<>>) end),
    t("empty list pattern", fun() -> binary:match(S, []) end),
    t("bad scope", fun() -> binary:match(S, <<"a">>, [{scope, {50, 2}}]) end),
    t("at", fun() -> [binary:at(S, 0), binary:at(S, 4)] end),
    t("at oob", fun() -> binary:at(S, 100) end),
    t("first last", fun() -> {binary:first(S), binary:last(S)} end),
    t("first empty", fun() -> binary:first(<<>>) end),
    t("bin_to_list", fun() -> binary:bin_to_list(S, {4, 5}) end),
    t("bin_to_list 3", fun() -> binary:bin_to_list(S, 10, 5) end),
    t("list_to_bin", fun() -> binary:list_to_bin([<<"a">>, "bc", [$d]]) end),
    ok.
