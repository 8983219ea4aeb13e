-module(etf_nested_structures).
-export([main/0]).

show(L, T) ->
    B = term_to_binary(T),
    io:format("~s: size=~w rt=~w head=~w~n", [L, byte_size(B), binary_to_term(B) =:= T, binary:part(B, 0, min(12, byte_size(B)))]).

main() ->
    show("string 65535", lists:duplicate(65535, $a)),
    show("string 65536", lists:duplicate(65536, $a)),
    show("list with 256", [1, 256]),
    show("list of chars and 300", "ab" ++ [300]),
    show("empty string", ""),
    show("improper string", [$a, $b | $c]),
    show("list of lists", [[1], [2, [3]], []]),
    show("map in list", [#{a => [1, 2]}, #{}]),
    show("tuple arity 255", list_to_tuple(lists:seq(1, 255))),
    show("tuple arity 256", list_to_tuple(lists:seq(1, 256))),
    show("binary 0", <<>>),
    show("bitstring 1 bit", <<1:1>>),
    show("bitstring 9 bits", <<1, 1:1>>),
    show("deep tuple", lists:foldl(fun(I, A) -> {I, A} end, nil, lists:seq(1, 50))),
    show("float in list", [1.5, -0.0, 1.0e300]),
    show("pid-free mixed", {a, "b", <<"c">>, [d], #{e => f}, 1 bsl 70, 2.5}),
    io:format("full bytes: ~w~n", [term_to_binary({[1, 256], "ab", [$a | b], <<1:1>>})]),
    io:format("full bytes map: ~w~n", [term_to_binary(#{[1] => {}, <<>> => [], 3 => 3.0})]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("string ext decode", fun() -> binary_to_term(<<131, 107, 0, 0>>) end),
    extra_t("list ext with nil elements", fun() -> term_to_binary([[], [], []]) end),
    extra_t("nested maps bytes", fun() -> term_to_binary(#{a => #{b => #{}}}) end),
    extra_t("tuple of binaries bytes", fun() -> term_to_binary({<<1>>, <<1:1>>, <<>>}) end),
    ok.
