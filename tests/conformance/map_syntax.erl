-module(map_syntax).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

get_a(#{a := A}) -> {has_a, A};
get_a(#{}) -> no_a;
get_a(_) -> not_map.

both(#{x := X, y := Y}) when X > Y -> {x_bigger, X - Y};
both(#{x := X, y := Y}) -> {y_bigger_or_eq, Y - X}.

main() ->
    M = id(#{a => 1, b => 2}),
    t("update =>", fun() -> M#{a => 10, c => 3} end),
    t("update :=", fun() -> M#{a := 10} end),
    t("update := missing", fun() -> M#{z := 10} end),
    t("update non-map", fun() -> (id(notmap))#{a => 1} end),
    t("update := non-map", fun() -> (id([]))#{a := 1} end),
    t("match a", fun() -> get_a(M) end),
    t("match no a", fun() -> get_a(id(#{b => 1})) end),
    t("match not map", fun() -> get_a(id(5)) end),
    t("guards", fun() -> [both(id(#{x => 5, y => 2})), both(id(#{x => 1, y => 2, z => 3}))] end),
    t("match in =", fun() -> #{b := B} = M, B end),
    t("match fail", fun() -> #{z := Z} = M, Z end),
    t("key variable", fun() -> K = id(b), #{K := V} = M, V end),
    t("case map", fun() -> case M of #{a := 1, b := X} -> {matched, X}; _ -> nope end end),
    t("empty pattern", fun() -> case id(#{q => 1}) of #{} -> any_map end end),
    t("nested update", fun() -> N = id(#{in => #{v => 1}}), #{in := In} = N, N#{in := In#{v := 2, w => 3}} end),
    t("literal key types", fun() -> #{1 := One, "s" := S, {t} := T} = id(#{1 => a, "s" => b, {t} => c}), {One, S, T} end),
    t("map in fun head", fun() -> F = fun(#{k := V}) -> V; (_) -> none end, {F(#{k => 1}), F(#{})} end),
    t("is_map_key guard", fun() -> [X || X <- [#{a => 1}, #{b => 1}, 3], is_map(X), is_map_key(a, X)] end),
    t("map_size guard", fun() -> [X || X <- [#{}, #{a => 1}, #{a => 1, b => 2}], map_size(X) > 0] end),
    t("update many", fun() -> lists:foldl(fun(I, Acc) -> Acc#{I => I} end, id(#{"a" => 1, <<"b">> => 2}), lists:seq(1, 40)) end),
    t("update many atoms sorted", fun() -> lists:sort(maps:to_list(lists:foldl(fun(I, Acc) -> Acc#{I => I} end, M, lists:seq(1, 40)))) end),
    ok.
