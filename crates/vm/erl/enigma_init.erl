%% Stands in for OTP's `init` process under `enigma run`, which does not boot OTP: stdlib
%% code asks `init` for command-line arguments and status (erl_features, for example, on
%% every atom it quotes). Answers are those of an `erl -noshell` with no extra flags; a
%% stop request halts the VM as init:stop/0,1 would.
-module(enigma_init).
-export([start/0]).

start() ->
    loop().

loop() ->
    receive
        {From, Request} when is_pid(From) ->
            From ! {init, reply(Request)},
            loop();
        {stop, _How} ->
            erlang:halt(0);
        _ ->
            loop()
    end.

reply(get_arguments) -> [];
reply(get_plain_arguments) -> [];
reply({get_argument, _}) -> error;
reply(get_status) -> {started, started};
reply(script_id) -> {"OTP  APN 181 01", "R1A"};
reply(fetch_loaded) -> [];
reply({ensure_loaded, Module}) -> code:ensure_loaded(Module);
reply({notify_when_started, _}) -> started;
reply(_) -> {error, not_supported}.
