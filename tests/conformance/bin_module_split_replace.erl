-module(bin_module_split_replace).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    S = <<"a,b,,c,">>,
    t("split", fun() -> binary:split(S, <<",">>) end),
    t("split global", fun() -> binary:split(S, <<",">>, [global]) end),
    t("split global trim", fun() -> binary:split(S, <<",">>, [global, trim]) end),
    t("split global trim_all", fun() -> binary:split(S, <<",">>, [global, trim_all]) end),
    t("split multi pat", fun() -> binary:split(<<"a;b,c d">>, [<<";">>, <<",">>, <<" ">>], [global]) end),
    t("split scope", fun() -> binary:split(S, <<",">>, [global, {scope, {2, 3}}]) end),
    t("split no match", fun() -> binary:split(<<"abc">>, <<"x">>) end),
    t("split empty", fun() -> binary:split(<<>>, <<",">>, [global]) end),
    t("split empty trim_all", fun() -> binary:split(<<",,">>, <<",">>, [global, trim_all]) end),
    t("replace", fun() -> binary:replace(S, <<",">>, <<";">>) end),
    t("replace global", fun() -> binary:replace(S, <<",">>, <<";;">>, [global]) end),
    t("replace insert", fun() -> binary:replace(<<"abcab">>, <<"b">>, <<"[]">>, [global, {insert_replaced, 1}]) end),
    t("replace insert list", fun() -> binary:replace(<<"abc">>, <<"b">>, <<"<>">>, [{insert_replaced, [0, 1, 2]}]) end),
    t("replace multi", fun() -> binary:replace(<<"cat dog">>, [<<"cat">>, <<"dog">>], <<"pet">>, [global]) end),
    t("replace empty replacement", fun() -> binary:replace(<<"a-b-c">>, <<"-">>, <<>>, [global]) end),
    t("replace bad insert", fun() -> binary:replace(<<"abc">>, <<"b">>, <<"x">>, [{insert_replaced, 5}]) end),
    t("split bad", fun() -> binary:split(not_bin, <<",">>) end),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("split trim only", fun() -> binary:split(<<",a,,b,,">>, <<",">>, [global, trim]) end),
    extra_t("split leading empty", fun() -> binary:split(<<",a">>, <<",">>) end),
    extra_t("replace all chars", fun() -> binary:replace(<<"aaa">>, <<"a">>, <<"bb">>, [global]) end),
    extra_t("replace scope", fun() -> binary:replace(<<"a-a-a">>, <<"a">>, <<"X">>, [global, {scope, {1, 3}}]) end),
    extra_t("replace fun-free multi len", fun() -> binary:replace(<<"abcd">>, [<<"ab">>, <<"bcd">>], <<"_">>, [global]) end),
    ok.
