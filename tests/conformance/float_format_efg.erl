-module(float_format_efg).
-export([main/0]).

main() ->
    Fs = [0.0, 1.0, -1.0, 0.5, 3.14159265358979, -2.5, 1.0e10, 1.0e-10, 123456.789,
          0.000123, 99.995, 0.125, 1.0e100, 2.5, 3.5, 0.05, 1234567.0],
    lists:foreach(fun(F) ->
        io:format("~w:~n", [F]),
        io:format(" f=~f e=~e g=~g~n", [F, F, F]),
        io:format(" .2f=~.2f .1f=~.1f .10f=~.10f~n", [F, F, F]),
        io:format(" .2e=~.2e .3e=~.3e .10e=~.10e~n", [F, F, F]),
        io:format(" .2g=~.2g .3g=~.3g .10g=~.10g~n", [F, F, F]),
        io:format(" 12.3f=[~12.3f] -12.3f=[~-12.3f] 12.3e=[~12.3e] 15.4g=[~15.4g]~n", [F, F, F, F]),
        io:format(" padded=[~12.3._f] [~-12.2.0f] [~12.3.*f]~n", [F, F, $#, F])
    end, Fs),
    io:format("f of int: ~p~n", [try io_lib:format("~f", [1]) catch C:E -> {C, E} end]),
    io:format("narrow: [~3.1f]~n", [123.456]),
    io:format(".0f: ~p~n", [try io_lib:format("~.0f", [1.5]) catch C2:E2 -> {C2, E2} end]),
    io:format(".0e: ~p~n", [try io_lib:format("~.0e", [1.5]) catch C3:E3 -> {C3, E3} end]),
    io:format(".1e: ~p~n", [try io_lib:format("~.1e", [1.5]) catch C4:E4 -> {C4, E4} end]),
    io:format(".0g: ~p~n", [try io_lib:format("~.0g", [1.5]) catch C5:E5 -> {C5, E5} end]),
    ok.
