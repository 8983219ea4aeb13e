-module(etf_floats_bignums).
-export([main/0]).

main() ->
    Fs = [0.0, -0.0, 1.0, -1.5, 0.1, 3.141592653589793, 1.0e300, 5.0e-324, 1.7976931348623157e308, 123456.789],
    lists:foreach(fun(F) ->
        B1 = term_to_binary(F),
        B0 = term_to_binary(F, [{minor_version, 0}]),
        B2 = term_to_binary(F, [{minor_version, 2}]),
        io:format("~w:~n  v1 ~w~n  v0 ~w~n  v2 ~w~n  rt0 ~w~n", [F, B1, B0, B2, binary_to_term(B0)])
    end, Fs),
    Is = [1 bsl 63, (1 bsl 64) - 1, -(1 bsl 63), 123456789012345678901234567890, -98765432109876543210],
    lists:foreach(fun(I) ->
        B = term_to_binary(I),
        io:format("~w: ~w rt=~w~n", [I, B, binary_to_term(B) =:= I])
    end, Is),
    Huge = 1 bsl 8000,
    HB = term_to_binary(Huge),
    io:format("huge: size=~w head=~w rt=~w~n", [byte_size(HB), binary:part(HB, 0, 8), binary_to_term(HB) =:= Huge]),
    io:format("decode small big: ~w~n", [binary_to_term(<<131, 110, 1, 0, 5>>)]),
    io:format("decode neg small big: ~w~n", [binary_to_term(<<131, 110, 2, 1, 0, 1>>)]),
    io:format("decode non-normalized big: ~w~n", [binary_to_term(<<131, 110, 4, 0, 1, 0, 0, 0>>)]),
    io:format("decode float ext: ~w~n", [binary_to_term(<<131, 99, "1.50000000000000000000e+00", 0, 0, 0, 0, 0>>)]),
    io:format("decode integer ext: ~w~n", [binary_to_term(<<131, 98, 255, 255, 255, 254>>)]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("float ext decode variants", fun() -> [binary_to_term(<<131, 99, S/binary, 0:((31 - byte_size(S)) * 8)>>) || S <- [<<"2.5">>, <<"-1.0e-5">>, <<"100.0">>]] end),
    extra_t("bad float ext", fun() -> binary_to_term(<<131, 99, "abc", 0:(28 * 8)>>) end),
    extra_t("new float bad", fun() -> binary_to_term(<<131, 70, 127, 240, 0, 0, 0, 0, 0, 0>>) end),
    extra_t("big -> small normalization", fun() -> binary_to_term(<<131, 110, 8, 0, 1, 0, 0, 0, 0, 0, 0, 0>>) end),
    extra_t("bignum sizes", fun() -> [byte_size(term_to_binary(1 bsl N)) || N <- [31, 32, 63, 64, 255, 256, 2039, 2040]] end),
    ok.
