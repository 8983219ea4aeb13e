-module(deep_recursion_len).
-export([main/0]).

%% Naive body-recursive functions over a 1,000,000-element list: the VM must
%% grow the stack to a million frames.

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

map_sq([]) -> [];
map_sq([H | T]) -> [H * H | map_sq(T)].

main() ->
    L = lists:seq(1, 1000000),
    io:format("len: ~p~n", [len(L)]),
    io:format("sum: ~p~n", [sum(L)]),
    M = map_sq(L),
    io:format("map_sq last: ~p~n", [lists:last(M)]),
    io:format("map_sq sum: ~p~n", [sum(M)]),
    io:format("len again: ~p~n", [len(M)]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("len of 200000 strings", fun() -> length([integer_to_list(I) || I <- lists:seq(1, 200000)]) end),
    extra_t("body-recursive append", fun() -> length(app(lists:seq(1, 500000), [x])) end),
    extra_t("body-recursive filter", fun() -> length(evens(lists:seq(1, 1000000))) end),
    extra_t("reverse twice", fun() -> lists:reverse(lists:reverse(lists:seq(1, 1000000))) =:= lists:seq(1, 1000000) end),
    extra_t("seq by recursion", fun() -> lists:last(upto(1, 1000000)) end),
    ok.

app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].

evens([]) -> [];
evens([H | T]) when H rem 2 =:= 0 -> [H | evens(T)];
evens([_ | T]) -> evens(T).

upto(N, M) when N > M -> [];
upto(N, M) -> [N | upto(N + 1, M)].
