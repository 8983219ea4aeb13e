-module(list_keyfuncs).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    L = [{a, 1, x}, {b, 2, y}, {c, 3, z}, {a, 4, w}],
    t("keyfind a", fun() -> lists:keyfind(a, 1, L) end),
    t("keyfind 3 pos2", fun() -> lists:keyfind(3, 2, L) end),
    t("keyfind 3.0 pos2", fun() -> lists:keyfind(3.0, 2, L) end),
    t("keyfind missing", fun() -> lists:keyfind(q, 1, L) end),
    t("keyfind pos 4", fun() -> lists:keyfind(a, 4, L) end),
    t("keyfind pos 0", fun() -> lists:keyfind(a, 0, L) end),
    t("keyfind non-tuples", fun() -> lists:keyfind(a, 1, [a, [a], {a}]) end),
    t("keysearch", fun() -> lists:keysearch(b, 1, L) end),
    t("keymember", fun() -> [lists:keymember(c, 1, L), lists:keymember(d, 1, L)] end),
    t("keystore replace", fun() -> lists:keystore(a, 1, L, {a, new}) end),
    t("keystore append", fun() -> lists:keystore(d, 1, L, {d, new}) end),
    t("keyreplace", fun() -> lists:keyreplace(b, 1, L, {b, repl}) end),
    t("keyreplace missing", fun() -> lists:keyreplace(q, 1, L, {q}) end),
    t("keydelete", fun() -> lists:keydelete(a, 1, L) end),
    t("keydelete missing", fun() -> lists:keydelete(q, 1, L) end),
    t("keytake", fun() -> lists:keytake(b, 1, L) end),
    t("keytake missing", fun() -> lists:keytake(q, 1, L) end),
    t("keymap", fun() -> lists:keymap(fun(X) -> X * 100 end, 2, L) end),
    t("keymap bad", fun() -> lists:keymap(fun(X) -> X * 100 end, 3, L) end),
    t("keystore bad tuple", fun() -> lists:keystore(a, 1, L, notatuple) end),
    t("proplists-ish", fun() -> [V || {K, V, _} <- L, K =:= a] end),
    ok.
