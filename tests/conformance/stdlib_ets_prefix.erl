-module(stdlib_ets_prefix).
-export([main/0]).
main() ->
    O = ets:new(o, [ordered_set]),
    ets:insert(O, [{{U, I}, I} || U <- [a, b, c, d, 1, 2.0, "s"], I <- lists:seq(1, 3000)]),
    ets:insert(O, [{{a}, x}, {{a, 1, 2}, y}, {a, z}, {{1.0, 5}, w}, {[a, 1], l}]),
    Q = [
      ets:select(O, [{{{b, '$1'}, '_'}, [{'<', '$1', 5}], ['$1']}]),
      ets:select(O, [{{{a, '_'}, '$1'}, [{'>', '$1', 2997}], ['$_']}]),
      ets:select(O, [{{{1, '$1'}, '_'}, [{'<', '$1', 3}], ['$_']}]),
      ets:select(O, [{{{2, '$1'}, '_'}, [{'<', '$1', 3}], ['$_']}]),
      ets:select(O, [{{{2.0, '$1'}, '_'}, [{'<', '$1', 3}], ['$_']}]),
      ets:select(O, [{{{1.0, '$1'}, '_'}, [{'<', '$1', 7}], ['$_']}]),
      ets:select(O, [{{{c, '$1'}, '_'}, [{'<', '$1', 3}], ['$_']}, {{{"s", '$1'}, '_'}, [{'<', '$1', 3}], ['$_']}, {{a, '_'}, [], ['$_']}]),
      ets:select_reverse(O, [{{{d, '$1'}, '_'}, [{'<', '$1', 3}], ['$_']}]),
      ets:select_count(O, [{{{d, '_'}, '_'}, [], [true]}]),
      ets:match(O, {{a, '$1', '$2'}, '_'}),
      ets:match_object(O, {{a, 1, '_'}, '_'}),
      ets:select(O, [{{{'_', 5}, '_'}, [], ['$_']}]),
      ets:select_delete(O, [{{{c, '_'}, '_'}, [], [true]}]),
      ets:info(O, size),
      ets:select_replace(O, [{{{d, '$1'}, '_'}, [{'<', '$1', 3}], [{{{{d, '$1'}}, new}}]}]),
      ets:lookup(O, {d, 2})
    ],
    io:format("~p~n", [Q]),
    ok.
