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
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("compressed roundtrip big list", fun() -> L = lists:seq(1, 5000), binary_to_term(term_to_binary(L, [compressed])) =:= L end),
    extra_t("compressed smaller", fun() -> B = binary:copy(<<"z">>, 10000), byte_size(term_to_binary(B, [compressed])) < 200 end),
    extra_t("compressed header", fun() -> binary:part(term_to_binary(binary:copy(<<"z">>, 10000), [compressed]), 0, 6) end),
    extra_t("compressed + minor 0", fun() -> binary_to_term(term_to_binary(lists:duplicate(100, 1.5), [compressed, {minor_version, 0}])) =:= lists:duplicate(100, 1.5) end),
    extra_t("compressed deterministic", fun() -> M = maps:from_list([{I, I} || I <- lists:seq(1, 100)]), binary_to_term(term_to_binary(M, [compressed, deterministic])) =:= M end),
    extra_t("decompress truncated", fun() -> B = term_to_binary(binary:copy(<<"z">>, 10000), [compressed]), binary_to_term(binary:part(B, 0, byte_size(B) - 3)) end),
    ok.
