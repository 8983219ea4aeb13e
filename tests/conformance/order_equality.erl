-module(order_equality).
-export([main/0]).

id(X) -> X.

main() ->
    Pairs = [{1, 1.0}, {1, 1}, {0, -0.0}, {0.0, -0.0}, {[1], [1.0]}, {{1, a}, {1.0, a}},
             {#{1 => a}, #{1.0 => a}}, {#{a => 1}, #{a => 1.0}}, {<<1>>, <<1>>}, {<<1>>, [1]},
             {"a", <<"a">>}, {a, "a"}, {[], <<>>}, {1 bsl 64, float(1 bsl 64)},
             {(1 bsl 64) + 1, float(1 bsl 64)}, {[1 | 2], [1 | 2.0]}, {{}, {}}, {#{}, #{}}],
    lists:foreach(fun({A0, B0}) ->
        A = id(A0), B = id(B0),
        io:format("~w vs ~w: == ~w /= ~w =:= ~w =/= ~w < ~w =< ~w~n",
                  [A, B, A == B, A /= B, A =:= B, A =/= B, A < B, A =< B])
    end, Pairs),
    io:format("lists:member ==? ~w~n", [lists:member(id(1.0), [1])]),
    io:format("match int float: ~w~n", [case id(1.0) of 1 -> int; _ -> other end]),
    io:format("map key exact: ~w~n", [maps:find(id(1.0), #{1 => x})]),
    io:format("usort keeps first equal: ~w~n", [lists:usort([1.0, 1, 2, 2.0])]),
    io:format("sort stable equal: ~w~n", [lists:sort([1.0, 1, 1.0, 1])]),
    io:format("ukeysort: ~w~n", [lists:ukeysort(1, [{1, a}, {1.0, b}])]),
    io:format("lists:delete uses =:=: ~w~n", [lists:delete(1, [1.0, 1])]),
    io:format("-- uses =:=: ~w~n", [[1.0, 1] -- [1]]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("map == with float values", fun() -> [#{a => 1} == #{a => 1.0}, #{a => 1} =:= #{a => 1.0}] end),
    extra_t("map keys exact in ==", fun() -> [#{1 => a} == #{1.0 => a}] end),
    extra_t("nested == vs =:=", fun() -> [{[1, {2}]} == {[1.0, {2.0}]}, {[1, {2}]} =:= {[1.0, {2.0}]}] end),
    extra_t("binary vs bitstring eq", fun() -> [<<1:8>> == <<1>>, <<1:7>> == <<1:8>>] end),
    extra_t("lists:keymember ==", fun() -> lists:keymember(1.0, 1, [{1, a}]) end),
    extra_t("lists:member =:=", fun() -> lists:member(1.0, [1]) end),
    ok.
