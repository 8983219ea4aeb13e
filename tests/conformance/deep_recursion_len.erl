-module(deep_recursion_len).
-export([main/0]).

%% Naive body-recursive functions over a 1,000,000-element list: the VM must
%% grow the stack to a million frames.

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

map_sq([]) -> [];
map_sq([H | T]) -> [H * H | map_sq(T)].

main() ->
    L = lists:seq(1, 1000000),
    io:format("len: ~p~n", [len(L)]),
    io:format("sum: ~p~n", [sum(L)]),
    M = map_sq(L),
    io:format("map_sq last: ~p~n", [lists:last(M)]),
    io:format("map_sq sum: ~p~n", [sum(M)]),
    io:format("len again: ~p~n", [len(M)]),
    ok.
