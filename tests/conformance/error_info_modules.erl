%% Which module explains a BIF's error (the error_info in the top frame of the stack
%% trace): erl_erts_errors for erlang, atomics, counters, persistent_term; erl_stdlib_errors
%% for lists, maps, binary, unicode, math, re, ets; erl_kernel_errors for os; none for
%% the rest (string:list_to_integer/1 is a BIF without one).
-module(error_info_modules).
-export([main/0]).

main() ->
    A = atomics:new(10, []),
    C = counters:new(10, []),
    [io:format("~p:~p -> ~p~n", [M, F, info(M, F, Args)])
     || {M, F, Args} <- [{atomics, add, [bad_ref, 1, 99]}, {atomics, add, [A, 0, 99]},
                         {atomics, new, [0, []]}, {atomics, info, [x]},
                         {counters, add, [C, 0, 1]}, {counters, new, [-1, []]},
                         {atomics, add, [A, 1, 1 bsl 64]}, {persistent_term, get, [no_such_key_here]},
                         {persistent_term, erase, [[a | b]]}, {erlang, atom_to_list, [1]},
                         {lists, member, [a, b]}, {maps, get, [a, #{}]}, {math, sqrt, [a]},
                         {binary, part, [a, 1, 2]}, {unicode, characters_to_binary, [a]},
                         {re, run, [a, b]}, {ets, lookup, [no_such_table, 1]},
                         {os, getenv, [1]}, {string, list_to_integer, [a]},
                         {erlang, system_info, [ethread_info_bad]}]],
    ok.

info(M, F, Args) ->
    try apply(M, F, Args) of
        _ -> no_error
    catch error:R:St ->
        case St of
            [{M, F, _, Info} | _] -> {R, proplists:get_value(error_info, Info, none)};
            _ -> {R, not_a_bif_frame}
        end
    end.
