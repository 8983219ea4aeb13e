-module(tuple_large).
-export([main/0]).

id(X) -> X.

fill(T, I) when I > tuple_size(T) -> T;
fill(T, I) -> fill(setelement(I, T, I * I), I + 1).

main() ->
    T0 = erlang:make_tuple(1000, 0),
    T1 = fill(T0, 1),
    io:format("size: ~p~n", [tuple_size(T1)]),
    io:format("elements: ~p ~p ~p~n", [element(1, T1), element(500, T1), element(1000, T1)]),
    io:format("sum: ~p~n", [lists:sum(tuple_to_list(T1))]),
    io:format("w head: ~W~n", [T1, 8]),
    io:format("compare: ~p ~p~n", [T1 > T0, setelement(1000, T1, -1) < T1]),
    Big = list_to_tuple(lists:seq(1, 70000)),
    io:format("70000: ~p ~p~n", [tuple_size(Big), element(70000, Big)]),
    io:format("append to big: ~p~n", [tuple_size(erlang:append_element(Big, x))]),
    io:format("insert into big: ~p~n", [element(2, erlang:insert_element(2, id(Big), ins))]),
    io:format("delete from big: ~p~n", [element(1, erlang:delete_element(1, id(Big)))]),
    Nested = lists:foldl(fun(I, Acc) -> {I, Acc} end, {}, lists:seq(1, 100)),
    io:format("nested depth 100 w: ~W~n", [Nested, 5]),
    io:format("t2b big tuple size: ~p~n", [byte_size(term_to_binary(T1))]),
    io:format("phash2 big tuple: ~p~n", [erlang:phash2(T1)]),
    io:format("tuple of tuples sort: ~p~n", [lists:sort([{2, {b}}, {1, {z}}, {2, {a}}, {1, {a, a}}])]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("make_tuple large", fun() -> tuple_size(erlang:make_tuple(100000, x)) end),
    extra_t("list_to_tuple of tuples", fun() -> element(3, list_to_tuple([{I} || I <- lists:seq(1, 10)])) end),
    extra_t("setelement chain big", fun() -> lists:foldl(fun(I, T) -> setelement(I, T, I) end, erlang:make_tuple(100, 0), lists:seq(1, 100)) =:= list_to_tuple(lists:seq(1, 100)) end),
    ok.
