-module(proc_spawn_reply).
-export([main/0, echo_loop/0]).

echo_loop() ->
    receive
        {From, {add, A, B}} -> From ! {self(), A + B}, echo_loop();
        {From, {concat, L}} -> From ! {self(), lists:append(L)}, echo_loop();
        {From, stop} -> From ! {self(), stopped}
    end.

call(Pid, Req) ->
    Pid ! {self(), Req},
    receive {Pid, Reply} -> Reply after 5000 -> timeout end.

main() ->
    Pid = spawn(?MODULE, echo_loop, []),
    io:format("is_pid: ~p~n", [is_pid(Pid)]),
    io:format("alive: ~p~n", [is_process_alive(Pid)]),
    io:format("add: ~p~n", [call(Pid, {add, 2, 3})]),
    io:format("concat: ~p~n", [call(Pid, {concat, ["ab", "cd"]})]),
    io:format("big add: ~p~n", [call(Pid, {add, 1 bsl 100, 1})]),
    Ref = erlang:monitor(process, Pid),
    io:format("stop: ~p~n", [call(Pid, stop)]),
    receive {'DOWN', Ref, process, Pid, Why} -> io:format("down: ~p~n", [Why]) after 5000 -> io:format("no down~n") end,
    io:format("alive after: ~p~n", [is_process_alive(Pid)]),
    Parent = self(),
    Pids = [spawn(fun() -> Parent ! {done, N, N * N} end) || N <- lists:seq(1, 10)],
    Results = [receive {done, N, Sq} -> {N, Sq} after 5000 -> timeout end || N <- lists:seq(1, 10)],
    io:format("ordered collect: ~p~n", [Results]),
    io:format("spawned count: ~p~n", [length(Pids)]),
    F = spawn(fun() -> receive {go, From} -> From ! {fact, fact(25)} end end),
    F ! {go, self()},
    receive {fact, V} -> io:format("fact from proc: ~p~n", [V]) after 5000 -> ok end,
    Chain = lists:foldl(fun(_, Next) -> spawn(fun() -> receive X -> Next ! X + 1 end end) end, self(), lists:seq(1, 100)),
    Chain ! 0,
    receive Count -> io:format("ring of 100: ~p~n", [Count]) after 5000 -> io:format("ring timeout~n") end,
    ok.

fact(0) -> 1;
fact(N) -> N * fact(N - 1).
