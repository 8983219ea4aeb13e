-module(map_large_print).
-export([main/0]).

main() ->
    Sizes = [31, 32, 33, 34, 40, 64, 65, 100],
    lists:foreach(fun(N) ->
        M = maps:from_list([{K, K * K} || K <- lists:seq(1, N)]),
        io:format("size ~w:~n~p~n", [N, M]),
        io:format("~w~n", [M])
    end, Sizes),
    %% Atom keys are deliberately absent from large maps: BEAM hashes atoms by
    %% their atom-table index, so their order is not reproducible across VMs.
    A = maps:from_list([{I, list_to_atom("val" ++ integer_to_list(I))} || I <- lists:seq(1, 40)]),
    io:format("atom values: ~p~n", [A]),
    S = maps:from_list([{integer_to_list(I), I} || I <- lists:seq(1, 36)]),
    io:format("strings: ~w~n", [S]),
    B = maps:from_list([{integer_to_binary(I), I} || I <- lists:seq(1, 36)]),
    io:format("binaries: ~w~n", [B]),
    T = maps:from_list([{{I, I rem 3}, I} || I <- lists:seq(1, 35)]),
    io:format("tuples: ~w~n", [T]),
    Mixed = maps:from_list([{I, a} || I <- lists:seq(1, 20)] ++ [{[$a + I], I} || I <- lists:seq(0, 15)] ++
                           [{float(I), f} || I <- lists:seq(1, 5)]),
    io:format("mixed: ~w~n", [Mixed]),
    io:format("in tuple: ~P~n", [{big, maps:from_list([{I, I} || I <- lists:seq(1, 50)])}, 20]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("~p of 33 floats", fun() -> lists:flatten(io_lib:format("~w", [maps:from_list([{I / 2, I} || I <- lists:seq(1, 33)])])) end),
    extra_t("~p of bignum keys", fun() -> lists:flatten(io_lib:format("~w", [maps:from_list([{(1 bsl 70) * I, I} || I <- lists:seq(1, 33)])])) end),
    extra_t("~p of negative keys", fun() -> lists:flatten(io_lib:format("~w", [maps:from_list([{-I, I} || I <- lists:seq(1, 33)])])) end),
    extra_t("~P of large map depth", fun() -> lists:flatten(io_lib:format("~P", [maps:from_list([{I, I} || I <- lists:seq(1, 40)]), 10])) end),
    extra_t("large map in list", fun() -> lists:flatten(io_lib:format("~w", [[maps:from_list([{I, [I]} || I <- lists:seq(1, 33)])]])) end),
    ok.
