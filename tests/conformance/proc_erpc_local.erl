-module(proc_erpc_local).
-export([main/0]).

%% rpc and erpc to the local node, which run on spawn_request: results, exceptions,
%% exits, throws, timeouts, multicall, and no messages left behind.

main() ->
    io:format("~p~n", [erpc:call(node(), lists, reverse, [[1, 2, 3]])]),
    io:format("~p~n", [erpc:call(node(), fun() -> self() =/= node() end)]),
    io:format("~p~n", [rpc:call(node(), erlang, '+', [1, 2])]),
    io:format("~p~n", [try erpc:call(node(), erlang, error, [boom])
                       catch error:{exception, R, _} -> {error, R} end]),
    io:format("~p~n", [try erpc:call(node(), erlang, exit, [bye])
                       catch exit:{exception, R2} -> {exit, R2} end]),
    io:format("~p~n", [try erpc:call(node(), erlang, throw, [ball])
                       catch throw:T -> {thrown, T} end]),
    io:format("~p~n", [rpc:call(node(), erlang, error, [boom])]),
    io:format("~p~n", [rpc:call(node(), erlang, exit, [bye])]),
    io:format("~p~n", [erpc:multicall([node()], erlang, node, [])]),
    io:format("~p~n", [try erpc:call(node(), timer, sleep, [300], 50)
                       catch error:{erpc, Why} -> {erpc, Why} end]),
    io:format("~p~n", [rpc:call(node(), timer, sleep, [300], 50)]),
    io:format("~p~n", [rpc:multicall([node()], lists, sum, [[1, 2, 3]])]),
    ReqId = erpc:send_request(node(), lists, seq, [1, 3]),
    io:format("~p~n", [erpc:receive_response(ReqId)]),
    io:format("~p~n", [rpc:async_call(node(), erlang, abs, [-4]) =/= undefined]),
    timer:sleep(400),
    io:format("left: ~p~n", [length(flush())]).

flush() -> receive M -> [M | flush()] after 0 -> [] end.
