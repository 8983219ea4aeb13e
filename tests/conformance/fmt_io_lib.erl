-module(fmt_io_lib).
-export([main/0]).

main() ->
    T = {record, [1, 2, 3], "str", <<"bin">>, #{a => 1}, 1.5, 'Q a'},
    io:format("write: ~s~n", [io_lib:write(T)]),
    io:format("write depth 3: ~s~n", [io_lib:write(T, 3)]),
    io:format("write depth -1: ~s~n", [io_lib:write(T, -1)]),
    io:format("write opts: ~s~n", [io_lib:write(T, [{depth, 4}])]),
    io:format("write chars_limit: ~s~n", [io_lib:write(lists:seq(1, 100), [{chars_limit, 30}])]),
    io:format("print: ~s~n", [io_lib:print(T)]),
    Big = [{key, N, lists:seq(1, N)} || N <- lists:seq(1, 8)],
    io:format("print col 1 len 40:~n~s~n", [io_lib:print(Big, 1, 40, -1)]),
    io:format("print col 10 len 60 depth 5:~n~s~n", [io_lib:print(Big, 10, 60, 5)]),
    io:format("print len 200:~n~s~n", [io_lib:print(Big, 1, 200, -1)]),
    io:format("format: ~s~n", [io_lib:format("~w-~p-~s", [1, "two", "three"])]),
    io:format("fwrite: ~s~n", [io_lib:fwrite("~5.1f|", [2.25])]),
    io:format("write_string: ~s~n", [io_lib:write_string("a\"b\n")]),
    io:format("write_string q: ~s~n", [io_lib:write_string("x", $')]),
    io:format("write_char: ~s ~s ~s~n", [io_lib:write_char($a), io_lib:write_char($\n), io_lib:write_char($\s)]),
    io:format("write_atom: ~s ~s~n", [io_lib:write_atom('hello'), io_lib:write_atom('Hello')]),
    io:format("indentation: ~w~n", [io_lib:indentation("ab\ncd\tx", 0)]),
    io:format("nl: ~w~n", [io_lib:nl()]),
    io:format("chars_length: ~w~n", [io_lib:chars_length(io_lib:format("~p", [T]))]),
    io:format("build_text: ~s~n", [io_lib:build_text(io_lib:scan_format("~w ~s", [a, "b"]))]),
    io:format("scan_format: ~p~n", [io_lib:scan_format("x~5.2fy~n", [1.0])]),
    io:format("unscan_format: ~p~n", [io_lib:unscan_format(io_lib:scan_format("a~wb~sc", [1, "s"]))]),
    io:format("format chars_limit: ~s~n", [io_lib:format("~p", [lists:seq(1, 100)], [{chars_limit, 40}])]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("write float", fun() -> lists:flatten(io_lib:write(0.1)) end),
    extra_t("write neg in list", fun() -> lists:flatten(io_lib:write([-1, -2.5])) end),
    ok.
