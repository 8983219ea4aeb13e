-module(bin_to_list_conv).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    t("binary_to_list", fun() -> binary_to_list(<<"hello">>) end),
    t("binary_to_list empty", fun() -> binary_to_list(<<>>) end),
    t("binary_to_list bits", fun() -> binary_to_list(id(<<1:3>>)) end),
    t("binary_to_list/3", fun() -> binary_to_list(<<"hello">>, 2, 4) end),
    t("binary_to_list/3 bad", fun() -> binary_to_list(id(<<"hello">>), 4, 2) end),
    t("list_to_binary", fun() -> list_to_binary("hello") end),
    t("term printing of bins", fun() -> [<<>>, <<0>>, <<"abc">>, <<"a\nb">>, <<200>>, <<1, 2, 3>>, <<"é"/utf8>>] end),
    t("printable bin", fun() -> <<"tab\there">> end),
    t("long binary", fun() -> list_to_binary(lists:seq(32, 126)) end),
    t("long nonprintable binary", fun() -> list_to_binary(lists:seq(0, 60)) end),
    t("binary in ~P", fun() -> lists:flatten(io_lib:format("~P", [list_to_binary(lists:seq(65, 90)), 5])) end),
    t("binary in ~W", fun() -> lists:flatten(io_lib:format("~W", [list_to_binary(lists:seq(1, 30)), 5])) end),
    t("atom_to_binary", fun() -> atom_to_binary(ok) end),
    t("integer_to_binary", fun() -> integer_to_binary(-1234) end),
    t("float_to_binary", fun() -> float_to_binary(1.25) end),
    t("binary_to_integer", fun() -> binary_to_integer(<<"-0042">>) end),
    t("term order bins", fun() -> lists:sort([<<"b">>, <<"a">>, <<"ab">>, <<>>, <<0>>, <<255>>, <<"A">>]) end),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("bitstring_to_list", fun() -> bitstring_to_list(<<1, 2, 1:1>>) end),
    extra_t("list_to_binary nested bins", fun() -> list_to_binary([<<"a">>, [<<"b">>, [<<"c">>]]]) end),
    extra_t("binary_to_list large", fun() -> length(binary_to_list(binary:copy(<<"ab">>, 5000))) end),
    extra_t("list_to_binary improper tail bin", fun() -> list_to_binary([$a | <<"bc">>]) end),
    ok.
