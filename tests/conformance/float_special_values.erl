-module(float_special_values).
-export([main/0]).

id(X) -> X.

main() ->
    NZ = id(-0.0), PZ = id(0.0),
    io:format("-0.0 printed: ~p ~w ~s ~s~n", [NZ, NZ, float_to_list(NZ), float_to_list(NZ, [short])]),
    io:format("-0.0 ops: ~p ~p ~p ~p~n", [NZ + PZ, NZ * PZ, NZ - PZ, -PZ]),
    io:format("abs -0.0: ~p~n", [abs(NZ)]),
    io:format("-0.0 compare: ~p ~p ~p~n", [NZ == PZ, NZ =:= PZ, NZ < PZ]),
    io:format("-0.0 round/trunc: ~p ~p ~p~n", [round(NZ), trunc(NZ), float(trunc(NZ))]),
    io:format("-0.0 bits: ~w ~w~n", [<<NZ/float>>, <<PZ/float>>]),
    io:format("-0.0 t2b: ~w~n", [term_to_binary(NZ)]),
    io:format("-0.0 phash2: ~p ~p~n", [erlang:phash2(NZ), erlang:phash2(PZ)]),
    io:format("-0.0 in map: ~p~n", [maps:size(#{NZ => a, PZ => b})]),
    io:format("-0.0 sort: ~p~n", [lists:sort([PZ, NZ, 0, -1.0e-300])]),
    io:format("-0.0 from mul: ~p~n", [id(-1.0) * id(0.0)]),
    io:format("-0.0 from div: ~p~n", [id(-1.0e-320) / id(1.0e10)]),
    Sub = id(2.2250738585072014e-308),
    io:format("smallest normal: ~p half: ~p~n", [Sub, Sub / 2]),
    io:format("denormals: ~p~n", [[Sub / math:pow(2, E) || E <- [1, 10, 30, 52]]]),
    io:format("underflow to zero: ~p~n", [id(5.0e-324) / 2]),
    io:format("denormal t2b: ~w~n", [term_to_binary(id(5.0e-324))]),
    io:format("max * 1: ~p~n", [id(1.7976931348623157e308) * 1]),
    io:format("max + small: ~p~n", [try id(1.7976931348623157e308) + 1.0e292 catch C:E -> {C, E} end]),
    io:format("max + tiny: ~p~n", [id(1.7976931348623157e308) + 1.0e200]),
    io:format("eps: ~p~n", [id(1.0) + math:pow(2, -52) - 1.0]),
    io:format("below eps: ~p~n", [id(1.0) + math:pow(2, -53) - 1.0]),
    ok.
