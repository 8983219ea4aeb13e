%% Gzip-compressed .beam files load as on erl, with the same module checksum; a damaged
%% compressed file is refused, never a crash. (`erlc +compressed` writes the file with
%% file:write_file/3's `compressed` option, the same gzip stream as zlib:gzip/1 makes.)
-module(code_compressed_beam).
-export([main/0]).

forms(Mod) ->
    [{attribute, 1, module, Mod},
     {attribute, 2, export, [{hello, 1}, {big, 0}]},
     {function, 3, hello, 1,
      [{clause, 3, [{var, 3, 'X'}], [],
        [{tuple, 3, [{atom, 3, hello}, {var, 3, 'X'}]}]}]},
     {function, 4, big, 0,
      [{clause, 4, [], [],
        [{call, 4, {remote, 4, {atom, 4, lists}, {atom, 4, seq}},
          [{integer, 4, 1}, {integer, 4, 2000}]}]}]}].

load(Mod, Bin) ->
    code:purge(Mod),
    code:delete(Mod),
    R = code:load_binary(Mod, atom_to_list(Mod) ++ ".beam", Bin),
    io:format("load ~w (~w bytes, starts ~w): ~w~n",
              [Mod, byte_size(Bin), binary:part(Bin, 0, 2), R]),
    R.

main() ->
    %% erl reports each refused module through the logger; keep stdout to the results.
    _ = (catch logger:set_primary_config(level, none)),
    {ok, m_plain, Plain} = compile:forms(forms(m_plain), [binary]),
    {ok, m_hand, Hand0} = compile:forms(forms(m_hand), [binary]),
    Hand = zlib:gzip(Hand0),
    {module, _} = load(m_plain, Plain),
    {module, _} = load(m_hand, Hand),
    io:format("~p ~p~n", [m_plain:hello(1), m_hand:hello(3)]),
    io:format("~p~n", [length(m_hand:big())]),
    io:format("checksum kept: ~p~n",
              [beam_lib:md5(Hand0) =:= {ok, {m_hand, m_hand:module_info(md5)}}]),
    %% Damaged: truncated, a flipped byte in the deflate data, a bad CRC, and a gzip
    %% stream that holds no beam at all.
    N = byte_size(Hand),
    <<Start:(N div 2)/binary, _/binary>> = Hand,
    <<Head:20/binary, B, Rest/binary>> = Hand,
    Flipped = <<Head/binary, (B bxor 16#55), Rest/binary>>,
    <<Body:(N - 8)/binary, Crc:32, Len:32>> = Hand,
    BadCrc = <<Body/binary, (Crc bxor 1):32, Len:32>>,
    [load(m_bad, Bad) || Bad <- [Start, Flipped, BadCrc, zlib:gzip(<<"not a beam">>),
                                 <<31, 139>>, <<31, 139, 8, 0>>]],
    io:format("~p~n", [code:is_loaded(m_bad)]),
    ok.
