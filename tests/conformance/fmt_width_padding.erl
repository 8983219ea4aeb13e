-module(fmt_width_padding).
-export([main/0]).

main() ->
    Dirs = ["~w", "~p", "~s", "~b", "~e", "~f", "~g", "~x", "~c"],
    Vals = #{"~w" => {a, 1}, "~p" => "str", "~s" => "text", "~b" => 42, "~e" => 3.5, "~f" => 3.5,
             "~g" => 3.5, "~x" => 255, "~c" => $q},
    Mods = ["", "8", "-8", "8.3", "-8.3", ".3", "8..", "8.3.*", "-8.3._", "1"],
    lists:foreach(fun(D) ->
        [$~ | Ctl] = D,
        lists:foreach(fun(M) ->
            Fmt = "~" ++ M ++ Ctl,
            V = maps:get(D, Vals),
            Args = case {Ctl, lists:member($*, M)} of
                       {"x", true} -> [$#, V, "0x"];
                       {"x", false} -> [V, "0x"];
                       {_, true} -> [$#, V];
                       _ -> [V]
                   end,
            R = try lists:flatten(io_lib:format(Fmt, Args)) catch C:E -> {C, E} end,
            io:format("~-10s ~p~n", [Fmt, R])
        end, Mods)
    end, Dirs),
    io:format("[~*.*.*w]~n", [10, 3, $-, abc]),
    io:format("[~-*w]~n", [6, x]),
    io:format("[~*w]~n", [-6, x]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("~ts width unicode", fun() -> lists:flatten(io_lib:format("[~6ts]", [[16#3bb, 16#3bc]])) end),
    extra_t("~s width binary", fun() -> lists:flatten(io_lib:format("[~6s][~-6s]", [<<"ab">>, <<"cd">>])) end),
    extra_t("~w width list", fun() -> lists:flatten(io_lib:format("[~12w]", [[1, 2, 3]])) end),
    ok.
