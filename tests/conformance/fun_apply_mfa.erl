-module(fun_apply_mfa).
-export([main/0, add/2, dispatch/2]).

id(X) -> X.
add(A, B) -> A + B.
dispatch(Op, Args) -> apply(?MODULE, Op, Args).

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    t("apply/3", fun() -> apply(?MODULE, add, [1, 2]) end),
    t("apply/3 dynamic", fun() -> apply(id(lists), id(max), [[3, 9, 2]]) end),
    t("M:F(A)", fun() -> (id(?MODULE)):add(10, 20) end),
    t("M:F dynamic both", fun() -> M = id(string), F = id(uppercase), M:F("abc") end),
    t("dispatch", fun() -> dispatch(add, [5, 6]) end),
    t("function_exported", fun() -> [erlang:function_exported(?MODULE, add, 2), erlang:function_exported(?MODULE, id, 1),
                                      erlang:function_exported(?MODULE, add, 3)] end),
    t("module_info exports", fun() -> lists:sort(?MODULE:module_info(exports)) end),
    t("module_info module", fun() -> ?MODULE:module_info(module) end),
    t("is_function ext", fun() -> is_function(fun ?MODULE:add/2, 2) end),
    t("apply fun with args", fun() -> apply(fun(A, B, C) -> [C, B, A] end, [1, 2, 3]) end),
    t("apply erlang bif", fun() -> apply(erlang, '+', [1, 2]) end),
    t("apply erlang element", fun() -> apply(erlang, element, [2, {a, b}]) end),
    t("apply bad args", fun() -> apply(?MODULE, add, id(not_a_list)) end),
    t("apply improper args", fun() -> apply(?MODULE, add, id([1 | 2])) end),
    t("apply bad module type", fun() -> apply(id("lists"), reverse, [[1]]) end),
    t("code:ensure_loaded", fun() -> code:ensure_loaded(lists) end),
    t("code:is_loaded self", fun() -> element(1, code:is_loaded(?MODULE)) end),
    t("fun list of mfa", fun() -> [F(3, 4) || F <- [fun ?MODULE:add/2, fun erlang:'*'/2, fun erlang:max/2]] end),
    ok.
