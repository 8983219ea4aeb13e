-module(float_compare).
-export([main/0]).

id(X) -> X.

main() ->
    Fs = [id(X) || X <- [-1.0e308, -1.5, -1, -0.0, 0, 0.0, 1.0e-300, 0.5, 1, 1.0, 2, 1.0e20,
                         100000000000000000000, 100000000000000000001, 1.0e308]],
    lists:foreach(fun(A) ->
        io:format("~w:", [A]),
        lists:foreach(fun(B) ->
            C = if A < B -> "<"; A > B -> ">"; A =:= B -> "="; true -> "~" end,
            io:format(" ~s", [C])
        end, Fs),
        io:format("~n")
    end, Fs),
    io:format("sorted: ~w~n", [lists:sort(lists:reverse(Fs))]),
    io:format("max/min: ~w ~w~n", [lists:max(Fs), lists:min(Fs)]),
    io:format("usort: ~w~n", [lists:usort(Fs)]),
    io:format("float vs atom: ~w~n", [id(1.0) < id(a)]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("float == int list", fun() -> [X == 1 || X <- [1.0, 0.9999999999999999, 1.0000000000000002]] end),
    extra_t("max/min with -0.0", fun() -> {max(0.0, -0.0), min(0.0, -0.0), max(-0.0, 0.0)} end),
    extra_t("float < bignum", fun() -> [1.0e18 < 1000000000000000001, 1.0e19 > 1000000000000000001] end),
    extra_t("compare near 2^63", fun() -> [9.223372036854776e18 == 9223372036854775808, 9.223372036854776e18 > 9223372036854775807] end),
    extra_t("compare huge", fun() -> [1.0e308 < (1 bsl 1024), -1.0e308 > -(1 bsl 1024)] end),
    extra_t("sort equal mixed", fun() -> lists:sort([2.0, 2, 1, 1.0]) end),
    extra_t("usort equal mixed", fun() -> lists:usort([2.0, 2, 1, 1.0]) end),
    extra_t("keysort equal mixed", fun() -> lists:keysort(1, [{2.0, a}, {2, b}, {1, c}, {1.0, d}]) end),
    extra_t("lists:max tie", fun() -> [lists:max([1, 1.0]), lists:max([1.0, 1]), lists:min([1, 1.0]), lists:min([1.0, 1])] end),
    ok.
