-module(int_shifts).
-export([main/0]).

id(X) -> X.

main() ->
    Vals = [0, 1, -1, 3, -3, 12345, -12345, 1 bsl 62, -(1 bsl 62), (1 bsl 130) + 7,
            -((1 bsl 130) + 7)],
    Shifts = [0, 1, 2, 7, 31, 32, 33, 59, 60, 63, 64, 65, 127, 128, 200, -1, -3, -64, -200],
    lists:foreach(fun(V) ->
        lists:foreach(fun(S) ->
            io:format("~w bsl ~w = ~w; bsr = ~w~n", [V, S, id(V) bsl id(S), id(V) bsr id(S)])
        end, Shifts)
    end, Vals),
    io:format("1 bsl 1000 digits: ~w~n", [length(integer_to_list(id(1) bsl id(1000)))]),
    io:format("1 bsl 1000 bsr 998: ~w~n", [(id(1) bsl id(1000)) bsr 998]),
    io:format("-1 bsr 10000: ~w~n", [id(-1) bsr id(10000)]),
    io:format("5 bsr 10000: ~w~n", [id(5) bsr id(10000)]),
    io:format("-5 bsr huge: ~w~n", [id(-5) bsr id(1 bsl 70)]),
    io:format("5 bsr huge: ~w~n", [id(5) bsr id(1 bsl 70)]),
    io:format("0 bsl huge: ~w~n", [id(0) bsl id(1 bsl 70)]),
    io:format("5 bsl -huge: ~w~n", [id(5) bsl id(-(1 bsl 70))]),
    io:format("-5 bsl -huge: ~w~n", [id(-5) bsl id(-(1 bsl 70))]),
    R = try id(1) bsl id(1 bsl 70) catch C:E -> {C, E} end,
    io:format("1 bsl huge: ~p~n", [R]),
    R2 = try id(1) bsl id(1.0) catch C2:E2 -> {C2, E2} end,
    io:format("1 bsl 1.0: ~p~n", [R2]),
    io:format("mask: ~w~n", [[(id(16#DEADBEEF) bsr (I * 4)) band 15 || I <- lists:seq(0, 7)]]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("bsl then bsr identity", fun() -> [(X bsl 77) bsr 77 =:= X || X <- [1, -1, 12345, -(1 bsl 70)]] end),
    ok.
