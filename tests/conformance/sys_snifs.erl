-module(sys_snifs).
-export([main/0]).

%% erlang:system_info(snifs): BEAM's table of BIFs, as {M, F, A}, in its own order.
%% OTP's error_info tests (lists_SUITE, maps_SUITE, ...) take from it which functions
%% of a module are BIFs.
main() ->
    L = erlang:system_info(snifs),
    io:format("count ~p~n", [length(L)]),
    io:format("all mfa ~p~n", [lists:all(fun({M, F, A}) -> is_atom(M) andalso is_atom(F)
                                                      andalso is_integer(A) end, L)]),
    io:format("first ~p~n", [lists:sublist(L, 10)]),
    io:format("last ~p~n", [lists:nthtail(length(L) - 10, L)]),
    [io:format("~p: ~p~n", [Mod, lists:sort([{F, A} || {M, F, A} <- L, M =:= Mod])])
     || Mod <- [lists, maps, binary, string, unicode, math, ets, os]],
    io:format("hash ~p~n", [erlang:phash2(L)]),
    ok.
