-module(etf_basic).
-export([main/0]).

main() ->
    Terms = [0, 1, 255, 256, -1, -256, 1 bsl 27, (1 bsl 31) - 1, 1 bsl 31, -(1 bsl 31), -(1 bsl 31) - 1,
             1 bsl 32, 1 bsl 64, -(1 bsl 64), 1 bsl 2040, 1 bsl 2048,
             a, '', abc, true, 'caf\x{e9}', '\x{3bb}\x{3bc}', list_to_atom(lists:duplicate(255, $z)),
             [], [1, 2, 3], "abc", [1000, 2000], [a, b], [a | b], "é", lists:seq(1, 300),
             {}, {a}, {a, b, c}, list_to_tuple(lists:seq(1, 256)),
             <<>>, <<1, 2, 3>>, <<1:3>>, <<255, 7:4>>,
             #{}, #{a => 1}, #{1 => [], "k" => <<>>},
             fun lists:map/2, {[], {[]}, [{}]}],
    lists:foreach(fun(T) ->
        B = term_to_binary(T),
        RT = binary_to_term(B),
        io:format("~P~n  size=~w rt=~w~n  ~w~n", [T, 12, byte_size(B), RT =:= T, trunc_bin(B)])
    end, Terms),
    io:format("external_size: ~w~n", [[erlang:external_size(T) || T <- [a, 1, [1, 2], <<"xyz">>, {1, 2}]]]),
    extra(),
    ok.

trunc_bin(B) when byte_size(B) > 80 -> {binary:part(B, 0, 60), '...', byte_size(B)};
trunc_bin(B) -> B.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("small int boundaries", fun() -> [term_to_binary(X) || X <- [0, 255, 256, -1]] end),
    extra_t("list of small ints as string", fun() -> term_to_binary([1, 2, 255]) end),
    extra_t("nested empty", fun() -> term_to_binary({[], {}, <<>>, #{}}) end),
    extra_t("binary_to_term list", fun() -> binary_to_term(<<131, 108, 0, 0, 0, 1, 97, 7, 106>>) end),
    extra_t("binary_to_term improper", fun() -> binary_to_term(<<131, 108, 0, 0, 0, 1, 97, 7, 97, 8>>) end),
    extra_t("binary_to_term large tuple", fun() -> binary_to_term(<<131, 105, 0, 0, 0, 2, 97, 1, 97, 2>>) end),
    extra_t("binary_to_term large big", fun() -> binary_to_term(<<131, 111, 0, 0, 0, 1, 0, 200>>) end),
    extra_t("negative zero big", fun() -> binary_to_term(<<131, 110, 1, 1, 0>>) end),
    ok.
