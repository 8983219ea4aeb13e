-module(sys_error_logger_warning).
-export([main/0]).

%% error_logger:warning_map/0 is a BIF: the level warning reports are logged at, which
%% the emulator flag +W chooses (warning by default). error_logger's report handlers
%% ask it for every warning (gen_server_SUITE undef_handle_info: without it, logger
%% removed the failing error_logger handler and no later report arrived).
main() ->
    io:format("~p~n", [error_logger:warning_map()]),
    io:format("~p~n", [lists:member({error_logger, warning_map, 0},
                                    erlang:system_info(snifs))]),
    ok.
