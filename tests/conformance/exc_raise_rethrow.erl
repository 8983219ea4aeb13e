-module(exc_raise_rethrow).
-export([main/0, id/1, t/2]).

%% An exception raised with an explicit trace (erlang:raise/3) and re-raised by the
%% rethrow of try ... after (or a nested catch-all) keeps that trace as a list.
%% gen_server's {stop, Reason, Reply, State} path does exactly this; a wrong trace there
%% made proc_lib's erlang:raise/3 return badarg and the server exit normally.
id(X) -> X.

t(R, St) -> erlang:raise(exit, R, St).

w(F) ->
    try F() of
        V -> {returned, V}
    catch C:R:S -> {C, R, S}
    end.

run(F) ->
    process_flag(trap_exit, true),
    P = spawn_link(F),
    receive {'EXIT', P, R} -> R after 1000 -> none end.

main() ->
    St = id([{a, b, 1, []}, {c, d, [x], [{file, "f.erl"}, {line, 3}]}]),
    S = self(),
    [io:format("~p~n", [w(F)])
     || F <- [fun() -> t(stopped, St) end,
              fun() -> try t(stopped, St) after S ! ok end end,
              fun() -> try t(stopped, St) after ok end end,
              fun() -> try erlang:raise(error, stopped, St) after S ! ok end end,
              fun() -> try erlang:raise(throw, stopped, St) after S ! ok end end,
              fun() -> try try t(stopped, St) after S ! ok end after S ! ok end end,
              fun() -> try t(stopped, St) catch exit:R:T -> erlang:raise(error, R, T) end end,
              fun() -> try try t(stopped, St) after ok end
                       catch C:R:T -> erlang:raise(C, R, T) end end,
              fun() -> try t(stopped, St) after erlang:raise(throw, inner, [{x, y, 0, []}]) end end]],
    io:format("~p~n", [run(fun() ->
                                   try try t(stopped, St) after S ! ok end
                                   catch C:R:T -> erlang:raise(C, R, T) end
                           end)]),
    flush(),
    ok.

flush() ->
    receive ok -> flush() after 0 -> ok end.
