-module(map_small_basic).
-export([main/0]).

id(X) -> X.
p(L, V) -> io:format("~s: ~p~n", [L, V]).

main() ->
    M = id(#{a => 1, b => 2, c => 3}),
    p("map", M),
    p("w", lists:flatten(io_lib:format("~w", [M]))),
    p("size", map_size(M)),
    p("empty", id(#{})),
    p("to_list", maps:to_list(M)),
    p("keys", maps:keys(M)),
    p("values", maps:values(M)),
    p("mixed keys", id(#{1 => int, 1.0 => float, a => atom, "s" => str, <<"b">> => bin,
                        {t} => tuple, [l] => list, #{} => map, -5 => neg, 1 bsl 70 => big})),
    p("mixed to_list", maps:to_list(id(#{z => 1, 3 => 2, 2.5 => 3, "x" => 4, {} => 5, [] => 6}))),
    p("int/float keys distinct", maps:size(id(#{1 => a, 1.0 => b}))),
    p("get", maps:get(b, M)),
    p("get default", maps:get(z, M, def)),
    p("find", {maps:find(a, M), maps:find(z, M)}),
    p("is_key", {maps:is_key(a, M), maps:is_key(z, M), is_map_key(c, M)}),
    p("put new", maps:put(d, 4, M)),
    p("put existing", maps:put(a, 100, M)),
    p("remove", maps:remove(b, M)),
    p("remove missing", maps:remove(z, M)),
    p("update", maps:update(a, x, M)),
    p("new", maps:new()),
    p("from_list", maps:from_list([{b, 1}, {a, 2}, {b, 3}])),
    p("from_keys", maps:from_keys([x, y], 0)),
    p("is_map", {is_map(M), is_map([]), is_map(#{})}),
    p("map_get", map_get(c, M)),
    p("equal", {#{a => 1} =:= #{a => 1}, #{a => 1} == #{a => 1.0}, #{a => 1} =:= #{a => 1.0}}),
    p("take", maps:take(a, M)),
    p("take missing", maps:take(q, M)),
    p("nested", id(#{outer => #{inner => #{deep => [1, 2]}}})),
    ok.
