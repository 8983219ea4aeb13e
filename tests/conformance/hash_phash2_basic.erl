-module(hash_phash2_basic).
-export([main/0]).

main() ->
    Terms = [0, 1, -1, 42, 255, 256, 65535, 1 bsl 27, (1 bsl 27) - 1, 1 bsl 31, 1 bsl 32, 1 bsl 59,
             1 bsl 60, 1 bsl 63, 1 bsl 64, -(1 bsl 64), 1 bsl 100, -(1 bsl 100), 123456789012345678901234567890,
             0.0, -0.0, 1.0, -1.0, 0.5, 3.14159, 1.0e100, 1.0e-100,
             a, ok, '', 'hello world', 'caf\x{e9}', '\x{3bb}',
             [], [a], [1, 2, 3], "hello", [[]], [a | b], lists:seq(1, 100),
             {}, {a}, {a, b}, {1, {2, {3}}}, list_to_tuple(lists:seq(1, 50)),
             <<>>, <<0>>, <<"abc">>, <<1:1>>, <<1:7>>, <<255, 1:2>>, list_to_binary(lists:seq(0, 255)),
             fun lists:map/2, fun erlang:abs/1],
    lists:foreach(fun(T) ->
        io:format("~w: phash2=~w phash2_1000=~w phash2_1=~w phash2_2^32=~w~n",
                  [T, erlang:phash2(T), erlang:phash2(T, 1000), erlang:phash2(T, 1), erlang:phash2(T, 1 bsl 32)])
    end, Terms),
    io:format("bad range: ~p~n", [try erlang:phash2(a, 0) catch C:E -> {C, E} end]),
    io:format("range too big: ~p~n", [try erlang:phash2(a, (1 bsl 32) + 1) catch C2:E2 -> {C2, E2} end]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("phash2 of equal terms", fun() -> [erlang:phash2(X) =:= erlang:phash2(binary_to_term(term_to_binary(X))) || X <- [1.5, "x", <<1:3>>, {a, [b]}]] end),
    extra_t("phash2 int vs float", fun() -> [erlang:phash2(X) || X <- [1, 1.0, 0, 0.0]] end),
    extra_t("phash2 list vs improper", fun() -> [erlang:phash2([1, 2]), erlang:phash2([1 | 2]), erlang:phash2({1, 2})] end),
    extra_t("phash2 atoms", fun() -> [erlang:phash2(A) || A <- [a, b, aa, 'A', '', true, false, undefined]] end),
    extra_t("phash2 strings", fun() -> [erlang:phash2(S) || S <- ["", "a", "ab", "abc", "abcd", "abcde"]] end),
    extra_t("phash2 binaries", fun() -> [erlang:phash2(B) || B <- [<<>>, <<"a">>, <<"ab">>, <<"abc">>, <<"abcd">>, <<"abcde">>]] end),
    extra_t("phash2 floats", fun() -> [erlang:phash2(F) || F <- [0.1, 0.2, 1.0e10, -1.0e-10, 3.0e300]] end),
    extra_t("phash2 tuples", fun() -> [erlang:phash2(T) || T <- [{}, {{}}, {{{}}}, {1, 2, 3}, {[], []}]] end),
    extra_t("phash2 maps", fun() -> [erlang:phash2(M) || M <- [#{}, #{a => 1}, #{1 => a}, #{a => 1, b => 2}]] end),
    extra_t("phash2 big range", fun() -> erlang:phash2({x, y}, 1 bsl 32) end),
    ok.
