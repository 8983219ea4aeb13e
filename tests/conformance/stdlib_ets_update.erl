-module(stdlib_ets_update).
-export([main/0]).
c(F) -> case catch F() of {'EXIT',{E,[{_,_,_,[{error_info,I}]}|_]}} -> {E,I}; {'EXIT', E} -> {exit, E}; V -> V end.
main() ->
    T = ets:new(t, []),
    ets:insert(T, {k, 1, a, 2.5}),
    io:format("~p~n", [[c(F) || F <- [
        fun() -> ets:update_counter(T, missing, foo) end,
        fun() -> ets:update_counter(T, missing, 1, x) end,
        fun() -> ets:update_counter(T, k, 1, x) end,
        fun() -> ets:update_counter(T, k, 1, {}) end,
        fun() -> ets:update_counter(T, missing, {1, 1}) end,
        fun() -> ets:update_counter(T, k, {3, 1}) end,
        fun() -> ets:update_counter(T, k, {4, 1}) end,
        fun() -> ets:update_counter(T, k, {0, 1}) end,
        fun() -> ets:update_counter(T, k, [{2, 1}, foo]) end,
        fun() -> ets:update_counter(T, k, [{2, 1}|foo]) end,
        fun() -> ets:update_counter(T, k, [{2, 1}, {2, 1}, {2, 1, 3, -7}]) end,
        fun() -> ets:update_counter(T, k, [1]) end,
        fun() -> ets:update_counter(T, k, {2, 1, a, 0}) end,
        fun() -> ets:update_counter(T, k, {2, 1.0}) end,
        fun() -> ets:update_counter(T, k, {2, 1, 5}) end,
        fun() -> ets:update_counter(T, k, 1 bsl 62) end,
        fun() -> ets:update_counter(T, k, -(1 bsl 62)) end,
        fun() -> ets:update_counter(T, k, 1 bsl 62) end,
        fun() -> ets:lookup(T, k) end,
        fun() -> ets:update_counter(T, new1, {2, 5}, {new1, 0, 0}) end,
        fun() -> ets:update_counter(T, new2, {3, 5}, {whatever, 0}) end,
        fun() -> ets:update_counter(T, new3, {1, 5}, {whatever, 0}) end,
        fun() -> ets:lookup(T, new2) end,
        fun() -> ets:update_element(T, k, {5, x}) end,
        fun() -> ets:update_element(T, missing, {5, x}) end,
        fun() -> ets:update_element(T, missing, {1, x}) end,
        fun() -> ets:update_element(T, missing, foo) end,
        fun() -> ets:update_element(T, k, [{2, x} | y]) end,
        fun() -> ets:update_element(T, k, [{2, [long, list]}, {3, <<"bin">>}]) end,
        fun() -> ets:lookup(T, k) end
    ]]]),
    ok.
