-module(proc_max_heap).
-export([main/0]).

%% max_heap_size: a process whose heap grows past its limit is killed (with `killed`),
%% one within its limit is not, `kill => false` only reports; the setting reads back.

build(N, Acc) when N > 0 -> build(N - 1, [N | Acc]);
build(_, Acc) -> length(Acc).

run(Opts, Fun) ->
    {P, M} = spawn_opt(Fun, [monitor | Opts]),
    receive {'DOWN', M, process, P, R} -> R after 10000 -> timeout end.

reason({'EXIT', {R, _Stack}}) -> R.

quiet(Size) -> #{size => Size, kill => true, error_logger => false}.

main() ->
    io:format("over the limit: ~p~n",
              [run([{max_heap_size, quiet(10000)}], fun() -> exit(build(1000000, [])) end)]),
    io:format("within the limit: ~p~n",
              [run([{max_heap_size, quiet(100000)}], fun() -> exit(build(1000, [])) end)]),
    io:format("no kill: ~p~n",
              [run([], fun() ->
                               process_flag(max_heap_size,
                                            #{size => 5000, kill => false, error_logger => false}),
                               exit(build(20000, []))
                       end)]),
    io:format("set by process_flag: ~p~n",
              [run([], fun() ->
                               process_flag(max_heap_size, quiet(20000)),
                               exit(build(1000000, []))
                       end)]),
    Self = self(),
    run([{max_heap_size, 12345}],
        fun() ->
                {max_heap_size, M} = process_info(self(), max_heap_size),
                Self ! {mhs, M},
                Old = process_flag(max_heap_size, 0),
                Self ! {old, Old}
        end),
    receive {mhs, M1} -> io:format("read back: ~p~n", [M1]) end,
    receive {old, O} -> io:format("old value: ~p~n", [O]) end,
    io:format("bad size: ~p~n", [reason(catch process_flag(max_heap_size, -1))]),
    io:format("bad map: ~p~n", [reason(catch process_flag(max_heap_size, #{size => foo}))]),
    ok.
