-module(hash_phash_legacy).
-export([main/0]).
-compile({nowarn_deprecated_function, [{erlang, phash, 2}]}).

main() ->
    Terms = [0, 1, -1, 1 bsl 40, -(1 bsl 40), 1 bsl 100, 1.5, -2.25, a, 'B', "str", [], [1, [2]],
             {}, {a, 1}, <<>>, <<"bin">>, <<1:5>>, #{}, #{k => v}, #{1 => 2, 3 => 4},
             maps:from_list([{I, I} || I <- lists:seq(1, 40)]), fun lists:reverse/1],
    lists:foreach(fun(T) ->
        io:format("~w: phash=~w phash_100=~w phash_1=~w phash_2^32=~w~n",
                  [T, erlang:phash(T, 1 bsl 27), erlang:phash(T, 100), erlang:phash(T, 1), erlang:phash(T, 1 bsl 32)])
    end, Terms),
    io:format("phash bad range: ~p~n", [try erlang:phash(a, 0) catch C:E -> {C, E} end]),
    ok.
