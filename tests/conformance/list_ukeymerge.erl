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
    ok.
