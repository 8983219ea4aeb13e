%% binary:match/2,3, matches/2,3, split/2,3 and replace/3,4 on an empty subject, with
%% plain, several and compiled patterns and every option, and the badarg cases around them.
-module(bin_module_empty_subject).
-export([main/0]).

id(X) -> X.

show(Label, F) ->
    R = try F() of
            V -> V
        catch
            C:E -> {C, E}
        end,
    io:format("~s ~p~n", [Label, R]).

main() ->
    E = id(<<>>),
    Pats = [<<"a">>, [<<"a">>, <<"bc">>], <<"ab">>, binary:compile_pattern(<<"a">>),
            binary:compile_pattern([<<"x">>, <<"yz">>]), <<>>, [], [<<>>], [<<"a">>, <<>>],
            a, [a], "a"],
    Opts = [[], [{scope, {0, 0}}], [{scope, {0, 1}}], [{scope, {1, -1}}], [{scope, {0, -1}}],
            [global], [trim], [trim_all], [global, trim], [global, trim_all], [bad],
            [{scope, {0, 0}}, global], [{scope, x}]],
    lists:foreach(
      fun({I, P}) ->
              L = io_lib:format("p~w", [I]),
              show([L, " match/2"], fun() -> binary:match(E, P) end),
              show([L, " matches/2"], fun() -> binary:matches(E, P) end),
              show([L, " split/2"], fun() -> binary:split(E, P) end),
              show([L, " replace/3"], fun() -> binary:replace(E, P, <<"R">>) end),
              [begin
                   Lo = io_lib:format("~s ~w", [L, O]),
                   show([Lo, " match/3"], fun() -> binary:match(E, P, O) end),
                   show([Lo, " matches/3"], fun() -> binary:matches(E, P, O) end),
                   show([Lo, " split/3"], fun() -> binary:split(E, P, O) end),
                   show([Lo, " replace/4"], fun() -> binary:replace(E, P, <<"R">>, O) end)
               end || O <- Opts]
      end, lists:zip(lists:seq(1, length(Pats)), Pats)),
    %% Empty sub-binaries and empty scopes of non-empty subjects behave the same way.
    <<_:3/binary, Sub/binary>> = id(<<"abc">>),
    show("sub match", fun() -> binary:match(Sub, <<"a">>) end),
    show("sub split", fun() -> binary:split(Sub, <<"a">>, [global]) end),
    show("scope end", fun() -> binary:match(id(<<"abc">>), <<"c">>, [{scope, {3, 0}}]) end),
    show("scope end2", fun() -> binary:matches(id(<<"abc">>), <<"c">>, [{scope, {3, 0}}]) end),
    show("scope end3", fun() -> binary:split(id(<<"abc">>), <<"c">>, [{scope, {3, 0}}]) end),
    show("scope back", fun() -> binary:split(id(<<"abc">>), <<"b">>, [{scope, {3, -3}}]) end),
    show("bits", fun() -> binary:match(id(<<1:3>>), <<"a">>) end),
    ok.
