-module(int_bignum_algorithms).
-export([main/0]).

gcd(A, 0) -> abs(A);
gcd(A, B) -> gcd(B, A rem B).

modpow(_, 0, _) -> 1;
modpow(B, E, M) when E rem 2 =:= 0 -> H = modpow(B, E div 2, M), (H * H) rem M;
modpow(B, E, M) -> (B * modpow(B, E - 1, M)) rem M.

isqrt(0) -> 0;
isqrt(N) -> isqrt(N, N).
isqrt(N, X) ->
    Y = (X + N div X) div 2,
    if Y >= X -> X; true -> isqrt(N, Y) end.

digits_sum(0, Acc) -> Acc;
digits_sum(N, Acc) -> digits_sum(N div 10, Acc + N rem 10).

popcount(0, Acc) -> Acc;
popcount(N, Acc) -> popcount(N bsr 1, Acc + (N band 1)).

pow(_, 0) -> 1;
pow(B, E) -> B * pow(B, E - 1).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

main() ->
    F50 = fact(50), F40 = fact(40),
    io:format("gcd(50!, 40!) == 40!: ~p~n", [gcd(F50, F40) =:= F40]),
    io:format("gcd big coprime: ~p~n", [gcd(pow(2, 200) + 1, pow(3, 120))]),
    io:format("gcd neg: ~p~n", [gcd(-pow(6, 40), pow(4, 30))]),
    P = pow(2, 127) - 1,
    io:format("mersenne 127: ~p~n", [P]),
    io:format("fermat test 2^(p-1) mod p: ~p~n", [modpow(2, P - 1, P)]),
    io:format("modpow 3^1000 mod 10^20: ~p~n", [modpow(3, 1000, pow(10, 20))]),
    io:format("isqrt 10^50: ~p~n", [isqrt(pow(10, 50))]),
    io:format("isqrt 2*10^60: ~p~n", [isqrt(2 * pow(10, 60))]),
    io:format("digit sum 2^1000: ~p~n", [digits_sum(pow(2, 1000), 0)]),
    io:format("digit sum 100!: ~p~n", [digits_sum(fact(100), 0)]),
    io:format("popcount 3^300: ~p~n", [popcount(pow(3, 300), 0)]),
    io:format("popcount 2^500-1: ~p~n", [popcount(pow(2, 500) - 1, 0)]),
    io:format("binomial 100 50: ~p~n", [fact(100) div (fact(50) * fact(50))]),
    io:format("catalan 60: ~p~n", [fact(120) div (fact(61) * fact(60))]),
    io:format("big pow mixed signs: ~p~n", [pow(-7, 77)]),
    io:format("big rem chain: ~p~n", [[pow(10, 30) rem M || M <- [7, 97, 65537, pow(2, 61) - 1, -13]]]),
    io:format("big div chain: ~p~n", [[pow(10, 30) div M || M <- [7, -97, pow(2, 61) - 1]]]),
    io:format("integer_to_list 36 of 100!: ~s~n", [integer_to_list(fact(100), 36)]),
    io:format("list_to_integer back: ~p~n", [list_to_integer(integer_to_list(fact(100), 36), 36) =:= fact(100)]),
    ok.
