-module(bin_bitlevel).
-export([main/0]).

id(X) -> X.

main() ->
    A = id(<<1:1, 0:1, 1:1>>),
    io:format("3 bits: ~w size=~w~n", [A, bit_size(A)]),
    B = <<A/bits, 2#11111:5>>,
    io:format("8 bits: ~w is_binary=~w~n", [B, is_binary(B)]),
    C = <<(id(5)):3, (id(300)):10, (id(1)):1>>,
    io:format("14 bits: ~w size=~w byte_size=~w~n", [C, bit_size(C), byte_size(C)]),
    <<X:3, Y:10, Z:1>> = C,
    io:format("decoded: ~w ~w ~w~n", [X, Y, Z]),
    D = <<(id(-3)):5/signed, (id(7)):4/little, (id(1000)):13/little>>,
    io:format("mixed: ~w~n", [D]),
    <<S:5/signed, L1:4/little, L2:13/little>> = D,
    io:format("mixed decoded: ~w ~w ~w~n", [S, L1, L2]),
    E = << <<(I rem 2):1>> || I <- lists:seq(1, 13) >>,
    io:format("comp 13 bits: ~w~n", [E]),
    F = <<E/bits, E/bits>>,
    io:format("doubled: ~w size=~w~n", [F, bit_size(F)]),
    io:format("to list: ~w~n", [bitstring_to_list(F)]),
    io:format("unaligned binary: ~w~n", [<<1:4, (id(<<"ab">>))/binary, 2:4>>]),
    <<_:4, Mid:2/binary, _:4>> = <<1:4, (id(<<"ab">>))/binary, 2:4>>,
    io:format("unaligned extract: ~p~n", [Mid]),
    io:format("unaligned float: ~w~n", [begin <<_:3, Fl:64/float, _:5>> = <<0:3, (id(1.5)):64/float, 0:5>>, Fl end]),
    io:format("unaligned utf8: ~w~n", [begin <<_:1, U/utf8, _:7>> = <<0:1, (id(16#20ac))/utf8, 0:7>>, U end]),
    io:format("compare bitstrings: ~w~n", [lists:sort([<<1:1>>, <<0:1>>, <<1:2>>, <<>>, <<0>>, <<0:7>>])]),
    io:format("equal: ~w ~w~n", [<<1:8>> =:= <<1>>, <<0:1>> == <<0:2>>]),
    io:format("list_to_bitstring: ~w~n", [list_to_bitstring([<<1:1>>, 2, [<<3:3>>]])]),
    io:format("p print: ~p~n", [<<"abc", 1:3>>]),
    io:format("p print 2: ~p~n", [<<1:1>>]),
    io:format("w long: ~w~n", [<< <<I:7>> || I <- lists:seq(1, 20) >>]),
    ok.
