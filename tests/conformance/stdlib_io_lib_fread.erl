-module(stdlib_io_lib_fread).
-export([main/0]).

t(Fmt, In) ->
    R = try io_lib:fread(Fmt, In) catch C:E -> {C, E} end,
    io:format("~p ~p -> ~p~n", [Fmt, In, R]).

main() ->
    t("~d", "42"),
    t("~d", "  -17 rest"),
    t("~d~d", "1 2"),
    t("~d,~d", "1,2"),
    t("~3d", "12345"),
    t("~f", "3.14"),
    t("~f", "2"),
    t("~f", "1.5e3"),
    t("~s", "hello world"),
    t("~s~s", "hello world"),
    t("~a", "atomname rest"),
    t("~c", "xyz"),
    t("~3c", "xyz"),
    t("~#", "16#ff"),
    t("~u", "123"),
    t("~u", "-123"),
    t("~-", "-5"),
    t("~d", "abc"),
    t("~d", ""),
    t("~d ~s", "12   word"),
    t("~l", "abc"),
    t("~*d~d", "123 456"),
    t("~e", "1.0e2"),
    t("~g", "2.5"),
    t("a~db", "a7b"),
    t("a~db", "a7c"),
    t("~2s", "abcd"),
    io:format("fread continuation: ~p~n", [io_lib:fread([], "12 ", "~d~d")]),
    ok.
