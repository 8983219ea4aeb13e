-module(fmt_p_w).
-export([main/0]).

main() ->
    Terms = [atom, 'Quoted Atom', 42, -3.5, "string", "with\nnewline", "tab\tand\"quote", [1, 2, 3],
             [72, 105, 200], [0, 1, 2], [$a | $b], <<"bin">>, <<1, 2, 3>>, <<1:3>>, {a, "b", <<"c">>},
             #{"key" => [1, 2], k2 => {}}, [], {}, <<>>, "", [[]], ["a", "b"], [$a, 256], [-1],
             [10, 13, 9, 8, 11, 12, 27, 127], "\e\d", [$", $\\, $']],
    lists:foreach(fun(T) -> io:format("p: ~p~nw: ~w~n", [T, T]) end, Terms),
    Long = lists:seq(1, 60),
    io:format("long p:~n~p~n", [Long]),
    io:format("long w:~n~w~n", [Long]),
    Nested = {level1, [{level2, #{key => [{level3, lists:seq(1, 15)}, "some string here"]}}, another_atom_value]},
    io:format("nested p:~n~p~n", [Nested]),
    io:format("nested p after prefix: ~p~n", [Nested]),
    LongStr = lists:flatten(lists:duplicate(10, "abcdefghij ")),
    io:format("long string p:~n~p~n", [LongStr]),
    io:format("list of strings p:~n~p~n", [[lists:duplicate(N, $x) || N <- lists:seq(5, 40, 5)]]),
    io:format("tuple list p:~n~p~n", [[{N, N * N, integer_to_list(N)} || N <- lists:seq(1, 12)]]),
    io:format("binary long p:~n~p~n", [list_to_binary(lists:duplicate(100, $q))]),
    io:format("deep nested:~n~p~n", [lists:foldl(fun(I, A) -> {I, A} end, x, lists:seq(1, 25))]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("p latin1 string", fun() -> lists:flatten(io_lib:format("~p", [[233, 232]])) end),
    extra_t("p string with nul", fun() -> lists:flatten(io_lib:format("~p", [[$a, 0, $b]])) end),
    extra_t("p binary with nul", fun() -> lists:flatten(io_lib:format("~p", [<<"a", 0, "b">>])) end),
    extra_t("p binary latin1", fun() -> lists:flatten(io_lib:format("~p", [<<233, 232>>])) end),
    extra_t("p binary high", fun() -> lists:flatten(io_lib:format("~p", [<<128, 159>>])) end),
    extra_t("p nested strings", fun() -> lists:flatten(io_lib:format("~p", [[["a"], "b", [[$c]]]])) end),
    extra_t("w bignum neg", fun() -> lists:flatten(io_lib:format("~w", [-(1 bsl 100)])) end),
    extra_t("p pid-free tuple", fun() -> lists:flatten(io_lib:format("~p", [{[], [[]], {{}}, <<>>}])) end),
    ok.
