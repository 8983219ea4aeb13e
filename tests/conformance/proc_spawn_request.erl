-module(proc_spawn_request).
-export([main/0, child/1, echo/0]).

%% spawn_request/1..5: the reply and its options, monitors and links keyed by the request
%% id, bad options answered by an error reply, bad arguments raised, requests to another
%% node (without distribution: noconnection), spawn_request_abandon.

child(Parent) -> Parent ! {from_child, self()}, receive stop -> ok end.

echo() -> receive {From, X} -> From ! {echoed, X} end.

flush() -> receive M -> [M | flush()] after 0 -> [] end.

%% A message with the reference replaced by where it came from, so the output is stable.
shape(R, {Tag, R, Result, Pid}) when is_pid(Pid) -> {Tag, req, Result, pid};
shape(R, {Tag, R, Result, Value}) -> {Tag, req, Result, Value};
shape(R, {'DOWN', R, process, Pid, Why}) when is_pid(Pid) -> {'DOWN', req, pid, Why};
shape(_R, {'EXIT', Pid, Why}) when is_pid(Pid) -> {'EXIT', pid, Why};
shape(_R, {from_child, Pid}) when is_pid(Pid) -> from_child;
shape(_R, M) -> M.

catching(F) -> try F() catch C:E -> {caught, C, E} end.

main() ->
    Self = self(),
    R1 = spawn_request(?MODULE, child, [Self]),
    M1 = receive A -> A end,
    M2 = receive B -> B end,
    io:format("reply first: ~p then ~p~n", [shape(R1, M1), shape(R1, M2)]),
    {spawn_reply, R1, ok, P1} = M1,
    io:format("same pid: ~p~n", [M2 =:= {from_child, P1}]),
    io:format("initial_call: ~p~n", [erlang:process_info(P1, initial_call)]),
    P1 ! stop,

    %% Options one by one.
    lists:foreach(
      fun(Opts) ->
              R = spawn_request(fun() -> exit(done) end, Opts),
              timer:sleep(20),
              io:format("~p -> ~p~n", [Opts, [shape(R, M) || M <- flush()]])
      end,
      [[], [monitor], [{reply_tag, my_tag}], [{reply, no}, monitor],
       [{reply, error_only}], [{reply, success_only}, {reply_tag, t}],
       [{monitor, [{alias, demonitor}]}], [{priority, high}, monitor],
       [bad], [{priority, bad}], [{reply, bad}], [{reply, no}, bad],
       [bad, {reply_tag, late_tag}], [{min_heap_size, -1}],
       [{max_heap_size, 100}, {min_heap_size, 1000}], [{monitor, [bad]}]]),

    %% A link: the request's process exits and we trap it.
    process_flag(trap_exit, true),
    RL = spawn_request(fun() -> exit(linked_bye) end, [link]),
    receive {'EXIT', _, _} = E -> io:format("link: ~p~n", [shape(RL, E)]) end,
    io:format("link then: ~p~n", [[shape(RL, M) || M <- flush()]]),
    process_flag(trap_exit, false),

    %% A monitor whose reference is the request id, used with an alias.
    RA = spawn_request(?MODULE, echo, [], [{monitor, [{alias, reply_demonitor}]}, {reply, no}]),
    receive after 10 -> ok end,
    [Pid] = [P || P <- processes(), P =/= self(),
                  erlang:process_info(P, initial_call) =:= {initial_call, {?MODULE, echo, 0}}],
    Pid ! {RA, hello},
    receive {echoed, hello} -> io:format("echo through the alias~n") end,
    %% reply_demonitor: the reply through the alias ended the monitor, so no 'DOWN'.
    timer:sleep(20),
    io:format("after the reply: ~p~n", [flush()]),

    %% Bad arguments are exceptions; a bad option list too.
    io:format("~p~n", [catching(fun() -> spawn_request(1, child, []) end)]),
    io:format("~p~n", [catching(fun() -> spawn_request(?MODULE, 1, []) end)]),
    io:format("~p~n", [catching(fun() -> spawn_request(?MODULE, child, [x | y], []) end)]),
    io:format("~p~n", [catching(fun() -> spawn_request(?MODULE, child, [x], notalist) end)]),
    io:format("~p~n", [catching(fun() -> spawn_request(not_a_fun) end)]),
    io:format("~p~n", [catching(fun() -> spawn_request(fun(_) -> ok end, []) end)]),

    %% Another node: no connection without distribution.
    RN = spawn_request('other@nowhere', fun() -> ok end, [monitor]),
    io:format("remote: ~p~n", [[shape(RN, M) || M <- flush()]]),
    RN2 = spawn_request('other@nowhere', fun() -> ok end, [{reply, bad}]),
    io:format("remote bad reply: ~p~n", [[shape(RN2, M) || M <- flush()]]),
    RN3 = spawn_request('other@nowhere', ?MODULE, echo, [], [{reply, no}]),
    timer:sleep(10),
    io:format("remote no reply: ~p ~p~n", [is_reference(RN3), flush()]),
    io:format("local by name: ~p~n",
              [begin R = spawn_request(node(), fun() -> ok end, []),
                     timer:sleep(10), [shape(R, M) || M <- flush()] end]),

    %% Abandon: local requests are answered at once, so nothing is outstanding.
    RB = spawn_request(fun() -> ok end),
    io:format("abandon: ~p ~p ~p~n",
              [spawn_request_abandon(RB), spawn_request_abandon(make_ref()),
               catching(fun() -> spawn_request_abandon(not_a_ref) end)]),
    timer:sleep(10),
    io:format("left: ~p~n", [[shape(RB, M) || M <- flush()]]).
