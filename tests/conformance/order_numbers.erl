-module(order_numbers).
-export([main/0]).

main() ->
    Nums = [3, -2, 2.5, 1 bsl 65, -(1 bsl 65), 0, 0.0, -0.0, 1.0e300, -1.0e300, 7, 7.0, 6.999999,
            float(1 bsl 65), (1 bsl 65) + 1, 1.0e-300, -1, -1.0, 18446744073709551615, 1.8446744073709552e19],
    S = lists:sort(Nums),
    io:format("sorted: ~w~n", [S]),
    io:format("rsorted: ~w~n", [lists:reverse(lists:sort(fun(A, B) -> A =< B end, Nums))]),
    io:format("usort: ~w~n", [lists:usort(Nums)]),
    io:format("max: ~w min: ~w~n", [lists:max(Nums), lists:min(Nums)]),
    io:format("erlang:max int/float eq: ~w ~w~n", [max(7, 7.0), max(7.0, 7)]),
    io:format("erlang:min int/float eq: ~w ~w~n", [min(7, 7.0), min(7.0, 7)]),
    io:format("pairwise:~n"),
    Small = [-1, -0.0, 0, 0.5, 1, 1.0, 1 bsl 65],
    lists:foreach(fun(A) ->
        io:format("  ~w:", [A]),
        lists:foreach(fun(B) ->
            io:format(" ~s", [if A < B -> "<"; A > B -> ">"; A =:= B -> "="; true -> "~" end])
        end, Small),
        io:format("~n")
    end, Small),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("sort negative floats", fun() -> lists:sort([-0.5, -1, -1.5, -0.0, -2]) end),
    extra_t("sort bignums", fun() -> lists:sort([1 bsl 100, -(1 bsl 100), 1 bsl 99, -(1 bsl 99), 0]) end),
    extra_t("sort close floats", fun() -> lists:sort([1.0000000000000002, 1.0, 0.9999999999999999, 1]) end),
    extra_t("usort close floats", fun() -> lists:usort([1.0000000000000002, 1.0, 0.9999999999999999, 1]) end),
    extra_t("compare inf-like", fun() -> [1.7976931348623157e308 < (1 bsl 1025), -1.7976931348623157e308 > -(1 bsl 1025)] end),
    extra_t("number < atom always", fun() -> [X < a || X <- [1 bsl 2000, 1.7976931348623157e308]] end),
    ok.
