-module(string_case).
-export([main/0]).

main() ->
    Ss = ["hello World", "ÀÉÎõü", "straße", "\x{3a3}\x{3c3}\x{3c2}", "ǅungla", "ﬁne", "İstanbul",
          "123 abc!", "", "ÿ"],
    lists:foreach(fun(S) ->
        io:format("~w:~n up=~w~n low=~w~n fold=~w~n title=~w~n",
                  [S, string:uppercase(S), string:lowercase(S), string:casefold(S), string:titlecase(S)])
    end, Ss),
    io:format("to_upper: ~p~n", [string:to_upper("hello, World 1")]),
    io:format("to_lower: ~p~n", [string:to_lower("HeLLo ÀB")]),
    io:format("to_upper char: ~p~n", [[string:to_upper(C) || C <- "az{@"]]),
    io:format("to_lower char: ~p~n", [[string:to_lower(C) || C <- "AZ[@À"]]),
    io:format("bin upper: ~p~n", [string:uppercase(<<"bin text">>)]),
    io:format("equal ignorecase: ~p~n", [[string:equal("ABC", "abc", true), string:equal("ABC", "abc"),
                                          string:equal(<<"a">>, "a")]]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("uppercase binary utf8", fun() -> string:uppercase(<<"caf", 195, 169>>) end),
    extra_t("lowercase binary utf8", fun() -> string:lowercase(<<"CAF", 195, 137>>) end),
    extra_t("titlecase binary", fun() -> string:titlecase(<<"hello">>) end),
    extra_t("casefold mixed iolist", fun() -> string:casefold(["AB", <<"Cd">>]) end),
    extra_t("uppercase empty", fun() -> {string:uppercase(""), string:uppercase(<<>>)} end),
    extra_t("to_upper latin1", fun() -> string:to_upper([233, 255, 223]) end),
    extra_t("to_lower latin1", fun() -> string:to_lower([201, 222, 192]) end),
    extra_t("lowercase greek", fun() -> string:lowercase([16#391, 16#392, 16#3A3]) end),
    extra_t("uppercase cyrillic", fun() -> string:uppercase([16#430, 16#431, 16#44F]) end),
    extra_t("uppercase turkish dotless", fun() -> string:uppercase([16#131, $i]) end),
    extra_t("titlecase digraph", fun() -> string:titlecase([16#1C6, $x]) end),
    extra_t("uppercase invalid utf8", fun() -> string:uppercase(<<255, $a>>) end),
    ok.
