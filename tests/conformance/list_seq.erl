-module(list_seq).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    t("seq 1 10", fun() -> lists:seq(1, 10) end),
    t("seq 5 5", fun() -> lists:seq(5, 5) end),
    t("seq 5 4", fun() -> lists:seq(5, 4) end),
    t("seq 5 3", fun() -> lists:seq(5, 3) end),
    t("seq 1 10 3", fun() -> lists:seq(1, 10, 3) end),
    t("seq 10 1 -2", fun() -> lists:seq(10, 1, -2) end),
    t("seq 1 1 0", fun() -> lists:seq(1, 1, 0) end),
    t("seq 1 2 0", fun() -> lists:seq(1, 2, 0) end),
    t("seq 1 0 1", fun() -> lists:seq(1, 0, 1) end),
    t("seq 10 1 1", fun() -> lists:seq(10, 1, 1) end),
    t("seq -3 3", fun() -> lists:seq(-3, 3) end),
    t("seq big", fun() -> lists:seq(1 bsl 64, (1 bsl 64) + 3) end),
    t("seq float", fun() -> lists:seq(1.0, 3) end),
    t("seq atom", fun() -> lists:seq(a, 3) end),
    t("seq len", fun() -> length(lists:seq(1, 100000)) end),
    t("seq sum", fun() -> lists:sum(lists:seq(1, 100000, 7)) end),
    t("enumerate", fun() -> lists:enumerate([a, b, c]) end),
    t("enumerate/2", fun() -> lists:enumerate(0, [a, b, c]) end),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("seq negative step down", fun() -> lists:seq(-1, -10, -3) end),
    extra_t("seq large step", fun() -> lists:seq(1, 10, 100) end),
    extra_t("seq step beyond", fun() -> lists:seq(10, 1, -100) end),
    ok.
