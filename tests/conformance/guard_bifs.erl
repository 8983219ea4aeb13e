-module(guard_bifs).
-export([main/0]).

g(X) when abs(X) > 5 -> abs_gt5;
g(X) when is_number(X), float(X) =:= 2.0 -> float_two;
g(X) when is_number(X), trunc(X) =:= 3 -> trunc_three;
g(X) when is_number(X), round(X) =:= 4 -> round_four;
g(X) when is_list(X), length(X) > 2 -> long_list;
g(X) when is_list(X), hd(X) =:= a -> starts_a;
g(X) when is_tuple(X), element(1, X) =:= tag -> tagged;
g(X) when is_tuple(X), tuple_size(X) =:= 2 -> pair;
g(X) when is_binary(X), byte_size(X) > 3 -> long_bin;
g(X) when is_bitstring(X), bit_size(X) rem 8 =/= 0 -> odd_bits;
g(X) when is_map(X), map_size(X) > 1 -> big_map;
g(X) when is_map(X), is_map_key(k, X) -> map_with_k;
g(X) when is_map(X), map_get(v, X) =:= 1 -> map_v1;
g(X) when is_binary(X), binary_part(X, 0, 1) =:= <<"z">> -> z_bin;
g(X) when is_integer(X), X band 1 =:= 1 -> odd;
g(X) when is_integer(X), X bsr 1 =:= 2 -> four_or_five;
g(X) when node(X) =:= nonode -> never;
g(_) -> other.

main() ->
    Vals = [10, -7, 2.0, 2, 3.3, 3.9, [1, 2, 3], [a], {tag, 1}, {x, y}, <<"abcd">>, <<1:3>>,
            #{a => 1, b => 2}, #{k => 0}, #{v => 1}, <<"z">>, 1, 4, 0, 8, 0.0, [b], {}, #{v => 2}, atom],
    lists:foreach(fun(V) -> io:format("~w -> ~w~n", [V, g(V)]) end, Vals),
    io:format("tl guard: ~w~n", [[X || X <- [[1, 2], [1]], tl(X) =/= []]]),
    io:format("size guard: ~w~n", [[X || X <- [{1, 2}, <<"ab">>, {1}], size(X) =:= 2]]),
    io:format("ceil floor guard: ~w~n", [[X || X <- [1.2, 2.7, 3], ceil(X) - floor(X) =:= 1]]),
    io:format("div rem guard: ~w~n", [[X || X <- lists:seq(1, 20), X div 3 =:= 2 orelse X rem 7 =:= 0]]),
    io:format("bnot guard: ~w~n", [[X || X <- [-1, 0, 5], bnot X < 0]]),
    io:format("xor guard: ~w~n", [[{A, B} || A <- [true, false], B <- [true, false], A xor B]]),
    io:format("not guard: ~w~n", [[X || X <- [1, a, 2], not is_atom(X)]]),
    ok.
