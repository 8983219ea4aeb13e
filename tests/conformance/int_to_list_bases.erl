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
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("base 2 of -1", fun() -> integer_to_list(-1, 2) end),
    extra_t("base 36 of 35", fun() -> integer_to_list(35, 36) end),
    extra_t("base 16 of 2^64-1", fun() -> integer_to_list((1 bsl 64) - 1, 16) end),
    extra_t("binary base 2 of big", fun() -> byte_size(integer_to_binary(1 bsl 200, 2)) end),
    extra_t("roundtrip all bases", fun() -> lists:all(fun(B) -> list_to_integer(integer_to_list(-123456789123456789, B), B) =:= -123456789123456789 end, lists:seq(2, 36)) end),
    extra_t("base as bignum", fun() -> integer_to_list(5, extra_id(1 bsl 64)) end),
    extra_t("base as float", fun() -> integer_to_list(5, extra_id(2.0)) end),
    extra_t("integer_to_list/1 big", fun() -> integer_to_list(-(1 bsl 64)) end),
    extra_t("integer_to_binary/1 neg", fun() -> integer_to_binary(-42) end),
    ok.
