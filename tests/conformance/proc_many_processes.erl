-module(proc_many_processes).
-export([main/0]).

worker(Parent, N) ->
    receive
        {work, X} -> Parent ! {result, N, X * N}, worker(Parent, N);
        stop -> Parent ! {stopped, N}
    end.

main() ->
    Self = self(),
    Pids = [spawn(fun() -> worker(Self, N) end) || N <- lists:seq(1, 2000)],
    io:format("spawned: ~p~n", [length(Pids)]),
    [P ! {work, 3} || P <- Pids],
    Results = collect_results(2000, #{}),
    io:format("results: ~p sum: ~p~n", [map_size(Results), lists:sum(maps:values(Results))]),
    io:format("result 1234: ~p~n", [maps:get(1234, Results)]),
    [P ! stop || P <- Pids],
    Stopped = collect_stopped(2000, 0),
    io:format("stopped: ~p~n", [Stopped]),
    Parent = self(),
    Tree = spawn_tree(Parent, 8),
    receive {tree_sum, Tree, Sum} -> io:format("tree sum: ~p~n", [Sum]) after 10000 -> io:format("tree timeout~n") end,
    io:format("processes spawned short-lived: ~p~n", [short_lived(5000)]),
    ok.

collect_results(0, Acc) -> Acc;
collect_results(N, Acc) -> receive {result, K, V} -> collect_results(N - 1, Acc#{K => V}) after 10000 -> Acc end.

collect_stopped(0, C) -> C;
collect_stopped(N, C) -> receive {stopped, _} -> collect_stopped(N - 1, C + 1) after 10000 -> C end.

spawn_tree(Parent, 0) ->
    spawn(fun() -> Parent ! {tree_sum, self(), 1} end);
spawn_tree(Parent, D) ->
    spawn(fun() ->
        Me = self(),
        L = spawn_tree(Me, D - 1),
        R = spawn_tree(Me, D - 1),
        S1 = receive {tree_sum, L, A} -> A end,
        S2 = receive {tree_sum, R, B} -> B end,
        Parent ! {tree_sum, Me, S1 + S2 + 1}
    end).

short_lived(N) ->
    Self = self(),
    [spawn(fun() -> Self ! done end) || _ <- lists:seq(1, N)],
    wait_done(N, 0).

wait_done(0, C) -> C;
wait_done(N, C) -> receive done -> wait_done(N - 1, C + 1) after 10000 -> C end.
