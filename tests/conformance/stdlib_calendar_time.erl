-module(stdlib_calendar_time).
-export([main/0]).

main() ->
    DTs = [{{1970, 1, 1}, {0, 0, 0}}, {{2000, 1, 1}, {12, 30, 45}}, {{2038, 1, 19}, {3, 14, 7}},
           {{1999, 12, 31}, {23, 59, 59}}, {{0, 1, 1}, {0, 0, 0}}],
    lists:foreach(fun(DT) ->
        S = calendar:datetime_to_gregorian_seconds(DT),
        io:format("~w: secs=~w back=~w~n", [DT, S, calendar:gregorian_seconds_to_datetime(S)])
    end, DTs),
    Epoch = calendar:datetime_to_gregorian_seconds({{1970, 1, 1}, {0, 0, 0}}),
    io:format("epoch offset: ~w~n", [Epoch]),
    io:format("unix 1700000000: ~w~n", [calendar:gregorian_seconds_to_datetime(Epoch + 1700000000)]),
    io:format("time_to_seconds: ~w~n", [calendar:time_to_seconds({13, 45, 10})]),
    io:format("seconds_to_time: ~w~n", [calendar:seconds_to_time(49510)]),
    io:format("seconds_to_daystime: ~w ~w~n", [calendar:seconds_to_daystime(200000), calendar:seconds_to_daystime(-100)]),
    io:format("time_difference: ~w~n", [calendar:time_difference({{2024, 1, 1}, {0, 0, 0}}, {{2024, 3, 1}, {6, 30, 0}})]),
    io:format("valid times: ~w~n", [[calendar:valid_date(D) || D <- [{2024, 2, 29}, {2023, 2, 29}]]]),
    io:format("system_time_to_rfc3339: ~s~n", [calendar:system_time_to_rfc3339(1700000000, [{offset, "Z"}])]),
    io:format("rfc3339 ms: ~s~n", [calendar:system_time_to_rfc3339(1700000000123, [{unit, millisecond}, {offset, "+02:00"}])]),
    io:format("rfc3339_to_system_time: ~w~n", [calendar:rfc3339_to_system_time("2023-11-14T22:13:20Z")]),
    io:format("rfc3339_to_system_time off: ~w~n", [calendar:rfc3339_to_system_time("2023-11-14T22:13:20+01:00")]),
    io:format("system_time_to_universal_time: ~w~n", [calendar:system_time_to_universal_time(1700000000, second)]),
    io:format("now_to_universal_time: ~w~n", [calendar:now_to_universal_time({1700, 0, 0})]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("seconds_to_time bad", fun() -> calendar:seconds_to_time(extra_id(86400)) end),
    extra_t("time_difference negative", fun() -> calendar:time_difference({{2024, 1, 2}, {0, 0, 0}}, {{2024, 1, 1}, {12, 0, 0}}) end),
    extra_t("datetime roundtrip", fun() -> lists:all(fun(S) -> calendar:datetime_to_gregorian_seconds(calendar:gregorian_seconds_to_datetime(S)) =:= S end, lists:seq(63000000000, 63900000000, 123456789)) end),
    extra_t("rfc3339 fractional", fun() -> calendar:rfc3339_to_system_time("2020-02-29T12:00:00.5Z", [{unit, millisecond}]) end),
    extra_t("rfc3339 with time_designator", fun() -> calendar:system_time_to_rfc3339(0, [{offset, "Z"}, {time_designator, $ }]) end),
    ok.
