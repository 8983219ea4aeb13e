%% M#{K := V, ...} with several missing literal keys fails on the first in map key order
%% (integers before floats), whatever their order in the source.
-module(map_update_key_order).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Small = id(#{a => 1}),
    Large = id(maps:from_list([{I, I} || I <- lists:seq(1, 40)])),
    [io:format("~p~n", [[reason(fun() -> F(M) end) || F <- updates()]]) || M <- [Small, Large]],
    io:format("~p~n", [reason(fun() -> (id(#{42 => x}))#{42.0 := v, 42 := v2} end)]),
    io:format("~p~n", [lists:sort(maps:to_list((id(#{b => 1, 2 => 2}))#{b := 10, 2 := 20}))]).

updates() ->
    [fun(M) -> M#{42.0 := v, 42 := v2} end,
     fun(M) -> M#{1.0 := v, 1.0 => v2} end,
     fun(M) -> M#{zz := 1, "s" := 2, 7 := 3} end,
     fun(M) -> M#{{t} := 1, [l] := 2} end].

reason(F) ->
    try F() of
        _ -> ok
    catch error:R -> R
    end.
