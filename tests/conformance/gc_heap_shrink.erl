%% erlang:garbage_collect/0,1,2 shrink the heap as erl does: after a large term is built
%% and dropped, a collection leaves the heap sized to what is still live. (Exact sizes
%% differ between VMs; the program prints only comparisons that hold on both.)
-module(gc_heap_shrink).
-export([main/0]).

id(X) -> X.

hs() -> hs(self()).
hs(P) ->
    {heap_size, H} = process_info(P, heap_size),
    {total_heap_size, T} = process_info(P, total_heap_size),
    {H, T}.

small({H, T}) -> H < 1000 andalso T < 2000.

check(Label, Cond) -> io:format("~s: ~p~n", [Label, Cond]).

main() ->
    L = lists:seq(1, 50000),
    check("list live, built", element(2, hs()) > 50000),
    true = garbage_collect(),
    check("list live, after gc", element(2, hs()) > 50000 andalso length(id(L)) =:= 50000),
    id(L),
    check("dropped, gc", garbage_collect() andalso small(hs())),
    check("twice", garbage_collect() andalso small(hs())),
    %% Binaries, tuples and maps too; off-heap binaries leave only handles behind.
    T = list_to_tuple([{I, <<I:64>>} || I <- lists:seq(1, 5000)]),
    M = maps:from_list([{I, [I]} || I <- lists:seq(1, 5000)]),
    B = [binary:copy(<<"x">>, 1000) || _ <- lists:seq(1, 1000)],
    check("big terms live", element(2, hs()) > 30000),
    id({T, M, B}),
    check("garbage_collect(self())", garbage_collect(self()) andalso small(hs())),
    _ = [X * 2 || X <- lists:seq(1, 50000)],
    check("type major", garbage_collect(self(), [{type, major}]) andalso small(hs())),
    _ = [X * 2 || X <- lists:seq(1, 50000)],
    %% A minor collection need not shrink (erl keeps this heap large); it still succeeds.
    check("type minor", garbage_collect(self(), [{type, minor}])),
    check("major after minor", garbage_collect() andalso small(hs())),
    %% What is still live survives a collection intact.
    Keep = [{I, integer_to_list(I)} || I <- lists:seq(1, 5000)],
    _ = lists:seq(1, 50000),
    garbage_collect(),
    check("kept survives", length(Keep) =:= 5000 andalso lists:last(Keep) =:= {5000, "5000"}),
    check("kept heap", element(2, hs()) > 20000),
    id(Keep),
    %% Another process, collected while it waits.
    Self = self(),
    P = spawn(fun() ->
                      X = lists:seq(1, 50000),
                      Self ! {built, length(X)},
                      receive go -> ok end,
                      Self ! {child, small(hs())},
                      receive stop -> ok end
              end),
    receive {built, 50000} -> ok end,
    check("other before", element(2, hs(P)) > 50000),
    check("garbage_collect(P)", garbage_collect(P)),
    check("other after", small(hs(P))),
    P ! go,
    receive {child, Small} -> check("child sees", Small) end,
    Ref = monitor(process, P),
    P ! stop,
    receive {'DOWN', Ref, process, P, normal} -> ok end,
    check("dead process", garbage_collect(P)),
    check("async", garbage_collect(self(), [{async, req}])),
    receive {garbage_collect, req, R} -> check("async reply", R) end,
    [check(io_lib:format("bad ~s", [What]), catch_error(A))
     || {What, A} <- [{"pid", [notpid]}, {"option", [self(), [bad]]},
                   {"type", [self(), [{type, huge}]]}, {"list", [self(), notlist]}]],
    ok.

catch_error(Args) ->
    try apply(erlang, garbage_collect, Args) of
        V -> {ok, V}
    catch
        C:E -> {C, E}
    end.
