-module(list_improper).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

len([_ | T], N) -> len(T, N + 1);
len([], N) -> {proper, N};
len(Tail, N) -> {improper, N, Tail}.

main() ->
    I = id([1, 2 | 3]),
    t("print", fun() -> I end),
    t("w", fun() -> lists:flatten(io_lib:format("~w", [I])) end),
    t("len", fun() -> len(I, 0) end),
    t("length", fun() -> length(I) end),
    t("is_list", fun() -> is_list(I) end),
    t("reverse", fun() -> lists:reverse(I) end),
    t("sort", fun() -> lists:sort(I) end),
    t("tl tl", fun() -> tl(tl(I)) end),
    t("match", fun() -> [A, B | C] = I, {A, B, C} end),
    t("string-ish", fun() -> id([$a, $b | <<"c">>]) end),
    t("iolist_to_binary", fun() -> iolist_to_binary(id([$a, $b | <<"c">>])) end),
    t("iolist_to_binary bad tail", fun() -> iolist_to_binary(id([$a | c])) end),
    t("nested", fun() -> id([[1 | 2] | [3 | 4]]) end),
    t("compare", fun() -> [id([1 | 2]) < id([1, 2]), id([1 | 2]) < id([1 | 3]), id([1 | a]) > id([1 | 2])] end),
    t("t2b", fun() -> term_to_binary(I) end),
    t("b2t", fun() -> binary_to_term(term_to_binary(I)) end),
    t("lists:member", fun() -> lists:member(9, I) end),
    t("lists:last", fun() -> lists:last(I) end),
    t("list_to_tuple", fun() -> list_to_tuple(I) end),
    ok.
