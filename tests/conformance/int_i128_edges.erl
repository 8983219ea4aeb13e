-module(int_i128_edges).
-export([main/0]).

%% Integer arithmetic around the edges Enigma's fast lanes care about: the 60-bit small
%% range, 64 bits, and the 128-bit range that is computed without the bignum library
%% (2^127 itself and beyond go to the library). Every operator on every pair.

edges() ->
    Bases = [0, 1, 7, 1 bsl 59, 1 bsl 60, 1 bsl 63, 1 bsl 64, 1 bsl 126, 1 bsl 127,
             1 bsl 128, 16#FFFFFFFFFFFFFFFF, 1103515245 * 16#7FFFFFFF],
    lists:usort(lists:append([[B, B - 1, -B, -B + 1, -B - 1] || B <- Bases])).

ops() ->
    [{'+', fun erlang:'+'/2}, {'-', fun erlang:'-'/2}, {'*', fun erlang:'*'/2},
     {'div', fun erlang:'div'/2}, {'rem', fun erlang:'rem'/2},
     {'band', fun erlang:'band'/2}, {'bor', fun erlang:'bor'/2},
     {'bxor', fun erlang:'bxor'/2}].

apply_op(F, A, B) ->
    try F(A, B) catch error:E -> E end.

main() ->
    Es = edges(),
    io:format("~p edge values~n", [length(Es)]),
    lists:foreach(
      fun({Name, F}) ->
              Rs = [apply_op(F, A, B) || A <- Es, B <- Es],
              io:format("~s ~p~n", [Name, Rs])
      end, ops()),
    %% The LCG step of the parallel benchmark, a few thousand times.
    io:format("lcg ~p~n", [lcg(5000, 1, 0)]).

lcg(0, _X, Acc) -> Acc;
lcg(N, X, Acc) ->
    X1 = (X * 1103515245 + 12345) band 16#7FFFFFFF,
    lcg(N - 1, X1, (Acc + (X1 bsr 7) rem 1000) band 16#FFFFFFF).
