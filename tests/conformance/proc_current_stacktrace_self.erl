-module(proc_current_stacktrace_self).
-export([main/0, a/0, b/0, c/0, d/0]).

%% process_info(self(), current_stacktrace) starts with the calling function (at the
%% line of the call), as on BEAM: gen_server's ?STACKTRACE() reads it.
top(St) -> [E || {M, _, _, _} = E <- St, M =:= ?MODULE].

a() -> {current_stacktrace, St} = process_info(self(), current_stacktrace), {a, top(St)}.
b() -> {current_stacktrace, St} = apply(erlang, process_info, [self(), current_stacktrace]),
       {b, top(St)}.
c() -> F = fun erlang:process_info/2,
       {current_stacktrace, St} = F(self(), current_stacktrace),
       {c, top(St)}.
d() -> process_info(self(), [current_function, current_location]).

main() ->
    io:format("~p~n", [a()]),
    io:format("~p~n", [b()]),
    io:format("~p~n", [c()]),
    io:format("~p~n", [d()]),
    io:format("~p~n", [apply(?MODULE, d, [])]),
    io:format("~p~n", [process_info(self(), current_function)]),
    {current_stacktrace, St} = process_info(self(), current_stacktrace),
    io:format("~p~n", [top(St)]),
    ok.
