%% erts_debug:flat_size/1 (words as if nothing were shared, BEAM's size_object) and
%% erts_debug:size/1 (shared subterms counted once) for every kind of term, in BEAM's
%% words: immediates, lists, tuples, floats, bignums, heap, refc and sub-binaries, flat and
%% large maps, funs, and terms that share parts.
-module(gc_term_size).
-export([main/0]).

id(X) -> X.

both(Label, T) ->
    io:format("~s: ~w ~w~n", [Label, erts_debug:flat_size(T), erts_debug:size(T)]).

main() ->
    Big = binary:copy(<<"0123456789">>, 10),
    <<_:3, Odd:10/binary, _/bits>> = id(Big),
    <<_:8, Aligned:70/binary, _/binary>> = id(Big),
    <<_:1, Bits:13/bits, _/bits>> = id(<<"abcdef">>),
    X = id(5),
    Y = id({pair, X}),
    Terms = [{"small", 1}, {"neg small", -7}, {"atom", abc}, {"nil", []}, {"pid", self()},
             {"empty tuple", {}}, {"pair", {1, 2}}, {"tuple of tuples", {{}, {{}}, {a, {b}}}},
             {"list", [1, 2, 3]}, {"string", "hello"}, {"improper", [1 | 2]},
             {"nested list", [[1], [[2]], [[[3]]]]},
             {"float", 1.5}, {"floats", [0.0, -1.0, 1.0e300]},
             {"big 2^59", 1 bsl 59}, {"big 2^63", 1 bsl 63}, {"big 2^64", 1 bsl 64},
             {"big 2^64-1", 1 bsl 64 - 1}, {"big 2^128", 1 bsl 128}, {"neg big", -(1 bsl 100)},
             {"big 2^1000", 1 bsl 1000},
             {"empty bin", <<>>}, {"bin 3", <<"abc">>}, {"bin 8", <<"12345678">>},
             {"bin 9", <<"123456789">>}, {"bin 64", binary:copy(<<"x">>, 64)},
             {"bin 65", binary:copy(<<"x">>, 65)}, {"refc", Big}, {"part", binary:part(Big, 1, 70)},
             {"aligned sub", Aligned}, {"odd sub", Odd}, {"bits", Bits}, {"bits 3", <<1:3>>},
             {"bits 12", <<1, 2:4>>}, {"refc + bits", <<Big/binary, 1:1>>},
             {"empty map", #{}}, {"map 1", #{a => 1}}, {"map 3", #{a => 1, b => [x], c => {y}}},
             {"map 32", maps:from_list([{I, I} || I <- lists:seq(1, 32)])},
             {"map 33", maps:from_list([{I, I} || I <- lists:seq(1, 33)])},
             {"map 100", maps:from_list([{I, [I]} || I <- lists:seq(1, 100)])},
             {"map 300", maps:from_list([{integer_to_binary(I), I} || I <- lists:seq(1, 300)])},
             {"map keys", #{{a, b} => "x", <<"k">> => 1.0}},
             {"fun 0", fun() -> ok end}, {"fun 1", fun() -> X end},
             {"fun 2", fun(A) -> {A, X, Y} end}, {"fun big env", fun() -> {Big, Y, Odd} end},
             {"export fun", fun lists:map/2},
             {"ref", make_ref()}, {"mixed", {Big, [1.5, <<"a">>], #{k => Y}, fun() -> Y end}}],
    [both(L, T) || {L, T} <- Terms],
    %% Sharing: size/1 counts a shared subterm once, flat_size/1 every time.
    A = id([a, b]),
    both("shared list", [A, A]),
    both("shared tuple", {Y, Y, Y, [Y | Y]}),
    both("shared binary", [Big, Big, Odd, Odd]),
    both("shared float", erlang:make_tuple(10, id(2.5))),
    both("shared bignum", [id(1 bsl 100) || _ <- [1]] ++ lists:duplicate(5, id(1 bsl 100))),
    Doubled = lists:foldl(fun(_, Acc) -> {Acc, Acc} end, leaf, lists:seq(1, 16)),
    both("doubled", Doubled),
    M = maps:from_list([{I, Y} || I <- lists:seq(1, 50)]),
    both("map shared values", M),
    both("map twice", {M, M}),
    both("fun shared env", {fun() -> {Y, Y} end, Y}),
    Long = lists:seq(1, 3000),
    both("long list", Long),
    both("long twice", [Long, Long]),
    ok.
