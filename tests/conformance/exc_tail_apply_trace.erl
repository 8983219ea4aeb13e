-module(exc_tail_apply_trace).
-export([main/0, id/1, t1/1, t2/1, t3/1, t4/1, t5/2, t6/1, f1/1, f2/1, f3/1]).

%% Stack traces of error/exit/throw reached through apply and funs, in and out of tail
%% position, as BEAM shows them:
%% - a tail apply of erlang:error/1,2,3, exit/1 or throw/1 keeps the applying function as
%%   the top frame (with error/2's arguments in place of its arity);
%% - a fun called in tail position (call_fun + deallocate + return) leaves no frame;
%% - a BIF reached through its export (apply, fun) does not use up a frame of the
%%   8-frame depth.
id(X) -> X.

t1(C) -> apply(erlang, C, ?MODULE:id([stopped])).
t2(C) -> erlang:apply(erlang, C, ?MODULE:id([stopped])).
t3(C) -> X = apply(erlang, C, ?MODULE:id([stopped])), {X}.
t4(C) -> F = fun erlang:C/1, F(stopped).
t5(C, A) -> erlang:C(stopped, A).
t6(C) -> X = erlang:C(stopped, ?MODULE:id([b])), {X}.

f1(F) -> F(x).
f2(F) -> F().
f3(F) -> G = ?MODULE:id(F), G(y), ok.

%% Nine distinct frames of this module below the call, so that the whole 8-frame trace
%% is ours; below them a recursion, whose equal return addresses make one frame.
l1(F) -> {l2(F)}.
l2(F) -> {l3(F)}.
l3(F) -> {l4(F)}.
l4(F) -> {l5(F)}.
l5(F) -> {l6(F)}.
l6(F) -> {l7(F)}.
l7(F) -> {l8(F)}.
l8(F) -> {l9(F)}.
l9(F) -> F().

deep(0, F) -> F();
deep(N, F) -> {deep(N - 1, F)}.

w(F) ->
    R1 = try l1(F) catch C:R:S -> {C, R, S} end,
    R2 = try deep(10, F) catch C2:Rs2:S2 -> {C2, Rs2, [E || {M, _, _, _} = E <- S2, M =:= ?MODULE]} end,
    {R1, R2}.

main() ->
    Fs = [fun() -> t1(exit) end,
          fun() -> t2(error) end,
          fun() -> t3(throw) end,
          fun() -> t4(exit) end,
          fun() -> t5(error, [a]) end,
          fun() -> t5(error, none) end,
          fun() -> t6(error) end,
          fun() -> t1(not_a_bif) end,
          fun() -> f1(fun(A) -> error(A) end) end,
          fun() -> f2(fun() -> exit(z) end) end,
          fun() -> f3(fun(A) -> throw(A) end) end,
          fun() -> f1(fun erlang:atom_to_list/1) end,
          fun() -> f1(fun erlang:error/1) end,
          fun() -> f1(not_a_fun) end,
          fun() -> f2(fun(_) -> ok end) end],
    [io:format("~p~n", [w(F)]) || F <- Fs],
    %% A tail-recursive fun loop runs in constant stack.
    Loop = fun Loop(0, Acc) -> Acc;
               Loop(N, Acc) -> G = ?MODULE:id(Loop), G(N - 1, Acc + 1)
           end,
    io:format("~p~n", [Loop(1000000, 0)]),
    {stack_size, S0} = process_info(self(), stack_size),
    Probe = fun Probe(0) -> process_info(self(), stack_size);
                Probe(N) -> P = ?MODULE:id(Probe), P(N - 1)
            end,
    {stack_size, S1} = Probe(10000),
    io:format("stack grew ~p~n", [S1 - S0 < 100]),
    ok.
