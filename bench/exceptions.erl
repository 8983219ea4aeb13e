%% exceptions: exception raising and handling -- throw/catch in try,
%% error/1 and exit/1 with class matching, errors raised by BIFs (badarg,
%% badarith, badmatch, function_clause), try ... after, old-style catch,
%% nested try, and throws unwinding through several stack frames.
-module(exceptions).
-export([main/0]).

-define(N, 550000).

main() ->
    _ = run(1000),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?N),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench exceptions ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(N) -> run(N, 0).

run(0, Acc) -> Acc;
run(N, Acc) ->
    A = try thrower(N rem 5, N) of
            V -> V
        catch
            throw:{tag, X} -> X * 2;
            error:{err, X} -> X * 3;
            exit:X -> X + 1
        end,
    B = try list_to_integer(case N rem 3 of 0 -> "x"; _ -> "42" end)
        catch error:badarg -> -1
        end,
    C = try 10 div (N rem 4)
        catch error:badarith -> 100
        end,
    D = case catch deep(N rem 10, N) of
            {'EXIT', _} -> 7;
            {caught, Y} -> Y rem 1000;
            Z -> Z
        end,
    E = try
            try clause(N rem 6)
            after put(after_ran, N)
            end
        catch
            error:function_clause -> 11
        end,
    F = nested(N),
    run(N - 1, (Acc + A + B + C + D + E + F) band 16#FFFFFFFFF).

thrower(0, N) -> throw({tag, N});
thrower(1, N) -> erlang:error({err, N});
thrower(2, N) -> exit(N);
thrower(_, N) -> N.

%% throws from the bottom of a recursion several frames deep
deep(0, N) when N rem 2 =:= 0 -> throw({caught, N});
deep(0, N) -> {ok, _} = list_to_tuple([error, N]);   % badmatch
deep(K, N) -> 1 + deep(K - 1, N).

clause(X) when X < 4 -> X.

nested(N) ->
    try
        try throw(inner)
        catch throw:inner -> erlang:error(outer)
        end
    catch
        error:outer:Stack -> N rem 17 + length(Stack) - length(Stack)
    end.
