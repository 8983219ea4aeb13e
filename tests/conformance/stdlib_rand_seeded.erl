-module(stdlib_rand_seeded).
-export([main/0]).

%% rand with explicit seeds is fully deterministic: exercises the stdlib's
%% 58/64-bit integer and bitwise arithmetic.

main() ->
    Algs = [exsss, exro928ss, exrop, exs1024s, exsp, exs64, exsplus, exs1024],
    lists:foreach(fun(Alg) ->
        S0 = rand:seed_s(Alg, {123, 456, 789}),
        {Ints, S1} = take(fun(S) -> rand:uniform_s(1000, S) end, 10, S0),
        {Floats, S2} = take(fun(S) -> rand:uniform_s(S) end, 3, S1),
        {Big, _} = rand:uniform_s(1 bsl 100, S2),
        io:format("~p ints=~w~n  floats=~w~n  big=~w~n", [Alg, Ints, Floats, Big])
    end, Algs),
    S = rand:seed_s(exsss, 42),
    {N1, S3} = rand:normal_s(S),
    {N2, _} = rand:normal_s(10.0, 4.0, S3),
    io:format("normal: ~w ~w~n", [N1, N2]),
    {Bytes, _} = rand:bytes_s(16, rand:seed_s(exsss, 7)),
    io:format("bytes: ~w~n", [Bytes]),
    {Real, _} = rand:uniform_real_s(rand:seed_s(exrop, 99)),
    io:format("uniform_real: ~w~n", [Real]),
    Shuffled = shuffle(lists:seq(1, 20), rand:seed_s(exsss, 2024)),
    io:format("shuffle: ~w~n", [Shuffled]),
    _ = rand:seed(exsss, {1, 2, 3}),
    io:format("process-state uniform: ~w~n", [[rand:uniform(100) || _ <- lists:seq(1, 10)]]),
    io:format("export_seed alg: ~w~n", [element(1, rand:export_seed())]),
    {Jumped, _} = rand:uniform_s(1000000, rand:jump(rand:seed_s(exrop, 5))),
    io:format("jump: ~w~n", [Jumped]),
    ok.

take(_, 0, S) -> {[], S};
take(F, N, S) -> {V, S1} = F(S), {Vs, S2} = take(F, N - 1, S1), {[V | Vs], S2}.

shuffle(L, S) ->
    {Keyed, _} = lists:mapfoldl(fun(X, St) -> {R, St2} = rand:uniform_s(St), {{R, X}, St2} end, S, L),
    [X || {_, X} <- lists:sort(Keyed)].
