-module(bin_int_segments).
-export([main/0]).

id(X) -> X.

main() ->
    Vals = [0, 1, 127, 128, 255, 256, -1, -128, -129, 65535, 16#12345678, -16#12345678,
            16#123456789ABCDEF0, 1 bsl 70, -(1 bsl 70)],
    Sizes = [1, 3, 7, 8, 12, 16, 24, 32, 40, 64, 72],
    lists:foreach(fun(V0) ->
        V = id(V0),
        lists:foreach(fun(S0) ->
            S = id(S0),
            B = <<V:S>>,
            L = <<V:S/little>>,
            <<U:S>> = B, <<Sg:S/signed>> = B, <<UL:S/little>> = L, <<SL:S/little-signed>> = L,
            io:format("~w:~w big=~w little=~w u=~w s=~w ul=~w sl=~w~n", [V, S, B, L, U, Sg, UL, SL])
        end, Sizes)
    end, Vals),
    io:format("default size: ~w ~w ~w~n", [<<(id(300))>>, <<(id(-1))>>, <<(id(65))>>]),
    io:format("unit: ~w ~w~n", [<<(id(5)):3/unit:8>>, <<(id(1)):2/unit:4>>]),
    io:format("native16: ~w~n", [byte_size(<<(id(1)):16/native>>)]),
    io:format("native roundtrip: ~w~n", [begin <<N:32/native>> = <<(id(123456)):32/native>>, N end]),
    io:format("size 0: ~w~n", [<<(id(5)):0>>]),
    io:format("literal: ~w~n", [<<1, 2, 3:4, 4:4, 16#FFFF:16/big, 16#FFFF:16/little-signed>>]),
    io:format("int-float in seg: ~p~n", [try <<(id(1.5)):8>> catch C:E -> {C, E} end]),
    io:format("atom in seg: ~p~n", [try <<(id(a)):8>> catch C2:E2 -> {C2, E2} end]),
    io:format("neg size: ~p~n", [try <<(id(1)):(id(-1))>> catch C3:E3 -> {C3, E3} end]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("signed 1 bit", fun() -> <<X:1/signed>> = <<1:1>>, X end),
    extra_t("little 12 bits", fun() -> <<X:12/little>> = <<16#AB, 16#C:4>>, X end),
    extra_t("little signed 24", fun() -> <<X:24/little-signed>> = <<255, 255, 255>>, X end),
    extra_t("big neg 72", fun() -> <<(-1):72>> end),
    extra_t("unit 1 size 7", fun() -> <<5:7/unit:1>> end),
    extra_t("huge int truncated", fun() -> <<((1 bsl 100) + 258):16>> end),
    extra_t("match int too short", fun() -> case <<1, 2>> of <<_:24>> -> yes; _ -> no end end),
    ok.
