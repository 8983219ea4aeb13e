-module(list_split_partition).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    L = lists:seq(1, 10),
    t("split 3", fun() -> lists:split(3, L) end),
    t("split 0", fun() -> lists:split(0, L) end),
    t("split 10", fun() -> lists:split(10, L) end),
    t("split 11", fun() -> lists:split(11, L) end),
    t("split -1", fun() -> lists:split(-1, L) end),
    t("splitwith", fun() -> lists:splitwith(fun(X) -> X < 4 end, L) end),
    t("splitwith none", fun() -> lists:splitwith(fun(X) -> X > 4 end, L) end),
    t("partition", fun() -> lists:partition(fun(X) -> X rem 2 =:= 0 end, L) end),
    t("partition empty", fun() -> lists:partition(fun(_) -> true end, []) end),
    t("takewhile", fun() -> lists:takewhile(fun(X) -> X < 5 end, L) end),
    t("dropwhile", fun() -> lists:dropwhile(fun(X) -> X < 5 end, L) end),
    t("takewhile all", fun() -> lists:takewhile(fun(_) -> true end, L) end),
    t("dropwhile all", fun() -> lists:dropwhile(fun(_) -> true end, L) end),
    t("search", fun() -> lists:search(fun(X) -> X > 7 end, L) end),
    t("search none", fun() -> lists:search(fun(X) -> X > 70 end, L) end),
    t("join", fun() -> lists:join(", ", ["a", "b", "c"]) end),
    t("join single", fun() -> lists:join(x, [a]) end),
    t("join empty", fun() -> lists:join(x, []) end),
    t("uniq", fun() -> lists:uniq([3, 1, 3, 2, 1, 1.0]) end),
    t("uniq/2", fun() -> lists:uniq(fun({K, _}) -> K end, [{a, 1}, {b, 2}, {a, 3}]) end),
    t("string:split-like tokens", fun() -> string:tokens("a,b,,c", ",") end),
    ok.
