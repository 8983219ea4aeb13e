-module(stdlib_base64).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    Inputs = [<<>>, <<"f">>, <<"fo">>, <<"foo">>, <<"foob">>, <<"fooba">>, <<"foobar">>,
              <<0, 255, 254, 253>>, list_to_binary(lists:seq(0, 63)), <<"hello world">>],
    lists:foreach(fun(B) ->
        E = base64:encode(B),
        io:format("~w -> ~s -> ~w~n", [B, E, base64:decode(E) =:= B])
    end, Inputs),
    t("encode_to_string", fun() -> base64:encode_to_string("hi there") end),
    t("encode list", fun() -> base64:encode("abc") end),
    t("decode_to_string", fun() -> base64:decode_to_string("aGkgdGhlcmU=") end),
    t("decode list", fun() -> base64:decode("Zm9v") end),
    t("mime_decode whitespace", fun() -> base64:mime_decode(<<"Zm9v\r\nYmFy">>) end),
    t("mime_decode junk", fun() -> base64:mime_decode(<<"Zm9v!!YmFy">>) end),
    t("decode bad char", fun() -> base64:decode(<<"Zm9v!">>) end),
    t("decode bad length", fun() -> base64:decode(<<"Zm9">>) end),
    t("decode with whitespace", fun() -> base64:decode(<<"Zm9v YmFy">>) end),
    t("decode padding", fun() -> base64:decode(<<"Zg==">>) end),
    t("big roundtrip", fun() -> B = list_to_binary([X rem 256 || X <- lists:seq(1, 10000)]), base64:decode(base64:encode(B)) =:= B end),
    t("big encoded size", fun() -> byte_size(base64:encode(binary:copy(<<"x">>, 1000))) end),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("encode mode urlsafe-free", fun() -> base64:encode(<<251, 255>>) end),
    extra_t("decode +/", fun() -> base64:decode("+/8=") end),
    extra_t("mime_decode padding junk", fun() -> base64:mime_decode("Zm9v=YmFy") end),
    ok.
