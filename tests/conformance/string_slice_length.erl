-module(string_slice_length).
-export([main/0]).

main() ->
    Ss = ["hello", "e\x{301}t\x{e9}", "\r\n\r\n", "a\r\nb", "\x{1f1f8}\x{1f1ea}x",
          "\x{1f468}\x{200d}\x{1f469}\x{200d}\x{1f467}!", "\x{915}\x{94d}\x{937}", "", <<"bin">>,
          <<"caf", 16#c3, 16#a9>>, ["ab", <<"cd">>, $e], "\x{1100}\x{1161}\x{11a8}k"],
    lists:foreach(fun(S) ->
        io:format("~w: length=~w~n", [S, string:length(S)]),
        io:format("  slice(1,2)=~w slice(0,1)=~w slice(2)=~w~n",
                  [string:slice(S, 1, 2), string:slice(S, 0, 1), string:slice(S, 2)]),
        io:format("  reverse=~w~n", [string:reverse(S)]),
        io:format("  to_graphemes=~w~n", [string:to_graphemes(S)]),
        io:format("  next_grapheme=~w~n", [string:next_grapheme(S)]),
        io:format("  next_codepoint=~w~n", [string:next_codepoint(S)])
    end, Ss),
    io:format("slice beyond: ~p~n", [string:slice("abc", 5, 2)]),
    io:format("slice infinity: ~p~n", [string:slice("abcdef", 2, infinity)]),
    io:format("error grapheme: ~p~n", [string:next_grapheme(<<255, 1>>)]),
    io:format("length invalid: ~p~n", [try string:length(<<255>>) catch C:E -> {C, E} end]),
    ok.
