%% ext_term: the external term format -- term_to_binary and binary_to_term
%% round trips of a mixed term (small/big integers, floats, atoms, strings,
%% binaries, tuples, nested lists, small maps), plus term_to_binary of a
%% large flat list and binary_to_term of the result.
-module(ext_term).
-export([main/0]).

-define(REPS, 12000).

main() ->
    _ = run(20),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?REPS),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench ext_term ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(Reps) ->
    Big = lists:seq(1, 20000),
    run(Reps, Big, 0).

run(0, _Big, Acc) -> Acc;
run(I, Big, Acc) ->
    T = term(I),
    Bin = term_to_binary(T),
    T = binary_to_term(Bin),
    %% minor_version 0: floats as text (FLOAT_EXT); 2: all atoms as UTF-8
    Bin0 = term_to_binary(T, [{minor_version, 0}]),
    T = binary_to_term(Bin0),
    Bin2 = term_to_binary(T, [{minor_version, 2}]),
    T = binary_to_term(Bin2),
    Acc1 = case I rem 50 of
               0 ->
                   BB = term_to_binary([I | Big]),
                   [I | Big] = binary_to_term(BB),
                   byte_size(BB);
               _ -> 0
           end,
    H = bhash(Bin, 0),
    Sizes = byte_size(Bin) + byte_size(Bin0) * 5 + byte_size(Bin2) * 7,
    run(I - 1, Big, (Acc * 3 + Sizes + H + Acc1) band 16#FFFFFFFFF).

term(I) ->
    {I, -I, I * 1000000007, I bsl 70, -(I bsl 130), I / 3, -1.5e300,
     [atom_one, 'Atom Two', true, false, undefined, '', 'ünïcödé'],
     "a string of characters", [1, 2000, 300000, 40000000000],
     <<"binary data", I:32>>, <<I:13>>, {},
     [[], [[]], {[], {}}, [a | b]],
     #{a => I, "k" => [1, 2], {t, 1} => <<>>, 3.0 => x},
     lists:duplicate(20, {I rem 256, float(I)}),
     list_to_tuple(lists:seq(1, 300))}.

%% cheap order-sensitive digest of the encoding
bhash(<<X:32, Rest/binary>>, H) -> bhash(Rest, (H * 31 + X) band 16#FFFFFFF);
bhash(<<X, Rest/binary>>, H) -> bhash(Rest, (H * 31 + X) band 16#FFFFFFF);
bhash(<<>>, H) -> H.
