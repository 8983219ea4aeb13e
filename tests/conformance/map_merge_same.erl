-module(map_merge_same).
-export([main/0]).

id(X) -> X.

%% maps:merge/2 of a map with itself returns that very term (erts_debug:same/2),
%% small or large; merging with an empty map returns the other map.
main() ->
    Small = id(#{a => 1}),
    Large = maps:from_list([{I, I} || I <- lists:seq(1, 200)]),
    Empty = id(#{}),
    io:format("~p~n", [[erts_debug:same(maps:merge(M1, M2), R)
                        || {M1, M2, R} <- [{Small, Small, Small}, {Large, Large, Large},
                                           {Empty, Small, Small}, {Small, Empty, Small},
                                           {Empty, Large, Large}, {Large, Empty, Large},
                                           {Empty, Empty, Empty}]]]),
    io:format("~p~n", [maps:merge(Small, id(#{a => 2, b => 3}))]),
    io:format("~p~n", [maps:size(maps:merge(Large, Small))]),
    L = id([a | b]),
    [io:format("~p~n", [try maps:merge(A, B) catch error:R:St -> {R, hd(St)} end])
     || {A, B} <- [{L, L}, {Small, L}, {L, Small}]],
    ok.
