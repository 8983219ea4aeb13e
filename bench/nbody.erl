%% nbody: floating-point arithmetic. A five-body gravitational simulation
%% (sun + four gas giants, symplectic Euler steps) with bodies kept in
%% tuples; every step allocates boxed floats. Checks the total energy.
-module(nbody).
-export([main/0]).

-define(STEPS, 400000).
-define(DT, 0.01).
-define(PI, 3.141592653589793).
-define(SOLAR_MASS, (4 * ?PI * ?PI)).
-define(DAYS_PER_YEAR, 365.24).

main() ->
    _ = run(1000),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?STEPS),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench nbody ~b~n", [T1 - T0]),
    {E0, E1} = R,
    io:format("check ~b,~b~n", [E0, E1]).

run(Steps) ->
    Bodies = offset_momentum(bodies()),
    E0 = energy(Bodies),
    Final = advance(Steps, Bodies),
    E1 = energy(Final),
    %% initial and final energy, scaled to integers (exact under IEEE 754)
    {round(E0 * 1.0e12), round(E1 * 1.0e12)}.

%% {X, Y, Z, VX, VY, VZ, Mass}
bodies() ->
    Sun = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, ?SOLAR_MASS},
    Planets =
        [{4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
          1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
          9.54791938424326609e-04},
         {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
          -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
          2.85885980666130812e-04},
         {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
          2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
          4.36624404335156298e-05},
         {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
          2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
          5.15138902046611451e-05}],
    [Sun | [{X, Y, Z, VX * ?DAYS_PER_YEAR, VY * ?DAYS_PER_YEAR, VZ * ?DAYS_PER_YEAR,
             M * ?SOLAR_MASS} || {X, Y, Z, VX, VY, VZ, M} <- Planets]].

offset_momentum([{X, Y, Z, _, _, _, SM} | Rest] = All) ->
    {PX, PY, PZ} = lists:foldl(fun({_, _, _, VX, VY, VZ, M}, {AX, AY, AZ}) ->
                                       {AX + VX * M, AY + VY * M, AZ + VZ * M}
                               end, {0.0, 0.0, 0.0}, All),
    [{X, Y, Z, -PX / SM, -PY / SM, -PZ / SM, SM} | Rest].

energy(Bodies) -> energy(Bodies, 0.0).

energy([], E) -> E;
energy([{X, Y, Z, VX, VY, VZ, M} | Rest], E) ->
    E1 = E + 0.5 * M * (VX * VX + VY * VY + VZ * VZ),
    E2 = lists:foldl(fun({X2, Y2, Z2, _, _, _, M2}, Acc) ->
                             DX = X - X2, DY = Y - Y2, DZ = Z - Z2,
                             Acc - (M * M2) / math:sqrt(DX * DX + DY * DY + DZ * DZ)
                     end, E1, Rest),
    energy(Rest, E2).

advance(0, Bodies) -> Bodies;
advance(N, Bodies) ->
    advance(N - 1, move(velocities(Bodies))).

%% update velocities pairwise: each body against all that follow it
velocities([]) -> [];
velocities([B | Rest]) ->
    {B1, Rest1} = interact(B, Rest, []),
    [B1 | velocities(Rest1)].

interact(B, [], Acc) -> {B, lists:reverse(Acc)};
interact({X, Y, Z, VX, VY, VZ, M}, [{X2, Y2, Z2, VX2, VY2, VZ2, M2} | T], Acc) ->
    DX = X - X2, DY = Y - Y2, DZ = Z - Z2,
    D2 = DX * DX + DY * DY + DZ * DZ,
    Mag = ?DT / (D2 * math:sqrt(D2)),
    MM = M * Mag, MM2 = M2 * Mag,
    interact({X, Y, Z, VX - DX * MM2, VY - DY * MM2, VZ - DZ * MM2, M},
             T,
             [{X2, Y2, Z2, VX2 + DX * MM, VY2 + DY * MM, VZ2 + DZ * MM, M2} | Acc]).

move(Bodies) ->
    [{X + ?DT * VX, Y + ?DT * VY, Z + ?DT * VZ, VX, VY, VZ, M}
     || {X, Y, Z, VX, VY, VZ, M} <- Bodies].
