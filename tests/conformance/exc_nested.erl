-module(exc_nested).
-export([main/0]).

id(X) -> X.

level3(X) -> throw({l3, X}).
level2(X) ->
    try level3(X)
    catch throw:{l3, V} -> throw({l2, V})
    end.
level1(X) ->
    try level2(X)
    catch throw:T -> {caught_at_l1, T}
    after io:format("  l1 after~n")
    end.

main() ->
    io:format("rethrow chain: ~p~n", [level1(id(7))]),
    R = try
            try error(id(inner))
            after io:format("  inner after~n")
            end
        catch error:E -> {outer_caught, E}
        end,
    io:format("inner after then outer: ~p~n", [R]),
    R2 = try
             try throw(id(a))
             catch throw:a -> error(id(converted))
             end
         catch error:C -> {converted_caught, C}
         end,
    io:format("converted: ~p~n", [R2]),
    R3 = try
             try throw(id(first))
             after throw(id(from_after))
             end
         catch throw:X -> {which, X}
         end,
    io:format("after overrides: ~p~n", [R3]),
    R4 = try
             try id(ok) of
                 ok -> throw(id(in_of))
             catch throw:_ -> not_here
             end
         catch throw:Y -> {of_exception_escapes, Y}
         end,
    io:format("exception in of: ~p~n", [R4]),
    R5 = (fun Loop(0) -> done; Loop(N) -> try Loop(N - 1) catch _:_ -> never end end)(id(100)),
    io:format("deep nested tries: ~p~n", [R5]),
    R6 = try
             [try throw(X) catch throw:V when V > 2 -> {big, V} end || X <- id([3, 4, 1])]
         catch throw:Z -> {escaped, Z}
         end,
    io:format("guard in catch: ~p~n", [R6]),
    Order = try
                try
                    put(trace, [start]),
                    error(id(boom))
                catch error:boom -> put(trace, [caught | get(trace)]), rethrow_me
                after put(trace, [inner_after | get(trace)])
                end
            after put(trace, [outer_after | get(trace)])
            end,
    io:format("order: ~p value: ~p~n", [lists:reverse(get(trace)), Order]),
    ok.
