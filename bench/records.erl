%% records: tuple-heavy code -- record creation, field access and update
%% (which compile to element/setelement and tuple construction), explicit
%% setelement/element on a 16-tuple, tuple_size and tuple pattern matching.
-module(records).
-export([main/0]).

-record(st, {count = 0, sum = 0, max = 0, min = 16#FFFF, last = none,
             flags = {false, false, false}, hist = {0, 0, 0, 0, 0, 0, 0, 0}}).

-define(N, 3500000).

main() ->
    _ = run(10000),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?N),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench records ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(N) ->
    St = loop(N, 1, #st{}),
    Tup = tloop(N, 1, erlang:make_tuple(16, 0)),
    #st{count = C, sum = S, max = Mx, min = Mn, last = {L, _}, flags = {F1, F2, F3},
        hist = Hist} = St,
    HS = lists:sum(tuple_to_list(Hist)),
    TS = lists:foldl(fun(X, A) -> (A * 7 + X) band 16#FFFFFFF end, 0, tuple_to_list(Tup)),
    Bits = b(F1) + 2 * b(F2) + 4 * b(F3),
    (C + S + Mx * 3 + Mn * 5 + L + Bits + HS + TS) band 16#FFFFFFFFF.

b(true) -> 1;
b(false) -> 0.

loop(0, _X, St) -> St;
loop(N, X, #st{count = C, sum = S, max = Mx, min = Mn, hist = H, flags = Fl} = St) ->
    X1 = (X * 75 + 74) rem 65537,
    V = X1 band 16#FFFF,
    Slot = V band 7 + 1,
    H1 = setelement(Slot, H, element(Slot, H) + 1),
    Fl1 = case V rem 3 of
              0 -> setelement(1, Fl, not element(1, Fl));
              1 -> setelement(2, Fl, true);
              _ -> Fl
          end,
    St1 = St#st{count = C + 1, sum = (S + V) band 16#FFFFFFF,
                max = max(Mx, V), min = min(Mn, V), last = {V, N},
                hist = H1, flags = Fl1},
    loop(N - 1, X1, St1).

tloop(0, _X, T) -> T;
tloop(N, X, T) ->
    X1 = (X * 75 + 74) rem 65537,
    I = X1 rem tuple_size(T) + 1,
    J = (X1 bsr 4) rem 16 + 1,
    T1 = setelement(I, T, (element(I, T) + element(J, T) + 1) band 16#FFFFF),
    T2 = setelement(J, T1, element(J, T1) bxor X1),
    tloop(N - 1, X1, T2).
