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
    ok.
