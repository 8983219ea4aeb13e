-module(order_mixed_sort).
-export([main/0]).

main() ->
    Mixed = [<<"bin">>, "list", [], {}, {1, 2}, {a}, #{}, #{a => 1}, atom, 'Atom', 42, 3.5, -1,
             1 bsl 70, -(1 bsl 70), 1.0, 1, [1 | 2], <<1:3>>, <<>>, fun lists:map/2, {1, 2, 3},
             [a, b], [a], "abc", <<0>>, 0.0, -0.0, #{b => 0}, #{1 => x}, {[]}, nil],
    S = lists:sort(Mixed),
    io:format("sorted:~n~p~n", [S]),
    io:format("reverse sorted equals: ~p~n", [lists:sort(lists:reverse(Mixed)) =:= S]),
    io:format("usort: ~p~n", [lists:usort(Mixed)]),
    io:format("type order pairs:~n"),
    Reps = [1, a, fun lists:map/2, {x}, #{}, [], [x], <<>>],
    lists:foreach(fun(A) ->
        io:format("  ~w:", [A]),
        lists:foreach(fun(B) -> io:format(" ~s", [cmp(A, B)]) end, Reps),
        io:format("~n")
    end, Reps),
    io:format("tuples by size first: ~p~n", [lists:sort([{z}, {a, a}, {b}, {a, a, a}, {}])]),
    io:format("lists lexicographic: ~p~n", [lists:sort([[2], [1, 2], [1], [1, 1, 1], [0, 9]])]),
    io:format("maps by size then keys: ~p~n", [lists:sort([#{c => 1}, #{a => 1, b => 1}, #{b => 2}, #{a => 3}])]),
    io:format("maps same keys by values: ~p~n", [lists:sort([#{a => 2}, #{a => 1}, #{a => 1.0}])]),
    io:format("binaries: ~p~n", [lists:sort([<<2>>, <<1, 2>>, <<1>>, <<1:1>>, <<>>])]),
    io:format("max/min mixed: ~p ~p~n", [lists:max(Mixed), lists:min(Mixed)]),
    extra(),
    ok.

cmp(A, B) when A < B -> "<";
cmp(A, B) when A > B -> ">";
cmp(_, _) -> "=".

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("pid-free max", fun() -> lists:max([a, 1, {}, [], <<>>, #{}]) end),
    ok.
