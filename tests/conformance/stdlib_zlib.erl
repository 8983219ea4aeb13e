-module(stdlib_zlib).
-export([main/0]).

%% Only round trips and uncompressed sizes are printed: compressed bytes depend
%% on the zlib implementation.

main() ->
    Inputs = [<<>>, <<"a">>, <<"hello hello hello hello">>, binary:copy(<<"abcdefgh">>, 1000),
              list_to_binary([X rem 251 || X <- lists:seq(1, 20000)]), list_to_binary(lists:seq(0, 255))],
    lists:foreach(fun(B) ->
        C = zlib:compress(B),
        U = zlib:uncompress(C),
        Z = zlib:zip(B),
        UZ = zlib:unzip(Z),
        G = zlib:gzip(B),
        UG = zlib:gunzip(G),
        io:format("size ~w: compress rt=~w usize=~w zip rt=~w usize=~w gzip rt=~w usize=~w smaller=~w~n",
                  [byte_size(B), U =:= B, byte_size(U), UZ =:= B, byte_size(UZ), UG =:= B, byte_size(UG),
                   byte_size(C) < byte_size(B)])
    end, Inputs),
    io:format("iolist input: ~w~n", [zlib:uncompress(zlib:compress(["ab", [<<"cd">>, $e]]))]),
    io:format("bad data: ~p~n", [try zlib:uncompress(<<1, 2, 3, 4>>) catch C:E -> {C, E} end]),
    io:format("bad gzip: ~p~n", [try zlib:gunzip(<<"not gzip data">>) catch C2:E2 -> {C2, E2} end]),
    Z = zlib:open(),
    ok = zlib:deflateInit(Z, best_compression),
    D1 = zlib:deflate(Z, binary:copy(<<"stream">>, 500)),
    D2 = zlib:deflate(Z, <<"tail">>, finish),
    ok = zlib:deflateEnd(Z),
    ok = zlib:inflateInit(Z),
    Out = zlib:inflate(Z, [D1, D2]),
    ok = zlib:inflateEnd(Z),
    zlib:close(Z),
    Flat = iolist_to_binary(Out),
    io:format("stream rt: ~w size=~w~n", [Flat =:= <<(binary:copy(<<"stream">>, 500))/binary, "tail">>, byte_size(Flat)]),
    io:format("crc32: ~w ~w~n", [erlang:crc32(<<"hello">>), erlang:crc32(<<>>)]),
    io:format("adler32: ~w~n", [erlang:adler32(<<"hello">>)]),
    io:format("crc32 combine: ~w~n", [erlang:crc32(erlang:crc32(<<"hel">>), <<"lo">>)]),
    ok.
