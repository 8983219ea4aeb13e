%% erlang:posixtime_to_universaltime/1 and universaltime_to_posixtime/1 at the ends of
%% their ranges (BEAM's own date arithmetic, whose divisions truncate toward zero, so far
%% before year 0 its dates are a day off the proleptic calendar), and calendar's functions
%% over them.
-module(stdlib_calendar_posix_edges).
-export([main/0]).

id(X) -> X.

show(Label, F) ->
    R = try F() of
            V -> V
        catch
            C:E -> {C, E}
        end,
    io:format("~s: ~p~n", [Label, R]).

main() ->
    Secs = [0, 1, -1, 59, 60, 86399, 86400, -86399, -86400, -86401,
            951782400, 951868800, 4107542399, 4107542400,
            1 bsl 31, -(1 bsl 31), 1 bsl 32, 253402300799, 253402300800,
            -62167219200, -62167219201, -62135596800, -62198755200, -62198755201,
            -100000000000, -100000000000000, 100000000000000,
            1 bsl 40, -(1 bsl 40), 1 bsl 50, -(1 bsl 50), (1 bsl 59) - 1, 1 bsl 59,
            -(1 bsl 59), -(1 bsl 59) - 1, 1 bsl 62, -(1 bsl 62), (1 bsl 63) - 1,
            -(1 bsl 63), 1 bsl 63, -(1 bsl 63) - 1, 1 bsl 64, -(1 bsl 100),
            1.0, a, "1"],
    [show(io_lib:format("p2u ~w", [S]),
          fun() -> erlang:posixtime_to_universaltime(id(S)) end) || S <- Secs],
    %% Dates back to seconds: BEAM accepts years from 1600 on.
    Dates = [{{1970, 1, 1}, {0, 0, 0}}, {{1600, 1, 1}, {0, 0, 0}},
             {{1599, 12, 31}, {23, 59, 59}}, {{2000, 2, 29}, {12, 0, 0}},
             {{2001, 2, 29}, {12, 0, 0}}, {{2100, 2, 29}, {0, 0, 0}},
             {{9999, 12, 31}, {23, 59, 59}}, {{10000, 1, 1}, {0, 0, 0}},
             {{292277026596, 12, 4}, {15, 30, 7}}, {{2147483646, 1, 1}, {0, 0, 0}},
             {{2147483647, 1, 1}, {0, 0, 0}}, {{1970, 13, 1}, {0, 0, 0}},
             {{1970, 1, 0}, {0, 0, 0}}, {{1970, 1, 1}, {24, 0, 0}},
             {{1970, 1, 1}, {0, 60, 0}}, {{1970, 1, 1}, {0, 0, 60}},
             {{1970, 1, 1}, {0, 0, -1}}, {{1970, 1, 1}}, {1970, 1, 1}, x,
             {{1970.0, 1, 1}, {0, 0, 0}}],
    [show(io_lib:format("u2p ~w", [D]),
          fun() -> erlang:universaltime_to_posixtime(id(D)) end) || D <- Dates],
    %% Round trips wherever BEAM's two directions agree.
    Rt = [S || S <- [-11676096000 + 86400 * K || K <- lists:seq(0, 400, 37)]
                   ++ [1 bsl 33, 1 bsl 45, 67767976233532799]],
    [show(io_lib:format("rt ~w", [S]),
          fun() ->
                  U = erlang:posixtime_to_universaltime(S),
                  {U, erlang:universaltime_to_posixtime(U) =:= S}
          end) || S <- Rt],
    %% calendar on top of them.
    [show(io_lib:format("cal ~w", [S]),
          fun() -> calendar:system_time_to_universal_time(id(S), second) end)
     || S <- [0, 1 bsl 40, -1, -62167219200, -62167219201]],
    [show(io_lib:format("rfc ~w", [S]),
          fun() -> calendar:system_time_to_rfc3339(id(S), [{offset, "Z"}]) end)
     || S <- [0, 253402300799, -62167219200]],
    [show(io_lib:format("greg ~w", [S]),
          fun() -> calendar:gregorian_seconds_to_datetime(id(S)) end)
     || S <- [0, 1, 62167219200, 1 bsl 45]],
    ok.
