-module(bin_utf_segments).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [L, R]).

dec8(<<C/utf8, R/binary>>, Acc) -> dec8(R, [C | Acc]);
dec8(<<>>, Acc) -> lists:reverse(Acc);
dec8(Bad, Acc) -> {error, lists:reverse(Acc), Bad}.

main() ->
    Cs = [0, $a, 16#7f, 16#80, 16#e9, 16#7ff, 16#800, 16#20ac, 16#d7ff, 16#e000, 16#fffd, 16#ffff, 16#10000, 16#1f600, 16#10ffff],
    lists:foreach(fun(C0) ->
        C = id(C0),
        io:format("~.16B: utf8=~w utf16=~w utf16le=~w utf32=~w utf32le=~w~n",
                  [C, <<C/utf8>>, <<C/utf16>>, <<C/utf16-little>>, <<C/utf32>>, <<C/utf32-little>>])
    end, Cs),
    t("surrogate utf8", fun() -> <<(id(16#d800))/utf8>> end),
    t("too big utf8", fun() -> <<(id(16#110000))/utf8>> end),
    t("negative utf16", fun() -> <<(id(-1))/utf16>> end),
    t("atom utf32", fun() -> <<(id(a))/utf32>> end),
    t("decode", fun() -> dec8(id(<<"a", 195, 169, 226, 130, 172, 240, 159, 152, 128>>), []) end),
    t("decode bad", fun() -> dec8(id(<<"a", 255, "b">>), []) end),
    t("decode overlong", fun() -> dec8(id(<<192, 129>>), []) end),
    t("decode surrogate", fun() -> dec8(id(<<237, 160, 128>>), []) end),
    t("decode truncated", fun() -> dec8(id(<<226, 130>>), []) end),
    t("utf16 match", fun() -> <<A/utf16, B/utf16>> = id(<<216, 61, 222, 0, 0, 65>>), {A, B} end),
    t("utf16 little match", fun() -> <<A/utf16-little>> = id(<<61, 216, 0, 222>>), A end),
    t("utf32 match", fun() -> <<A/utf32, R/binary>> = id(<<0, 1, 246, 0, 9>>), {A, R} end),
    t("utf32 bad", fun() -> <<A/utf32>> = id(<<0, 17, 0, 0>>), A end),
    t("literal utf8 string", fun() -> <<"\x{3bb}x"/utf8>> end),
    t("literal utf16 string", fun() -> <<"\x{3bb}x"/utf16>> end),
    t("literal utf32 string", fun() -> <<"ab"/utf32-little>> end),
    t("comprehension", fun() -> << <<C/utf8>> || C <- id([16#3bb, 16#3bc, $!]) >> end),
    t("bin comp decode", fun() -> [C || <<C/utf8>> <= id(<<"h", 195, 169, "!">>)] end),
    ok.
