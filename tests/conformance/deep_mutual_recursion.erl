-module(deep_mutual_recursion).
-export([main/0]).

%% Non-tail mutual recursion and deep structures.

is_even(0) -> true;
is_even(N) -> not is_odd(N - 1).
is_odd(0) -> false;
is_odd(N) -> not is_even(N - 1).

ping(0) -> [];
ping(N) -> [ping | pong(N - 1)].
pong(0) -> [];
pong(N) -> [pong | ping(N - 1)].

build_deep(0) -> [];
build_deep(N) -> [build_deep(N - 1)].

depth([]) -> 0;
depth([X]) -> 1 + depth(X).

main() ->
    io:format("is_even 1000000: ~p~n", [is_even(1000000)]),
    io:format("is_odd 777777: ~p~n", [is_odd(777777)]),
    P = ping(500000),
    io:format("ping-pong length: ~p head: ~p~n", [length(P), lists:sublist(P, 4)]),
    D = build_deep(300000),
    io:format("deep nested list depth: ~p~n", [depth(D)]),
    io:format("deep term equality: ~p~n", [D =:= build_deep(300000)]),
    io:format("deep term compare: ~p~n", [D < build_deep(300001)]),
    io:format("deep phash2: ~p~n", [erlang:phash2(build_deep(100000))]),
    io:format("deep t2b size: ~p~n", [byte_size(term_to_binary(build_deep(100000)))]),
    io:format("deep b2t depth: ~p~n", [depth(binary_to_term(term_to_binary(build_deep(100000))))]),
    io:format("flatten deep: ~p~n", [lists:flatten(build_deep(100000))]),
    ok.
