-module(stdlib_ets_insert_list).
-export([main/0]).
main() ->
S = ets:new(s,[set]), ets:insert(S, [{a,1},{a,2}]), io:format("~p~n",[ets:lookup(S,a)]),
S2 = ets:new(s,[set]), ets:insert_new(S2, [{a,1},{a,2}]), io:format("~p~n",[ets:lookup(S2,a)]),
O = ets:new(s,[ordered_set]), ets:insert(O, [{a,1},{a,2}]), io:format("~p~n",[ets:lookup(O,a)]),
O2 = ets:new(s,[ordered_set]), ets:insert_new(O2, [{a,1},{a,2}]), io:format("~p~n",[ets:lookup(O2,a)]),
D = ets:new(d,[duplicate_bag]), ets:insert(D, [{a,1},{a,2},{a,3}]), io:format("~p~n",[ets:lookup(D,a)]),
D2 = ets:new(d,[duplicate_bag]), ets:insert_new(D2, [{a,1},{a,2},{a,3}]), io:format("~p~n",[ets:lookup(D2,a)]),
B2 = ets:new(d,[bag]), ets:insert_new(B2, [{a,1},{a,2},{a,3}]), io:format("~p~n",[ets:lookup(B2,a)]),
%% collisions in same bucket: keys K and K+256? find two keys in same slot
S3 = ets:new(s,[set]), ets:insert(S3, [{K} || K <- lists:seq(1,600)]), 
io:format("~p~n",[lists:sublist(ets:tab2list(S3), 30)]),
S4 = ets:new(s,[set]), [ets:insert(S4, {K}) || K <- lists:seq(1,600)],
io:format("~p~n",[lists:sublist(ets:tab2list(S4), 30)]),
ok.
