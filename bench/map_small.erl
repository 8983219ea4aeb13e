%% map_small: small (flat, <= 32 keys) maps used like records -- updates
%% with := and =>, key matching in function heads, maps:get/3, and adding
%% and removing keys, in a tight loop.
-module(map_small).
-export([main/0]).

-define(N, 4000000).

main() ->
    _ = run(10000),
    T0 = erlang:monotonic_time(microsecond),
    R = run(?N),
    T1 = erlang:monotonic_time(microsecond),
    io:format("bench map_small ~b~n", [T1 - T0]),
    io:format("check ~b~n", [R]).

run(N) ->
    M0 = #{a => 1, b => 2, c => 3, d => 4, e => 5, f => 6, g => 7, h => 8},
    #{a := A, b := B, c := C, d := D, e := E, f := F, g := G, h := H} = loop(N, M0),
    (A + B * 3 + C * 5 + D * 7 + E * 11 + F * 13 + G * 17 + H * 19) band 16#FFFFFFFFF.

loop(0, M) -> M;
loop(N, #{a := A, b := B, c := C} = M) ->
    M1 = M#{a := (A + B) band 16#FFFF, b := (B + C + 1) band 16#FFFF},
    M2 = step(N rem 4, M1),
    M3 = M2#{tmp => N},
    M4 = maps:remove(tmp, M3),
    X = maps:get(zz, M4, 0) + maps:get(c, M4),
    loop(N - 1, M4#{c := (C + X) band 16#FFFF}).

step(0, #{d := D} = M) -> M#{d := (D + 1) band 16#FFFF};
step(1, #{e := E, f := F} = M) -> M#{e := (E + F) band 16#FFFF, f := (F + 3) band 16#FFFF};
step(2, #{g := G} = M) -> M#{g => (G * 3 + 1) band 16#FFFF};
step(3, #{h := H, a := A} = M) -> M#{h := (H + A) band 16#FFFF}.
