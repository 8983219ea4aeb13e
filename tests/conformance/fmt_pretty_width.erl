-module(fmt_pretty_width).
-export([main/0]).

main() ->
    T = [{alpha, 1, "one"}, {beta, 2, "two"}, {gamma, 3, "three"}, {delta, 4, <<"four">>},
         #{name => "epsilon", values => lists:seq(1, 12)}, [nested, [list, ['of', [things]]]]],
    lists:foreach(fun(W) ->
        io:format("width ~w:~n~s~n", [W, io_lib_pretty:print(T, [{line_length, W}, {column, 1}])])
    end, [20, 40, 80, 120]),
    io:format("~~80p prefix aligned: ~p~n", [T]),
    io:format("~~50p:~n~50p~n", [T]),
    io:format("~~30p:~n~30p~n", [T]),
    io:format("~~200p:~n~200p~n", [T]),
    io:format("~~1p:~n~1p~n", [{a, b, [c, d]}]),
    io:format("record-like:~n~p~n", [{person, "A very long name indeed", 42, [friend1, friend2, friend3, friend4, friend5]}]),
    io:format("strings in list:~n~p~n", [["first string element", "second string element", "third string element"]]),
    io:format("map pretty:~n~p~n", [#{a_long_key_name => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], another_key => {some, tuple, value},
                                      third => "string value that is long enough to wrap"}]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("print depth", fun() -> lists:flatten(io_lib_pretty:print([1, [2, [3, [4, [5]]]]], [{depth, 4}])) end),
    extra_t("print chars_limit", fun() -> lists:flatten(io_lib_pretty:print(lists:seq(1, 100), [{chars_limit, 30}])) end),
    extra_t("print encoding unicode", fun() -> lists:flatten(io_lib_pretty:print([16#3bb, 16#3bc], [{encoding, unicode}])) end),
    extra_t("print encoding latin1", fun() -> lists:flatten(io_lib_pretty:print([16#3bb, 16#3bc], [{encoding, latin1}])) end),
    extra_t("print strings false", fun() -> lists:flatten(io_lib_pretty:print("abc", [{strings, false}])) end),
    extra_t("print line_length small", fun() -> lists:flatten(io_lib_pretty:print({aaaa, bbbb, cccc, dddd}, [{line_length, 10}])) end),
    extra_t("print column", fun() -> lists:flatten(io_lib_pretty:print([aaaaaaaaaa, bbbbbbbbbb, cccccccccc], [{column, 60}, {line_length, 80}])) end),
    extra_t("format ~p with options", fun() -> lists:flatten(io_lib:format("~p", [[aaaaaaaaaa, bbbbbbbbbb]], [{chars_limit, 15}])) end),
    extra_t("print record_print_fun", fun() -> lists:flatten(io_lib_pretty:print({rec, 1, 2}, [{record_print_fun, fun(rec, 2) -> [a, b]; (_, _) -> no end}])) end),
    extra_t("print maps nested", fun() -> lists:flatten(io_lib_pretty:print(#{k => #{k2 => lists:seq(1, 30)}}, [{line_length, 40}])) end),
    extra_t("print binary long", fun() -> lists:flatten(io_lib_pretty:print(binary:copy(<<"abc ">>, 30), [{line_length, 40}])) end),
    ok.
