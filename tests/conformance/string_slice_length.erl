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
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("slice binary middle", fun() -> string:slice(<<"hello world">>, 3, 5) end),
    extra_t("slice list 0 0", fun() -> string:slice("abc", 0, 0) end),
    extra_t("slice deep list", fun() -> string:slice(["ab", [<<"cd">>], "ef"], 1, 4) end),
    extra_t("length deep list", fun() -> string:length(["ab", [<<"cd">>], [$e, [$f]]]) end),
    extra_t("length long", fun() -> string:length(lists:duplicate(10000, $a)) end),
    extra_t("reverse binary", fun() -> string:reverse(<<"abc">>) end),
    extra_t("to_graphemes binary", fun() -> string:to_graphemes(<<"a", 204, 129, "b">>) end),
    extra_t("next_codepoint empty", fun() -> string:next_codepoint("") end),
    extra_t("next_grapheme empty bin", fun() -> string:next_grapheme(<<>>) end),
    ok.
