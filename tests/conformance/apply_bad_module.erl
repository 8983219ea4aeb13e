%% Mod:Fun(Args) with a module or function that is not an atom fails as
%% erlang:apply(Mod, Fun, Args) does, with that call at the top of the trace; and
%% binary_to_atom's errors in BEAM's order (more than 255 characters is system_limit even
%% when bad UTF-8 follows).
-module(apply_bad_module).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Bad = id({}),
    io:format("~p~n", [top(catch Bad:baz(a, b))]),
    io:format("~p~n", [top(catch baz:Bad(c, d))]),
    io:format("~p~n", [top(catch apply(Bad, baz, [e, f]))]),
    io:format("~p~n", [top(catch apply(baz, Bad, [g, h]))]),
    io:format("~p~n", [top(last(Bad))]),
    [io:format("~p ~p: ~p~n", [E, byte_size(B), top(catch binary_to_atom(B, E))])
     || E <- [utf8, latin1],
        B <- [<<0:512/unit:8, 255>>, <<0:254/unit:8, 255>>, <<0:255/unit:8, 255>>,
              <<0:256/unit:8>>, <<0:1021/unit:8>>, <<255>>, <<194>>]],
    ok.

last(Bad) -> catch Bad:baz(1).

top({'EXIT', {Reason, [Top | _]}}) -> {Reason, Top};
top(Other) -> Other.
