-module(etf_roundtrip_many).
-export([main/0]).

%% Pseudo-random nested terms, encoded and decoded; prints sizes and hashes.

next(S) -> (S * 1103515245 + 12345) rem 2147483648.

gen(0, S) -> leaf(S);
gen(D, S) ->
    S1 = next(S),
    case S1 rem 6 of
        0 -> {T1, S2} = gen(D - 1, S1), {T2, S3} = gen(D - 1, S2), {{T1, T2}, S3};
        1 -> {T1, S2} = gen(D - 1, S1), {[T1, T1], S2};
        2 -> {T1, S2} = gen(D - 1, S1), {#{k => T1, S1 rem 100 => x}, S2};
        3 -> {<<S1:32, (S1 rem 7):5>>, next(S1)};
        4 -> {T1, S2} = gen(D - 1, S1), {[T1 | S1], S2};
        _ -> leaf(S1)
    end.

leaf(S) ->
    S1 = next(S),
    T = case S1 rem 7 of
            0 -> S1;
            1 -> -S1 * S1 * S1;
            2 -> S1 / 7;
            3 -> list_to_atom("a" ++ integer_to_list(S1 rem 50));
            4 -> integer_to_list(S1);
            5 -> <<>>;
            _ -> {}
        end,
    {T, S1}.

main() ->
    lists:foldl(fun(I, S) ->
        {T, S2} = gen(4, S),
        B = term_to_binary(T),
        B2 = term_to_binary(T, [{minor_version, 2}]),
        RT = binary_to_term(B),
        io:format("~w: size=~w size2=~w rt=~w rt2=~w hash=~w~n",
                  [I, byte_size(B), byte_size(B2), RT =:= T, binary_to_term(B2) =:= T, erlang:phash2(T)]),
        S2
    end, 42, lists:seq(1, 40)),
    {T, _} = gen(3, 7),
    io:format("sample term: ~p~n", [T]),
    io:format("sample bytes: ~w~n", [term_to_binary(T)]),
    ok.
