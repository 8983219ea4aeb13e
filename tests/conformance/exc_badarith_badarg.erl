-module(exc_badarith_badarg).
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
    show("int + atom", fun() -> id(1) + id(a) end),
    show("float * list", fun() -> id(1.0) * id([]) end),
    show("unary minus atom", fun() -> -id(x) end),
    show("div by zero", fun() -> id(1) div id(0) end),
    show("float overflow", fun() -> id(1.0e300) * id(1.0e300) end),
    show("atom_to_list", fun() -> atom_to_list(id(42)) end),
    show("list_to_atom", fun() -> list_to_atom(id(42)) end),
    show("length", fun() -> length(id(notlist)) end),
    show("hd", fun() -> hd(id([])) end),
    show("element", fun() -> element(id(0), id({a})) end),
    show("tuple_size", fun() -> tuple_size(id([])) end),
    show("binary_to_list", fun() -> binary_to_list(id(abc)) end),
    show("list_to_binary", fun() -> list_to_binary(id([a])) end),
    show("integer_to_list", fun() -> integer_to_list(id(1.0)) end),
    show("abs", fun() -> abs(id(a)) end),
    show("setelement", fun() -> setelement(id(3), id({a}), x) end),
    show("atom_to_binary", fun() -> atom_to_binary(id("str"), utf8) end),
    show("make_ref arg", fun() -> erlang:binary_part(id(<<1>>), id(2), id(1)) end),
    show("map_size", fun() -> map_size(id([])) end),
    show("erlang:max ok", fun() -> erlang:max(id(1), id(a)) end),
    show("list_to_tuple", fun() -> list_to_tuple(id(x)) end),
    show("lists:reverse", fun() -> lists:reverse(id(x)) end),
    show("lists:sum", fun() -> lists:sum(id([1, a])) end),
    show("erlang:send bad dest", fun() -> erlang:send(id(123), msg) end),
    show("bsl atom", fun() -> id(a) bsl 1 end),
    ok.
