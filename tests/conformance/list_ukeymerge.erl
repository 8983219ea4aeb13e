-module(list_ukeymerge).
-export([main/0]).

main() ->
    A = [{1, a1}, {3, a3}, {5, a5}, {7, a7}],
    B = [{2, b2}, {3, b3}, {5, b5}, {8, b8}],
    io:format("keymerge: ~w~n", [lists:keymerge(1, A, B)]),
    io:format("ukeymerge: ~w~n", [lists:ukeymerge(1, A, B)]),
    io:format("ukeymerge rev: ~w~n", [lists:ukeymerge(1, B, A)]),
    io:format("ukeymerge pos2: ~w~n", [lists:ukeymerge(2, [{x, 1}, {y, 3}], [{z, 1}, {w, 2}])]),
    io:format("ukeymerge empty: ~w ~w~n", [lists:ukeymerge(1, [], B), lists:ukeymerge(1, A, [])]),
    io:format("ukeysort then merge: ~w~n",
              [lists:ukeymerge(1, lists:ukeysort(1, [{3, x}, {1, y}, {3, z}]), lists:ukeysort(1, [{2, q}, {1, r}]))]),
    io:format("umerge tuples: ~w~n", [lists:umerge(A, B)]),
    io:format("keymerge int/float keys: ~w~n", [lists:keymerge(1, [{1, int}], [{1.0, float}])]),
    io:format("ukeymerge int/float keys: ~w~n", [lists:ukeymerge(1, [{1, int}], [{1.0, float}])]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("ukeymerge many dups", fun() -> lists:ukeymerge(1, [{1, a}, {2, a}, {3, a}], [{1, b}, {2, b}, {3, b}]) end),
    extra_t("ukeymerge pos 2 strings", fun() -> lists:ukeymerge(2, [{x, "a"}, {y, "c"}], [{z, "a"}, {w, "b"}]) end),
    extra_t("ukeymerge bad pos", fun() -> lists:ukeymerge(0, [{1}], [{2}]) end),
    extra_t("ukeymerge non-tuple", fun() -> lists:ukeymerge(1, [a], [{b}]) end),
    extra_t("ukeymerge big", fun() -> length(lists:ukeymerge(1, [{I, a} || I <- lists:seq(1, 1000, 2)], [{I, b} || I <- lists:seq(1, 1000, 3)])) end),
    extra_t("keymerge big", fun() -> length(lists:keymerge(1, [{I, a} || I <- lists:seq(1, 1000, 2)], [{I, b} || I <- lists:seq(1, 1000, 3)])) end),
    extra_t("ukeymerge tuple size diff", fun() -> lists:ukeymerge(1, [{1, a, b}], [{1, c}, {2}]) end),
    extra_t("ukeymerge float keys", fun() -> lists:ukeymerge(1, [{1.0, a}, {2, b}], [{1, c}, {2.0, d}]) end),
    extra_t("ukeysort + ukeymerge idempotent", fun() -> L = lists:ukeysort(1, [{3, a}, {1, b}, {2, c}, {1, d}]), lists:ukeymerge(1, L, L) =:= L end),
    extra_t("rukeymerge", fun() -> lists:rukeymerge(1, [{3, a}, {2, b}], [{3, c}, {1, d}]) end),
    extra_t("ukeymerge empties", fun() -> lists:ukeymerge(1, [], []) end),
    extra_t("ukeymerge second only dup", fun() -> lists:ukeymerge(1, [{2, a}], [{1, b}, {1, c}]) end),
    extra_t("ukeymerge interleaved", fun() -> lists:ukeymerge(1, [{1, a}, {3, a}, {5, a}], [{2, b}, {4, b}, {6, b}]) end),
    ok.
