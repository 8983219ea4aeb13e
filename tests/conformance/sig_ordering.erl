-module(sig_ordering).
-export([main/0]).

%% Signal ordering between pairs of processes: messages from one sender arrive in
%% send order, and a sender's messages precede its later exit/link/DOWN signals.

id(X) -> X.

flush() -> receive M -> [M | flush()] after 0 -> [] end.

sender(Parent, Tag, N) ->
    receive go -> ok end,
    [Parent ! {seq, Tag, I} || I <- lists:seq(1, N)],
    Parent ! {done, Tag}.

collect(0, Acc) -> Acc;
collect(Left, Acc) ->
    receive
        {seq, Tag, I} -> collect(Left, maps:update_with(Tag, fun(L) -> [I | L] end, [I], Acc));
        {done, _} -> collect(Left - 1, Acc)
    after 5000 -> timeout
    end.

main() ->
    Me = self(),
    N = id(200),
    Tags = [a, b, c, d, e],
    Ps = [spawn(fun() -> sender(Me, T, N) end) || T <- Tags],
    [P ! go || P <- Ps],
    Got = collect(length(Tags), #{}),
    Ordered = [{T, lists:reverse(maps:get(T, Got)) =:= lists:seq(1, N)} || T <- Tags],
    io:format("per-sender order: ~p~n", [Ordered]),
    io:format("counts: ~w~n", [[length(maps:get(T, Got)) || T <- Tags]]),

    %% messages then exit signal to a trapping receiver
    process_flag(trap_exit, true),
    S1 = spawn(fun() -> receive go -> ok end, [Me ! {m, I} || I <- lists:seq(1, 5)], exit(Me, id(stop_now)) end),
    S1 ! go,
    receive {'EXIT', S1, _} -> ok after 5000 -> io:format("timeout~n") end,
    io:format("msgs then exit (queue before EXIT was read): ~p~n", [flush()]),
    S1b = spawn(fun() -> receive go -> ok end, [Me ! {m, I} || I <- lists:seq(1, 5)], exit(Me, id(stop_now)) end),
    S1b ! go,
    timer:sleep(50),
    Q1 = [case M of {'EXIT', S1b, R} -> {exit, R}; _ -> M end || M <- flush()],
    io:format("msgs then exit: ~p~n", [Q1]),

    %% link then messages, then exit of the linked process
    S2 = spawn(fun() -> receive go -> ok end, link(Me), Me ! {after_link, 1}, Me ! {after_link, 2}, exit(id(bye)) end),
    S2 ! go,
    timer:sleep(50),
    Q2 = [case M of {'EXIT', S2, R} -> {exit, R}; _ -> M end || M <- flush()],
    io:format("link, msgs, exit: ~p~n", [Q2]),
    {links, L2} = process_info(self(), links),
    io:format("dead partner still linked: ~p~n", [lists:member(S2, L2)]),

    %% monitor and DOWN after messages sent by the dying process
    S3 = spawn(fun() -> receive go -> ok end, [Me ! {last, I} || I <- lists:seq(1, 4)], exit(id(finished)) end),
    M3 = monitor(process, S3),
    S3 ! go,
    timer:sleep(50),
    Q3 = [case M of {'DOWN', M3, process, S3, R} -> {down, R}; _ -> M end || M <- flush()],
    io:format("msgs then DOWN: ~p~n", [Q3]),

    %% normal exit: messages then DOWN and EXIT (both monitor and link)
    S4 = spawn(fun() -> receive go -> ok end, Me ! one, Me ! two end),
    link(S4),
    M4 = monitor(process, S4),
    S4 ! go,
    timer:sleep(50),
    Q4 = [case M of
              {'DOWN', M4, process, S4, R} -> {down, R};
              {'EXIT', S4, R} -> {exit, R};
              _ -> M
          end || M <- flush()],
    io:format("msgs, then signals: ~p~n", [lists:sublist(Q4, 2) ++ lists:sort(lists:nthtail(2, Q4))]),

    %% relay: A sends to B, B forwards to us; order preserved through the chain
    B = spawn(fun Loop() -> receive {fwd, X} -> Me ! {relayed, X}, Loop(); stop -> exit(normal) end end),
    A = spawn(fun() -> [B ! {fwd, I} || I <- lists:seq(1, 50)], B ! stop end),
    MA = monitor(process, A),
    receive {'DOWN', MA, process, A, _} -> ok end,
    timer:sleep(50),
    Relayed = [X || {relayed, X} <- flush()],
    io:format("relayed in order: ~p (~p)~n", [Relayed =:= lists:seq(1, 50), length(Relayed)]),

    %% self-sends are in order and interleave with timers only by time
    [self() ! {self_msg, I} || I <- lists:seq(1, 10)],
    io:format("self order: ~p~n", [[I || {self_msg, I} <- flush()]]),
    process_flag(trap_exit, false),
    ok.
