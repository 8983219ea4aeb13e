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
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("band mask bignum", fun() -> ((1 bsl 200) - 1) band extra_id(16#FFFF0000FFFF) end),
    extra_t("bor neg big", fun() -> extra_id(-(1 bsl 100)) bor 1 end),
    extra_t("bxor self", fun() -> X = extra_id(123456789123456789123456789), X bxor X end),
    extra_t("bnot bnot", fun() -> bnot bnot extra_id(-(1 bsl 90)) end),
    extra_t("two's complement identity", fun() -> [(bnot X) + 1 =:= -X || X <- [0, 5, 1 bsl 63, 1 bsl 64, (1 bsl 100) + 3]] end),
    extra_t("band neg small/big", fun() -> [extra_id(-1) band (1 bsl 70), extra_id(-(1 bsl 70)) band 16#FF, extra_id(-(1 bsl 70)) band -1] end),
    extra_t("bxor neg neg", fun() -> extra_id(-(1 bsl 65)) bxor extra_id(-3) end),
    extra_t("bor neg neg", fun() -> extra_id(-(1 bsl 65)) bor extra_id(-(1 bsl 66)) end),
    extra_t("band neg neg", fun() -> extra_id(-(1 bsl 65)) band extra_id(-(1 bsl 66)) end),
    ok.
