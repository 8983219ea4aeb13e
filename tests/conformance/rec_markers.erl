%% Receive markers (recv_marker_reserve/bind/use/clear, which the compiler emits for a
%% receive on a reference made just before): with a long queue, interleaved calls, more
%% outstanding references than markers, and messages removed in between, every reply is
%% still found and the other messages stay in order.
-module(rec_markers).
-export([main/0]).

main() ->
    Echo = spawn(fun echo/0),
    [self() ! {filler, N} || N <- lists:seq(1, 1000)],
    io:format("simple: ~p~n", [[call(Echo, N) || N <- lists:seq(1, 5)]]),
    %% Six calls outstanding at once, answered in reverse.
    Refs = [begin R = make_ref(), Echo ! {delayed, self(), R, N}, R end || N <- lists:seq(1, 6)],
    Echo ! release,
    io:format("many: ~p~n", [[receive {R, V} -> V end || R <- Refs]]),
    %% A message taken out between making the reference and waiting for it.
    R2 = erlang:monitor(process, Echo),
    Echo ! {self(), R2, late},
    receive {filler, 1} -> ok end,
    io:format("after removal: ~p~n", [receive {R2, V2} -> V2 end]),
    erlang:demonitor(R2, [flush]),
    %% A monitor that fires: demonitor with flush takes its 'DOWN' out.
    Short = spawn(fun() -> receive go -> ok end end),
    R3 = erlang:monitor(process, Short),
    Short ! go,
    timer:sleep(50),
    io:format("flushed: ~p~n", [erlang:demonitor(R3, [flush, info])]),
    %% Nested calls: inner receives take messages out while the outer marker waits.
    io:format("nested: ~p~n", [nested(Echo, 3)]),
    io:format("fillers left: ~p, first ~p~n",
              [length(fillers()), hd(lists:sort(fillers()))]),
    exit(Echo, kill).

call(Pid, N) ->
    Ref = erlang:monitor(process, Pid),
    Pid ! {self(), Ref, N},
    receive
        {Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            Reply
    end.

nested(_Pid, 0) -> [];
nested(Pid, Depth) ->
    Ref = erlang:monitor(process, Pid),
    Pid ! {self(), Ref, Depth},
    self() ! {filler, 1000 + Depth},
    Inner = nested(Pid, Depth - 1),
    receive {filler, F} when F =:= 1000 + Depth -> ok end,
    receive {Ref, Reply} -> erlang:demonitor(Ref, [flush]), [Reply | Inner] end.

echo() ->
    receive
        {From, Ref, N} -> From ! {Ref, {echo, N}}, echo();
        {delayed, From, Ref, N} -> delayed([{From, Ref, N}])
    end.

delayed(Acc) ->
    receive
        {delayed, From, Ref, N} -> delayed([{From, Ref, N} | Acc]);
        release -> [From ! {Ref, N * 10} || {From, Ref, N} <- Acc], echo()
    end.

fillers() ->
    {messages, Ms} = process_info(self(), messages),
    [N || {filler, N} <- Ms].
