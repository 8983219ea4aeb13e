-module(stdlib_proplists).
-export([main/0]).

main() ->
    P = [{a, 1}, b, {c, 3}, {a, 10}, {d, true}, {e}, "junk", {f, 1, 2}, {b, false}],
    io:format("get_value a: ~p~n", [proplists:get_value(a, P)]),
    io:format("get_value b: ~p~n", [proplists:get_value(b, P)]),
    io:format("get_value missing: ~p ~p~n", [proplists:get_value(zz, P), proplists:get_value(zz, P, dflt)]),
    io:format("get_all_values a: ~p~n", [proplists:get_all_values(a, P)]),
    io:format("get_bool b: ~p d: ~p c: ~p~n", [proplists:get_bool(b, P), proplists:get_bool(d, P), proplists:get_bool(c, P)]),
    io:format("lookup a: ~p lookup b: ~p lookup e: ~p~n", [proplists:lookup(a, P), proplists:lookup(b, P), proplists:lookup(e, P)]),
    io:format("lookup_all a: ~p~n", [proplists:lookup_all(a, P)]),
    io:format("is_defined: ~p ~p~n", [proplists:is_defined(c, P), proplists:is_defined(zz, P)]),
    io:format("delete a: ~p~n", [proplists:delete(a, P)]),
    io:format("get_keys: ~p~n", [lists:sort(proplists:get_keys(P))]),
    io:format("compact: ~p~n", [proplists:compact([{a, true}, b, {c, false}])]),
    io:format("unfold: ~p~n", [proplists:unfold([a, {b, 1}, c])]),
    io:format("property: ~p ~p~n", [proplists:property({a, true}), proplists:property(b, 2)]),
    io:format("expand: ~p~n", [proplists:expand([{foo, [bar, baz]}], [fie, foo, fum])]),
    io:format("substitute_aliases: ~p~n", [proplists:substitute_aliases([{colour, color}], [{colour, red}, size])]),
    io:format("substitute_negations: ~p~n", [proplists:substitute_negations([{no_debug, debug}], [no_debug, {no_debug, false}])]),
    io:format("normalize: ~p~n", [proplists:normalize([a, {b, true}, {c, 1}], [{aliases, [{c, cc}]}])]),
    io:format("split: ~p~n", [proplists:split([{c, 2}, {e, 1}, a, {c, 3, 4}, d, {b, 5}, b], [a, b, c])]),
    io:format("append_values: ~p~n", [proplists:append_values(a, [{a, [1, 2]}, {b, 0}, {a, 3}, {c, -1}, {a, [4]}])]),
    io:format("to_map: ~p~n", [proplists:to_map([{a, 1}, b, {a, 2}, {c, 3}])]),
    io:format("from_map: ~p~n", [lists:sort(proplists:from_map(#{x => 1, y => 2}))]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("get_value atom prop", fun() -> proplists:get_value(flag, [flag]) end),
    extra_t("get_value tuple-1", fun() -> proplists:get_value(e, [{e}]) end),
    extra_t("delete all occurrences", fun() -> proplists:delete(a, [a, {a, 1}, b, {a, 2, 3}]) end),
    ok.
