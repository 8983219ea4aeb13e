-module(proc_halt_other).
-export([main/0]).

%% erlang:halt/1 from a process other than the main one stops the VM at once with that
%% status, even while the main process and a busy process are still running.

spin(N) -> spin(N + 1).

main() ->
    spawn(fun() -> spin(0) end),
    spawn(fun() ->
                  io:format("about to halt~n"),
                  erlang:halt(0)
          end),
    receive never -> ok end.
