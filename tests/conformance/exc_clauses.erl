-module(exc_clauses).
-export([main/0]).

id(X) -> X.
st(ST) -> [F || F = {M, _, _, _} <- ST, M =/= erl_eval, M =/= init].

only_ints(X) when is_integer(X) -> X.
two(a, b) -> ok.

show(Name, F) ->
    try F() of
        V -> io:format("~s: ~p~n", [Name, V])
    catch
        C:R:S -> io:format("~s: ~p:~p~n  ~p~n", [Name, C, R, st(S)])
    end.

main() ->
    show("badmatch", fun() -> {ok, _} = id({error, x}), ok end),
    show("badmatch list", fun() -> [_] = id([1, 2]), ok end),
    show("badmatch bin", fun() -> <<_:8>> = id(<<1, 2>>), ok end),
    show("case_clause", fun() -> case id(zzz) of a -> 1; b -> 2 end end),
    show("case_clause tuple", fun() -> case id({1, 2}) of {2, _} -> x end end),
    show("function_clause", fun() -> only_ints(id(1.5)) end),
    show("function_clause 2", fun() -> two(id(a), id(c)) end),
    show("fun function_clause", fun() -> (fun(1) -> one end)(id(2)) end),
    show("if_clause", fun() -> X = id(5), if X > 10 -> big; X < 0 -> neg end end),
    show("try_clause", fun() -> try id(7) of 8 -> eight catch _:_ -> c end end),
    show("receive no clause timeout", fun() -> receive nothing_will_come -> x after 0 -> timeout end end),
    show("badmatch map", fun() -> #{k := _} = id(#{j => 1}), ok end),
    show("badmatch in comprehension gen ok", fun() -> [X || {X} <- id([{1}, 2, {3}])] end),
    ok.
