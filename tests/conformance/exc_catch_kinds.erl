-module(exc_catch_kinds).
-export([main/0]).

id(X) -> X.

%% Frames of erl's -eval launcher (erl_eval, init) are not part of the program.
strip({'EXIT', {R, St}}) when is_list(St) ->
    {'EXIT', {R, [F || F = {M, _, _, _} <- St, M =/= erl_eval, M =/= init]}};
strip(X) -> X.

g(X) when hd(X) > 0 -> pos_head;
g(_) -> guard_failed_silently.

main() ->
    io:format("guard error is silent: ~p ~p ~p~n", [g(id([1])), g(id(atom)), g(id([]))]),
    io:format("catch exit normal: ~p~n", [catch exit(normal)]),
    io:format("catch in comp: ~p~n", [[strip(catch (10 div X)) || X <- id([1, 0, 2])]]),
    io:format("error in after propagates: ~p~n", [try try ok after throw(from_after) end catch throw:T -> {caught, T} end]),
    io:format("exit tuple: ~p~n", [catch exit({shutdown, {a, b}})]),
    io:format("throw non-atom: ~p~n", [catch throw({complex, [1, 2], #{x => y}})]),
    R = try id(5) of
            5 -> try throw(inner) catch throw:inner -> inner_handled end
        catch _:_ -> not_here
        end,
    io:format("try in of: ~p~n", [R]),
    io:format("class var: ~p~n", [[try F() catch Class:_ -> Class end || F <- [fun() -> throw(a) end, fun() -> error(b) end, fun() -> exit(c) end]]]),
    io:format("catch stack-free reason: ~p~n", [try error(id({my, error})) catch error:{my, What} -> What end]),
    io:format("nested catch exprs: ~p~n", [catch catch throw(deep)]),
    io:format("case in catch: ~p~n", [strip(catch case id(x) of y -> ok end)]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("catch throw undefined", fun() -> catch throw(undefined) end),
    extra_t("catch of value that looks like EXIT", fun() -> catch {'EXIT', x} end),
    extra_t("error with list reason", fun() -> try error([1, 2]) catch error:L -> lists:reverse(L) end end),
    extra_t("exit in catch handler", fun() -> try try throw(a) catch throw:a -> exit(b) end catch exit:R -> {outer, R} end end),
    extra_t("throw from fun in map", fun() -> try lists:map(fun(3) -> throw(three); (X) -> X end, [1, 2, 3, 4]) catch throw:T -> T end end),
    ok.
