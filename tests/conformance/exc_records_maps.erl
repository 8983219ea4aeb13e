-module(exc_records_maps).
-export([main/0]).

-record(point, {x = 0, y = 0}).
-record(other, {a}).

id(X) -> X.
st(ST) -> [F || F = {M, _, _, _} <- ST, M =/= erl_eval, M =/= init].

show(Name, F) ->
    try F() of
        V -> io:format("~s: ~p~n", [Name, V])
    catch
        C:R:S -> io:format("~s: ~p:~p~n  ~p~n", [Name, C, R, st(S)])
    end.

main() ->
    P = id(#point{x = 1, y = 2}),
    O = id(#other{a = 1}),
    show("access ok", fun() -> P#point.x end),
    show("access wrong record", fun() -> O#point.x end),
    show("access non-record", fun() -> (id(atom))#point.y end),
    show("update wrong record", fun() -> O#point{x = 5} end),
    show("update non-record", fun() -> (id({point}))#point{x = 5} end),
    show("badkey", fun() -> maps:get(id(missing), id(#{a => 1})) end),
    show("badkey syntax", fun() -> (id(#{a => 1}))#{missing := 1} end),
    show("badmap get", fun() -> maps:get(a, id(not_a_map)) end),
    show("badmap update", fun() -> (id([1, 2]))#{a => 1} end),
    show("badmap update exact", fun() -> (id(<<>>))#{a := 1} end),
    show("badmap merge", fun() -> maps:merge(id(#{}), id(x)) end),
    show("badmap keys", fun() -> maps:keys(id(7)) end),
    show("map_get bif", fun() -> map_get(id(k), id(#{})) end),
    show("badkey big map", fun() -> maps:get(id(1000), maps:from_list([{I, I} || I <- lists:seq(1, 50)])) end),
    show("maps:update badkey", fun() -> maps:update(id(z), 1, id(#{a => 1})) end),
    ok.
