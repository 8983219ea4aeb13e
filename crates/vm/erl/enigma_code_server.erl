%% Stands in for OTP's code_server under `enigma run`, which does not boot OTP: answers the
%% requests of the `code` module that ordinary programs make (loading on demand, is_loaded,
%% the path, the root directory). Loading itself is native: enigma_code:*.
-module(enigma_code_server).
-export([start/0]).

start() ->
    loop().

loop() ->
    receive
        {code_call, From, Request} ->
            From ! {code_server, handle(Request)},
            loop();
        _ ->
            loop()
    end.

handle({ensure_loaded, M}) -> enigma_code:ensure_loaded(M);
handle({load_file, M}) -> enigma_code:ensure_loaded(M);
handle({is_loaded, M}) -> enigma_code:is_loaded(M);
handle({load_binary, M, File, Bin}) -> enigma_code:load_binary(M, File, Bin);
handle({finish_loading, Prepared, _EnsureLoaded}) -> finish_loading(Prepared, []);
handle(get_path) -> enigma_code:get_path();
handle({dir, root_dir}) -> enigma_code:root_dir();
handle({dir, lib_dir}) -> filename:join(enigma_code:root_dir(), "lib");
handle({dir, compiler_dir}) -> filename:join(enigma_code:root_dir(), "lib/compiler");
handle(all_loaded) -> enigma_code:all_loaded();
handle({is_sticky, _}) -> false;
handle({purge, _}) -> false;
handle({soft_purge, _}) -> true;
handle({delete, _}) -> false;
handle(_) -> {error, enigma_unsupported}.

finish_loading([], []) -> ok;
finish_loading([], Errors) -> {error, Errors};
finish_loading([{M, {Bin, File}} | Rest], Errors) ->
    case enigma_code:load_binary(M, File, Bin) of
        {module, M} -> finish_loading(Rest, Errors);
        {error, Why} -> finish_loading(Rest, [{M, Why} | Errors])
    end.
