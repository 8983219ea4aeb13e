-module(map_large_ops).
-export([main/0]).

main() ->
    %% grow one key at a time across the 32-key flatmap/hashmap boundary and back
    Grow = fun G(M, N) when N > 40 -> M; G(M, N) -> G(M#{N * 7 => N}, N + 1) end,
    M40 = Grow(#{}, 1),
    io:format("m40 size=~p keys=~w~n", [map_size(M40), maps:keys(M40)]),
    Shrink = lists:foldl(fun(K, M) ->
                                 M2 = maps:remove(K * 7, M),
                                 io:format("size ~p: ~w~n", [map_size(M2), maps:keys(M2)]),
                                 M2
                         end, M40, lists:seq(1, 12)),
    io:format("after shrink: ~w~n", [Shrink]),
    A = maps:from_list([{I, I} || I <- lists:seq(1, 50)]),
    B = maps:from_list([{I, I} || I <- lists:seq(50, 1, -1)]),
    io:format("built differently equal: ~p ~p~n", [A =:= B, maps:keys(A) =:= maps:keys(B)]),
    C = lists:foldl(fun(I, M) -> M#{I => I} end, #{}, lists:seq(50, 1, -1)),
    io:format("fold-built equal: ~p ~p~n", [A =:= C, maps:to_list(A) =:= maps:to_list(C)]),
    io:format("compare large: ~p ~p~n", [A < A#{51 => 0}, A#{1 := 0} < A]),
    io:format("sort large maps: ~w~n", [[map_size(X) || X <- lists:sort([A, #{}, A#{1 := 2}, maps:remove(3, A)])]]),
    io:format("update all: ~w~n", [maps:values(maps:map(fun(K, V) -> K + V end, A))]),
    io:format("merge large+small: ~w~n", [maps:keys(maps:merge(A, #{100 => x, 101 => y}))]),
    io:format("merge small+large: ~w~n", [maps:keys(maps:merge(#{100 => x, 1 => y}, A))]),
    io:format("with 10 of large: ~w~n", [maps:with(lists:seq(1, 50, 5), A)]),
    io:format("filter to small: ~w~n", [maps:filter(fun(K, _) -> K > 45 end, A)]),
    Str = maps:from_list([{integer_to_list(I), I} || I <- lists:seq(1, 40)]),
    io:format("string keys: ~p~n", [Str]),
    Bin = maps:from_list([{<<I:8>>, I} || I <- lists:seq(1, 40)]),
    io:format("binary keys: ~w~n", [maps:keys(Bin)]),
    ok.
