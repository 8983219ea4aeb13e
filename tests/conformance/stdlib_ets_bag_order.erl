-module(stdlib_ets_bag_order).
-export([main/0]).
nc({L, C}) when is_tuple(C) -> {L, cont};
nc(X) -> X.
main() ->
B = ets:new(b,[bag]),
ets:insert(B, [{c, 1}, {c, 2}, {c, 3, 4}]),
io:format("~p ~p~n",[ets:lookup(B, c), ets:lookup_element(B, c, 2)]),
ets:insert(B, {c, 5}), ets:insert(B, {c, 6}),
io:format("~p ~p~n",[ets:lookup(B, c), ets:lookup_element(B, c, 2)]),
io:format("~p~n",[ets:tab2list(B)]),
io:format("~p~n",[nc(ets:select(B, [{'_',[],['$_']}], 2))]),
io:format("~p~n",[ets:take(B, c)]),
S = ets:new(s,[set]),
ets:insert(S, [{K} || K <- lists:seq(1,20)]),
S2 = ets:new(s,[set]),
[ets:insert(S2, {K}) || K <- lists:seq(1,20)],
io:format("~p~n~p~n",[ets:tab2list(S), ets:tab2list(S2)]),
D = ets:new(d,[duplicate_bag]),
ets:insert(D, [{k, 1}, {k, 2}, {k, 3}]), ets:insert(D, {k, 4}),
io:format("~p~n",[ets:lookup(D, k)]),
io:format("~p~n",[ets:select(S, [{{'$1'},[],[{{'$1', {'+', '$1', a}}}]}])]),
io:format("~p~n",[ets:select(S, [{{'$1'},[],[{{'$1', {'and', '$1', true}}}]}])]),
io:format("~p~n",[ets:select(S, [{{'$1'},[],[{{'$1', {'andalso', '$1', true}}}]}])]),
io:format("~p~n",[ets:select(S, [{{'$1'},[],[{{'$1', {'+', {'+', '$1', a}, 1}}}]}])]),
io:format("~p~n",[ets:select(S, [{{'$1'},[],[{'+', {'+', '$1', a}, 1}, 7]}])]),
io:format("~p~n",[ets:select(S, [{{'$1'},[],[{is_integer, {'+', '$1', a}}]}])]),
io:format("~p~n",[ets:select(S, [{{'$1'},[{is_integer, {'+', '$1', a}}],[x]}])]),
io:format("~p~n",[ets:select(S, [{{'$1'},[{'not', {is_integer, {'+', '$1', a}}}],[x]}])]),
io:format("~p~n",[ets:select(S, [{{'$1'},[{'orelse', {'>', {'+', '$1', a}, 1}, true}],[x]}])]),
ok.
