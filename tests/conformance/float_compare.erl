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
    ok.
