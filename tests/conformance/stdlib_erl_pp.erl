-module(stdlib_erl_pp).
-export([main/0]).

form(S) ->
    {ok, Toks, _} = erl_scan:string(S),
    {ok, F} = erl_parse:parse_form(Toks),
    F.

exprs(S) ->
    {ok, Toks, _} = erl_scan:string(S ++ "."),
    {ok, Es} = erl_parse:parse_exprs(Toks),
    Es.

main() ->
    Forms = ["f(X)->X+1.", "g([H|T],Acc)when is_integer(H)->g(T,[H*2|Acc]);g([],Acc)->lists:reverse(Acc).",
             "h(M)->case M of #{a:=A}->A;_->try x()catch _:_->y after z end end.",
             "-record(r,{a=1,b::integer(),c}).", "-spec f(integer())->integer().",
             "-type t()::{atom(),[integer()]}|none.", "-export([f/1,g/2]).",
             "k()->receive{X,Y}when X>Y->X;Z->Z after 100->timeout end.",
             "b(B)-><<X:8,Rest/binary>> =B,<< <<(C+1)>>||<<C>><=Rest>>.",
             "l()->F=fun(X)->X end,G=fun lists:map/2,F(G).",
             "long_function_name(Argument1,Argument2,Argument3)->{Argument1,[Argument2,Argument3,Argument1,Argument2,Argument3,Argument1]}."],
    lists:foreach(fun(S) -> io:format("~s~n", [erl_pp:form(form(S))]) end, Forms),
    Es = ["X=1,Y=X+2*3-4 div 2 rem 3", "[X||X<-L,X>0]", "begin a,b end", "-(-X)", "not (A andalso B orelse C)",
          "#{a=>1,b=>[1,2]}", "M#{a:=2}", "\"str\"++[$a,$b]", "1.5e10+0.1", "A bsl 2 bor B band 3"],
    lists:foreach(fun(S) -> io:format("~s~n", [erl_pp:exprs(exprs(S))]) end, Es),
    io:format("expr with indent:~n~s~n", [erl_pp:expr(hd(exprs("case X of 1 -> a; 2 -> b end")), 4, [])]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("pp attribute", fun() -> lists:flatten(erl_pp:attribute({attribute, 1, module, m})) end),
    extra_t("pp function", fun() -> lists:flatten(erl_pp:function({function, 1, f, 0, [{clause, 1, [], [], [{atom, 1, ok}]}]})) end),
    ok.
