-module(guard_binaries_records).
-export([main/0]).

-record(msg, {type, body = <<>>, size = 0}).

kind(#msg{type = ping}) -> ping;
kind(#msg{type = data, body = B}) when byte_size(B) > 4 -> big_data;
kind(#msg{type = data, size = S}) when S > 0 -> sized_data;
kind(#msg{}) -> other_msg;
kind(<<"GET ", _/binary>>) -> http_get;
kind(<<Len:8, _:Len/binary>>) when Len > 0 -> length_prefixed;
kind(B) when is_binary(B), bit_size(B) =:= 0 -> empty_bin;
kind(B) when is_bitstring(B) -> bits;
kind(T) when is_record(T, msg) -> never;
kind(T) when tuple_size(T) =:= 3, element(1, T) =:= msg -> short_msg_tuple;
kind(_) -> unknown.

main() ->
    Vals = [#msg{type = ping}, #msg{type = data, body = <<"12345">>}, #msg{type = data, size = 3},
            #msg{type = data}, #msg{type = x}, <<"GET /index">>, <<3, "abc">>, <<3, "ab">>, <<>>,
            <<1:3>>, {msg, a, b}, {msg, a, b, c, d}, "GET "],
    lists:foreach(fun(V) -> io:format("~p -> ~p~n", [V, kind(V)]) end, Vals),
    io:format("record guard in comprehension: ~p~n", [[M#msg.type || M <- Vals, is_record(M, msg), M#msg.size =:= 0]]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("binary_part guard", fun() -> [B || B <- [<<"abc">>, <<"xbc">>, <<"a">>], byte_size(B) >= 2, binary_part(B, 0, 1) =:= <<"a">>] end),
    extra_t("bit_size guard", fun() -> [B || B <- [<<1:3>>, <<1>>, <<>>], bit_size(B) rem 8 =/= 0] end),
    extra_t("is_record/3 guard", fun() -> [X || X <- [#msg{}, {msg, 1, 2, 3}, {msg, 1}], is_record(X, msg, 4)] end),
    extra_t("record field guard", fun() -> [M#msg.type || M <- [#msg{type = a, size = 5}, #msg{type = b}], M#msg.size > 1] end),
    extra_t("element guard on record", fun() -> [T || T <- [#msg{type = x}, {other, 1}], element(1, T) =:= msg] end),
    extra_t("size guard bin", fun() -> [B || B <- [<<1, 2>>, <<1>>], size(B) > 1] end),
    ok.
