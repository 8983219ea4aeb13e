-module(bin_float_segments).
-export([main/0]).

id(X) -> X.

main() ->
    Fs = [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 3.14159, 65504.0, 65520.0, 1.0e-5, 6.0e-8, 1.0e10,
          3.4028234663852886e38, 1.0e39, 1.0e300, 5.0e-324, 2, -3, 1 bsl 40],
    lists:foreach(fun(F0) ->
        F = id(F0),
        R64 = try <<F:64/float>> catch C1:E1 -> {C1, E1} end,
        R32 = try <<F:32/float>> catch C2:E2 -> {C2, E2} end,
        R16 = try <<F:16/float>> catch C3:E3 -> {C3, E3} end,
        R64L = try <<F:64/float-little>> catch C4:E4 -> {C4, E4} end,
        R32L = try <<F:32/float-little>> catch C5:E5 -> {C5, E5} end,
        io:format("~w: f64=~w f32=~w f16=~w f64l=~w f32l=~w~n", [F, R64, R32, R16, R64L, R32L]),
        Back = [case R of <<X:Sz/float>> -> X; _ -> R end || {R, Sz} <- [{R64, 64}, {R32, 32}, {R16, 16}]],
        io:format("  back: ~w~n", [Back])
    end, Fs),
    io:format("default float size: ~w~n", [<<(id(1.5))/float>>]),
    Specials = [<<16#7FF0000000000000:64>>, <<16#FFF0000000000000:64>>, <<16#7FF8000000000000:64>>,
                <<16#7F800000:32>>, <<16#7C00:16>>, <<16#7E00:16>>, <<16#0001:16>>, <<16#3C00:16>>],
    lists:foreach(fun(B) ->
        S = bit_size(B),
        R = case B of <<X:S/float>> -> {ok, X}; _ -> nomatch end,
        io:format("match special ~w: ~w~n", [B, R])
    end, Specials),
    io:format("bad float size: ~p~n", [try <<(id(1.0)):(id(24))/float>> catch C:E -> {C, E} end]),
    io:format("float unit: ~w~n", [<<(id(2.0)):4/float-unit:16>>]),
    ok.
