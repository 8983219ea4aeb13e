-module(proc_mailbox).
-export([main/0]).

flush(Acc) ->
    receive M -> flush([M | Acc]) after 0 -> lists:reverse(Acc) end.

main() ->
    self() ! hello,
    R1 = receive X -> X after 0 -> nothing end,
    io:format("self send: ~p~n", [R1]),
    R2 = receive Y -> Y after 0 -> nothing end,
    io:format("empty after 0: ~p~n", [R2]),
    [self() ! {msg, N} || N <- lists:seq(1, 5)],
    io:format("flush order: ~p~n", [flush([])]),
    self() ! {b, 2}, self() ! {a, 1}, self() ! {c, 3},
    RA = receive {a, V} -> V after 0 -> none end,
    io:format("selective a: ~p~n", [RA]),
    io:format("remaining: ~p~n", [flush([])]),
    self() ! first, self() ! {prio, 1}, self() ! second,
    RP = receive {prio, P} -> {prio, P} after 0 -> none end,
    io:format("priority: ~p then ~p~n", [RP, flush([])]),
    R3 = receive never -> x after 10 -> timed_out end,
    io:format("after 10: ~p~n", [R3]),
    self() ! {data, [1, 2, 3], <<"bin">>, #{k => v}},
    receive {data, L, B, M} -> io:format("complex msg: ~p ~p ~p~n", [L, B, M]) after 0 -> ok end,
    io:format("message_queue_len: ~p~n", [element(2, process_info(self(), message_queue_len))]),
    [self() ! N || N <- lists:seq(1, 1000)],
    io:format("queue len 1000: ~p~n", [element(2, process_info(self(), message_queue_len))]),
    Sum = lists:sum(flush([])),
    io:format("sum of msgs: ~p~n", [Sum]),
    self() ! 5, self() ! 15, self() ! 25,
    Big = receive N2 when N2 > 10 -> N2 after 0 -> none end,
    io:format("guarded receive: ~p rest ~p~n", [Big, flush([])]),
    erlang:send(self(), via_send),
    io:format("erlang:send: ~p~n", [receive Z -> Z after 0 -> none end]),
    Ref = make_ref(),
    self() ! {Ref, tagged},
    io:format("ref-tagged: ~p~n", [receive {Ref, T} -> T after 0 -> none end]),
    io:format("timeout infinity-free: ~p~n", [receive after 1 -> done end]),
    ok.
