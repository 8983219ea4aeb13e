%% erlang:halt/1,2 with arguments it refuses: each shape raises badarg as on erl (bad
%% options for halt/2 with the `badopt` cause in the error information), and the VM goes on.
-module(halt_badargs).
-export([main/0]).

try_halt(F) ->
    try F() of
        V -> {returned, V}
    catch
        C:R:S -> {C, R, hd(S)}
    end.

main() ->
    Statuses = [-1, -(1 bsl 70), foo, [1 | 2], [-1], [16#110000], [16#D800], [a],
                3.0, <<"bin">>, {}, "abc" ++ x, [$a, [$b]], #{}, fun lists:map/2],
    [io:format("~p -> ~p~n", [S, try_halt(fun() -> erlang:halt(S) end)]) || S <- Statuses],
    Pairs = [{0, [foo]}, {0, bad}, {0, [{flush, maybe}]}, {0, [{flush, true} | x]},
             {0, [{other, true}]}, {foo, [{flush, true}]}, {foo, bad},
             {-1, [{flush, true}]}, {0, [{flush}]}, {0, [{flush, true, x}]},
             {"slogan", [{flush, 1}]}],
    [io:format("~p -> ~p~n", [P, try_halt(fun() -> erlang:halt(S, O) end)])
     || {S, O} = P <- Pairs],
    io:format("still running~n").
