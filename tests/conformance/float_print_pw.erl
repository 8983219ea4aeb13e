-module(float_print_pw).
-export([main/0]).

pow(_, 0) -> 1.0;
pow(B, E) -> B * pow(B, E - 1).

main() ->
    Fs = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.0, 10.0, 100.0, 1000.0, 1.0e6, 1.0e15,
          1.0e16, 1.0e17, 1.0e21, 1.0e22, 1.0e23, 1.0e100, 1.0e308, 1.7976931348623157e308,
          1.0e-1, 1.0e-2, 1.0e-3, 1.0e-4, 1.0e-5, 1.0e-6, 1.0e-10, 1.0e-300,
          2.2250738585072014e-308, 5.0e-324, 3.141592653589793, 2.718281828459045,
          0.30000000000000004, 123456.789, 9007199254740992.0, 9007199254740993.0,
          1.2345678901234567e-7, 4.35e-5, 0.1e-7, 33.333333333333336, 1/3, 2/3,
          -123.456, 1.0e-7, 12345678.0, 123456789.0, 1.0e9, 5.0e-1],
    lists:foreach(fun(F) -> io:format("p=~p w=~w s=~s~n", [F, F, io_lib:format("~p", [F])]) end, Fs),
    lists:foreach(fun(E) -> io:format("2^~w: ~p / 10^~w: ~p~n", [E, pow(2.0, E), E, pow(10.0, E)]) end,
                  lists:seq(0, 70, 7)),
    io:format("list: ~p~n", [[1.0, 2.5, -3.75]]),
    io:format("tuple: ~w~n", [{0.1, 0.2, 0.3}]),
    io:format("float_to_list default: ~s~n", [float_to_list(0.1)]),
    io:format("io_lib:write: ~s~n", [io_lib:write(1.0e-5)]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("p of floats near powers", fun() -> [X * 1.0 || X <- [999999, 1000000, 9999999, 10000000]] end),
    extra_t("p of 1e15..1e17 + 1", fun() -> [1.0e15 + 1, 1.0e16 + 2, 1.0e17 + 16] end),
    extra_t("p of small decimals", fun() -> [0.001, 0.0001, 0.00001, 0.000123, 0.1 * 0.1] end),
    extra_t("p of negative", fun() -> [-0.1, -1.0e-10, -1.0e100, -123.456] end),
    extra_t("float_to_list short vs p", fun() -> [float_to_list(X, [short]) =:= lists:flatten(io_lib:format("~p", [X])) || X <- [0.1, 1.0e22, 5.0e-324, 123.456]] end),
    extra_t("io_lib_format:fwrite_g", fun() -> [io_lib_format:fwrite_g(X) || X <- [1.0, 0.3, 1.0e-7]] end),
    extra_t("~w in deep list", fun() -> lists:flatten(io_lib:format("~w", [[[1.0], {2.5, [3.0e-3]}]])) end),
    extra_t("~p in map", fun() -> lists:flatten(io_lib:format("~p", [#{1.5 => 2.5}])) end),
    ok.
