-module(int_div_rem).
-export([main/0]).

id(X) -> X.

main() ->
    Nums = [0, 1, -1, 7, -7, 100, -100, 12345678901234567890, -12345678901234567890,
            1 bsl 64, -(1 bsl 64), (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 59],
    Divs = [1, -1, 2, -2, 3, -3, 7, -7, 1 bsl 32, -(1 bsl 32), 1 bsl 70, -(1 bsl 70),
            99999999999999999999],
    lists:foreach(fun(N) ->
        lists:foreach(fun(D) ->
            Q = id(N) div id(D),
            R = id(N) rem id(D),
            Check = Q * D + R =:= N,
            io:format("~w div ~w = ~w; rem = ~w; ok=~w~n", [N, D, Q, R, Check])
        end, Divs)
    end, Nums),
    Zero = fun(Op) -> try Op() catch C:E -> {C, E} end end,
    io:format("div 0: ~p~n", [Zero(fun() -> id(5) div id(0) end)]),
    io:format("rem 0: ~p~n", [Zero(fun() -> id(5) rem id(0) end)]),
    io:format("big div 0: ~p~n", [Zero(fun() -> id(1 bsl 80) div id(0) end)]),
    io:format("/ 0: ~p~n", [Zero(fun() -> id(5) / id(0) end)]),
    io:format("div float: ~p~n", [Zero(fun() -> id(5.0) div id(2) end)]),
    io:format("rem float: ~p~n", [Zero(fun() -> id(5) rem id(2.0) end)]),
    io:format("div atom: ~p~n", [Zero(fun() -> id(a) div id(2) end)]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("rem sign follows dividend", fun() -> [X rem Y || X <- [7, -7], Y <- [3, -3]] end),
    extra_t("div truncates", fun() -> [X div Y || X <- [7, -7], Y <- [3, -3]] end),
    extra_t("big div small exact", fun() -> (extra_id(1 bsl 100)) div (1 bsl 36) end),
    ok.
