-module(rec_patterns).
-export([main/0]).

-record(addr, {street = "", city = "nowhere", zip}).
-record(user, {id, name, addr = #addr{}, roles = [], meta = #{}}).
-record(counter, {n = 0, hist = []}).

id(X) -> X.

city(#user{addr = #addr{city = C}}) -> C.

has_role(R, #user{roles = Roles}) -> lists:member(R, Roles).

bump(C = #counter{n = N, hist = H}) -> C#counter{n = N + 1, hist = [N | H]}.

classify(#user{roles = [admin | _]}) -> admin_first;
classify(#user{roles = []}) -> no_roles;
classify(#user{meta = #{vip := true}}) -> vip;
classify(#user{}) -> regular.

main() ->
    U1 = #user{id = 1, name = "ann", addr = #addr{city = "Oslo", zip = 123}, roles = [admin, dev]},
    U2 = #user{id = 2, name = "bob"},
    U3 = #user{id = 3, name = "cy", roles = [dev], meta = #{vip => true}},
    U4 = #user{id = 4, name = "di", roles = [ops]},
    io:format("users: ~p~n", [[U1, U2]]),
    io:format("city: ~p ~p~n", [city(U1), city(U2)]),
    io:format("has_role: ~p ~p~n", [has_role(dev, U1), has_role(dev, U2)]),
    io:format("classify: ~p~n", [[classify(U) || U <- [U1, U2, U3, U4]]]),
    C = lists:foldl(fun(_, Acc) -> bump(Acc) end, #counter{}, lists:seq(1, 5)),
    io:format("counter: ~p~n", [C]),
    U5 = U1#user{addr = (U1#user.addr)#addr{street = "Main St"}},
    io:format("nested update: ~p~n", [U5#user.addr]),
    io:format("field positions: ~p~n", [[#user.id, #user.name, #user.addr, #user.roles, #user.meta]]),
    io:format("tuple form: ~w~n", [id(#addr{zip = 9})]),
    io:format("match in case: ~p~n", [case id(U3) of #user{name = N, meta = #{vip := V}} -> {N, V}; _ -> no end]),
    io:format("records in list comp: ~p~n", [[N || #user{name = N, roles = [dev | _]} <- [U1, U2, U3, U4]]]),
    io:format("record keysort by name desc: ~p~n", [[U#user.name || U <- lists:reverse(lists:keysort(#user.name, [U3, U1, U4, U2]))]]),
    io:format("record_info: ~p~n", [{record_info(fields, user), record_info(size, addr)}]),
    ok.
