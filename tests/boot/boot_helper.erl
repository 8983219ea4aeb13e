%% Helper module for the boot tests (tests/boot/cases.txt): entry points for -s and -run,
%% and things that report through the logger.
-module(boot_helper).
-behaviour(gen_server).
-export([start/0, start/1, run/1, args/0, reports/0, crash_process/0, status/0]).
-export([init/1, handle_call/3, handle_cast/2]).
-include_lib("kernel/include/logger.hrl").

start() -> io:format("start/0~n").
start(Args) -> io:format("start/1 ~p~n", [Args]).
run(Args) -> io:format("run ~p~n", [Args]).

args() ->
    io:format("plain ~p~n", [init:get_plain_arguments()]),
    io:format("x ~p~n", [init:get_argument(x)]),
    io:format("y ~p~n", [init:get_argument(y)]),
    io:format("noshell ~p~n", [init:get_argument(noshell)]),
    io:format("progname ~p~n", [init:get_argument(progname)]).

status() ->
    io:format("~p~n", [init:get_status()]),
    io:format("~p~n", [lists:sort([A || {A, _, _} <- application:which_applications()])]),
    io:format("~p~n", [[P || P <- [init, erl_prim_loader, code_server, application_controller,
                                   kernel_sup, logger, user, standard_error,
                                   file_server_2, global_name_server, rex, inet_db,
                                   erts_code_purger],
                             whereis(P) =/= undefined]]).

reports() ->
    ?LOG_ERROR("an error ~p", [42]),
    ?LOG_WARNING(#{what => warning_report}),
    ?LOG_NOTICE("a notice"),
    logger:info("info is not shown by default"),
    {ok, P} = gen_server:start(?MODULE, [], []),
    catch gen_server:call(P, crash),
    timer:sleep(200),
    proc_lib:spawn(fun() -> exit(bad) end),
    timer:sleep(200).

crash_process() ->
    spawn(fun() -> erlang:error(boom) end),
    timer:sleep(200).

init([]) -> {ok, state}.
handle_call(crash, _, S) -> 1 = S, {reply, ok, S}.
handle_cast(_, S) -> {noreply, S}.
