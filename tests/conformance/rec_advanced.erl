-module(rec_advanced).
-export([main/0]).

-record(node, {key, left = nil, right = nil}).
-record(cfg, {a = 1 + 1, b = lists:seq(1, 3), c = {x, y}, d}).

id(X) -> X.

insert(K, nil) -> #node{key = K};
insert(K, N = #node{key = NK}) when K < NK -> N#node{left = insert(K, N#node.left)};
insert(K, N = #node{key = NK}) when K > NK -> N#node{right = insert(K, N#node.right)};
insert(_, N) -> N.

inorder(nil) -> [];
inorder(#node{key = K, left = L, right = R}) -> inorder(L) ++ [K] ++ inorder(R).

height(nil) -> 0;
height(#node{left = L, right = R}) -> 1 + max(height(L), height(R)).

main() ->
    T = lists:foldl(fun insert/2, nil, [5, 3, 8, 1, 4, 7, 9, 2, 6]),
    io:format("tree: ~p~n", [T]),
    io:format("inorder: ~p~n", [inorder(T)]),
    io:format("height: ~p~n", [height(T)]),
    io:format("cfg defaults: ~p~n", [#cfg{}]),
    io:format("cfg override: ~p~n", [#cfg{d = id(4), a = 0}]),
    C = id(#cfg{}),
    io:format("multiple update: ~p~n", [C#cfg{a = 10, b = [], d = done}]),
    io:format("record in map: ~p~n", [#{rec => #cfg{d = 1}}]),
    io:format("record equality: ~p~n", [#cfg{} =:= #cfg{}]),
    io:format("record vs tuple: ~p~n", [#cfg{} =:= {cfg, 2, [1, 2, 3], {x, y}, undefined}]),
    io:format("record_info via fields: ~p~n", [lists:zip(record_info(fields, cfg), tl(tuple_to_list(#cfg{})))]),
    io:format("setelement on record: ~p~n", [setelement(#cfg.d, C, via_setelement)]),
    Fun = fun(#cfg{a = A}) -> A * 100 end,
    io:format("fun match record: ~p~n", [Fun(#cfg{a = 7})]),
    io:format("case record: ~p~n", [case id(#node{key = k}) of #node{left = nil, right = nil} -> leaf; _ -> inner end]),
    ok.
