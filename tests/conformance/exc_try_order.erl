-module(exc_try_order).
-export([main/0]).

id(X) -> X.
log(X) -> io:format("  step: ~p~n", [X]).

run(Name, F) ->
    io:format("~s:~n", [Name]),
    R = try
            log(body_start),
            V = F(),
            log({body_end, V}),
            V
        of
            {tag, T} -> log({of_tag, T}), {tagged, T};
            Other -> log({of_other, Other}), Other
        catch
            throw:Th -> log({caught_throw, Th}), {thrown, Th};
            error:E -> log({caught_error, E}), {error, E};
            exit:X -> log({caught_exit, X}), {exited, X}
        after
            log(after_clause)
        end,
    io:format("  result: ~p~n", [R]).

main() ->
    run("normal", fun() -> id(42) end),
    run("tagged", fun() -> {tag, id(1)} end),
    run("throw", fun() -> throw(id(oops)) end),
    run("error", fun() -> error(id(bad)) end),
    run("exit", fun() -> exit(id(gone)) end),
    run("badarith", fun() -> id(1) + id(a) end),
    R1 = try id(5) after io:format("after only~n") end,
    io:format("try-after value: ~p~n", [R1]),
    R2 = try throw(x) catch x -> caught_bare_throw end,
    io:format("bare pattern catches throw: ~p~n", [R2]),
    R3 = try error(y) catch _:y -> any_class end,
    io:format("any class: ~p~n", [R3]),
    R4 = (catch try throw(z) catch error:_ -> wrong end),
    io:format("unmatched class propagates: ~p~n", [R4]),
    R5 = try
             try id(1) of 2 -> two catch _:_ -> never end
         catch error:TC -> {outer_caught, TC}
         end,
    io:format("try_clause escapes own catch: ~p~n", [R5]).
