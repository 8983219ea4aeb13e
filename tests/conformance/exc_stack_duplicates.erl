%% A stack trace records a return address once when the frames below it return to the
%% same place (body recursion), as BEAM gathers it; different places in the same function
%% stay separate frames. erlang:is_builtin/3 for the instruction-made built-ins.
-module(exc_stack_duplicates).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    {'EXIT', {oops, St}} = (catch deep(5)),
    io:format("~p~n", [mine(St)]),
    {'EXIT', {oops, St2}} = (catch stk([a, b, c, d])),
    io:format("~p~n", [mine(St2)]),
    R = [catch element(X, {}) || X <- [1, 2, 3]],
    io:format("~p~n", [[mine(T) || {'EXIT', {badarg, T}} <- R]]),
    io:format("~p~n", [[erlang:is_builtin(erlang, F, A)
                        || {F, A} <- [{apply, 2}, {apply, 3}, {yield, 0}, {apply, 4}, {self, 0}]]]).

%% The frames of this module (below main/0 the runners differ).
mine(St) -> [F || {M, _, _, _} = F <- St, M =:= ?MODULE orelse M =:= erlang].

deep(0) -> error(oops);
deep(N) -> [deep(N - 1) | id(N)].

stk([_ | L]) ->
    stk(L),
    id(ok);
stk([]) ->
    bottom(),
    id(ok).

bottom() ->
    erlang:apply(erlang, error, [oops]).
