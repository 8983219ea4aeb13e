-module(atom_misc).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    t("255 latin1 chars", fun() -> length(atom_to_list(list_to_atom(lists:duplicate(255, 233)))) end),
    t("255 3-byte chars", fun() -> length(atom_to_list(list_to_atom(lists:duplicate(255, 16#20AC)))) end),
    t("binary_to_atom 255 chars utf8", fun() -> length(atom_to_list(binary_to_atom(binary:copy(<<226, 130, 172>>, 255), utf8))) end),
    t("binary_to_atom 256 chars utf8", fun() -> binary_to_atom(binary:copy(<<226, 130, 172>>, 256), utf8) end),
    t("binary_to_atom latin1 bytes", fun() -> atom_to_list(binary_to_atom(<<195, 169>>, latin1)) end),
    t("atom_to_binary latin1 of high", fun() -> atom_to_binary(list_to_atom(id([300])), latin1) end),
    t("atom compare by text", fun() -> [id(abc) < id(abd), id('B') < id(a), id('') < id(a), id(z) < id(aa)] end),
    t("atom compare unicode", fun() -> list_to_atom([233]) < list_to_atom([16#3bb]) end),
    t("atom vs number", fun() -> [id(a) > id(1), id(a) > id(1.0e300), id(a) < id({})] end),
    t("atom equal", fun() -> [list_to_atom("abc") =:= abc, list_to_atom("ABC") =:= abc] end),
    t("concat atoms", fun() -> list_to_atom(atom_to_list(id(foo)) ++ "_" ++ atom_to_list(id(bar))) end),
    t("erlang:atom_to_binary/1", fun() -> erlang:atom_to_binary(id('x y')) end),
    t("binary_to_existing_atom/1", fun() -> binary_to_existing_atom(id(<<"ok">>)) end),
    t("is_atom guards", fun() -> [X || X <- [a, 1, "a", 'A', <<"a">>, true], is_atom(X)] end),
    t("atom size in t2b", fun() -> byte_size(term_to_binary(id(list_to_atom(lists:duplicate(255, $q))))) end),
    t("atom as map key order", fun() -> maps:keys(#{b => 1, a => 2, 'C' => 3, '' => 4}) end),
    t("sort atoms", fun() -> lists:sort([b, 'B', a, 'A', '_', aa, 'a b', ok]) end),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("atom_to_list ''", fun() -> atom_to_list(extra_id('')) end),
    extra_t("list_to_atom digits", fun() -> list_to_atom(extra_id("123")) end),
    extra_t("atom in binary_to_term", fun() -> binary_to_term(term_to_binary(extra_id('x y'))) end),
    extra_t("atom ~w", fun() -> lists:flatten(io_lib:format("~w", [extra_id('a-b')])) end),
    extra_t("atom ~s", fun() -> lists:flatten(io_lib:format("~s", [extra_id('a-b')])) end),
    ok.
