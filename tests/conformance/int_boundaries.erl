-module(int_boundaries).
-export([main/0]).

id(X) -> X.

main() ->
    Edges = [(1 bsl 27) - 1, 1 bsl 27, (1 bsl 31) - 1, 1 bsl 31, (1 bsl 32) - 1, 1 bsl 32,
             (1 bsl 59) - 1, 1 bsl 59, (1 bsl 60) - 1, 1 bsl 60, (1 bsl 63) - 1, 1 bsl 63,
             (1 bsl 64) - 1, 1 bsl 64, (1 bsl 127) - 1, 1 bsl 128],
    lists:foreach(fun(E0) ->
        E = id(E0), N = -E,
        io:format("~w: +1=~w -1=~w *2=~w *-1=~w sq=~w~n", [E, E + 1, E - 1, E * 2, E * -1, E * E]),
        io:format("  neg ~w: -1=~w +1=~w *2=~w div2=~w rem3=~w bnot=~w~n", [N, N - 1, N + 1, N * 2, N div 2, N rem 3, bnot N]),
        io:format("  cmp: ~w ~w ~w~n", [E > N, E + 1 > E, (E + 1) - 1 =:= E])
    end, Edges),
    io:format("sum across boundary: ~w~n", [lists:sum([id(1 bsl 59) || _ <- lists:seq(1, 10)])]),
    io:format("product down: ~w~n", [(id(1 bsl 70) div id(1 bsl 20)) * id(3)]),
    io:format("big minus big to small: ~w ~w~n", [id((1 bsl 80) + 5) - id(1 bsl 80), is_integer(id((1 bsl 80) + 5) - id(1 bsl 80))]),
    io:format("abs min: ~w~n", [abs(id(-(1 bsl 59)))]),
    io:format("t2b edges: ~w~n", [[term_to_binary(X) || X <- [(1 bsl 31) - 1, 1 bsl 31, -(1 bsl 31), -(1 bsl 31) - 1]]]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("float of boundaries", fun() -> [float(X) || X <- [(1 bsl 59) - 1, 1 bsl 63, 1 bsl 64]] end),
    extra_t("div by -1", fun() -> [extra_id(X) div -1 || X <- [-(1 bsl 59), -(1 bsl 63), -(1 bsl 64)]] end),
    extra_t("rem by big", fun() -> [extra_id(X) rem (1 bsl 64) || X <- [(1 bsl 64) + 5, -(1 bsl 64) - 5, 7]] end),
    extra_t("mult small*small -> big", fun() -> extra_id((1 bsl 40)) * extra_id((1 bsl 40)) end),
    extra_t("neg mult -> big", fun() -> extra_id(-(1 bsl 40)) * extra_id((1 bsl 40)) end),
    extra_t("integer_to_list boundaries", fun() -> [integer_to_list(X) || X <- [(1 bsl 59) - 1, -(1 bsl 59), 1 bsl 59]] end),
    extra_t("list_to_integer boundaries", fun() -> [list_to_integer(S) || S <- ["576460752303423487", "576460752303423488", "-576460752303423488", "-576460752303423489"]] end),
    extra_t("phash2 boundaries", fun() -> [erlang:phash2(X) || X <- [(1 bsl 59) - 1, 1 bsl 59, -(1 bsl 59), -(1 bsl 59) - 1]] end),
    extra_t("compare boundaries", fun() -> lists:sort([1 bsl 59, (1 bsl 59) - 1, -(1 bsl 59), -(1 bsl 59) - 1, 1 bsl 64]) end),
    ok.
