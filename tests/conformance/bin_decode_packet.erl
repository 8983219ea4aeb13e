%% erlang:decode_packet/3 for every packet type and option: whole packets, {more, Length}
%% (or undefined), {error, invalid}, the rest of the binary (trailing bits included), HTTP
%% request and status lines, headers, URIs and errors, and badarg for bad arguments.
-module(bin_decode_packet).
-export([main/0]).

id(X) -> X.

dp(T, B, O) ->
    R = try erlang:decode_packet(id(T), id(B), id(O)) of
            V -> V
        catch
            C:E:St -> {C, E, info(St)}
        end,
    io:format("~w ~w ~w~n  -> ~w~n", [T, B, O, R]).

info([{erlang, decode_packet, _, Loc} | _]) -> proplists:get_value(error_info, Loc);
info(_) -> none.

main() ->
    %% raw / 0
    [dp(T, B, []) || T <- [raw, 0], B <- [<<>>, <<"a">>, <<"abc">>, <<1, 2, 3:4>>, <<5:3>>]],
    %% 1, 2, 4 byte length headers
    [dp(1, B, O) || B <- [<<>>, <<0>>, <<0, 9>>, <<3, "ab">>, <<3, "abc">>, <<3, "abcdef">>,
                          <<255, 1>>, <<2, "xy", 1:2>>],
                    O <- [[], [{packet_size, 2}], [{packet_size, 3}]]],
    [dp(2, B, O) || B <- [<<0>>, <<0, 0>>, <<0, 3, "abcd">>, <<1, 0, "x">>, <<255, 255>>],
                    O <- [[], [{packet_size, 255}]]],
    [dp(4, B, O) || B <- [<<0, 0, 0>>, <<0, 0, 0, 0>>, <<0, 0, 0, 2, "abc">>,
                          <<255, 255, 255, 255>>, <<255, 255, 255, 252, 1>>,
                          <<127, 255, 255, 240>>, <<127, 255, 255, 251>>,
                          <<127, 255, 255, 252>>, <<128, 0, 0, 0>>, <<1, 0, 0, 0>>],
                    O <- [[], [{packet_size, 16#7fffffff}]]],
    %% sunrm: the top bit marks the last fragment; the header stays in the packet.
    [dp(sunrm, B, O) || B <- [<<0, 0, 0>>, <<0, 0, 0, 2, 1, 2, 3>>, <<128, 0, 0, 2, 1, 2, 3>>,
                              <<128, 0, 0, 9, 1>>, <<255, 255, 255, 255>>],
                        O <- [[], [{packet_size, 1}]]],
    %% asn1 (BER): short and long tags and lengths.
    [dp(asn1, B, O)
     || B <- [<<>>, <<16#30>>, <<16#30, 0>>, <<16#30, 3, 1, 2, 3, 4>>, <<16#30, 3, 1>>,
              <<16#30, 16#81, 2, 7, 8, 9>>, <<16#30, 16#82, 0, 1, 5>>, <<16#30, 16#82, 1>>,
              <<16#30, 16#83, 0, 0, 2, 1, 2>>, <<16#30, 16#84, 0, 0, 0, 1, 9>>,
              <<16#30, 16#85, 0, 0, 0, 0, 1, 9>>, <<16#30, 16#85, 0>>, <<16#30, 16#80, 1>>,
              <<16#1f, 16#81, 16#01, 2, 1, 2>>, <<16#1f, 16#81>>, <<16#1f, 16#81, 16#81>>,
              <<16#1f, 1, 0>>, <<16#5f, 16#80, 16#80, 1, 1, 7>>,
              <<16#30, 16#84, 255, 255, 255, 255>>, <<16#30, 16#84, 127, 255, 255, 255>>],
        O <- [[], [{packet_size, 2}]]],
    %% cdr (GIOP), both byte orders.
    [dp(cdr, B, O)
     || B <- [<<"GIOP", 1, 0, 0, 0, 0, 0, 0, 2, "ab", "rest">>,
              <<"GIOP", 1, 0, 1, 0, 2, 0, 0, 0, "ab">>, <<"GIOP", 1, 0, 1, 0, 3, 0, 0, 0, "ab">>,
              <<"GIOX", 1, 0, 0, 0, 0, 0, 0, 0>>, <<"GIOP", 1, 0, 0>>,
              <<"GIOP", 1, 0, 0, 0, 255, 255, 255, 255>>],
        O <- [[], [{packet_size, 1}]]],
    %% fcgi: the body keeps the header and drops the padding.
    [dp(fcgi, B, O)
     || B <- [<<1, 1, 0, 1, 0, 2, 0, 0, "ab", "next">>, <<1, 1, 0, 1, 0, 2, 3, 0, "abPAD!">>,
              <<1, 1, 0, 1, 0, 2, 3, 0, "ab">>, <<2, 1, 0, 1, 0, 0, 0, 0>>, <<1, 1, 0>>,
              <<1, 5, 0, 0, 1, 0, 0, 0>>],
        O <- [[], [{packet_size, 2}], [{packet_size, 4}]]],
    %% tpkt: version 3, length includes the 4-byte header.
    [dp(tpkt, B, O)
     || B <- [<<3, 0, 0, 4, 9>>, <<3, 0, 0, 6, 1, 2, 3>>, <<3, 0, 0, 2>>, <<3, 0, 0, 0>>,
              <<3, 0, 0, 9, 1>>, <<2, 0, 0, 4>>, <<3, 0>>],
        O <- [[], [{packet_size, 1}]]],
    %% line, with delimiters, packet_size and line_length.
    [dp(line, B, O)
     || B <- [<<>>, <<"abc">>, <<"abc\n">>, <<"ab\ncd\n">>, <<"\n">>, <<"abcdef">>,
              <<"abcdef\nx">>, <<"a\r\nb">>, <<"x;y;z">>, <<"abc\n", 1:3>>],
        O <- [[], [{packet_size, 3}], [{packet_size, 7}], [{line_length, 3}],
              [{line_length, 6}], [{line_delimiter, $;}], [{line_delimiter, 0}],
              [{line_length, 2}, {packet_size, 4}], [{packet_size, 4}, {line_length, 2}]]],
    %% ssl_tls records, and the SSL 2 client hello.
    [dp(ssl_tls, B, O)
     || B <- [<<22, 3, 1, 0, 2, 1, 2, 3>>, <<22, 3, 3, 0, 0>>, <<23, 3, 3, 0, 5, 1>>, <<22, 3>>,
              <<128, 5, 1, 3, 1, 9, 9, 9>>, <<128, 2, 1, 3, 1>>, <<128, 46, 1, 3, 1>>],
        O <- [[], [{packet_size, 1}]]],
    http(),
    errors(),
    ok.

http() ->
    Lines = [<<"GET / HTTP/1.1\r\n">>, <<"GET /a/b?c=d HTTP/1.0\r\nHost: x\r\n">>,
             <<"get /x HTTP/1.1\n">>, <<"POST * HTTP/1.1\r\n">>, <<"OPTIONS * HTTP/1.1\r\n">>,
             <<"HEAD http://example.com HTTP/1.1\r\n">>,
             <<"PUT HTTP://Ex.com:8080/p/q HTTP/1.1\r\n">>,
             <<"DELETE https://h:443 HTTP/1.1\r\n">>, <<"TRACE https://h:x/ HTTP/1.1\r\n">>,
             <<"GET http://h:0/ HTTP/1.1\r\n">>, <<"GET http://h:/ HTTP/1.1\r\n">>,
             <<"GET http://h:99999999999/ HTTP/1.1\r\n">>,
             <<"CONNECT host:443 HTTP/1.1\r\n">>, <<"GET foo HTTP/1.1\r\n">>,
             <<"GET a HTTP/1.1\r\n">>, <<"BREW mailto:pot@x HTTP/1.1\r\n">>,
             <<"GET /old\r\n">>, <<"GET  /spaces   HTTP/1.1  \r\n">>,
             <<"GET / HTTP/1.1junk\r\n">>, <<"GET / HTTP/x.1\r\n">>, <<"GET / HTTP/1.\r\n">>,
             <<"GET / HTTQ/1.1\r\n">>, <<"GET / HTTP/1\r\n">>, <<"GET\r\n">>, <<" GET / HTTP/1.1\r\n">>,
             <<"G(T / HTTP/1.1\r\n">>, <<"GET /\tHTTP/1.1\r\n">>,
             <<"HTTP/1.1 200 OK\r\n">>, <<"HTTP/1.0 404 Not Found\r\nX">>,
             <<"HTTP/1.1 200\r\n">>, <<"HTTP/1.1 200 \r\n">>, <<"HTTP/2.0 500 Oops, bad\n">>,
             <<"HTTP/1.1 20x OK\r\n">>, <<"HTTP/1.1  OK\r\n">>, <<"HTTP/1.1\r\n">>,
             <<"HTTP/1.x 200 OK\r\n">>, <<"HTTP/11 200 OK\r\n">>,
             <<"HTTP/99999999999.1 200 OK\r\n">>,
             <<"\r\n">>, <<"\n">>, <<"\r\nGET">>, <<"GET / HTTP/1.1">>, <<"GET / HTTP/1.1\r">>,
             <<>>, <<"garbage\r\n">>, <<200, 201, "\r\n">>],
    [dp(T, L, []) || T <- [http, http_bin], L <- Lines],
    [dp(http, <<"GET /abcdefgh HTTP/1.1\r\n">>, O)
     || O <- [[{packet_size, 10}], [{packet_size, 40}], [{line_length, 10}],
              [{line_length, 10}, {packet_size, 40}], [{packet_size, 5}]]],
    [dp(http, <<"GET /abcdefgh">>, O) || O <- [[{packet_size, 10}], [{packet_size, 40}]]],
    Headers = [<<"Content-Length: 5\r\n">>, <<"content-length: 5\r\nX">>,
               <<"CONTENT-TYPE:text/html\r\n\r\n">>, <<"x-custom-header:   v  \r\nY">>,
               <<"Host: a\r\n b\r\n\tc\r\nZ">>, <<"Host: a\r\n b\r\n">>, <<"Host: a\r\n">>,
               <<"\r\n">>, <<"\n">>, <<"\r\nrest">>, <<"Set-Cookie2: a=b\r\nQ">>,
               <<"WWW-AUTHENTICATE: basic\r\nQ">>, <<"www-authenticate: basic\r\nQ">>,
               <<"Content-MD5: abc\r\nQ">>, <<"Etag: \"x\"\r\nQ">>, <<"ETag: \"x\"\r\nQ">>,
               <<"X-Forwarded-For: 1.2.3.4\r\nQ">>, <<"Proxy-Connection: close\r\nQ">>,
               <<"NoColon\r\nQ">>, <<"Bad Name: v\r\nQ">>, <<": empty\r\nQ">>,
               <<"-x-: y\r\nQ">>, <<"a--b: c\r\nQ">>,
               <<"Abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij: fifty\r\nQ">>,
               <<"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijK: more\r\nQ">>,
               <<"Name:\r\nQ">>, <<"Name: \r\n\r\n">>, <<"Host">>, <<"Host: partial">>,
               <<"Host: a\r\n", 1:4>>, <<"Ümlaut: x\r\nQ">>, <<"Key: v\xe9\r\nQ">>],
    [dp(T, H, []) || T <- [httph, httph_bin], H <- Headers],
    [dp(httph, <<"Host: abcdefgh\r\n more\r\nX">>, O)
     || O <- [[{packet_size, 10}], [{packet_size, 20}], [{packet_size, 30}],
              [{line_length, 12}]]],
    %% A whole request, packet by packet.
    Req = <<"POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nX-Y: z\r\n\r\nabc">>,
    {ok, L1, R1} = erlang:decode_packet(http_bin, Req, []),
    io:format("~w~n", [L1]),
    walk(R1).

walk(Bin) ->
    case erlang:decode_packet(httph_bin, Bin, []) of
        {ok, http_eoh, Body} -> io:format("eoh ~w~n", [Body]);
        {ok, H, Rest} -> io:format("~w~n", [H]), walk(Rest);
        Other -> io:format("~w~n", [Other])
    end.

errors() ->
    [dp(T, <<"x">>, []) || T <- [foo, 3, -1, 1.0, "raw", {raw}, 5]],
    [dp(raw, B, []) || B <- [notbin, [<<"x">>], 1]],
    [dp(line, <<"a\n">>, O)
     || O <- [x, {packet_size, 1}, [x], [{packet_size, -1}], [{packet_size, 1 bsl 32}],
              [{packet_size, 16#ffffffff}], [{line_length, a}], [{packet_size, 1, 2}],
              [{line_delimiter, 256}], [{line_delimiter, -1}], [{bad_option, 1}],
              [{line_delimiter, $a}, x]]],
    dp(raw, <<"a">>, [{line_delimiter, $a}]),
    dp(http, <<"a">>, [{line_delimiter, $a}]),
    ok.
