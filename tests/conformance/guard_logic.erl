-module(guard_logic).
-export([main/0]).

id(X) -> X.

f(X) when is_integer(X) andalso X > 0 -> pos_int;
f(X) when is_integer(X) orelse is_float(X) -> number;
f(X) when is_atom(X); is_binary(X) -> atom_or_bin;
f(_) -> other.

h(X) when X > 0, X < 10; X > 100 -> in;
h(_) -> out.

crash(X) when element(1, X) =:= a -> tuple_a;
crash(X) when length(X) > 0 -> nonempty_list;
crash(X) when X + 1 > 0 -> positive_ish;
crash(_) -> fallback.

orelse_crash(X) when is_atom(X) orelse element(1, X) =:= b -> matched;
orelse_crash(_) -> no.

semi_crash(X) when element(1, X) =:= b; is_atom(X) -> matched;
semi_crash(_) -> no.

main() ->
    io:format("f: ~w~n", [[f(X) || X <- [5, -5, 1.5, a, <<>>, "s"]]]),
    io:format("h: ~w~n", [[h(X) || X <- [0, 5, 10, 50, 101]]]),
    io:format("crash guards: ~w~n", [[crash(X) || X <- [{a}, [1], 5, {b}, [], atom, -5]]]),
    io:format("orelse crash: ~w~n", [[orelse_crash(X) || X <- [a, {b}, {c}, 5]]]),
    io:format("semicolon crash: ~w~n", [[semi_crash(X) || X <- [a, {b}, {c}, 5]]]),
    io:format("andalso value: ~w~n", [[id(true) andalso id(X) || X <- [true, false, 42]]]),
    io:format("orelse value: ~w~n", [[id(false) orelse id(X) || X <- [true, false, 42]]]),
    io:format("short circuit: ~w~n", [id(false) andalso error(never)]),
    io:format("short circuit 2: ~w~n", [id(true) orelse error(never)]),
    io:format("and non-bool: ~p~n", [try id(true) and id(1) catch C:E -> {C, E} end]),
    io:format("andalso non-bool first: ~p~n", [try id(1) andalso id(true) catch C2:E2 -> {C2, E2} end]),
    io:format("not non-bool: ~p~n", [try not id(1) catch C3:E3 -> {C3, E3} end]),
    io:format("and/or/xor: ~w~n", [[{A, B, A and B, A or B, A xor B} || A <- [true, false], B <- [true, false]]]),
    io:format("if chain: ~w~n", [[if X < 0 -> neg; X =:= 0 -> zero; true -> pos end || X <- [-1, 0, 1]]]),
    io:format("case guard: ~w~n", [[case X of {Y} when Y > 1 -> big; {_} -> small; _ -> none end || X <- [{1}, {2}, x]]]),
    ok.
