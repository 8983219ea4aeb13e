-module(atom_quoted_print).
-export([main/0]).

main() ->
    Atoms = [abc, 'Abc', '_abc', 'a b', 'a-b', 'a.b', a@b, 'a@b', 'a\'b', '', '123', 'a1',
             'a_B_9', 'hello\nworld', 'tab\there', 'back\\slash', 'quote"dq', '\x{7f}',
             'and', 'or', 'xor', 'not', 'div', 'rem', 'band', 'bor', 'bxor', 'bnot', 'bsl', 'bsr',
             'case', 'of', 'end', 'if', 'when', 'fun', 'receive', 'after', 'try', 'catch',
             'begin', 'query', 'cond', 'let', 'orelse', 'andalso', 'maybe', 'else',
             true, false, undefined, ok, 'ÿ', 'é', '[]', '{}', '!', '+', '=', '$', 'a$',
             'aÀ', 'Ãb', 'ok?', 'x y', 'A', 'Z', '\'', '\\', 'é_upper_É', 'ß'],
    lists:foreach(fun(A) ->
        io:format("~p | ~w | ~s | ~tp | ~ts~n", [A, A, io_lib:write_atom(A), A, atom_to_list(A)])
    end, Atoms),
    io:format("in list: ~p~n", [['A', b, 'c d']]),
    io:format("in tuple: ~w~n", [{'X', 'y z', ''}]),
    io:format("write_atom_as_latin1: ~s~n", [io_lib:write_atom_as_latin1('caf\x{e9}')]),
    io:format("quote_atom: ~p~n", [[io_lib:quote_atom(A, atom_to_list(A)) || A <- ['ab', 'Ab', 'a b']]]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("write_atom empty", fun() -> lists:flatten(io_lib:write_atom('')) end),
    extra_t("write_atom uppercase", fun() -> lists:flatten(io_lib:write_atom('Upper')) end),
    extra_t("write_atom with @", fun() -> lists:flatten(io_lib:write_atom('x@y.z')) end),
    extra_t("write_atom digit start", fun() -> lists:flatten(io_lib:write_atom('9lives')) end),
    extra_t("write_atom unicode", fun() -> lists:flatten(io_lib:write_atom(list_to_atom([16#3bb]))) end),
    extra_t("~p nested quoted", fun() -> lists:flatten(io_lib:format("~p", [{'A', ['b c', 'end'], #{'K' => 'v'}}])) end),
    extra_t("~w control chars", fun() -> lists:flatten(io_lib:format("~w", [list_to_atom([1, 2, 27])])) end),
    extra_t("~p del char", fun() -> lists:flatten(io_lib:format("~p", [list_to_atom([127, $a])])) end),
    extra_t("~p latin1 upper start", fun() -> lists:flatten(io_lib:format("~p", [list_to_atom([192, $b])])) end),
    extra_t("~p latin1 lower start", fun() -> lists:flatten(io_lib:format("~p", [list_to_atom([223, $b])])) end),
    ok.
