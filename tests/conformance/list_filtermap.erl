-module(list_filtermap).
-export([main/0]).

main() ->
    L = lists:seq(1, 12),
    F = fun(X) when X rem 3 =:= 0 -> {true, X * 10};
           (X) when X rem 4 =:= 0 -> true;
           (_) -> false end,
    io:format("filtermap: ~w~n", [lists:filtermap(F, L)]),
    io:format("filtermap empty: ~w~n", [lists:filtermap(F, [])]),
    io:format("filtermap strings: ~p~n",
              [lists:filtermap(fun("x" ++ R) -> {true, R}; (_) -> false end, ["xa", "b", "xyz", "x"])]),
    io:format("filter: ~w~n", [lists:filter(fun(X) -> X > 6 end, L)]),
    io:format("comprehension eq: ~w~n", [[X * 10 || X <- L, X rem 3 =:= 0]]),
    io:format("zf alias: ~w~n", [lists:zf(fun(X) -> X > 10 end, L)]),
    Bad = try lists:filtermap(fun(_) -> maybe end, [1]) catch C:E -> {C, E} end,
    io:format("bad return: ~p~n", [Bad]),
    ok.
