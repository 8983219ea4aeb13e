-module(int_list_to_integer).
-export([main/0]).

t(F, Args) ->
    R = try apply(erlang, F, Args) of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~w~p -> ~p~n", [F, Args, R]).

main() ->
    lists:foreach(fun(S) -> t(list_to_integer, [S]) end,
        ["0", "123", "-123", "+123", "007", "-0", "123456789012345678901234567890",
         "-99999999999999999999999", "", "-", "+", "12a", " 12", "12 ", "1.0", "1e5",
         "--1", "+-1"]),
    lists:foreach(fun({S, B}) -> t(list_to_integer, [S, B]) end,
        [{"ff", 16}, {"FF", 16}, {"-ff", 16}, {"zz", 36}, {"ZZ", 36}, {"101", 2},
         {"102", 2}, {"777", 8}, {"8", 8}, {"123", 37}, {"1", 1},
         {"ffffffffffffffffffffffffffffffff", 16}, {"-Zz", 36}]),
    lists:foreach(fun(S) -> t(binary_to_integer, [S]) end,
        [<<"42">>, <<"-42">>, <<"+7">>, <<"1234567890123456789012345678901234567890">>,
         <<"">>, <<"4 2">>, <<"x">>]),
    lists:foreach(fun({S, B}) -> t(binary_to_integer, [S, B]) end,
        [{<<"ff">>, 16}, {<<"-10">>, 2}, {<<"Zz">>, 36}, {<<"g">>, 16}]),
    t(list_to_integer, [abc]),
    t(list_to_integer, [[$1 | $2]]),
    t(binary_to_integer, ["12"]),
    io:format("string:to_integer: ~p~n", [[string:to_integer(S) || S <- ["12abc", "-3 x", "abc", "", "+5"]]]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("leading zeros big", fun() -> list_to_integer("000000000000000000000000001") end),
    extra_t("plus zero", fun() -> list_to_integer("+0") end),
    extra_t("base 16 mixed case", fun() -> list_to_integer("DeadBeef", 16) end),
    extra_t("base 2 long", fun() -> list_to_integer(lists:duplicate(100, $1), 2) end),
    ok.
