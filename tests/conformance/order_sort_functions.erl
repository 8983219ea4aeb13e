-module(order_sort_functions).
-export([main/0]).

main() ->
    Recs = [{emp, "bob", 30, 5000}, {emp, "ann", 25, 7000}, {emp, "cy", 30, 4000}, {emp, "di", 25, 7000},
            {emp, "ed", 40, 5000}],
    io:format("by age: ~p~n", [lists:keysort(3, Recs)]),
    io:format("by age then name desc: ~p~n",
              [lists:sort(fun({_, N1, A1, _}, {_, N2, A2, _}) -> {A1, N2} =< {A2, N1} end, Recs)]),
    io:format("by salary desc stable: ~p~n", [[N || {_, N, _, _} <- lists:sort(fun(A, B) -> element(4, A) >= element(4, B) end, Recs)]]),
    io:format("usort by age: ~p~n", [[A || {_, _, A, _} <- lists:usort(fun(A, B) -> element(3, A) =< element(3, B) end, Recs)]]),
    io:format("rev strings: ~p~n", [lists:sort(fun(A, B) -> lists:reverse(A) =< lists:reverse(B) end, ["abc", "zab", "bca", "cab"])]),
    io:format("length sort: ~p~n", [lists:sort(fun(A, B) -> length(A) =< length(B) end, ["ccc", "a", "bb", "", "dd"])]),
    io:format("sort tuples mixed sizes: ~p~n", [lists:sort([{2}, {1, 1}, {1}, {0, 0, 0}])]),
    io:format("sort lists prefix: ~p~n", [lists:sort([[1, 2], [1], [1, 2, 0], [], [0, 5]])]),
    io:format("sort binaries prefix: ~p~n", [lists:sort([<<1, 2>>, <<1>>, <<1, 2, 0>>, <<>>, <<0, 5>>])]),
    io:format("keysort pos 2 mixed types: ~p~n", [lists:keysort(2, [{a, "s"}, {b, 1}, {c, x}, {d, {}}, {e, 1.0}, {f, <<>>}])]),
    Many = [{I rem 5, I} || I <- lists:seq(1, 30)],
    io:format("stable keysort many: ~w~n", [lists:keysort(1, Many)]),
    io:format("sort/2 stable many: ~w~n", [lists:sort(fun({A, _}, {B, _}) -> A =< B end, Many)]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("sort with =< vs <", fun() -> {lists:sort(fun(A, B) -> A =< B end, [{1, a}, {1, b}]), lists:sort(fun({A, _}, {B, _}) -> A < B end, [{1, a}, {1, b}])} end),
    extra_t("usort with fun dups", fun() -> lists:usort(fun({A, _}, {B, _}) -> A =< B end, [{1, a}, {1, b}, {0, c}]) end),
    extra_t("sort strings case-insensitive", fun() -> lists:sort(fun(A, B) -> string:lowercase(A) =< string:lowercase(B) end, ["b", "A", "a", "B"]) end),
    extra_t("sort by multiple keys", fun() -> lists:sort(fun({A1, B1}, {A2, B2}) -> {A1, -B1} =< {A2, -B2} end, [{1, 1}, {1, 3}, {0, 2}, {1, 2}]) end),
    extra_t("keysort then reverse", fun() -> lists:reverse(lists:keysort(2, [{a, 3}, {b, 1}, {c, 2}])) end),
    extra_t("sort tuples by size then elems", fun() -> lists:sort([{b, a}, {a, b, c}, {c}, {a, a}]) end),
    extra_t("sort maps by key order", fun() -> lists:sort([#{b => 1}, #{a => 1, c => 1}, #{a => 2}, #{a => 1}]) end),
    extra_t("sort lists of numbers lexico", fun() -> lists:sort([[2, 1], [1, 2, 3], [1, 2], [1.0, 3]]) end),
    extra_t("sort binaries", fun() -> lists:sort([<<"b">>, <<"ab">>, <<"a">>, <<"ba">>]) end),
    ok.
