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
    ok.
