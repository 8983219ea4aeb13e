%% bits: bit syntax. Builds a 1 MB binary with a binary comprehension,
%% parses it back with multi-segment matching (8/16/32-bit, big/little,
%% signed, sub-binaries, bit-sized fields), then UTF-8 encodes and decodes
%% a code-point list with /utf8 segments and unicode:characters_to_*.
-module(bits).
-export([main/0]).

-define(SIZE, 1048576).
-define(REPS, 9).

main() ->
    _ = run(1, 4096),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?REPS, ?SIZE),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench bits ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(Reps, Size) -> run(Reps, Size, 0).

run(0, _Size, Acc) -> Acc;
run(Reps, Size, Acc) ->
    %% 1 MB built 4 bytes at a time from an integer generator
    Bin = << <<(I * 2654435761):32/little>> || I <- lists:seq(Reps, Reps + Size div 4 - 1) >>,
    Size = byte_size(Bin),
    A = parse(Bin, 0),
    B = parse_bits(Bin, 0),
    %% binary generator: byte-wise transform of the whole binary
    Bin2 = << <<(X bxor 16#5A)>> || <<X>> <= Bin >>,
    C = parse(Bin2, 0),
    U = utf8(Size div 16, Reps),
    run(Reps - 1, Size, (Acc * 7 + A + B + C + U) band 16#FFFFFFFFF).

%% 16 bytes per step in mixed segments
parse(<<A:8, B:16/big, C:8/signed, D:32/little, E:32/big-signed,
        Rest0:4/binary, Tail/binary>>, H) ->
    <<F:16/little, G:16>> = Rest0,
    parse(Tail, (H + A + B + C + D + E + F * 3 + G) band 16#FFFFFFF);
parse(<<>>, H) -> H.

%% odd-sized bit fields: 3 + 5 + 11 + 13 = 32 bits per step
parse_bits(<<A:3, B:5, C:11, D:13, Tail/bits>>, H) ->
    parse_bits(Tail, (H * 3 + A + B * 5 + C + D) band 16#FFFFFFF);
parse_bits(<<>>, H) -> H.

utf8(N, Seed) ->
    Cps = codepoints(N, Seed, []),
    Enc = << <<C/utf8>> || C <- Cps >>,
    Dec = [C || <<C/utf8>> <= Enc],
    Dec = Cps,
    Enc = unicode:characters_to_binary(Cps),
    Cps = unicode:characters_to_list(Enc),
    Cnt = count_utf8(Enc, 0),
    Cnt = N,
    byte_size(Enc) + lists:sum(Dec) rem 1000003.

%% mix of 1-, 2-, 3- and 4-byte code points, skipping surrogates
codepoints(0, _X, Acc) -> Acc;
codepoints(N, X, Acc) ->
    X1 = (X * 48271) rem 2147483647,
    C = case X1 rem 4 of
            0 -> 32 + X1 rem 95;
            1 -> 16#80 + X1 rem 16#780;
            2 -> 16#E000 + X1 rem 16#1000;
            3 -> 16#10000 + X1 rem 16#FFFF
        end,
    codepoints(N - 1, X1, [C | Acc]).

count_utf8(<<_/utf8, Rest/binary>>, N) -> count_utf8(Rest, N + 1);
count_utf8(<<>>, N) -> N.
