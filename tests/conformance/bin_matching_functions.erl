-module(bin_matching_functions).
-export([main/0]).

cmd(<<"GET ", Path/binary>>) -> {get, Path};
cmd(<<"PUT ", Rest/binary>>) ->
    case binary:split(Rest, <<" ">>) of
        [K, V] -> {put, K, V};
        [K] -> {put, K, <<>>}
    end;
cmd(<<"DEL ", K/binary>>) when byte_size(K) > 0 -> {del, K};
cmd(<<C, _/binary>>) when C >= $a, C =< $z -> {lowercase_cmd, C};
cmd(<<>>) -> empty;
cmd(Other) -> {unknown, Other}.

header(<<"HDR", Ver:8, Flags:8/bits, Len:16/little, Body:Len/binary, Trailer/binary>>) ->
    <<Urgent:1, Ack:1, _:6>> = Flags,
    {Ver, Urgent, Ack, Body, Trailer};
header(_) -> invalid.

mid(<<_:2/binary, "==", Rest/binary>>) -> {eq_at_2, Rest};
mid(<<X:2/binary, _/binary>>) -> {prefix, X};
mid(_) -> short.

main() ->
    Cmds = [<<"GET /a/b">>, <<"PUT key value here">>, <<"PUT lonely">>, <<"DEL k1">>, <<"DEL ">>, <<"xyz">>,
            <<>>, <<"?">>],
    lists:foreach(fun(C) -> io:format("~p -> ~p~n", [C, cmd(C)]) end, Cmds),
    H = <<"HDR", 2, 2#10000000, 5, 0, "hello", "trailer">>,
    io:format("header: ~p~n", [header(H)]),
    io:format("header ack: ~p~n", [header(<<"HDR", 1, 2#01000000, 0, 0>>)]),
    io:format("header short: ~p~n", [header(<<"HDR", 1, 0, 9, 0, "abc">>)]),
    io:format("mid: ~p~n", [[mid(B) || B <- [<<"ab==cd">>, <<"abcd">>, <<"a">>]]]),
    ok.
