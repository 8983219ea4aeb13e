%% A first program for Enigma: `enigma run -pa DIR hello`.
-module(hello).
-export([main/0]).

main() ->
    Squares = [N * N || N <- lists:seq(1, 10)],
    io:format("Hello from Enigma! Squares: ~p~n", [Squares]),
    io:format("Sum: ~w, 2^100 = ~w~n", [lists:sum(Squares), 1 bsl 100]).
