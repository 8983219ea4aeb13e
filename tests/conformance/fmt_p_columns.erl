-module(fmt_p_columns).
-export([main/0]).

%% ~p line breaking depends on the column where the term starts.

main() ->
    T = [{key_number_one, "value one"}, {key_number_two, [1, 2, 3, 4, 5]}, {key_three, #{a => 1, b => 2}},
         {k4, {nested, {deeper, {deepest, "leaf"}}}}],
    lists:foreach(fun(N) ->
        Prefix = lists:duplicate(N, $.),
        io:format("~s~p~n", [Prefix, T])
    end, [0, 10, 30, 60, 79]),
    io:format("two terms on a line: ~p and ~p~n", [T, lists:seq(1, 30)]),
    io:format("after newline in format~n  ~p~n", [T]),
    io:format("~s~n", [io_lib:format("in io_lib: ~p", [T])]),
    io:format("tab\t~p~n", [lists:seq(1, 30)]),
    Long = lists:duplicate(3, "a fairly long string to force breaks"),
    io:format("strings: ~p~n", [Long]),
    io:format("~p~n", [{lists:seq(1, 25), lists:seq(1, 25)}]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("~p with width inside", fun() -> lists:flatten(io_lib:format("~40p", [lists:seq(1, 20)])) end),
    extra_t("~p after long prefix", fun() -> lists:flatten(io_lib:format("~s~p", [lists:duplicate(70, $x), {abc, def, ghi}])) end),
    extra_t("~p width 0", fun() -> catch lists:flatten(io_lib:format("~0p", [[1, 2]])) end),
    extra_t("io_lib:format column param", fun() -> lists:flatten(io_lib_pretty:print(lists:seq(1, 30), 50, 60, -1)) end),
    extra_t("~tp column with unicode", fun() -> lists:flatten(io_lib:format("~tp", [[[16#3bb] || _ <- lists:seq(1, 20)]])) end),
    extra_t("~p multi-line in tuple", fun() -> lists:flatten(io_lib:format("~p", [{x, [lists:duplicate(30, $a), lists:duplicate(30, $b), lists:duplicate(30, $c)]}])) end),
    extra_t("~p record-ish long", fun() -> lists:flatten(io_lib:format("~p", [{state, [1, 2, 3], #{k => v}, "string value here", <<"binary value here">>, atom_value, 12345.678}])) end),
    extra_t("~p list of tuples", fun() -> lists:flatten(io_lib:format("~p", [[{I, I * I} || I <- lists:seq(1, 15)]])) end),
    extra_t("~p list of short strings", fun() -> lists:flatten(io_lib:format("~p", [[integer_to_list(I) || I <- lists:seq(1, 30)]])) end),
    extra_t("~p map with long values", fun() -> lists:flatten(io_lib:format("~p", [maps:from_list([{I, lists:seq(1, I)} || I <- lists:seq(1, 12)])])) end),
    ok.
