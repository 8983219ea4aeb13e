%% A module the tools tests compile with erlc (on erl or on Enigma) and then run.
-module(hello).
-export([main/0]).
main() -> io:format("hello ~p~n", [lists:sum(lists:seq(1, 10))]).
