-module(atom_unicode).
-export([main/0]).

id(X) -> X.

main() ->
    Names = ["caf\x{e9}", "\x{3bb}x", "\x{65e5}\x{672c}", "smile\x{1f600}", "\x{c5}ngstr\x{f6}m",
             "na\x{ef}ve", "\x{410}\x{411}"],
    lists:foreach(fun(N) ->
        A = list_to_atom(id(N)),
        io:format("atom ~w~n", [atom_to_list(A)]),
        io:format("  ~~p: ~p~n", [A]),
        io:format("  ~~tp: ~tp~n", [A]),
        io:format("  ~~w: ~w~n", [A]),
        io:format("  ~~tw: ~tw~n", [A]),
        io:format("  ~~ts: ~ts~n", [atom_to_list(A)]),
        io:format("  utf8 bin: ~w~n", [atom_to_binary(A, utf8)]),
        io:format("  latin1 bin: ~p~n", [try atom_to_binary(A, latin1) catch C:E -> {C, E} end]),
        io:format("  length: ~w~n", [length(atom_to_list(A))]),
        io:format("  roundtrip: ~w~n", [binary_to_atom(atom_to_binary(A, utf8), utf8) =:= A]),
        io:format("  t2b: ~w~n", [term_to_binary(A)])
    end, Names),
    io:format("sorted: ~tp~n", [lists:sort([list_to_atom(N) || N <- Names])]),
    io:format("255 unicode chars: ~w~n", [length(atom_to_list(list_to_atom(lists:duplicate(255, 16#3bb))))]),
    io:format("256 unicode chars: ~p~n", [try list_to_atom(lists:duplicate(256, 16#3bb)) catch C:E -> {C, E} end]),
    io:format("bad codepoint: ~p~n", [try list_to_atom(id([16#110000])) catch C2:E2 -> {C2, E2} end]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("to_binary/to_atom rt", fun() -> [binary_to_atom(atom_to_binary(A, utf8), utf8) =:= A || A <- [list_to_atom([16#1F600]), list_to_atom([233, 16#3bb])]] end),
    extra_t("latin1 atom t2b v2", fun() -> term_to_binary(list_to_atom([233]), [{minor_version, 2}]) end),
    extra_t("unicode atom sort", fun() -> lists:sort([list_to_atom([16#3bb]), list_to_atom([233]), z, list_to_atom([16#1F600])]) end),
    extra_t("unicode atom compare", fun() -> list_to_atom([16#3bb]) > list_to_atom([255]) end),
    ok.
