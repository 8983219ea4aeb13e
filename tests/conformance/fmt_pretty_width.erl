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
    ok.
