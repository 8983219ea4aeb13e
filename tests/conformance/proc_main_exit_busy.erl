-module(proc_main_exit_busy).
-export([main/0]).

%% The run ends when the main process returns, although other processes are still busy or
%% waiting.

spin(N) -> spin(N + 1).

main() ->
    [spawn(fun() -> spin(0) end) || _ <- lists:seq(1, 4)],
    [spawn(fun() -> receive never -> ok end end) || _ <- lists:seq(1, 100)],
    erlang:send_after(60000, self(), late),
    io:format("main returns~n"),
    ok.
