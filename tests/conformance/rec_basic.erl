-module(rec_basic).
-export([main/0]).

-record(person, {name, age = 0, email = "none", tags = [] :: list()}).
-record(empty, {}).
-record(nested, {id, inner = #person{name = "inner"}}).

id(X) -> X.

main() ->
    P = #person{name = "Ann", age = 30},
    io:format("record: ~p~n", [P]),
    io:format("as tuple w: ~w~n", [P]),
    io:format("defaults: ~p~n", [#person{}]),
    io:format("empty: ~p~n", [#empty{}]),
    io:format("nested: ~p~n", [#nested{id = 1}]),
    io:format("access: ~p ~p ~p~n", [P#person.name, P#person.age, P#person.email]),
    P2 = P#person{age = 31, tags = [admin]},
    io:format("updated: ~p~n", [P2]),
    io:format("original: ~p~n", [P]),
    io:format("field index: ~p ~p~n", [#person.name, #person.tags]),
    io:format("record_info fields: ~p~n", [record_info(fields, person)]),
    io:format("record_info size: ~p~n", [record_info(size, person)]),
    io:format("record_info empty: ~p ~p~n", [record_info(fields, empty), record_info(size, empty)]),
    io:format("is_record: ~p~n", [[is_record(P, person), is_record(P, empty), is_record(id({person}), person),
                                   is_record(P, person, 5), is_record(P, person, 4), is_record(id(x), person)]]),
    io:format("element: ~p~n", [element(1, P)]),
    io:format("tuple_size: ~p~n", [tuple_size(P)]),
    #person{name = N, age = A} = P2,
    io:format("match: ~p ~p~n", [N, A]),
    io:format("match fn: ~p~n", [[describe(X) || X <- [P, P2, #person{name = "Kid", age = 5}, #empty{}, other]]]),
    io:format("nested access: ~p~n", [(#nested{id = 2})#nested.inner#person.name]),
    Nest = #nested{id = 3},
    io:format("nested update: ~p~n", [Nest#nested{inner = (Nest#nested.inner)#person{age = 99}}]),
    io:format("list of records sorted by age: ~p~n",
              [lists:keysort(#person.age, [#person{name = "b", age = 5}, #person{name = "a", age = 3}])]),
    io:format("keyfind by name: ~p~n", [lists:keyfind("Ann", #person.name, [P2])]),
    io:format("all fields set _: ~p~n", [#person{_ = x}]),
    io:format("partial _: ~p~n", [#person{name = id(n), _ = z}]),
    io:format("guard record field: ~p~n", [[X#person.name || X <- [P, P2], X#person.age > 30]]),
    ok.

describe(#person{age = Age, name = Name}) when Age >= 18 -> {adult, Name};
describe(#person{name = Name}) -> {minor, Name};
describe(#empty{}) -> empty;
describe(_) -> unknown.
