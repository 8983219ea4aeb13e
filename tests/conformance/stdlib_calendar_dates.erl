-module(stdlib_calendar_dates).
-export([main/0]).

main() ->
    Dates = [{1970, 1, 1}, {2000, 2, 29}, {1999, 12, 31}, {2024, 3, 1}, {1, 1, 1}, {2100, 2, 28}, {2023, 7, 15}],
    lists:foreach(fun(D) ->
        io:format("~w: dow=~w days=~w week=~w valid=~w~n",
                  [D, calendar:day_of_the_week(D), calendar:date_to_gregorian_days(D),
                   calendar:iso_week_number(D), calendar:valid_date(D)])
    end, Dates),
    io:format("leap years: ~w~n", [[Y || Y <- [1900, 2000, 2004, 2023, 2024, 2100, 2400], calendar:is_leap_year(Y)]]),
    io:format("last day of month: ~w~n", [[calendar:last_day_of_the_month(2024, M) || M <- lists:seq(1, 12)]]),
    io:format("last day feb 2023: ~w~n", [calendar:last_day_of_the_month(2023, 2)]),
    io:format("valid_date bad: ~w ~w ~w~n", [calendar:valid_date(2023, 2, 29), calendar:valid_date(2023, 13, 1), calendar:valid_date({2024, 4, 31})]),
    io:format("gregorian_days_to_date: ~w~n", [[calendar:gregorian_days_to_date(N) || N <- [0, 1, 365, 366, 719528, 738000, 800000]]]),
    D1 = calendar:date_to_gregorian_days({2024, 1, 1}),
    D2 = calendar:date_to_gregorian_days({2024, 12, 25}),
    io:format("days between: ~w~n", [D2 - D1]),
    io:format("add 1000 days: ~w~n", [calendar:gregorian_days_to_date(D1 + 1000)]),
    io:format("day_of_the_week/3: ~w~n", [calendar:day_of_the_week(2024, 2, 29)]),
    io:format("iso_week_number edge: ~w ~w ~w~n", [calendar:iso_week_number({2021, 1, 3}), calendar:iso_week_number({2020, 12, 31}), calendar:iso_week_number({2026, 1, 1})]),
    io:format("bad date: ~p~n", [try calendar:day_of_the_week({2023, 2, 30}) catch C:E -> {C, E} end]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra_id(X) -> X.

extra() ->
    extra_t("day_of_the_week range", fun() -> [calendar:day_of_the_week(2024, 1, D) || D <- lists:seq(1, 14)] end),
    extra_t("gregorian days of leap days", fun() -> [calendar:date_to_gregorian_days(Y, 2, 29) || Y <- [2000, 2004, 2400]] end),
    extra_t("days roundtrip", fun() -> lists:all(fun(N) -> calendar:date_to_gregorian_days(calendar:gregorian_days_to_date(N)) =:= N end, lists:seq(730000, 740000, 37)) end),
    extra_t("iso week 53", fun() -> [calendar:iso_week_number({Y, 12, 31}) || Y <- [2015, 2020, 2021, 2026]] end),
    extra_t("last_day bad month", fun() -> calendar:last_day_of_the_month(2024, 13) end),
    extra_t("is_leap_year bad", fun() -> calendar:is_leap_year(extra_id(x)) end),
    ok.
