%% str_format: stdlib text formatting and string handling -- io_lib:format
%% with ~p (pretty printer, incl. line breaking), ~w, ~s, ~b, ~.Nf, ~e and
%% padding over nested terms; integer_to_list/float_to_list/list_to_integer;
%% string:split, string:lexemes, string:join-style flattening.
-module(str_format).
-export([main/0]).

-define(REPS, 10000).

main() ->
    _ = run(20),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?REPS),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench str_format ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(Reps) -> run(Reps, 0).

run(0, Acc) -> Acc;
run(I, Acc) ->
    T = term(I),
    S1 = lists:flatten(io_lib:format("~p", [T])),
    S2 = lists:flatten(io_lib:format("~w|~s|~b|~8.16.0B|~-10s|~.3f|~e", 
                                     [T, "label", I, I * 7919, "pad", I / 7, I * 1.5e10])),
    S3 = integer_to_list(I * 123456789) ++ "," ++ integer_to_list(-I, 16) ++ "," ++
         float_to_list(I / 3) ++ "," ++ float_to_list(I / 3, [{decimals, 6}]) ++ "," ++
         float_to_list(I * 1.0e-5, [short]),
    N = list_to_integer(integer_to_list(I * 987654321)),
    F = list_to_float(float_to_list(I / 11)),
    Line = string:join([S3, "a b  c", "key=value;k2=v2"], " ; "),
    Parts = string:split(Line, ";", all),
    Words = string:lexemes(S1, " ,{}[]\n"),
    Trim = [string:trim(P) || P <- Parts],
    H = hash(S1, hash(S2, hash(lists:append(Trim), 0))),
    run(I - 1, (Acc * 17 + H + length(Words) + length(Parts) + N rem 1000 +
                round(F * 11)) band 16#FFFFFFFFF).

term(I) ->
    {record, I, [a, b, {c, I * 3}], <<"bin", I:16>>,
     #{name => "text string", id => I, tags => [x, y, z]},
     [{k, I rem 7, 3.25}, {k2, -I, "str"}, 'Quoted Atom', [1, 2, 3, [4, [5]]]],
     {nested, {deeper, {deepest, I * 1000000000000}}}}.

hash([], H) -> H;
hash([C | T], H) -> hash(T, (H * 31 + C) band 16#FFFFFFF).
