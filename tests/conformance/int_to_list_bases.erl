-module(int_to_list_bases).
-export([main/0]).

id(X) -> X.

main() ->
    Vals = [0, 1, -1, 9, 10, 35, 36, 255, -255, 4096, 123456789, -123456789,
            1 bsl 64, -(1 bsl 64) + 3, 1 bsl 100, 999999999999999999999999999],
    lists:foreach(fun(V) ->
        lists:foreach(fun(B) ->
            io:format("~w base ~w: ~s ~w~n",
                      [V, B, integer_to_list(V, B), integer_to_binary(V, B)])
        end, [2, 3, 7, 8, 10, 16, 20, 36])
    end, Vals),
    io:format("default: ~s ~s~n", [integer_to_list(id(-42)), integer_to_binary(id(42))]),
    E = fun(F) -> try F() catch C:R -> {C, R} end end,
    io:format("base 1: ~p~n", [E(fun() -> integer_to_list(id(5), id(1)) end)]),
    io:format("base 37: ~p~n", [E(fun() -> integer_to_list(id(5), id(37)) end)]),
    io:format("float: ~p~n", [E(fun() -> integer_to_list(id(5.0)) end)]),
    io:format("bin base 37: ~p~n", [E(fun() -> integer_to_binary(id(5), id(37)) end)]),
    ok.
