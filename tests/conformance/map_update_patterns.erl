-module(map_update_patterns).
-export([main/0]).

id(X) -> X.

inc(K, M) -> case M of #{K := V} -> M#{K := V + 1}; _ -> M#{K => 1} end.

route(#{method := get, path := P}) -> {read, P};
route(#{method := post, path := P, body := B}) when byte_size(B) > 0 -> {write, P, B};
route(#{method := post}) -> bad_post;
route(#{}) -> unknown.

deep_put([K], V, M) -> M#{K => V};
deep_put([K | Ks], V, M) -> M#{K => deep_put(Ks, V, maps:get(K, M, #{}))}.

main() ->
    Counts = lists:foldl(fun inc/2, #{}, id([a, b, a, c, a, b, "s", 1, 1.0, 1])),
    io:format("counts: ~p~n", [Counts]),
    Reqs = [#{method => get, path => "/"}, #{method => post, path => "/x", body => <<"data">>},
            #{method => post, path => "/y", body => <<>>}, #{method => put}, #{}],
    io:format("routes: ~p~n", [[route(R) || R <- Reqs]]),
    D = lists:foldl(fun({Path, V}, M) -> deep_put(Path, V, M) end, #{},
                    [{[a, b, c], 1}, {[a, b, d], 2}, {[a, e], 3}, {[f], 4}]),
    io:format("deep: ~p~n", [D]),
    K = id(key),
    M1 = #{K => 1, {K} => 2},
    io:format("var keys: ~p~n", [M1]),
    #{K := V1, {K} := V2} = M1,
    io:format("match var keys: ~p ~p~n", [V1, V2]),
    M2 = (id(#{a => 1}))#{a := 2, b => 3},
    io:format("mixed update: ~p~n", [M2]),
    M3 = M2#{a => M2},
    io:format("self nested: ~p~n", [M3]),
    io:format("same value update: ~p~n", [(id(#{a => 1}))#{a := 1} =:= #{a => 1}]),
    io:format("update in comprehension: ~p~n", [[M#{seen => true} || M <- [#{id => 1}, #{id => 2}]]]),
    ok.
