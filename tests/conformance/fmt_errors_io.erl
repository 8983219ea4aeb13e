-module(fmt_errors_io).
-export([main/0]).

id(X) -> X.

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    t("io:format returns", fun() -> io:format("x~n") end),
    t("io:format/1", fun() -> io:format("no args~n") end),
    t("io:fwrite", fun() -> io:fwrite("fwrite ~w~n", [1]) end),
    t("io:put_chars", fun() -> io:put_chars("put_chars\n") end),
    t("io:put_chars bin", fun() -> io:put_chars(<<"binary chars\n">>) end),
    t("io:put_chars iolist", fun() -> io:put_chars(["a", <<"b">>, $c, "\n"]) end),
    t("io:nl", fun() -> io:nl() end),
    t("io:write", fun() -> io:write({a, "b"}) end),
    t("io:format binary fmt", fun() -> io:format(<<"bin fmt ~w~n">>, [2]) end),
    t("io:format atom fmt", fun() -> io:format('atom fmt~n', []) end),
    t("too few args", fun() -> io_lib:format(id("~w ~w"), [1]) end),
    t("too many args", fun() -> io_lib:format(id("~w"), [1, 2]) end),
    t("bad directive", fun() -> io_lib:format(id("~z"), [1]) end),
    t("args not list", fun() -> io_lib:format(id("~w"), a) end),
    t("bad ~s arg", fun() -> io_lib:format("~s", [{x}]) end),
    t("bad ~c arg", fun() -> io_lib:format("~c", [-1]) end),
    t("bad ~f arg", fun() -> io_lib:format("~f", [abc]) end),
    t("bad ~b arg", fun() -> io_lib:format("~b", [1.0]) end),
    t("bad width", fun() -> io_lib:format("~*w", [x, 1]) end),
    t("bad fmt type", fun() -> io_lib:format(123, []) end),
    t("io:format bad", fun() -> io:format(id("~w ~w~n"), [1]) end),
    t("io_lib:format ok", fun() -> lists:flatten(io_lib:format("~w", [ok])) end),
    ok.
