-module(exc_error_format).
-export([main/0, format_error/2]).

id(X) -> X.

format_error(Reason, [{_M, _F, _As, Info} | _]) ->
    ErrorInfo = proplists:get_value(error_info, Info, #{}),
    Cause = maps:get(cause, ErrorInfo, none),
    #{1 => io_lib:format("custom reason ~p cause ~p", [Reason, Cause]), general => "general text"}.

fmt(Name, F) ->
    try F() of
        V -> io:format("~s: returned ~p~n", [Name, V])
    catch
        C:R:S ->
            S1 = [Fr || Fr = {M, _, _, _} <- S, M =/= erl_eval, M =/= init],
            Txt = erl_error:format_exception(C, R, S1, #{stack_trim_fun => fun(_, _, _) -> false end}),
            io:format("~s:~n~s~n", [Name, Txt])
    end.

main() ->
    fmt("atom_to_list", fun() -> atom_to_list(id(1)) end),
    fmt("element", fun() -> element(id(5), id({1, 2})) end),
    fmt("list_to_integer", fun() -> list_to_integer(id("12x")) end),
    fmt("binary_to_atom", fun() -> binary_to_atom(id(<<255>>), utf8) end),
    fmt("badarith", fun() -> id(1) + id(b) end),
    fmt("badmatch", fun() -> {_} = id(x) end),
    fmt("function_clause", fun() -> lists:nth(id(0), [a]) end),
    fmt("throw", fun() -> throw(id(ball)) end),
    fmt("exit", fun() -> exit(id(gone)) end),
    fmt("custom error_info", fun() -> error(id(mine), [x], [{error_info, #{module => ?MODULE, cause => id(c)}}]) end),
    fmt("maps:get", fun() -> maps:get(id(k), id(#{})) end),
    fmt("io_lib bad format", fun() -> io_lib:format(id("~d"), [1]) end),
    ok.
