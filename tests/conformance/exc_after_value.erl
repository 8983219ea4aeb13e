-module(exc_after_value).
-export([main/0]).

id(X) -> X.

f1() -> try id(body) after id(after_value) end.
f2() -> try id(body) of X -> {'of', X} after put(after_ran, yes) end.
f3() -> try throw(id(t)) catch throw:T -> {caught, T} after put(count, get(count) + 1) end.
f4(X) ->
    try
        case X of
            1 -> ok;
            2 -> throw(two);
            3 -> error(three);
            4 -> exit(four)
        end
    catch
        throw:V -> {t, V};
        error:V -> {e, V}
    after
        put(log, [X | get(log)])
    end.

loop(0, Acc) -> Acc;
loop(N, Acc) -> loop(N - 1, try Acc + N after ok end).

main() ->
    io:format("f1: ~p~n", [f1()]),
    io:format("f2: ~p after_ran=~p~n", [f2(), get(after_ran)]),
    put(count, 0),
    io:format("f3: ~p ~p count=~p~n", [f3(), f3(), get(count)]),
    put(log, []),
    R = [catch f4(X) || X <- [1, 2, 3, 4]],
    io:format("f4: ~p log=~p~n", [R, get(log)]),
    io:format("try in loop: ~p~n", [loop(100000, 0)]),
    io:format("after with return in body: ~p~n", [(fun() -> try 1 after 2 end end)()]),
    io:format("nested afters: ~p~n", [try try id(inner) after put(a1, 1) end after put(a2, 2) end]),
    io:format("afters ran: ~p ~p~n", [get(a1), get(a2)]),
    ok.
