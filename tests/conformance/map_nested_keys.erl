-module(map_nested_keys).
-export([main/0]).

main() ->
    K1 = #{a => 1}, K2 = #{a => 1, b => 2}, K3 = #{},
    M = #{K1 => one, K2 => two, K3 => empty, [K1] => inlist, {K2} => intuple},
    io:format("maps as keys: ~p~n", [M]),
    io:format("get map key: ~p~n", [maps:get(#{a => 1}, M)]),
    io:format("get empty map key: ~p~n", [maps:get(#{}, M)]),
    io:format("match map key: ~p~n", [case M of #{#{a => 1, b => 2} := V} -> V end]),
    io:format("keys sorted: ~p~n", [lists:sort(maps:keys(M))]),
    io:format("map ordering: ~p~n", [lists:sort([#{b => 1}, #{a => 2}, #{a => 1, b => 1}, #{}, #{c => 0},
                                                 #{a => 1.0}, #{1 => a}, #{a => 1}])]),
    Deep = lists:foldl(fun(I, Acc) -> #{I => Acc} end, leaf, lists:seq(1, 10)),
    io:format("deep: ~p~n", [Deep]),
    io:format("deep w: ~w~n", [Deep]),
    Upd = update_path([10, 9, 8], Deep, changed),
    io:format("deep updated: ~P~n", [Upd, 6]),
    io:format("float int keys: ~p~n", [#{1 => a, 1.0 => b, 2 => c, 0.5 => d}]),
    io:format("large map as key: ~w~n", [maps:get(maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
                                                  #{maps:from_list([{I, I} || I <- lists:seq(1, 40)]) => found})]),
    extra(),
    ok.

update_path([K], M, V) -> M#{K := V};
update_path([K | Ks], M, V) -> M#{K := update_path(Ks, maps:get(K, M), V)}.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("list keys", fun() -> maps:to_list(#{[1] => a, [] => b, [0, 1] => c, "ab" => d}) end),
    extra_t("tuple keys", fun() -> maps:to_list(#{{} => a, {1} => b, {0, 0} => c, {a} => d}) end),
    extra_t("binary keys", fun() -> maps:to_list(#{<<>> => a, <<0>> => b, <<1:1>> => c, <<"a">> => d}) end),
    extra_t("number keys mixed", fun() -> maps:to_list(#{2 => a, 1.5 => b, -1 => c, 1 bsl 70 => d, 1.0 => e, 1 => f}) end),
    extra_t("get with float key", fun() -> {maps:find(1, #{1.0 => x}), maps:find(1.0, #{1.0 => x})} end),
    ok.
