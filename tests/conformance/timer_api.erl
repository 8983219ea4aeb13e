-module(timer_api).
-export([main/0]).

%% BIF timers: send_after/3,4, start_timer/3,4, cancel_timer/1,2, read_timer/1,2,
%% their messages, options, firing order and badarg cases.

id(X) -> X.

try_(F) -> try F() catch C:E -> {C, E} end.

flush() -> receive M -> [M | flush()] after 0 -> [] end.

%% remaining time is printed only as a range fact
left(T, Max) when is_integer(T) -> {int, T >= 0 andalso T =< Max};
left(Other, _) -> Other.

main() ->
    %% basic send_after / start_timer
    R1 = erlang:send_after(id(5), self(), ping),
    io:format("send_after ref: ~p msg: ~p~n", [is_reference(R1), receive ping -> ping after 1000 -> none end]),
    R2 = erlang:start_timer(id(5), self(), tick),
    io:format("start_timer: ~p~n", [receive {timeout, R2, tick} -> ok after 1000 -> none end]),
    io:format("cancel after firing: ~p ~p~n", [erlang:cancel_timer(R1), erlang:cancel_timer(R2)]),
    io:format("read after firing: ~p~n", [erlang:read_timer(R2)]),

    %% absolute deadlines
    Now = erlang:monotonic_time(millisecond),
    R3 = erlang:send_after(Now + 20, self(), abs_msg, [{abs, true}]),
    R4 = erlang:start_timer(Now + 3, self(), abs_tick, [{abs, true}]),
    R5 = erlang:send_after(id(10), self(), rel_msg, [{abs, false}]),
    io:format("abs order: ~p~n", [[receive M -> case M of {timeout, R4, X} -> {timeout, X}; _ -> M end
                                   after 1000 -> none end || _ <- [1, 2, 3]]]),
    io:format("abs in the past: ~p~n",
              [begin erlang:send_after(Now - 100, self(), past, [{abs, true}]),
                     receive past -> fired after 1000 -> none end end]),
    _ = [R3, R5],

    %% cancel/read on pending timers
    T1 = erlang:send_after(id(10000), self(), never1),
    io:format("read pending: ~p~n", [left(erlang:read_timer(T1), 10000)]),
    io:format("read async: ~p~n", [erlang:read_timer(T1, [{async, true}])]),
    io:format("read msg: ~p~n", [receive {read_timer, T1, V} -> left(V, 10000) after 1000 -> none end]),
    io:format("read sync opt: ~p~n", [left(erlang:read_timer(T1, [{async, false}]), 10000)]),
    io:format("cancel pending: ~p~n", [left(erlang:cancel_timer(T1), 10000)]),
    io:format("cancel again: ~p read ~p~n", [erlang:cancel_timer(T1), erlang:read_timer(T1)]),
    T2 = erlang:start_timer(id(10000), self(), never2),
    io:format("cancel info false: ~p~n", [erlang:cancel_timer(T2, [{info, false}])]),
    io:format("cancelled: ~p~n", [erlang:read_timer(T2)]),
    T3 = erlang:send_after(id(10000), self(), never3),
    io:format("cancel async: ~p~n", [erlang:cancel_timer(T3, [{async, true}])]),
    io:format("async msg: ~p~n", [receive {cancel_timer, T3, V3} -> left(V3, 10000) after 1000 -> none end]),
    io:format("cancel async again: ~p~n", [erlang:cancel_timer(T3, [{async, true}, {info, true}])]),
    io:format("async msg: ~p~n", [receive {cancel_timer, T3, V4} -> V4 after 1000 -> none end]),
    T4 = erlang:send_after(id(10000), self(), never4),
    io:format("async no info: ~p~n", [erlang:cancel_timer(T4, [{async, true}, {info, false}])]),
    io:format("no msg: ~p read ~p~n", [receive {cancel_timer, T4, _} -> got after 20 -> none end, erlang:read_timer(T4)]),
    io:format("cancel []: ~p~n", [erlang:cancel_timer(make_ref(), [])]),
    io:format("unknown ref: ~p ~p~n", [erlang:cancel_timer(make_ref()), erlang:read_timer(make_ref())]),

    %% registered names and dead processes
    register(timer_api_target, self()),
    erlang:send_after(id(5), timer_api_target, by_name),
    io:format("to name: ~p~n", [receive by_name -> ok after 1000 -> none end]),
    unregister(timer_api_target),
    TN = erlang:send_after(id(5), timer_api_nobody, lost),
    io:format("to unregistered name: ref ~p~n", [is_reference(TN)]),
    {D, DM} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', DM, process, D, _} -> ok end,
    TD = erlang:send_after(id(1000), D, x),
    io:format("to dead pid: ~p ~p~n", [erlang:read_timer(TD), erlang:cancel_timer(TD)]),
    Me = self(),
    Tgt = spawn(fun() -> receive stop -> Me ! {stopped, self()} end end),
    TT = erlang:start_timer(id(10000), Tgt, x),
    Tgt ! stop,
    receive {stopped, Tgt} -> ok end,
    timer:sleep(20),
    io:format("target exited: ~p~n", [erlang:read_timer(TT)]),

    %% firing order with distinct deadlines created out of order
    Ds = [7, 3, 11, 1, 9, 5, 13, 2, 15, 4],
    [erlang:send_after(id(D1 * 3), self(), {fire, D1}) || D1 <- Ds],
    io:format("fire order: ~w~n", [[receive {fire, X1} -> X1 after 2000 -> none end || _ <- Ds]]),

    %% many pending timers
    Many = [erlang:send_after(id(5000 + I), self(), {many, I}) || I <- lists:seq(1, 1000)],
    Res = [erlang:cancel_timer(T) || T <- Many],
    io:format("1000 cancelled: ~p~n", [length([x || L <- Res, is_integer(L)])]),
    io:format("all false now: ~p~n", [lists:all(fun(T) -> erlang:read_timer(T) =:= false end, Many)]),

    %% timeouts in receive
    io:format("after 0: ~p after 3: ~p~n",
              [receive x -> x after 0 -> t0 end, receive x -> x after id(3) -> t3 end]),
    TF = erlang:send_after(id(4294967296), self(), far),
    io:format("big time: ~p~n", [left(erlang:cancel_timer(TF), 4294967296)]),
    io:format("leftover many: ~p~n", [length([x || {many, _} <- flush()])]),

    %% badarg
    Bad = [fun() -> erlang:send_after(id(-1), self(), x) end,
           fun() -> erlang:send_after(id(1.5), self(), x) end,
           fun() -> erlang:send_after(id(1 bsl 64), self(), x) end,
           fun() -> erlang:send_after(10, id("dest"), x) end,
           fun() -> erlang:send_after(10, self(), x, [id(bogus)]) end,
           fun() -> erlang:start_timer(id(foo), self(), x) end,
           fun() -> erlang:start_timer(10, id({a, b}), x) end,
           fun() -> erlang:start_timer(10, self(), x, [{abs, id(maybe)}]) end,
           fun() -> erlang:start_timer(id(-1), self(), x, [{abs, false}]) end,
           fun() -> erlang:cancel_timer(id(notref)) end,
           fun() -> erlang:cancel_timer(make_ref(), [id(bogus)]) end,
           fun() -> erlang:cancel_timer(make_ref(), id(notlist)) end,
           fun() -> erlang:read_timer(id(123)) end,
           fun() -> erlang:read_timer(make_ref(), [{info, true}]) end],
    io:format("badargs: ~w~n", [[try_(F) || F <- Bad]]),
    io:format("queue at end: ~p~n", [flush()]),
    ok.
