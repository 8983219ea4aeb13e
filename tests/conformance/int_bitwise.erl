-module(int_bitwise).
-export([main/0]).

id(X) -> X.

main() ->
    Vals = [0, 1, -1, 5, -5, 255, -256, 16#F0F0, -16#F0F0, 1 bsl 60, -(1 bsl 60),
            (1 bsl 100) + 12345, -((1 bsl 100) + 12345), 16#FFFFFFFFFFFFFFFF,
            -16#FFFFFFFFFFFFFFFF, 1 bsl 64 - 1],
    lists:foreach(fun(A) ->
        lists:foreach(fun(B) ->
            io:format("~w ~w: and=~w or=~w xor=~w~n",
                      [A, B, id(A) band id(B), id(A) bor id(B), id(A) bxor id(B)])
        end, Vals)
    end, Vals),
    lists:foreach(fun(A) -> io:format("bnot ~w = ~w~n", [A, bnot id(A)]) end, Vals),
    Err = fun(F) -> try F() catch C:E -> {C, E} end end,
    io:format("band float: ~p~n", [Err(fun() -> id(1.0) band id(1) end)]),
    io:format("bor atom: ~p~n", [Err(fun() -> id(1) bor id(x) end)]),
    io:format("bnot float: ~p~n", [Err(fun() -> bnot id(1.5) end)]),
    ok.
