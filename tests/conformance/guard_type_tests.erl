-module(guard_type_tests).
-export([main/0]).

-record(a, {x}).

classify(X) when is_integer(X) -> integer;
classify(X) when is_float(X) -> float;
classify(X) when is_atom(X), is_boolean(X) -> boolean;
classify(X) when is_atom(X) -> atom;
classify(X) when is_binary(X) -> binary;
classify(X) when is_bitstring(X) -> bitstring;
classify(X) when is_list(X), length(X) =:= 0 -> empty_list;
classify(X) when is_list(X) -> list;
classify(X) when is_tuple(X), tuple_size(X) =:= 0 -> empty_tuple;
classify(X) when is_tuple(X) -> tuple;
classify(X) when is_map(X) -> map;
classify(X) when is_function(X, 0) -> fun0;
classify(X) when is_function(X) -> function;
classify(X) when is_pid(X) -> pid;
classify(X) when is_reference(X) -> reference;
classify(X) when is_port(X) -> port;
classify(_) -> unknown.

main() ->
    Vals = [0, -1, 1 bsl 80, 1.0, -0.0, true, false, ok, '', <<>>, <<1>>, <<1:1>>, [], [1], "s",
            {}, {a}, #{}, #{a => 1}, fun() -> ok end, fun(_) -> ok end, fun lists:map/2,
            self(), make_ref()],
    lists:foreach(fun(V) ->
        io:format("~s: ~p ~p~n", [label(V), classify(V), tests(V)])
    end, Vals),
    ok.

label(V) when is_pid(V) -> "pid";
label(V) when is_reference(V) -> "ref";
label(V) when is_function(V) -> "fun";
label(V) -> lists:flatten(io_lib:format("~w", [V])).

tests(V) ->
    [is_atom(V), is_binary(V), is_bitstring(V), is_boolean(V), is_float(V), is_function(V),
     is_function(V, 1), is_integer(V), is_list(V), is_map(V), is_number(V), is_pid(V),
     is_port(V), is_record(V, a), is_record(V, a, 1), is_reference(V), is_tuple(V)].
