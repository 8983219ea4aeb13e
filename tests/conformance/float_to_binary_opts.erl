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
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("decimals 0 rounding", fun() -> [float_to_binary(X, [{decimals, 0}]) || X <- [0.5, 1.5, 2.5, -0.5, 0.49]] end),
    extra_t("decimals compact trailing", fun() -> [float_to_binary(X, [{decimals, 4}, compact]) || X <- [1.0, 1.5, 1.25, 1.125, 100.0]] end),
    extra_t("scientific 1", fun() -> [float_to_binary(X, [{scientific, 1}]) || X <- [0.0, 1.0, 15.0, -0.00123]] end),
    extra_t("big decimals", fun() -> float_to_binary(1.0e20, [{decimals, 2}]) end),
    extra_t("bad arg", fun() -> float_to_binary(extra_id(1), [short]) end),
    extra_t("bad opt", fun() -> float_to_binary(1.0, [{decimals, extra_id(x)}]) end),
    extra_t("binary_to_float rt", fun() -> [binary_to_float(float_to_binary(X)) =:= X || X <- [0.1, 1.0e-300, 3.0e300]] end),
    extra_t("float_to_list vs binary", fun() -> [list_to_binary(float_to_list(X, O)) =:= float_to_binary(X, O) || X <- [0.1, 2.5], O <- [[], [short], [{decimals, 3}], [{scientific, 3}]]] end),
    extra_t("decimals 1 edge", fun() -> [float_to_binary(X, [{decimals, 1}]) || X <- [0.05, 0.15, 0.25, 0.35, 0.45]] end),
    ok.
