-module(atom_conv).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    t("atom_to_list hello", fun() -> atom_to_list(id(hello)) end),
    t("atom_to_list ''", fun() -> atom_to_list(id('')) end),
    t("atom_to_list 'Hello World'", fun() -> atom_to_list(id('Hello World')) end),
    t("list_to_atom", fun() -> list_to_atom(id("abc_def")) end),
    t("list_to_atom empty", fun() -> list_to_atom(id("")) end),
    t("list_to_atom 255 chars", fun() -> length(atom_to_list(list_to_atom(lists:duplicate(255, $x)))) end),
    t("list_to_atom 256 chars", fun() -> list_to_atom(lists:duplicate(256, $x)) end),
    t("list_to_atom bad", fun() -> list_to_atom(id([a, b])) end),
    t("list_to_atom int", fun() -> list_to_atom(id(42)) end),
    t("atom_to_binary", fun() -> atom_to_binary(id(hello)) end),
    t("atom_to_binary utf8", fun() -> atom_to_binary(id(hello), utf8) end),
    t("atom_to_binary latin1", fun() -> atom_to_binary(id('caf\x{e9}'), latin1) end),
    t("atom_to_binary utf8 e9", fun() -> atom_to_binary(id('caf\x{e9}'), utf8) end),
    t("binary_to_atom", fun() -> binary_to_atom(id(<<"xyz">>)) end),
    t("binary_to_atom latin1", fun() -> binary_to_atom(id(<<"caf", 233>>), latin1) end),
    t("binary_to_atom bad utf8", fun() -> binary_to_atom(id(<<"caf", 233>>), utf8) end),
    t("binary_to_existing_atom ok", fun() -> binary_to_existing_atom(id(<<"hello">>), utf8) end),
    t("binary_to_existing_atom no", fun() -> binary_to_existing_atom(id(<<"this_atom_does_not_exist_zq9x">>), utf8) end),
    t("list_to_existing_atom ok", fun() -> list_to_existing_atom(id("ok")) end),
    t("list_to_existing_atom no", fun() -> list_to_existing_atom(id("no_such_atom_qq77xz")) end),
    t("atom_to_list of int", fun() -> atom_to_list(id(1)) end),
    t("is_atom", fun() -> [is_atom(X) || X <- [a, 'A', true, [], "a", 1, {}]] end),
    t("booleans", fun() -> [is_boolean(X) || X <- [true, false, 'true', yes, 1]] end),
    t("compare atoms", fun() -> lists:sort([zeta, alpha, 'Alpha', '_x', 'a b', aa, a, '']) end),
    t("atom length", fun() -> [length(atom_to_list(A)) || A <- [a, abc, '', 'x y z']] end),
    t("atom in tuple", fun() -> element(1, {id(foo), 1}) =:= foo end),
    t("erlang:atom_to_list int arg", fun() -> erlang:atom_to_list(id("str")) end),
    ok.
