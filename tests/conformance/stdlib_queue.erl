-module(stdlib_queue).
-export([main/0]).

main() ->
    Q0 = queue:new(),
    Q1 = lists:foldl(fun queue:in/2, Q0, [1, 2, 3, 4, 5]),
    io:format("to_list: ~p~n", [queue:to_list(Q1)]),
    io:format("raw: ~p~n", [Q1]),
    io:format("len: ~p empty: ~p~n", [queue:len(Q1), queue:is_empty(Q1)]),
    {{value, H}, Q2} = queue:out(Q1),
    io:format("out: ~p rest ~p~n", [H, queue:to_list(Q2)]),
    {{value, T}, Q3} = queue:out_r(Q2),
    io:format("out_r: ~p rest ~p~n", [T, queue:to_list(Q3)]),
    io:format("out empty: ~p~n", [queue:out(queue:new())]),
    Q4 = queue:in_r(0, Q3),
    io:format("in_r: ~p~n", [queue:to_list(Q4)]),
    io:format("peek: ~p peek_r: ~p~n", [queue:peek(Q4), queue:peek_r(Q4)]),
    io:format("get: ~p get_r: ~p~n", [queue:get(Q4), queue:get_r(Q4)]),
    io:format("get empty: ~p~n", [try queue:get(queue:new()) catch C:E -> {C, E} end]),
    io:format("reverse: ~p~n", [queue:to_list(queue:reverse(Q4))]),
    io:format("join: ~p~n", [queue:to_list(queue:join(Q4, queue:from_list([a, b])))]),
    {A, B} = queue:split(2, Q4),
    io:format("split: ~p ~p~n", [queue:to_list(A), queue:to_list(B)]),
    io:format("filter: ~p~n", [queue:to_list(queue:filter(fun(X) -> X rem 2 =:= 0 end, Q1))]),
    io:format("filter expand: ~p~n", [queue:to_list(queue:filter(fun(X) -> [X, X] end, Q1))]),
    io:format("member: ~p ~p~n", [queue:member(3, Q1), queue:member(30, Q1)]),
    io:format("drop: ~p drop_r: ~p~n", [queue:to_list(queue:drop(Q1)), queue:to_list(queue:drop_r(Q1))]),
    io:format("head/last/liat/tail: ~p ~p ~p ~p~n", [queue:head(Q1), queue:last(Q1), queue:to_list(queue:liat(Q1)), queue:to_list(queue:tail(Q1))]),
    io:format("cons/snoc: ~p~n", [queue:to_list(queue:snoc(queue:cons(first, Q1), last))]),
    io:format("is_queue: ~p ~p~n", [queue:is_queue(Q1), queue:is_queue([])]),
    io:format("fold: ~p~n", [queue:fold(fun(X, Acc) -> X + Acc end, 0, Q1)]),
    io:format("all/any: ~p ~p~n", [queue:all(fun(X) -> X > 0 end, Q1), queue:any(fun(X) -> X > 4 end, Q1)]),
    io:format("delete: ~p~n", [queue:to_list(queue:delete(3, Q1))]),
    Big = lists:foldl(fun queue:in/2, queue:new(), lists:seq(1, 10000)),
    {Taken, Rest} = drain(Big, 5000, []),
    io:format("drain: ~p ~p ~p~n", [length(Taken), hd(Taken), queue:len(Rest)]),
    ok.

drain(Q, 0, Acc) -> {Acc, Q};
drain(Q, N, Acc) -> {{value, V}, Q2} = queue:out(Q), drain(Q2, N - 1, [V | Acc]).
