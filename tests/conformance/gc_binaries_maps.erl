-module(gc_binaries_maps).
-export([main/0]).

%% Garbage-heavy loops over binaries (heap and refc sized), maps and bignums.

bin_loop(0, Acc) -> Acc;
bin_loop(N, Acc) ->
    B = <<N:32, (binary:copy(<<"x">>, 100))/binary>>,
    Big = binary:copy(<<N:8>>, 2000),
    bin_loop(N - 1, (Acc + byte_size(B) + binary:last(Big)) rem 1000000007).

map_loop(0, M) -> M;
map_loop(N, M) ->
    M2 = maps:put(N rem 100, N, M),
    map_loop(N - 1, M2).

big_loop(0, X) -> X;
big_loop(N, X) -> big_loop(N - 1, (X * 1000003 + N) rem (1 bsl 200)).

main() ->
    io:format("bin loop: ~p~n", [bin_loop(50000, 0)]),
    M = map_loop(200000, #{}),
    io:format("map loop size: ~p sum: ~p~n", [map_size(M), lists:sum(maps:values(M))]),
    io:format("big loop: ~p~n", [big_loop(200000, 1)]),
    Acc = lists:foldl(fun(I, A) -> <<A/binary, I:8>> end, <<>>, lists:seq(1, 100000)),
    io:format("appended binary: ~p ~p~n", [byte_size(Acc), erlang:phash2(Acc)]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("refc binaries kept", fun() -> Bs = [binary:copy(<<I>>, 1000) || I <- lists:seq(1, 200)], erlang:garbage_collect(), lists:sum([binary:first(B) || B <- Bs]) end),
    extra_t("sub binaries of big", fun() -> Big = binary:copy(<<"0123456789">>, 10000), Subs = [binary:part(Big, I * 10, 5) || I <- lists:seq(0, 999)], erlang:garbage_collect(), iolist_size(Subs) end),
    extra_t("large map churn", fun() -> lists:foldl(fun(I, M) -> maps:remove(I - 50, M#{I => I}) end, #{}, lists:seq(1, 100000)) =:= maps:from_list([{I, I} || I <- lists:seq(99951, 100000)]) end),
    ok.
