-module(bin_construct_errors).
-export([main/0]).

id(X) -> X.
st(ST) -> [F || F = {M, _, _, _} <- ST, M =/= erl_eval, M =/= init].

show(Name, F) ->
    try F() of
        V -> io:format("~s: ~p~n", [Name, V])
    catch
        C:R:S -> io:format("~s: ~p:~p~n  ~p~n", [Name, C, R, st(S)])
    end.

main() ->
    show("int from atom", fun() -> <<(id(a)):8>> end),
    show("int from float", fun() -> <<(id(1.0)):8>> end),
    show("float from atom", fun() -> <<(id(a)):64/float>> end),
    show("binary from list", fun() -> <<(id([1, 2]))/binary>> end),
    show("binary unaligned", fun() -> <<(id(<<1:4>>))/binary>> end),
    show("binary too short for size", fun() -> <<(id(<<1, 2>>)):3/binary>> end),
    show("negative size", fun() -> <<(id(1)):(id(-8))>> end),
    show("atom size", fun() -> <<(id(1)):(id(x))>> end),
    show("utf8 out of range", fun() -> <<(id(16#110000))/utf8>> end),
    show("utf16 surrogate", fun() -> <<(id(16#dfff))/utf16>> end),
    show("bad float size", fun() -> <<(id(1.0)):(id(8))/float>> end),
    show("bits from int", fun() -> <<(id(5))/bits>> end),
    show("ok large size", fun() -> bit_size(<<(id(0)):(id(100000))>>) end),
    show("ok int truncation", fun() -> <<(id(16#1FF)):8>> end),
    show("ok neg truncation", fun() -> <<(id(-1)):12>> end),
    ok.
