-module(bin_int_segments).
-export([main/0]).

id(X) -> X.

main() ->
    Vals = [0, 1, 127, 128, 255, 256, -1, -128, -129, 65535, 16#12345678, -16#12345678,
            16#123456789ABCDEF0, 1 bsl 70, -(1 bsl 70)],
    Sizes = [1, 3, 7, 8, 12, 16, 24, 32, 40, 64, 72],
    lists:foreach(fun(V0) ->
        V = id(V0),
        lists:foreach(fun(S0) ->
            S = id(S0),
            B = <<V:S>>,
            L = <<V:S/little>>,
            <<U:S>> = B, <<Sg:S/signed>> = B, <<UL:S/little>> = L, <<SL:S/little-signed>> = L,
            io:format("~w:~w big=~w little=~w u=~w s=~w ul=~w sl=~w~n", [V, S, B, L, U, Sg, UL, SL])
        end, Sizes)
    end, Vals),
    io:format("default size: ~w ~w ~w~n", [<<(id(300))>>, <<(id(-1))>>, <<(id(65))>>]),
    io:format("unit: ~w ~w~n", [<<(id(5)):3/unit:8>>, <<(id(1)):2/unit:4>>]),
    io:format("native16: ~w~n", [byte_size(<<(id(1)):16/native>>)]),
    io:format("native roundtrip: ~w~n", [begin <<N:32/native>> = <<(id(123456)):32/native>>, N end]),
    io:format("size 0: ~w~n", [<<(id(5)):0>>]),
    io:format("literal: ~w~n", [<<1, 2, 3:4, 4:4, 16#FFFF:16/big, 16#FFFF:16/little-signed>>]),
    io:format("int-float in seg: ~p~n", [try <<(id(1.5)):8>> catch C:E -> {C, E} end]),
    io:format("atom in seg: ~p~n", [try <<(id(a)):8>> catch C2:E2 -> {C2, E2} end]),
    io:format("neg size: ~p~n", [try <<(id(1)):(id(-1))>> catch C3:E3 -> {C3, E3} end]),
    ok.
