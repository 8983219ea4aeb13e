-module(map_iterator).
-export([main/0]).

walk(I, Acc) ->
    case maps:next(I) of
        none -> lists:reverse(Acc);
        {K, V, I2} -> walk(I2, [{K, V} | Acc])
    end.

take(0, _, Acc) -> lists:reverse(Acc);
take(N, I, Acc) ->
    case maps:next(I) of
        none -> lists:reverse(Acc);
        {K, _, I2} -> take(N - 1, I2, [K | Acc])
    end.

main() ->
    Small = #{c => 3, a => 1, b => 2},
    io:format("small walk: ~w~n", [walk(maps:iterator(Small), [])]),
    io:format("empty walk: ~w~n", [walk(maps:iterator(#{}), [])]),
    Large = maps:from_list([{K, K * 2} || K <- lists:seq(1, 50)]),
    W = walk(maps:iterator(Large), []),
    io:format("large walk: ~w~n", [W]),
    io:format("walk == to_list: ~w~n", [W =:= maps:to_list(Large)]),
    io:format("first 5: ~w~n", [take(5, maps:iterator(Large), [])]),
    io:format("next none: ~w~n", [maps:next(none)]),
    io:format("bad iterator: ~p~n", [try maps:next(bad) catch C:E -> {C, E} end]),
    io:format("bad map: ~p~n", [try maps:iterator([]) catch C2:E2 -> {C2, E2} end]),
    Huge = maps:from_list([{integer_to_list(K), K} || K <- lists:seq(1, 1000)]),
    io:format("huge first 20: ~p~n", [take(20, maps:iterator(Huge), [])]),
    io:format("huge sum: ~w~n", [lists:sum([V || {_, V} <- walk(maps:iterator(Huge), [])])]),
    ok.
