-module(list_append_subtract).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    t("[1,2]++[3]", fun() -> id([1, 2]) ++ id([3]) end),
    t("[]++[]", fun() -> id([]) ++ id([]) end),
    t("[]++atom", fun() -> id([]) ++ id(atom) end),
    t("[1]++atom", fun() -> id([1]) ++ id(atom) end),
    t("atom++[1]", fun() -> id(atom) ++ id([1]) end),
    t("improper++", fun() -> id([1 | 2]) ++ id([3]) end),
    t("string ++", fun() -> id("abc") ++ id("def") end),
    t("right assoc", fun() -> id([1]) ++ id([2]) ++ id([3]) end),
    t("--", fun() -> id([1, 2, 3, 2, 1]) -- id([2, 1]) end),
    t("-- dup", fun() -> id([a, a, a, b]) -- id([a, a]) end),
    t("-- missing", fun() -> id([1, 2]) -- id([3]) end),
    t("-- empty", fun() -> id([]) -- id([1]) end),
    t("-- all", fun() -> id([1, 2, 3]) -- id([3, 2, 1]) end),
    t("-- right assoc", fun() -> id([1, 2, 3]) -- id([1, 2]) -- id([1]) end),
    t("-- int float", fun() -> id([1, 1.0, 2]) -- id([1.0]) end),
    t("-- improper", fun() -> id([1, 2]) -- id([1 | 2]) end),
    t("-- non list", fun() -> id([1, 2]) -- id(a) end),
    t("-- tuples", fun() -> id([{a, 1}, {b, 2}, {a, 1}]) -- id([{a, 1}]) end),
    t("big --", fun() -> length(lists:seq(1, 5000) -- lists:seq(2, 5000, 2)) end),
    t("big -- sum", fun() -> lists:sum(lists:seq(1, 3000) -- lists:seq(1000, 2000)) end),
    t("subtract fn", fun() -> lists:subtract(id("hello"), id("lo")) end),
    t("append/1", fun() -> lists:append([[1], [2, 3], [], [4]]) end),
    t("append/2", fun() -> lists:append("ab", "cd") end),
    t("concat", fun() -> lists:concat([a, "b", 1, 2.5, 'C']) end),
    t("length", fun() -> [length(id(X)) || X <- [[], [a], "abc", lists:seq(1, 100)]] end),
    t("length improper", fun() -> length(id([1 | 2])) end),
    t("hd tl", fun() -> {hd(id([1, 2])), tl(id([1, 2]))} end),
    t("hd []", fun() -> hd(id([])) end),
    t("tl []", fun() -> tl(id([])) end),
    t("cons", fun() -> [id(0) | id([1, 2])] end),
    t("improper print", fun() -> [id(1), id(2) | id(3)] end),
    ok.
