-module(fmt_P_W).
-export([main/0]).

main() ->
    T = {a, [1, 2, 3, 4, 5, 6, 7, 8], {b, {c, {d, {e, {f}}}}}, "a long string value", <<"binary data here">>,
         #{k1 => v1, k2 => [x, y, z], k3 => #{inner => deep}}},
    lists:foreach(fun(D) ->
        io:format("P ~w: ~P~n", [D, T, D]),
        io:format("W ~w: ~W~n", [D, T, D])
    end, [1, 2, 3, 4, 5, 8, 20, -1]),
    io:format("P list: ~P~n", [lists:seq(1, 100), 10]),
    io:format("W list: ~W~n", [lists:seq(1, 100), 10]),
    io:format("P string: ~P~n", ["abcdefghijklmnopqrstuvwxyz", 3]),
    io:format("W string: ~W~n", ["abcdefghijklmnopqrstuvwxyz", 3]),
    io:format("P binary: ~P~n", [list_to_binary(lists:seq(1, 50)), 5]),
    io:format("P bitstring: ~P~n", [<<1, 2, 3, 4, 5, 6:3>>, 3]),
    io:format("P map: ~P~n", [maps:from_list([{I, I} || I <- lists:seq(1, 10)]), 4]),
    io:format("P improper: ~P~n", [[1, 2, 3 | tail], 3]),
    io:format("tP: ~tP~n", [[955, 956, 957], 2]),
    io:format("field P: [~40P]~n", [lists:seq(1, 30), 8]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("~P depth 0", fun() -> lists:flatten(io_lib:format("~P", [{a, b}, 0])) end),
    extra_t("~W depth 1", fun() -> lists:flatten(io_lib:format("~W", [[a, b], 1])) end),
    extra_t("~W nested maps", fun() -> lists:flatten(io_lib:format("~W", [#{a => #{b => #{c => d}}}, 3])) end),
    extra_t("~P tuple in list", fun() -> lists:flatten(io_lib:format("~P", [[{1, 2, 3}, {4, 5, 6}], 4])) end),
    extra_t("~W string as list", fun() -> lists:flatten(io_lib:format("~W", ["abcdef", 2])) end),
    extra_t("~P binary depth", fun() -> [lists:flatten(io_lib:format("~P", [<<"abcdefgh">>, D])) || D <- [1, 2, 3, 5]] end),
    extra_t("~W bitstring depth", fun() -> [lists:flatten(io_lib:format("~W", [<<1, 2, 3, 4:4>>, D])) || D <- [1, 2, 3, 5]] end),
    extra_t("~P improper depth", fun() -> [lists:flatten(io_lib:format("~P", [[a, b | c], D])) || D <- [1, 2, 3, 4]] end),
    extra_t("~P with width", fun() -> lists:flatten(io_lib:format("[~20P]", [[1, 2, 3, 4, 5, 6], 3])) end),
    ok.
