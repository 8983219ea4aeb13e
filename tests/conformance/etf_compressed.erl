-module(etf_compressed).
-export([main/0]).

main() ->
    Terms = [a, lists:seq(1, 10), lists:duplicate(200, $x), binary:copy(<<"abc">>, 100),
             {lists:seq(1, 50), lists:duplicate(50, hello)}, list_to_tuple(lists:duplicate(100, 0))],
    lists:foreach(fun(T) ->
        Plain = term_to_binary(T),
        lists:foreach(fun(Opt) ->
            C = term_to_binary(T, [Opt]),
            io:format("~P ~w: plain=~w size=~w compressed_tag=~w rt=~w~n",
                      [T, 4, Opt, byte_size(Plain), byte_size(C), binary:at(C, 1) =:= 80, binary_to_term(C) =:= T])
        end, [compressed, {compressed, 0}, {compressed, 1}, {compressed, 6}, {compressed, 9}])
    end, Terms),
    C6 = term_to_binary(lists:duplicate(200, $x), [compressed]),
    io:format("compressed bytes: ~w~n", [C6]),
    C1 = term_to_binary(binary:copy(<<"abc">>, 100), [{compressed, 1}]),
    io:format("compressed level 1 bytes: ~w~n", [C1]),
    io:format("uncompressed size field: ~w~n", [binary:part(C6, 2, 4)]),
    io:format("bad level: ~p~n", [try term_to_binary(a, [{compressed, 10}]) catch C:E -> {C, E} end]),
    Hand = <<131, 80, 0, 0, 0, 5, 120, 156, 203, 97, 96, 96, 96, 4, 0, 0, 155, 0, 36>>,
    io:format("decode hand-made: ~p~n", [try binary_to_term(Hand) catch C2:E2 -> {C2, E2} end]),
    ok.
