-module(float_to_list_opts).
-export([main/0]).

t(F, Opts) ->
    R = try float_to_list(F, Opts) catch C:E -> {C, E} end,
    io:format("~w ~w -> ~p~n", [F, Opts, R]).

main() ->
    Fs = [0.0, -0.0, 1.0, -1.0, 0.1, 1.5, 2.5, 0.125, 123.456, -123.456, 1.0e10, 1.0e-10,
          1.0e21, 1.0e22, 1.0e-5, 3.141592653589793, 0.30000000000000004, 1.7976931348623157e308,
          5.0e-324, 100.0, 1234.5, 0.999999, 9.9999999e-5],
    lists:foreach(fun(F) ->
        io:format("~w default: ~s~n", [F, float_to_list(F)]),
        t(F, []),
        t(F, [short]),
        t(F, [{decimals, 0}]),
        t(F, [{decimals, 2}]),
        t(F, [{decimals, 10}]),
        t(F, [{decimals, 2}, compact]),
        t(F, [{decimals, 10}, compact]),
        t(F, [{scientific, 0}]),
        t(F, [{scientific, 3}]),
        t(F, [{scientific, 20}])
    end, Fs),
    t(1.0, [{decimals, 253}]),
    t(1.0, [{decimals, 254}]),
    t(1.0, [{scientific, 249}]),
    t(1.0, [{scientific, 250}]),
    t(1.0, [{decimals, -1}]),
    t(1.0, [bogus]),
    t(1, []),
    t(1.0e300, [{decimals, 2}]),
    t(0.5, [{decimals, 0}]),
    t(1.5, [{decimals, 0}]),
    t(2.675, [{decimals, 2}]),
    t(1.005, [{decimals, 2}]),
    t(1.0, [{scientific, 2}, {decimals, 3}]),
    t(1.0, [{decimals, 3}, {scientific, 2}]),
    t(1.0, [{decimals, 3}, short]),
    ok.
