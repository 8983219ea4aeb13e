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
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("phash strings", fun() -> [erlang:phash(S, 1 bsl 32) || S <- ["", "a", "ab", "abc"]] end),
    extra_t("phash binaries", fun() -> [erlang:phash(B, 1 bsl 32) || B <- [<<>>, <<"a">>, <<"ab">>, <<1:3>>]] end),
    extra_t("phash tuples", fun() -> [erlang:phash(T, 1 bsl 32) || T <- [{}, {a}, {a, b}, {1, 2, 3}]] end),
    extra_t("phash ints", fun() -> [erlang:phash(I, 1 bsl 32) || I <- [0, 1, 2, 255, 256, -1, -256, 1 bsl 32, 1 bsl 64]] end),
    extra_t("phash floats", fun() -> [erlang:phash(F, 1 bsl 32) || F <- [0.0, 1.0, -1.0, 0.1, 1.0e100]] end),
    extra_t("phash atoms", fun() -> [erlang:phash(A, 1 bsl 32) || A <- [a, b, abc, 'ABC', '']] end),
    extra_t("phash lists", fun() -> [erlang:phash(L, 1 bsl 32) || L <- [[a], [a, b], [[a]], [a | b]]] end),
    extra_t("phash maps", fun() -> [erlang:phash(M, 1 bsl 32) || M <- [#{a => 1}, #{a => 2}, #{b => 1}]] end),
    extra_t("phash range 7", fun() -> [erlang:phash(I, 7) || I <- lists:seq(1, 20)] end),
    extra_t("phash bad range", fun() -> erlang:phash(a, extra_id(-1)) end),
    extra_t("phash too big range", fun() -> erlang:phash(a, extra_id((1 bsl 32) + 1)) end),
    extra_t("phash vs phash2 differ", fun() -> erlang:phash(abc, 1 bsl 27) =/= erlang:phash2(abc) end),
    extra_t("phash bignums", fun() -> [erlang:phash(1 bsl N, 1 bsl 32) || N <- [60, 64, 100, 200]] end),
    extra_t("phash neg bignums", fun() -> [erlang:phash(-(1 bsl N), 1 bsl 32) || N <- [60, 64, 100, 200]] end),
    extra_t("phash bitstrings", fun() -> [erlang:phash(<<255:N>>, 1 bsl 32) || N <- lists:seq(1, 9)] end),
    extra_t("phash ext fun", fun() -> erlang:phash(fun erlang:abs/1, 1 bsl 32) end),
    ok.
