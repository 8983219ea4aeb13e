#!/usr/bin/env escript
%%! -noshell
%% An escript run from source by the tools tests.
main(Args) ->
    io:format("args ~p~n", [Args]),
    io:format("~p~n", [lists:reverse(Args)]).
