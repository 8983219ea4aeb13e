-module(proc_max_heap_stack).
-export([main/0]).

%% max_heap_size counts the stack: a deep body recursion that allocates nothing on the
%% heap on its way down is stopped at the limit (`killed`), only that process dies, and a
%% recursion that stays within the limit, or a process without a limit, finishes.

%% The list cells are built on the way back up: going down, only the stack grows.
down(0) -> [];
down(N) -> [N | down(N - 1)].

run(Opts, Fun) ->
    {P, M} = spawn_opt(Fun, [monitor | Opts]),
    receive {'DOWN', M, process, P, R} -> R after 60000 -> timeout end.

quiet(Size) -> #{size => Size, kill => true, error_logger => false}.

id(X) -> X.

main() ->
    io:format("deep recursion over the limit: ~p~n",
              [run([{max_heap_size, quiet(100000)}],
                   fun() -> exit(length(down(id(10000000)))) end)]),
    io:format("shallow recursion within the limit: ~p~n",
              [run([{max_heap_size, quiet(100000)}],
                   fun() -> exit(length(down(id(1000)))) end)]),
    io:format("limit set by process_flag: ~p~n",
              [run([], fun() ->
                               process_flag(max_heap_size, quiet(50000)),
                               exit(length(down(id(5000000))))
                       end)]),
    io:format("no limit: ~p~n",
              [run([], fun() -> exit(length(down(id(20000)))) end)]),
    io:format("the caller goes on: ~p~n", [is_process_alive(self())]),
    ok.
