-module(float_shortest_print).
-export([main/0]).

%% Floats built from pseudo-random bit patterns, printed with the shortest
%% round-tripping representation (~p, ~w, float_to_list short).

lcg(S) -> (S * 6364136223846793005 + 1442695040888963407) band 16#FFFFFFFFFFFFFFFF.

floats(0, _, Acc) -> lists:reverse(Acc);
floats(N, S, Acc) ->
    S2 = lcg(S),
    <<F:64/float>> = <<(S2 band 16#7FEFFFFFFFFFFFFF):64>>,
    floats(N - 1, S2, [F | Acc]).

main() ->
    Fs = floats(120, 12345, []),
    lists:foreach(fun(F) ->
        Short = float_to_list(F, [short]),
        io:format("~p ~w ~s ~w~n", [F, F, Short, list_to_float(Short) =:= F])
    end, Fs),
    Dec = [X / 1000 || X <- lists:seq(1, 40)],
    io:format("thousandths: ~w~n", [Dec]),
    io:format("sevenths: ~w~n", [[X / 7 || X <- lists:seq(1, 14)]]),
    io:format("powers of 2 neg: ~w~n", [[math:pow(2, -E) || E <- lists:seq(1, 30, 3)]]),
    io:format("near integers: ~w~n", [[1.0e15 + X / 10 || X <- lists:seq(0, 9)]]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("float_to_list short specials", fun() -> [float_to_list(X, [short]) || X <- [0.0, -0.0, 1.0, 1.0e21, 1.0e22, 1.0e23, 1.0e-7, 123456789012345680.0]] end),
    extra_t("float_to_binary short", fun() -> [float_to_binary(X, [short]) || X <- [0.1, 2.0e-5, 3.0e100]] end),
    extra_t("shortest of neighbours", fun() -> [X || <<X:64/float>> <- [<<(16#3FB999999999999A + D):64>> || D <- [-2, -1, 0, 1, 2]]] end),
    extra_t("powers of ten", fun() -> [math:pow(10, E) || E <- lists:seq(-10, 25, 5)] end),
    ok.
