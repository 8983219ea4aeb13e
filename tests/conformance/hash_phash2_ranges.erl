-module(hash_phash2_ranges).
-export([main/0]).

main() ->
    Ranges = [1, 2, 3, 7, 10, 100, 256, 1000, 65536, 1 bsl 20, (1 bsl 27) - 1, 1 bsl 27, (1 bsl 31) + 3, 1 bsl 32],
    Terms = [0, 12345, -12345, 1 bsl 64, 2.5, atom, "string", <<"binary">>, {tuple, 1}, [list], #{m => 1}],
    lists:foreach(fun(T) ->
        io:format("~w: ~w~n", [T, [erlang:phash2(T, R) || R <- Ranges]])
    end, Terms),
    io:format("ints 0..99: ~w~n", [[erlang:phash2(I) || I <- lists:seq(0, 99)]]),
    io:format("neg ints: ~w~n", [[erlang:phash2(-I) || I <- lists:seq(1, 20)]]),
    io:format("chars as list: ~w~n", [[erlang:phash2([C]) || C <- lists:seq($a, $z)]]),
    io:format("tuples: ~w~n", [[erlang:phash2({I, I}) || I <- lists:seq(1, 20)]]),
    io:format("bins: ~w~n", [[erlang:phash2(<<I>>) || I <- lists:seq(0, 20)]]),
    io:format("nested tuples: ~w~n", [[erlang:phash2(lists:foldl(fun(_, A) -> {A} end, x, lists:seq(1, N))) || N <- lists:seq(1, 10)]]),
    io:format("empty things: ~w~n", [[erlang:phash2(X) || X <- [[], {}, <<>>, #{}, '', 0, 0.0]]]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("range 1 always 0", fun() -> lists:usort([erlang:phash2(X, 1) || X <- [a, 1, "s", {}]]) end),
    extra_t("range 2 distribution", fun() -> lists:sum([erlang:phash2(I, 2) || I <- lists:seq(1, 1000)]) end),
    extra_t("range 10 histogram", fun() -> [length([1 || I <- lists:seq(1, 10000), erlang:phash2(I, 10) =:= B]) || B <- lists:seq(0, 9)] end),
    extra_t("range 2^27 vs default", fun() -> [erlang:phash2(X) =:= erlang:phash2(X, 1 bsl 27) || X <- [a, 1, "s"]] end),
    extra_t("bad range atom", fun() -> erlang:phash2(a, extra_id(x)) end),
    extra_t("bad range neg", fun() -> erlang:phash2(a, extra_id(-1)) end),
    extra_t("range 0", fun() -> erlang:phash2(a, extra_id(0)) end),
    extra_t("range 2^32", fun() -> [erlang:phash2(X, 1 bsl 32) || X <- [0, 1, a, "a", <<"a">>]] end),
    extra_t("strings of lengths", fun() -> [erlang:phash2(lists:duplicate(N, $x)) || N <- lists:seq(0, 12)] end),
    extra_t("bins of lengths", fun() -> [erlang:phash2(binary:copy(<<"x">>, N)) || N <- lists:seq(0, 12)] end),
    extra_t("bits of lengths", fun() -> [erlang:phash2(<<16#ABCD:N>>) || N <- lists:seq(1, 16)] end),
    extra_t("big ints", fun() -> [erlang:phash2((1 bsl N) - 1) || N <- [59, 60, 61, 63, 64, 65, 127, 128]] end),
    ok.
