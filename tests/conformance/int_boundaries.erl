-module(int_boundaries).
-export([main/0]).

id(X) -> X.

main() ->
    Edges = [(1 bsl 27) - 1, 1 bsl 27, (1 bsl 31) - 1, 1 bsl 31, (1 bsl 32) - 1, 1 bsl 32,
             (1 bsl 59) - 1, 1 bsl 59, (1 bsl 60) - 1, 1 bsl 60, (1 bsl 63) - 1, 1 bsl 63,
             (1 bsl 64) - 1, 1 bsl 64, (1 bsl 127) - 1, 1 bsl 128],
    lists:foreach(fun(E0) ->
        E = id(E0), N = -E,
        io:format("~w: +1=~w -1=~w *2=~w *-1=~w sq=~w~n", [E, E + 1, E - 1, E * 2, E * -1, E * E]),
        io:format("  neg ~w: -1=~w +1=~w *2=~w div2=~w rem3=~w bnot=~w~n", [N, N - 1, N + 1, N * 2, N div 2, N rem 3, bnot N]),
        io:format("  cmp: ~w ~w ~w~n", [E > N, E + 1 > E, (E + 1) - 1 =:= E])
    end, Edges),
    io:format("sum across boundary: ~w~n", [lists:sum([id(1 bsl 59) || _ <- lists:seq(1, 10)])]),
    io:format("product down: ~w~n", [(id(1 bsl 70) div id(1 bsl 20)) * id(3)]),
    io:format("big minus big to small: ~w ~w~n", [id((1 bsl 80) + 5) - id(1 bsl 80), is_integer(id((1 bsl 80) + 5) - id(1 bsl 80))]),
    io:format("abs min: ~w~n", [abs(id(-(1 bsl 59)))]),
    io:format("t2b edges: ~w~n", [[term_to_binary(X) || X <- [(1 bsl 31) - 1, 1 bsl 31, -(1 bsl 31), -(1 bsl 31) - 1]]]),
    ok.
