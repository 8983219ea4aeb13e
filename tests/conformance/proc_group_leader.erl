-module(proc_group_leader).
-export([main/0]).

%% group_leader/0,2 and the io protocol as seen by a minimal fake io server
%% that records each request and replies according to a scripted mode.

id(X) -> X.

try_(F) -> try F() catch C:E -> {C, E} end.

fake(Log, Mode) ->
    receive
        {io_request, From, ReplyAs, Req} ->
            Reply = case {Mode, Req} of
                        {error, _} -> {error, id(enospc)};
                        {_, {get_line, _, _}} -> "typed line\n";
                        {_, {get_chars, _, _, N}} -> lists:duplicate(N, $z);
                        _ -> ok
                    end,
            From ! {io_reply, ReplyAs, Reply},
            fake([Req | Log], Mode);
        {mode, M} -> fake(Log, M);
        {dump, To} -> To ! {log, self(), lists:reverse(Log)}, fake([], Mode);
        stop -> exit(normal)
    end.

dump(GL) ->
    GL ! {dump, self()},
    receive {log, GL, L} -> [describe(R) || R <- L] after 2000 -> timeout end.

%% the request shape plus the text it carries
describe({put_chars, Enc, M, F, A}) -> {put_chars, Enc, mfa, lists:flatten(apply(M, F, A))};
describe({put_chars, Enc, Chars}) -> {put_chars, Enc, chars, unicode:characters_to_list(Chars)};
describe(Other) -> Other.

run(Fun) ->
    {P, M} = spawn_monitor(Fun),
    receive {'DOWN', M, process, P, R} -> R after 5000 -> timeout end.

main() ->
    Orig = group_leader(),
    io:format("group_leader is pid: ~p~n", [is_pid(Orig)]),
    GL = spawn(fun() -> fake([], ok) end),
    Me = self(),

    %% a process that switches its own group leader
    R1 = run(fun() ->
                     true = group_leader(GL, self()),
                     io:format("hello ~p~n", [id(42)]),
                     io:put_chars("plain chars\n"),
                     io:put_chars(<<"binary chars\n">>),
                     io:write(id({a, 1})),
                     io:nl(),
                     io:fwrite("~s and ~w~n", [id("str"), id([1, 2])]),
                     exit({group_leader() =:= GL, io:get_line(id("prompt> ")), io:get_chars("", 3)})
             end),
    io:format("switched process result: ~p~n", [R1]),
    io:format("fake leader saw:~n~p~n", [dump(GL)]),

    %% children inherit the group leader of their parent at spawn time
    R2 = run(fun() ->
                     group_leader(GL, self()),
                     {C, CM} = spawn_monitor(fun() -> io:format("from child~n"), exit(group_leader() =:= GL) end),
                     receive {'DOWN', CM, process, C, CR} -> exit({child_inherited, CR}) end
             end),
    io:format("inherit: ~p~n", [R2]),
    io:format("child output went to fake: ~p~n", [dump(GL)]),

    %% group_leader/2 on another process
    Other = spawn(fun() -> receive go -> io:format("other says ~p~n", [id(hi)]), Me ! {other_done, group_leader() =:= GL} end end),
    io:format("set for other: ~p~n", [group_leader(GL, Other)]),
    {group_leader, OGL} = process_info(Other, group_leader),
    io:format("process_info group_leader is fake: ~p~n", [OGL =:= GL]),
    Other ! go,
    io:format("other done: ~p~n", [receive {other_done, B} -> B after 2000 -> timeout end]),
    io:format("other's output: ~p~n", [dump(GL)]),

    %% explicit device argument with our own group leader unchanged
    io:format(GL, "explicit ~s~n", ["device"]),
    io:put_chars(GL, "explicit put_chars\n"),
    io:format("explicit device: ~p~n", [dump(GL)]),
    io:format("own group leader unchanged: ~p~n", [group_leader() =:= Orig]),

    %% error replies from the io server
    GL ! {mode, error},
    R3 = run(fun() ->
                     group_leader(GL, self()),
                     exit({try_(fun() -> io:put_chars("x") end), try_(fun() -> io:format("~p", [y]) end)})
             end),
    io:format("error replies: ~p~n", [R3]),
    io:format("logged: ~p~n", [dump(GL)]),

    %% badarg cases and a dead leader
    io:format("badarg: ~p~n", [[try_(fun() -> group_leader(id(notpid), self()) end),
                                try_(fun() -> group_leader(GL, id(notpid)) end)]]),
    {Dead, DM} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', DM, process, Dead, _} -> ok end,
    io:format("set on dead process: ~p~n", [try_(fun() -> group_leader(GL, Dead) end)]),
    R4 = run(fun() -> group_leader(Dead, self()), exit(try_(fun() -> io:put_chars("lost") end)) end),
    io:format("dead leader: ~p~n", [R4]),
    GL ! stop,
    ok.
