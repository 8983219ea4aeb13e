-module(float_format_efg).
-export([main/0]).

main() ->
    Fs = [0.0, 1.0, -1.0, 0.5, 3.14159265358979, -2.5, 1.0e10, 1.0e-10, 123456.789,
          0.000123, 99.995, 0.125, 1.0e100, 2.5, 3.5, 0.05, 1234567.0],
    lists:foreach(fun(F) ->
        io:format("~w:~n", [F]),
        io:format(" f=~f e=~e g=~g~n", [F, F, F]),
        io:format(" .2f=~.2f .1f=~.1f .10f=~.10f~n", [F, F, F]),
        io:format(" .2e=~.2e .3e=~.3e .10e=~.10e~n", [F, F, F]),
        io:format(" .2g=~.2g .3g=~.3g .10g=~.10g~n", [F, F, F]),
        io:format(" 12.3f=[~12.3f] -12.3f=[~-12.3f] 12.3e=[~12.3e] 15.4g=[~15.4g]~n", [F, F, F, F]),
        io:format(" padded=[~12.3._f] [~-12.2.0f] [~12.3.*f]~n", [F, F, $#, F])
    end, Fs),
    io:format("f of int: ~p~n", [try io_lib:format("~f", [1]) catch C:E -> {C, E} end]),
    io:format("narrow: [~3.1f]~n", [123.456]),
    io:format(".0f: ~p~n", [try io_lib:format("~.0f", [1.5]) catch C2:E2 -> {C2, E2} end]),
    io:format(".0e: ~p~n", [try io_lib:format("~.0e", [1.5]) catch C3:E3 -> {C3, E3} end]),
    io:format(".1e: ~p~n", [try io_lib:format("~.1e", [1.5]) catch C4:E4 -> {C4, E4} end]),
    io:format(".0g: ~p~n", [try io_lib:format("~.0g", [1.5]) catch C5:E5 -> {C5, E5} end]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("~e bignum float", fun() -> lists:flatten(io_lib:format("~e", [1.0e300])) end),
    extra_t("~f huge", fun() -> length(lists:flatten(io_lib:format("~f", [1.0e300]))) end),
    extra_t("~g switch points", fun() -> [lists:flatten(io_lib:format("~g", [X])) || X <- [0.1, 0.01, 0.001, 0.0001, 1.0e5, 1.0e6, 1.0e7]] end),
    extra_t("~.1f rounding", fun() -> [lists:flatten(io_lib:format("~.1f", [X])) || X <- [0.05, 0.15, 0.25, 0.35, 1.45, -0.05]] end),
    extra_t("~.2e rounding", fun() -> [lists:flatten(io_lib:format("~.2e", [X])) || X <- [9.95, 9.949, 0.0995]] end),
    extra_t("~f negative zero", fun() -> lists:flatten(io_lib:format("~f ~e ~g", [-0.0, -0.0, -0.0])) end),
    extra_t("~e subnormal", fun() -> lists:flatten(io_lib:format("~e", [5.0e-324])) end),
    extra_t("~.17g pi", fun() -> lists:flatten(io_lib:format("~.17g", [math:pi()])) end),
    ok.
