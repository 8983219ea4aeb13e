-module(int_compare_float).
-export([main/0]).

id(X) -> X.

main() ->
    Pairs = [{1, 1.0}, {0, 0.0}, {0, -0.0}, {-1, -1.0}, {2, 1.9999999999999998},
             {9007199254740993, 9007199254740992.0}, {9007199254740992, 9007199254740992.0},
             {1 bsl 64, 18446744073709551616.0}, {(1 bsl 64) + 1, 18446744073709551616.0},
             {1 bsl 1023, 8.98846567431158e307}, {1 bsl 1100, 1.0e308},
             {-(1 bsl 1100), -1.0e308}, {3, 2.5}, {-3, -2.5}],
    lists:foreach(fun({A0, B0}) ->
        A = id(A0), B = id(B0),
        io:format("~w vs ~w: == ~w =:= ~w /= ~w =/= ~w < ~w > ~w =< ~w >= ~w~n",
                  [A, B, A == B, A =:= B, A /= B, A =/= B, A < B, A > B, A =< B, A >= B]),
        io:format("  rev: == ~w < ~w > ~w~n", [B == A, B < A, B > A])
    end, Pairs),
    io:format("sort: ~w~n", [lists:sort([id(2), 1.5, 1, 1.0, -0.5, 0, 0.0, 3 bsl 70, 1.0e30])]),
    io:format("usort: ~w~n", [lists:usort([id(1), 1.0, 2, 2.0, 1])]),
    io:format("member 1.0: ~w ~w~n", [lists:member(1.0, [1, 2]), lists:member(1, [1.0])]),
    io:format("keyfind 1.0: ~w~n", [lists:keyfind(1.0, 1, [{1, a}, {1.0, b}])]),
    io:format("match 1 = 1.0: ~w~n", [case id(1.0) of 1 -> int; 1.0 -> float end]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("int == float of huge", fun() -> [X == float(X) || X <- [1 bsl 60, (1 bsl 60) + 1, 1 bsl 100, (1 bsl 100) + 1]] end),
    extra_t("int < float just above", fun() -> [X < float(X) + 1.0e5 || X <- [1 bsl 60, 1 bsl 70]] end),
    extra_t("bignum vs 1.0e308", fun() -> [(1 bsl 1023) < 1.0e308, (1 bsl 1024) > 1.7976931348623157e308] end),
    extra_t("negative bignum vs float", fun() -> [-(1 bsl 1024) < -1.7976931348623157e308, -(1 bsl 64) < -1.8446744073709552e19] end),
    extra_t("compare 0 and tiny", fun() -> [0 < 5.0e-324, 0 > -5.0e-324, 0 == 0.0] end),
    extra_t("max/min exactness", fun() -> [max(3, 3.0), max(3.0, 3), min(2, 2.0), min(2.0, 2)] end),
    ok.
