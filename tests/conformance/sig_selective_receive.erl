-module(sig_selective_receive).
-export([main/0]).

%% Selective receive: big queues, after 0 / infinity / variable timeouts, nested
%% receives, the make_ref-then-receive call pattern, guards and draining loops.

id(X) -> X.

flush() -> receive M -> [M | flush()] after 0 -> [] end.

drain(Acc) ->
    receive {item, N} -> drain(Acc + N) after 0 -> Acc end.

server() ->
    receive
        {call, From, Ref, Req} ->
            %% noise first, then the reply
            [From ! {noise, I} || I <- lists:seq(1, 20)],
            From ! {Ref, {reply, Req}},
            server();
        stop -> exit(normal)
    end.

call(Pid, Req) ->
    Mon = monitor(process, Pid),
    Pid ! {call, self(), Mon, Req},
    receive
        {Mon, Reply} -> demonitor(Mon, [flush]), Reply;
        {'DOWN', Mon, process, Pid, Why} -> {down, Why}
    after 5000 -> timeout
    end.

classify(Min) ->
    receive
        {v, X} when is_integer(X), X > Min -> {big, X};
        {v, X} when is_atom(X) -> {atom, X};
        {v, X} when is_list(X); is_binary(X) -> {seq, X}
    after 0 -> none
    end.

main() ->
    %% big queue, pick the last one
    [self() ! {item, I} || I <- lists:seq(1, 10000)],
    self() ! {target, id(42)},
    R1 = receive {target, T} -> T after 1000 -> missing end,
    io:format("target after 10000: ~p~n", [R1]),
    io:format("queue len: ~p~n", [element(2, process_info(self(), message_queue_len))]),
    R2 = receive {item, 5000} -> found_middle after 0 -> no end,
    io:format("middle: ~p~n", [R2]),
    io:format("drained sum: ~p~n", [drain(0)]),
    io:format("after 0 on empty: ~p~n", [receive _ -> got after 0 -> empty end]),

    %% after infinity with a delayed sender
    Me = self(),
    spawn(fun() -> timer:sleep(20), Me ! {late, id(7)} end),
    R3 = receive {late, L} -> L after infinity -> never end,
    io:format("after infinity: ~p~n", [R3]),
    Inf = id(infinity),
    spawn(fun() -> Me ! {late2, 8} end),
    io:format("variable infinity: ~p~n", [receive {late2, L2} -> L2 after Inf -> never end]),

    %% nested receives
    self() ! {outer, 1}, self() ! {inner, 2}, self() ! {inner, 3},
    R4 = receive
             {outer, O} ->
                 I1 = receive {inner, X} -> X after 0 -> none end,
                 I2 = receive {inner, Y} -> Y after 0 -> none end,
                 I3 = receive {inner, Z} -> Z after 0 -> none end,
                 {O, I1, I2, I3}
         end,
    io:format("nested: ~p~n", [R4]),

    %% gen_server-style call with unrelated messages in the queue
    [self() ! {unrelated, I} || I <- lists:seq(1, 500)],
    S = spawn(fun server/0),
    io:format("call 1: ~p~n", [call(S, ping)]),
    io:format("call 2: ~p~n", [call(S, {add, 1, 2})]),
    Rest = flush(),
    io:format("left: unrelated ~p noise ~p other ~p~n",
              [length([x || {unrelated, _} <- Rest]), length([x || {noise, _} <- Rest]),
               [M || M <- Rest, element(1, M) =/= unrelated, element(1, M) =/= noise]]),
    S ! stop,
    io:format("call to dead: ~p~n", [begin timer:sleep(20), call(S, ping) end]),

    %% guards
    [self() ! {v, V} || V <- [1, 100, foo, "str", <<"b">>, 3.5]],
    io:format("guards: ~p~n", [[classify(id(10)) || _ <- lists:seq(1, 5)]]),
    io:format("left after guards: ~p~n", [flush()]),

    %% variable timeouts
    lists:foreach(fun(TO) ->
                          R = receive nothing -> x after TO -> {timeout, TO} end,
                          io:format("after ~p: ~p~n", [TO, R])
                  end, [id(0), id(1), id(5), id(20)]),
    io:format("bad timeout: ~p~n", [try receive nothing -> x after id(-1) -> y end catch C1:E1 -> {C1, E1} end]),
    io:format("bad timeout atom: ~p~n", [try receive nothing -> x after id(soon) -> y end catch C2:E2 -> {C2, E2} end]),

    %% receive loop draining in order, with a match on a bound variable
    Key = id(k2),
    [self() ! {K, I} || I <- lists:seq(1, 3), K <- [k1, k2, k3]],
    Ks = [receive {Key, I} -> I after 0 -> none end || _ <- lists:seq(1, 4)],
    io:format("bound key: ~p~n", [Ks]),
    io:format("remaining: ~p~n", [flush()]),
    ok.
