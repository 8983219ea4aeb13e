-module(bin_protocol_parse).
-export([main/0]).

%% Parsing realistic binary layouts: an IPv4 header, a length-prefixed
%% record stream, varints and a TLV tree.

ipv4(<<4:4, IHL:4, TOS:8, Len:16, Id:16, Flags:3, Frag:13, TTL:8, Proto:8, Csum:16,
       S1, S2, S3, S4, D1, D2, D3, D4, Rest/binary>>) ->
    OptLen = (IHL - 5) * 4,
    <<Opts:OptLen/binary, Payload/binary>> = Rest,
    #{ihl => IHL, tos => TOS, len => Len, id => Id, flags => Flags, frag => Frag, ttl => TTL,
      proto => Proto, csum => Csum, src => {S1, S2, S3, S4}, dst => {D1, D2, D3, D4},
      opts => Opts, payload => Payload}.

varint(<<0:1, V:7, Rest/binary>>) -> {V, Rest};
varint(<<1:1, V:7, Rest/binary>>) -> {Hi, R2} = varint(Rest), {V bor (Hi bsl 7), R2}.

enc_varint(V) when V < 128 -> <<V>>;
enc_varint(V) -> <<1:1, (V band 127):7, (enc_varint(V bsr 7))/binary>>.

tlv(<<>>) -> [];
tlv(<<0, L:8, V:L/binary, R/binary>>) -> [{leaf, V} | tlv(R)];
tlv(<<1, L:8, V:L/binary, R/binary>>) -> [{node, tlv(V)} | tlv(R)].

checksum(<<>>, Acc) -> ((Acc band 16#FFFF) + (Acc bsr 16)) bxor 16#FFFF;
checksum(<<X:16, R/binary>>, Acc) -> checksum(R, Acc + X);
checksum(<<X:8>>, Acc) -> checksum(<<>>, Acc + (X bsl 8)).

main() ->
    Pkt = <<16#46, 0, 0, 40, 16#AB, 16#CD, 2:3, 100:13, 64, 6, 0, 0, 192, 168, 1, 10, 10, 0, 0, 1,
            1, 2, 3, 4, "payload-bytes">>,
    io:format("ipv4: ~p~n", [ipv4(Pkt)]),
    io:format("checksum: ~p~n", [checksum(binary:part(Pkt, 0, 20), 0)]),
    Vals = [0, 1, 127, 128, 300, 16384, 1 bsl 35, (1 bsl 64) + 3],
    Enc = [enc_varint(V) || V <- Vals],
    io:format("varints: ~w~n", [Enc]),
    io:format("decoded: ~w~n", [[element(1, varint(E)) || E <- Enc]]),
    Stream = iolist_to_binary(Enc),
    io:format("stream decode: ~w~n", [decode_all(Stream)]),
    Tree = <<1, 9, 0, 2, "ab", 1, 3, 0, 1, "c", 0, 3, "xyz">>,
    io:format("tlv: ~p~n", [tlv(Tree)]),
    ok.

decode_all(<<>>) -> [];
decode_all(B) -> {V, R} = varint(B), [V | decode_all(R)].
