%% erlang:error/2,3 with odd arguments: the options of error/3 give the top frame an
%% error_info only when they are a proper list of {error_info, Map} entries (the last one
%% wins); anything else, a non-list included, falls back to error/2. An argument list that
%% is not a list leaves the arity in the frame.
-module(exc_error3_options).
-export([main/0]).

id(X) -> X.

e3(A, Opts) ->
    try erlang:error(id(foo), id(A), id(Opts))
    catch C:R:S -> {C, R, hd(S)}
    end.

e2(A) ->
    try erlang:error(id(bar), id(A))
    catch C:R:S -> {C, R, hd(S)}
    end.

main() ->
    Opts = [[], notalist, 42, {error_info, #{}},
            [{error_info, #{a => 1}}],
            [{error_info, #{a => 1}}, bar],
            [{error_info, #{a => 1}}, {error_info, #{b => 2}}],
            [{error_info, x}],
            [bar, {error_info, #{}}],
            [{error_info, #{a => 1}} | tail],
            [{error_info, #{}, x}],
            [{error_info, #{module => m, function => f, cause => c}}]],
    [io:format("~p~n", [e3([a], O)]) || O <- Opts],
    [io:format("~p~n", [e3(A, O)])
     || A <- [none, notlist, [1 | 2], [], {x}],
        O <- [[], x, [{error_info, #{}}]]],
    [io:format("~p~n", [e2(A)]) || A <- [none, [], [1, 2], [1 | 2], 7, "s"]],
    %% The error_info is what erl_error uses to explain the failure.
    try erlang:error(id(badarg), id([1]), id([{error_info, #{module => erl_erts_errors}}]))
    catch error:R:S ->
            io:format("~p~n", [hd(S)]),
            io:format("~p~n", [R])
    end,
    ok.
