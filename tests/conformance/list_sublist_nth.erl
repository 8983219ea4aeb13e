-module(list_sublist_nth).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    L = [a, b, c, d, e],
    t("sublist 3", fun() -> lists:sublist(L, 3) end),
    t("sublist 10", fun() -> lists:sublist(L, 10) end),
    t("sublist 0", fun() -> lists:sublist(L, 0) end),
    t("sublist 2,2", fun() -> lists:sublist(L, 2, 2) end),
    t("sublist 5,3", fun() -> lists:sublist(L, 5, 3) end),
    t("sublist 6,1", fun() -> lists:sublist(L, 6, 1) end),
    t("sublist 7,1", fun() -> lists:sublist(L, 7, 1) end),
    t("sublist 0,1", fun() -> lists:sublist(L, 0, 1) end),
    t("sublist -1", fun() -> lists:sublist(L, -1) end),
    t("nth 1", fun() -> lists:nth(1, L) end),
    t("nth 5", fun() -> lists:nth(5, L) end),
    t("nth 0", fun() -> lists:nth(0, L) end),
    t("nth 6", fun() -> lists:nth(6, L) end),
    t("nthtail 0", fun() -> lists:nthtail(0, L) end),
    t("nthtail 2", fun() -> lists:nthtail(2, L) end),
    t("nthtail 5", fun() -> lists:nthtail(5, L) end),
    t("nthtail 6", fun() -> lists:nthtail(6, L) end),
    t("last", fun() -> lists:last(L) end),
    t("last []", fun() -> lists:last([]) end),
    t("droplast", fun() -> lists:droplast(L) end),
    t("droplast []", fun() -> lists:droplast([]) end),
    t("prefix", fun() -> [lists:prefix([a, b], L), lists:prefix([b], L), lists:prefix([], L)] end),
    t("suffix", fun() -> [lists:suffix([d, e], L), lists:suffix([a], L)] end),
    t("reverse", fun() -> lists:reverse(L) end),
    t("reverse/2", fun() -> lists:reverse(L, [z]) end),
    t("duplicate", fun() -> lists:duplicate(3, xy) end),
    t("duplicate 0", fun() -> lists:duplicate(0, xy) end),
    t("member", fun() -> [lists:member(c, L), lists:member(z, L)] end),
    t("delete", fun() -> [lists:delete(c, L), lists:delete(z, L), lists:delete(a, [a, b, a])] end),
    t("max min", fun() -> {lists:max([3, 1, 4]), lists:min([3, 1, 4]), lists:max([a, 1, "s"])} end),
    t("max []", fun() -> lists:max([]) end),
    t("sum", fun() -> [lists:sum([]), lists:sum([1, 2.5]), lists:sum(lists:seq(1, 100))] end),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("nth big", fun() -> lists:nth(99999, lists:seq(1, 100000)) end),
    ok.
