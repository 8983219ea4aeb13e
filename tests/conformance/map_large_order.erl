-module(map_large_order).
-export([main/0]).

main() ->
    lists:foreach(fun(N) ->
        M = maps:from_list([{K, K} || K <- lists:seq(1, N)]),
        io:format("~w keys: ~w~n", [N, maps:keys(M)]),
        io:format("~w values: ~w~n", [N, maps:values(M)]),
        io:format("~w to_list: ~w~n", [N, maps:to_list(M)])
    end, [32, 33, 50, 200]),
    Neg = maps:from_list([{-K, K} || K <- lists:seq(1, 40)]),
    io:format("neg keys: ~w~n", [maps:keys(Neg)]),
    Big = maps:from_list([{(1 bsl 64) + K, K} || K <- lists:seq(1, 40)]),
    io:format("bignum keys: ~w~n", [maps:keys(Big)]),
    Fl = maps:from_list([{K / 4, K} || K <- lists:seq(1, 40)]),
    io:format("float keys: ~w~n", [maps:keys(Fl)]),
    %% (no atom keys: BEAM orders them by atom-table index, not reproducible)
    Str = maps:from_list([{lists:duplicate(K, $z), K} || K <- lists:seq(1, 40)]),
    io:format("string key values: ~w~n", [maps:values(Str)]),
    Bin = maps:from_list([{<<K:16>>, K} || K <- lists:seq(1, 40)]),
    io:format("bin key values: ~w~n", [maps:values(Bin)]),
    Tup = maps:from_list([{{K, [K]}, K} || K <- lists:seq(1, 40)]),
    io:format("tuple key values: ~w~n", [maps:values(Tup)]),
    Nested = maps:from_list([{#{K => K}, K} || K <- lists:seq(1, 40)]),
    io:format("map key values: ~w~n", [maps:values(Nested)]),
    Insert = lists:foldl(fun(K, Acc) -> Acc#{K => x} end, #{}, lists:seq(100, 1, -1)),
    io:format("built by insert: ~w~n", [maps:keys(Insert)]),
    Del = maps:without(lists:seq(1, 60), Insert),
    io:format("after delete: ~w~n", [maps:keys(Del)]),
    Del2 = maps:without(lists:seq(1, 70), Insert),
    io:format("after delete to small: ~w~n", [maps:keys(Del2)]),
    io:format("~w~n", [Del2]),
    ok.
