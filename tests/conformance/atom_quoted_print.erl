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
    ok.
