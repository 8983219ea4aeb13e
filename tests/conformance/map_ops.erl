-module(map_ops).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    M = #{a => 1, b => 2, c => 3},
    t("merge", fun() -> maps:merge(M, #{c => 30, d => 4}) end),
    t("merge empty", fun() -> maps:merge(#{}, M) end),
    t("merge_with", fun() -> maps:merge_with(fun(_K, V1, V2) -> V1 + V2 end, M, #{c => 30, d => 4}) end),
    t("with", fun() -> maps:with([a, c, z], M) end),
    t("without", fun() -> maps:without([a, z], M) end),
    t("update_with", fun() -> maps:update_with(a, fun(V) -> V + 100 end, M) end),
    t("update_with missing", fun() -> maps:update_with(z, fun(V) -> V + 100 end, M) end),
    t("update_with init", fun() -> maps:update_with(z, fun(V) -> V + 100 end, 0, M) end),
    t("update missing", fun() -> maps:update(z, 1, M) end),
    t("get missing", fun() -> maps:get(id(z), M) end),
    t("get non-map", fun() -> maps:get(a, id([a])) end),
    t("intersect", fun() -> maps:intersect(M, #{a => x, c => y, q => z}) end),
    t("intersect_with", fun() -> maps:intersect_with(fun(K, V1, V2) -> {K, V1, V2} end, M, #{b => bb}) end),
    t("from_list dup", fun() -> maps:from_list([{k, 1}, {k, 2}]) end),
    t("from_list bad", fun() -> maps:from_list([{k, 1}, bad]) end),
    t("merge non-map", fun() -> maps:merge(M, [1]) end),
    t("size non-map", fun() -> map_size(element(1, {x})) end),
    t("maps:size", fun() -> maps:size(M) end),
    t("maps:to_list non-map", fun() -> maps:to_list(x) end),
    t("remove non-map", fun() -> maps:remove(a, 1) end),
    t("with non-list", fun() -> maps:with(a, M) end),
    t("large merge", fun() ->
        A = maps:from_list([{I, a} || I <- lists:seq(1, 30)]),
        B = maps:from_list([{I, b} || I <- lists:seq(20, 50)]),
        maps:merge(A, B)
    end),
    t("large with", fun() -> maps:with([5, 10, 45, 99], maps:from_list([{I, I} || I <- lists:seq(1, 50)])) end),
    ok.
