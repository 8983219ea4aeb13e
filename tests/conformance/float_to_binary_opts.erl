-module(float_to_binary_opts).
-export([main/0]).

t(F, Opts) ->
    R = try float_to_binary(F, Opts) catch C:E -> {C, E} end,
    io:format("~w ~w -> ~p~n", [F, Opts, R]).

main() ->
    Fs = [0.0, 1.0, -7.25, 0.1, 1.0e-20, 6.02214076e23, 299792458.0, 0.001, 1.0e15, 1.0e16],
    lists:foreach(fun(F) ->
        io:format("~w default: ~s~n", [F, float_to_binary(F)]),
        t(F, [short]),
        t(F, [{decimals, 4}]),
        t(F, [{decimals, 4}, compact]),
        t(F, [{scientific, 5}])
    end, Fs),
    Round = [binary_to_float(float_to_binary(F, [short])) =:= F || F <- Fs],
    io:format("short roundtrip: ~w~n", [Round]),
    Round2 = [list_to_float(float_to_list(F)) =:= F || F <- Fs],
    io:format("default roundtrip: ~w~n", [Round2]),
    ok.
