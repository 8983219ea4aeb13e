%% The group leader of processes started by `enigma run`: an Erlang I/O protocol server
%% for the VM's standard input and output, like erl's `user` in -noshell mode (encoding
%% latin1 unless set otherwise). A second one, started by start_error/0 and registered as
%% `standard_error`, writes to standard error instead. The byte-level work (encoding,
%% writing, reading a line) is native: enigma_io:write/3, enigma_io:read_line/0,
%% enigma_io:read_chars/1.
-module(enigma_io_server).
-export([start/0, start_error/0]).

start() ->
    loop(#{encoding => latin1, binary => false, out => stdout}).

start_error() ->
    loop(#{encoding => latin1, binary => false, out => stderr}).

loop(State) ->
    receive
        {io_request, From, ReplyAs, Request} ->
            {Reply, State1} = request(Request, State),
            From ! {io_reply, ReplyAs, Reply},
            loop(State1);
        _Other ->
            loop(State)
    end.

request({put_chars, Enc, Chars}, State) ->
    put_chars(Enc, Chars, State);
request({put_chars, Enc, M, F, A}, State) ->
    try apply(M, F, A) of
        Chars -> put_chars(Enc, Chars, State)
    catch
        _:_ -> {{error, F}, State}
    end;
request({put_chars, Chars}, State) ->
    put_chars(latin1, Chars, State);
request({put_chars, M, F, A}, State) ->
    request({put_chars, latin1, M, F, A}, State);
request({get_line, Enc, Prompt}, State) ->
    prompt(Prompt, State),
    {result(enigma_io:read_line(), Enc, State), State};
request({get_line, Prompt}, State) ->
    request({get_line, latin1, Prompt}, State);
request({get_chars, Enc, Prompt, N}, State) ->
    prompt(Prompt, State),
    {result(enigma_io:read_chars(N), Enc, State), State};
request({get_chars, Prompt, N}, State) ->
    request({get_chars, latin1, Prompt, N}, State);
request({get_until, Enc, Prompt, M, F, As}, State) ->
    prompt(Prompt, State),
    {get_until(Enc, M, F, As, [], State), State};
request({get_until, Prompt, M, F, As}, State) ->
    request({get_until, latin1, Prompt, M, F, As}, State);
request(getopts, #{out := stderr} = State) ->
    {[{encoding, maps:get(encoding, State)}], State};
request(getopts, State) ->
    {[{binary, maps:get(binary, State)}, {encoding, maps:get(encoding, State)}], State};
request({setopts, Opts}, State) ->
    setopts(Opts, State);
request({requests, Reqs}, State) ->
    requests(Reqs, {ok, State});
request({get_geometry, _}, State) ->
    {{error, enotsup}, State};
request(_, State) ->
    {{error, request}, State}.

put_chars(Enc, Chars, State) ->
    case enigma_io:write(maps:get(out, State), maps:get(encoding, State), {Enc, Chars}) of
        ok -> {ok, State};
        Error -> {Error, State}
    end.

prompt('', _State) -> ok;
prompt(Prompt, State) ->
    Chars = case Prompt of
                {format, Fmt, Args} -> io_lib:format(Fmt, Args);
                _ when is_atom(Prompt) -> atom_to_list(Prompt);
                _ -> Prompt
            end,
    _ = enigma_io:write(maps:get(out, State), maps:get(encoding, State), {unicode, Chars}),
    ok.

%% Input bytes become a list or binary in the requested encoding.
result(eof, _Enc, _State) -> eof;
result({error, _} = E, _Enc, _State) -> E;
result(Bin, Enc, State) when is_binary(Bin) ->
    Device = maps:get(encoding, State),
    Chars = case Device of
                unicode -> unicode:characters_to_list(Bin, unicode);
                latin1 -> binary_to_list(Bin)
            end,
    case maps:get(binary, State) of
        true when Enc =:= unicode -> unicode:characters_to_binary(Chars, unicode, unicode);
        true -> list_to_binary(Chars);
        false -> Chars
    end.

get_until(Enc, M, F, As, Cont, State) ->
    Data = case enigma_io:read_line() of
               eof -> eof;
               Bin -> result(Bin, Enc, State#{binary => false})
           end,
    case catch apply(M, F, [Cont, Data | As]) of
        {done, Result, _Rest} -> Result;
        {more, Cont1} when Data =/= eof -> get_until(Enc, M, F, As, Cont1, State);
        {more, _} -> eof;
        {'EXIT', _} -> {error, err_func};
        Cont1 when Data =/= eof -> get_until(Enc, M, F, As, Cont1, State);
        _ -> eof
    end.

setopts(Opts0, State) ->
    Opts = proplists:unfold(proplists:substitute_negations([{list, binary}], Opts0)),
    try
        State1 = lists:foldl(fun({binary, B}, S) when is_boolean(B) -> S#{binary => B};
                                ({encoding, E}, S) when E =:= unicode; E =:= latin1 -> S#{encoding => E};
                                ({encoding, utf8}, S) -> S#{encoding => unicode};
                                (_, _) -> throw(enotsup)
                             end, State, Opts),
        {ok, State1}
    catch
        throw:enotsup -> {{error, enotsup}, State}
    end.

requests([], Acc) -> Acc;
requests([R | Rs], {ok, State}) -> requests(Rs, request(R, State));
requests(_, {Error, State}) -> {Error, State}.
