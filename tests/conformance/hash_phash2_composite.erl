-module(hash_phash2_composite).
-export([main/0]).

main() ->
    Small = #{a => 1, b => 2},
    Same = maps:from_list([{b, 2}, {a, 1}]),
    io:format("small map: ~w ~w~n", [erlang:phash2(Small), erlang:phash2(Same)]),
    io:format("empty map: ~w~n", [erlang:phash2(#{})]),
    Large = maps:from_list([{I, I * I} || I <- lists:seq(1, 100)]),
    io:format("large map: ~w~n", [erlang:phash2(Large)]),
    io:format("large map with atom keys: ~w~n", [erlang:phash2(maps:from_list([{list_to_atom("k" ++ integer_to_list(I)), I} || I <- lists:seq(1, 40)]))]),
    io:format("nested maps: ~w~n", [erlang:phash2(#{m => #{n => #{o => []}}})]),
    io:format("map keys float/int: ~w ~w~n", [erlang:phash2(#{1 => a}), erlang:phash2(#{1.0 => a})]),
    Big = list_to_binary(lists:seq(0, 255)),
    <<_:3/binary, Sub:100/binary, _/binary>> = Big,
    io:format("sub-binary: ~w copy: ~w~n", [erlang:phash2(Sub), erlang:phash2(binary:copy(Sub))]),
    <<_:5, Bits:50/bits, _/bits>> = Big,
    io:format("unaligned bits: ~w~n", [erlang:phash2(Bits)]),
    io:format("bitstring sizes: ~w~n", [[erlang:phash2(<<255:N>>) || N <- lists:seq(1, 17)]]),
    io:format("binary sizes: ~w~n", [[erlang:phash2(binary:copy(<<"x">>, N)) || N <- [1, 2, 3, 4, 5, 8, 15, 16, 17, 100, 1000]]]),
    io:format("strings vs binaries: ~w ~w~n", [erlang:phash2("abc"), erlang:phash2(<<"abc">>)]),
    io:format("deep list: ~w~n", [erlang:phash2(lists:foldl(fun(I, A) -> [I, A] end, [], lists:seq(1, 200)))]),
    io:format("improper: ~w~n", [erlang:phash2([1, 2 | 3])]),
    io:format("tuple of lists: ~w~n", [erlang:phash2({[1], [2], "x", <<"y">>})]),
    io:format("mixed list: ~w~n", [erlang:phash2([1, 1.0, a, "b", <<"c">>, {d}, #{e => f}])]),
    io:format("big ints: ~w~n", [[erlang:phash2(1 bsl N) || N <- lists:seq(0, 130, 10)]]),
    io:format("neg big ints: ~w~n", [[erlang:phash2(-(1 bsl N)) || N <- lists:seq(0, 130, 10)]]),
    io:format("floats: ~w~n", [[erlang:phash2(X / 7) || X <- lists:seq(1, 10)]]),
    io:format("int vs float: ~w ~w~n", [erlang:phash2(1), erlang:phash2(1.0)]),
    io:format("distribution 1..1000 mod 8: ~w~n", [dist([erlang:phash2(I, 8) || I <- lists:seq(1, 1000)])]),
    ok.

dist(L) -> [length([X || X <- L, X =:= B]) || B <- lists:seq(0, 7)].
