-module(order_numbers).
-export([main/0]).

main() ->
    Nums = [3, -2, 2.5, 1 bsl 65, -(1 bsl 65), 0, 0.0, -0.0, 1.0e300, -1.0e300, 7, 7.0, 6.999999,
            float(1 bsl 65), (1 bsl 65) + 1, 1.0e-300, -1, -1.0, 18446744073709551615, 1.8446744073709552e19],
    S = lists:sort(Nums),
    io:format("sorted: ~w~n", [S]),
    io:format("rsorted: ~w~n", [lists:reverse(lists:sort(fun(A, B) -> A =< B end, Nums))]),
    io:format("usort: ~w~n", [lists:usort(Nums)]),
    io:format("max: ~w min: ~w~n", [lists:max(Nums), lists:min(Nums)]),
    io:format("erlang:max int/float eq: ~w ~w~n", [max(7, 7.0), max(7.0, 7)]),
    io:format("erlang:min int/float eq: ~w ~w~n", [min(7, 7.0), min(7.0, 7)]),
    io:format("pairwise:~n"),
    Small = [-1, -0.0, 0, 0.5, 1, 1.0, 1 bsl 65],
    lists:foreach(fun(A) ->
        io:format("  ~w:", [A]),
        lists:foreach(fun(B) ->
            io:format(" ~s", [if A < B -> "<"; A > B -> ">"; A =:= B -> "="; true -> "~" end])
        end, Small),
        io:format("~n")
    end, Small),
    ok.
