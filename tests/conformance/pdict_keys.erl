-module(pdict_keys).
-export([main/0]).

%% sorted with an exact tie-break (1 and 1.0 compare equal in term order)
mine() -> [K || {K, _} <- lists:sort([{K, term_to_binary(K)} || K <- get_keys(), not (is_atom(K) andalso hd(atom_to_list(K)) =:= $$)])].

main() ->
    Keys = [1, -1, 1.0, a, "a", <<"a">>, {a}, [a], #{a => 1}, 1 bsl 70, 'A', {}, []],
    [put(K, {val, K}) || K <- Keys],
    io:format("all keys sorted: ~p~n", [mine()]),
    io:format("int vs float keys distinct: ~p ~p~n", [get(1), get(1.0)]),
    io:format("map key: ~p~n", [get(#{a => 1})]),
    io:format("bignum key: ~p~n", [get(1 bsl 70)]),
    io:format("erase float: ~p then int still ~p~n", [erase(1.0), get(1)]),
    [put(K, same) || K <- [x1, x2, x3]],
    io:format("get_keys same: ~p~n", [lists:sort(get_keys(same))]),
    io:format("get_keys none: ~p~n", [get_keys(no_such_value)]),
    Old = put(a, new_val),
    io:format("put returns old: ~p~n", [Old]),
    lists:foreach(fun(I) -> put(counter, case get(counter) of undefined -> I; C -> C + I end) end, lists:seq(1, 1000)),
    io:format("counter: ~p~n", [get(counter)]),
    [erase(K) || K <- mine()],
    io:format("after erasing all mine: ~p~n", [mine()]),
    [put(I, I) || I <- lists:seq(1, 5000)],
    io:format("5000 keys: ~p sum ~p~n", [length(mine()), lists:sum([get(I) || I <- lists:seq(1, 5000)])]),
    [erase(I) || I <- lists:seq(1, 5000, 2)],
    io:format("after erase odd: ~p first ~p~n", [length(mine()), hd(mine())]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("put returns undefined for new", fun() -> put({extra, 1}, x) end),
    extra_t("erase/1 returns value", fun() -> erase({extra, 1}) end),
    ok.
