-module(float_conv).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    lists:foreach(fun(S) -> t("list_to_float " ++ S, fun() -> list_to_float(id(S)) end) end,
        ["1.0", "-1.5", "+2.5", "1.0e10", "1.0E10", "1.5e-3", "1e10", "1", "1.", ".5",
         "0.1", "1.0e400", "1.0e-400", "123456789.987654321", "1.0 ", "abc", "", "2.5e+2",
         "1_000.0", "0.0", "-0.0", "1.7976931348623157e308", "4.9e-324"]),
    lists:foreach(fun(S) -> t("binary_to_float " ++ binary_to_list(S), fun() -> binary_to_float(id(S)) end) end,
        [<<"3.25">>, <<"-1.0e-2">>, <<"7">>, <<"x">>]),
    t("float(7)", fun() -> float(id(7)) end),
    t("float(-7)", fun() -> float(id(-7)) end),
    t("float(2^70)", fun() -> float(id(1) bsl 70) end),
    t("float((2^53)+1)", fun() -> float((id(1) bsl 53) + 1) end),
    t("float(3.0)", fun() -> float(id(3.0)) end),
    t("string:to_float", fun() -> [string:to_float(S) || S <- ["1.5abc", "1.0e3x", "5", "-2.0 ", "x"]] end),
    t("float_to_integer via trunc", fun() -> trunc(id(1.0e25)) end),
    t("round big", fun() -> round(id(-9.87654321e22)) end),
    t("term_to_binary float", fun() -> term_to_binary(id(0.1)) end),
    t("float bits", fun() -> <<X:64>> = <<(id(0.1)):64/float>>, X end),
    t("float from bits", fun() -> <<F:64/float>> = <<4591870180066957722:64>>, F end),
    t("-0.0 bits", fun() -> <<(id(-0.0)):64/float>> end),
    t("-0.0 =:= 0.0", fun() -> id(-0.0) =:= id(0.0) end),
    t("-0.0 == 0.0", fun() -> id(-0.0) == id(0.0) end),
    ok.
