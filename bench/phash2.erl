%% phash2: erlang:phash2/1 and phash2/2 over many kinds of terms -- small
%% and big integers, floats, atoms, lists, strings, binaries (aligned and
%% sub-binaries), tuples, nested structures and maps.
-module(phash2).
-export([main/0]).

-define(N, 600000).

main() ->
    _ = run(1000),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?N),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench phash2 ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(N) ->
    Bin = list_to_binary(lists:seq(0, 255)),
    run(N, Bin, 0).

run(0, _Bin, Acc) -> Acc;
run(I, Bin, Acc) ->
    Off = I rem 200,
    <<_:Off/binary, Sub:40/binary, _/binary>> = Bin,
    H = erlang:phash2(I)
        + erlang:phash2(I * 1000000000000000000000)
        + erlang:phash2(I / 7)
        + erlang:phash2({I, foo, "bar", [1, 2, 3]})
        + erlang:phash2(integer_to_list(I))
        + erlang:phash2(Sub)
        + erlang:phash2(<<I:19>>)
        + erlang:phash2([{a, I}, {b, [I, I]}, {c, <<"x">>}], 1 bsl 20)
        + erlang:phash2(#{I => ok, key => I, {t, I} => [a]}, 65536)
        + erlang:phash2(list_to_atom("atom_" ++ integer_to_list(I rem 100)), 1000),
    run(I - 1, Bin, (Acc * 7 + H) band 16#FFFFFFFFF).
