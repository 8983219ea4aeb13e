-module(sig_other_node).
-export([main/0]).

%% Without distribution, another node cannot be reached: what each operation on
%% {Name, Node} (and node names) gives instead. (`nodes(known)` is left out: erl counts a
%% node it once tried to reach as known.)

flush() -> receive M -> [M | flush()] after 0 -> [] end.

t(F) -> try F() catch C:E -> {C, E} end.

main() ->
    Other = {foo, 'bar@baz'},
    io:format("monitor: ~p~n", [t(fun() -> monitor(process, Other) end)]),
    io:format("send: ~p~n", [t(fun() -> Other ! hi end)]),
    io:format("send/3 noconnect: ~p~n", [t(fun() -> erlang:send(Other, hi, [noconnect]) end)]),
    io:format("send/3 nosuspend: ~p~n", [t(fun() -> erlang:send(Other, hi, [nosuspend]) end)]),
    io:format("send/3 []: ~p~n", [t(fun() -> erlang:send(Other, hi, []) end)]),
    io:format("send/3 bad: ~p~n", [t(fun() -> erlang:send(Other, hi, [bad]) end)]),
    io:format("local by node name: ~p~n",
              [t(fun() -> register(me, self()), {me, node()} ! local, receive X -> X end end)]),
    io:format("spawn_request: ~p~n",
              [begin R = spawn_request('bar@baz', fun() -> ok end),
                     receive {spawn_reply, R, E, Why} -> {E, Why} end end]),
    io:format("node(): ~p, nodes(): ~p~n", [node(), t(fun() -> nodes() end)]),
    io:format("nodes/1: ~p~n",
              [[t(fun() -> nodes(K) end)
                || K <- [visible, hidden, connected, this, [this, hidden], [], bad, [bad]]]]),
    io:format("nodes/2: ~p~n",
              [[t(fun() -> nodes(K, O) end)
                || {K, O} <- [{this, #{connection_id => true}},
                              {this, #{connection_id => true, node_type => true}},
                              {[this], #{node_type => false}}, {visible, #{node_type => true}},
                              {this, #{}}, {this, #{node_type => 1}}, {this, #{bad => true}},
                              {this, []}]]]),
    timer:sleep(10),
    io:format("left: ~p~n", [flush()]).
