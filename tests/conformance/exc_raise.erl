-module(exc_raise).
-export([main/0]).

id(X) -> X.
st(ST) -> [F || F = {M, _, _, _} <- ST, M =/= erl_eval, M =/= init].

fail(X) -> error({failing, X}).

main() ->
    R1 = try
             try fail(id(1))
             catch error:E:S -> erlang:raise(error, {wrapped, E}, S)
             end
         catch C:R:S2 -> {C, R, st(S2)}
         end,
    io:format("raise keeps stack: ~p~n", [R1]),
    R2 = try erlang:raise(throw, id(t), [{fake, func, 0, []}])
         catch C2:R2a:S3 -> {C2, R2a, S3}
         end,
    io:format("raise custom stack: ~p~n", [R2]),
    R3 = try erlang:raise(exit, id(x), [{m, f, [arg], [{file, "f.erl"}, {line, 3}]}])
         catch C3:R3a:S4 -> {C3, R3a, S4}
         end,
    io:format("raise exit with args: ~p~n", [R3]),
    R4 = try erlang:raise(id(bogus), x, [])
         catch C4:R4a:S5 -> {C4, R4a, st(S5)}
         end,
    io:format("raise bad class: ~p~n", [R4]),
    R5 = try erlang:raise(error, x, id(not_a_stack))
         catch C5:R5a:S6 -> {C5, R5a, st(S6)}
         end,
    io:format("raise bad stack: ~p~n", [R5]),
    R6 = (catch erlang:raise(throw, id(via_catch), [])),
    io:format("raise in catch: ~p~n", [R6]),
    R7 = try
             try throw(id(orig))
             catch Cl:Rs:St -> erlang:raise(Cl, Rs, St)
             end
         catch throw:orig -> rethrown_ok
         end,
    io:format("generic rethrow: ~p~n", [R7]),
    ok.
