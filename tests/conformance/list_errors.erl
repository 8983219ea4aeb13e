-module(list_errors).
-export([main/0]).

id(X) -> X.
st(ST) -> [F || F = {M, _, _, _} <- ST, M =/= erl_eval, M =/= init].

show(Name, F) ->
    try F() of
        V -> io:format("~s: ~p~n", [Name, V])
    catch
        C:R:S -> io:format("~s: ~p:~p~n  ~p~n", [Name, C, R, st(S)])
    end.

main() ->
    show("reverse improper", fun() -> lists:reverse(id([1 | 2])) end),
    show("nth 0", fun() -> lists:nth(id(0), [a]) end),
    show("sublist neg", fun() -> lists:sublist(id([a, b]), id(-1)) end),
    show("seq bad", fun() -> lists:seq(id(1), id(a)) end),
    show("seq step 0", fun() -> lists:seq(1, 5, id(0)) end),
    show("foldl non-list", fun() -> lists:foldl(fun(X, A) -> X + A end, 0, id(notlist)) end),
    show("map non-fun", fun() -> lists:map(id(notfun), [1]) end),
    show("keyfind bad pos", fun() -> lists:keyfind(a, id(0), [{a}]) end),
    show("member improper", fun() -> lists:member(x, id([a | b])) end),
    show("append non-list", fun() -> lists:append(id(a), [b]) end),
    show("last empty", fun() -> lists:last(id([])) end),
    show("split too many", fun() -> lists:split(id(5), [1, 2]) end),
    show("zip uneven", fun() -> lists:zip(id([1, 2, 3]), [a]) end),
    show("duplicate neg", fun() -> lists:duplicate(id(-1), x) end),
    show("max empty", fun() -> lists:max(id([])) end),
    show("sum non-number", fun() -> lists:sum(id([1, x])) end),
    show("flatten non-list", fun() -> lists:flatten(id(x)) end),
    show("sort non-list", fun() -> lists:sort(id(x)) end),
    show("usort improper", fun() -> lists:usort(id([b, a | c])) end),
    show("length improper", fun() -> length(id([a | b])) end),
    show("++ improper left", fun() -> id([a | b]) ++ [c] end),
    ok.
