-module(io_standard_error).
-export([main/0]).

%% standard_error is a registered I/O server (writing to stderr, which the harness does not
%% compare, so only empty writes are made here).

main() ->
    P = whereis(standard_error),
    io:format("registered: ~p~n", [is_pid(P)]),
    io:format("put_chars: ~p~n", [io:put_chars(standard_error, "")]),
    io:format("format: ~p~n", [io:format(standard_error, "~s", [""])]),
    io:format("getopts: ~p~n", [io:getopts(standard_error)]),
    io:format("not user: ~p~n", [P =/= whereis(user)]).
