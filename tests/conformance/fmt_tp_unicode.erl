-module(fmt_tp_unicode).
-export([main/0]).

show(Fmt, Args) ->
    R = lists:flatten(io_lib:format(Fmt, Args)),
    io:format("~w ~w~n    -> ~w~n", [Fmt, Args, R]).

main() ->
    Uni = [955, 956, 8364, 128512],
    Lat = [233, 252, 255],
    show("~p", [Uni]),
    show("~tp", [Uni]),
    show("~p", [Lat]),
    show("~tp", [Lat]),
    show("~w", [Uni]),
    show("~tw", [Uni]),
    show("~p", [list_to_binary(Lat)]),
    show("~tp", [unicode:characters_to_binary(Uni)]),
    show("~p", [unicode:characters_to_binary(Uni)]),
    show("~ts", [Uni]),
    show("~ts", [unicode:characters_to_binary(Uni)]),
    show("~s", [Lat]),
    show("~tp", [{Uni, list_to_atom(Uni)}]),
    show("~p", [list_to_atom(Uni)]),
    show("~tp", [#{Uni => unicode:characters_to_binary(Uni)}]),
    show("~10ts|", [Uni]),
    show("~-10ts|", [Uni]),
    show("~.2ts|", [Uni]),
    show("~tc", [8364]),
    show("~tp", [[[955], [956]]]),
    show("~tp", [[955 | 956]]),
    show("~tP", [lists:duplicate(20, 955), 5]),
    io:format("printable: ~w~n", [[io_lib:printable_list(Uni), io_lib:printable_unicode_list(Uni),
                                   io_lib:printable_latin1_list(Lat), io_lib:printable_list(Lat)]]),
    io:format("printable_range: ~w~n", [io:printable_range()]),
    Direct = io_lib:format("~ts", [Uni]),
    io:format("direct chars: ~w~n", [lists:flatten(Direct)]),
    io:format("latin1 to stdout: ~s~n", [Lat]),
    io:format("latin1 tp to stdout: ~tp~n", [Lat]),
    ok.
