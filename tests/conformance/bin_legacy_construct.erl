%% The binary-construction instructions of OTP 24 and earlier compilers (bs_init2,
%% bs_init_bits, bs_add, bs_append, bs_private_append, bs_put_*, bs_utf*_size), which
%% OTP 25 still loads. `r24` makes erlc emit them instead of bs_create_bin; bs_init2, which
%% no OTP 25 compiler option emits, comes from a module assembled at run time.
-module(bin_legacy_construct).
-compile([r24]).
-export([main/0]).

id(X) -> X.

show(F) ->
    R = try F() of
            V -> {ok, V}
        catch
            C:E:St -> {C, E, top(St)}
        end,
    io:format("~w~n", [R]).

%% The top frame without its line number (so that editing this file leaves the expected
%% output alone); an error_info entry, which erl gives none of here, would show.
top([{M, F, A, Loc} | _]) -> {M, F, A, [I || {K, _} = I <- Loc, K =/= line]};
top(_) -> none.

int(V, N) -> <<V:N>>.
int_l(V, N) -> <<V:N/little>>.
int_s(V, N) -> <<V:N/signed>>.
int_ls(V, N) -> <<V:N/little-signed>>.
int_n(V, N) -> <<V:N/native>>.
int_u(V, N) -> <<V:N/unit:8>>.
two(A, B, N) -> <<A:N, B:N/little>>.
float(V, N) -> <<V:N/float>>.
float_l(V, N) -> <<V:N/float-little>>.
bin(B, N) -> <<B:N/binary>>.
bits(B, N) -> <<B:N/bits>>.
bin_all(B) -> <<B/binary>>.
bits_all(B) -> <<B/bits, 1:1>>.
str(X) -> <<"head", X:8, "tail">>.
utf(C) -> <<C/utf8, C/utf16, C/utf16-little, C/utf32, C/utf32-little>>.
utf8(C) -> <<C/utf8>>.
utf16(C) -> <<C/utf16>>.
utf32(C) -> <<C/utf32>>.
mixed(A, B, C) -> <<A:3, B/binary, C:5/little, "z", 1.0:32/float>>.

%% bs_append: the accumulator grows in place.
acc([], Acc) -> Acc;
acc([H | T], Acc) -> acc(T, <<Acc/binary, H:16/little>>).
acc_bits([], Acc) -> Acc;
acc_bits([H | T], Acc) -> acc_bits(T, <<Acc/bits, H:3>>).
app(Acc, X) -> <<Acc/binary, X:8>>.

main() ->
    [show(fun() -> int(id(V), id(N)) end)
     || V <- [0, 1, -1, 255, 256, 16#1234, -300, 1 bsl 70 + 5, -(1 bsl 70)],
        N <- [0, 1, 3, 7, 8, 12, 16, 31, 32, 33, 64, 65, 72, 80]],
    [show(fun() -> F(id(V), id(N)) end)
     || F <- [fun int_l/2, fun int_s/2, fun int_ls/2, fun int_n/2],
        V <- [1, -2, 16#ABCDEF, 1 bsl 64 + 3, -(1 bsl 66)],
        N <- [4, 8, 12, 24, 40, 64, 68, 96]],
    [show(fun() -> int_u(id(V), id(N)) end) || V <- [7, -7], N <- [0, 1, 2, 9]],
    [show(fun() -> two(id(A), id(B), id(N)) end)
     || {A, B} <- [{1, 2}, {-1, 300}], N <- [3, 8, 13, 16]],
    [show(fun() -> F(id(V), id(N)) end)
     || F <- [fun float/2, fun float_l/2],
        V <- [1.5, -0.0, 3.14159, 1.0e300, 7, 1 bsl 80],
        N <- [16, 32, 64]],
    [show(fun() -> bin(id(B), id(N)) end)
     || B <- [<<>>, <<"abc">>, <<1, 2, 3, 4:4>>, binary:copy(<<"0123456789">>, 10)],
        N <- [0, 1, 3, 4, 100]],
    [show(fun() -> bits(id(B), id(N)) end) || B <- [<<"abc">>, <<7:3>>], N <- [0, 3, 9, 24]],
    [show(fun() -> bin_all(id(B)) end) || B <- [<<>>, <<"xyz">>, <<1:1>>]],
    [show(fun() -> bits_all(id(B)) end) || B <- [<<>>, <<"xyz">>, <<1:1>>]],
    [show(fun() -> str(id(X)) end) || X <- [$-, 300]],
    [show(fun() -> utf(id(C)) end) || C <- [$a, 16#E9, 16#20AC, 16#1F600, 16#10FFFF]],
    [show(fun() -> F(id(C)) end)
     || F <- [fun utf8/1, fun utf16/1, fun utf32/1],
        C <- [-1, 16#D800, 16#DFFF, 16#110000, 1 bsl 64, a, 1.0]],
    [show(fun() -> mixed(id(A), id(B), id(C)) end)
     || {A, B, C} <- [{5, <<"mid">>, 17}, {1, <<>>, 0}, {0, <<1:4>>, 3}]],
    show(fun() -> acc(id(lists:seq(1, 300)), <<>>) end),
    show(fun() -> byte_size(acc(id(lists:seq(1, 5000)), <<"start">>)) end),
    show(fun() -> acc_bits(id(lists:seq(0, 20)), <<>>) end),
    %% Appending to an older value must not disturb a newer one built from it.
    show(fun() ->
                 A = app(id(<<"base">>), $1),
                 B = app(A, $2),
                 C = app(A, $3),
                 {A, B, C, app(B, $4), app(C, $5)}
         end),
    %% Binary comprehensions use bs_private_append.
    show(fun() -> << <<X:8, (X * 2):4>> || X <- id([1, 2, 3, 4, 5]) >> end),
    show(fun() -> << <<B/binary, B/binary>> || B <- id([<<"ab">>, <<>>, <<"c">>]) >> end),
    show(fun() -> << <<X:N>> || N <- id([1, 2, 3]), X <- id([1, 0]) >> end),
    show(fun() -> byte_size(<< <<X:32>> || X <- id(lists:seq(1, 10000)) >>) end),
    %% Errors.
    show(fun() -> int(id(1), id(-1)) end),
    show(fun() -> int(id(1), id(a)) end),
    show(fun() -> int(id(a), id(8)) end),
    show(fun() -> int(id(1.0), id(8)) end),
    show(fun() -> int(id(1), id(1 bsl 64)) end),
    show(fun() -> int(id(1), id(-(1 bsl 64))) end),
    show(fun() -> float(id(a), id(64)) end),
    show(fun() -> float(id(1.0), id(12)) end),
    show(fun() -> float(id(1.0), id(-8)) end),
    show(fun() -> bin(id(<<"ab">>), id(3)) end),
    show(fun() -> bin(id(abc), id(1)) end),
    show(fun() -> bin(id(<<"ab">>), id(-1)) end),
    show(fun() -> bin_all(id(<<1:3>>)) end),
    show(fun() -> bin_all(id([1, 2])) end),
    show(fun() -> bits_all(id(notbits)) end),
    show(fun() -> app(id(<<1:3>>), id(1)) end),
    show(fun() -> app(id(notbin), id(1)) end),
    show(fun() -> app(id(<<"ok">>), id(bad)) end),
    show(fun() -> acc(id([1, bad]), <<>>) end),
    show(fun() -> << <<X:8>> || X <- id([1, a]) >> end),
    show(fun() -> mixed(id(a), id(<<>>), id(1)) end),
    show(fun() -> mixed(id(1), id(x), id(1)) end),
    %% Failures jump to a fail label inside guards.
    [show(fun() -> guarded(id(V)) end) || V <- [1, -1, a, 1 bsl 80]],
    assembled(),
    ok.

guarded(N) when <<1:N>> =:= <<1:N>> -> {bits, N};
guarded(_) -> no.

%% A module using bs_init2 (bytes) as OTP 24's compiler emitted it, with a register size,
%% a literal size, a fail label, and writes at unaligned positions.
assembled() ->
    Fns = [{function, mk, 2, 2,
            [{label, 1}, {func_info, {atom, bs2}, {atom, mk}, 2},
             {label, 2},
             {bs_init2, {f, 0}, {x, 0}, 0, 2, {field_flags, []}, {x, 2}},
             {bs_put_integer, {f, 0}, {x, 0}, 8, {field_flags, []}, {x, 1}},
             {move, {x, 2}, {x, 0}},
             return]},
           {function, lit, 1, 4,
            [{label, 3}, {func_info, {atom, bs2}, {atom, lit}, 1},
             {label, 4},
             {bs_init2, {f, 0}, 6, 0, 1, {field_flags, []}, {x, 1}},
             {bs_put_integer, {f, 0}, {integer, 4}, 1, {field_flags, []}, {integer, 9}},
             {bs_put_string, 2, {string, <<"hi">>}},
             {bs_put_integer, {f, 0}, {integer, 12}, 1, {field_flags, [little]}, {x, 0}},
             {bs_put_binary, {f, 0}, {integer, 2}, 8, {field_flags, []}, {literal, <<"!?">>}},
             {move, {x, 1}, {x, 0}},
             return]},
           {function, safe, 1, 6,
            [{label, 5}, {func_info, {atom, bs2}, {atom, safe}, 1},
             {label, 6},
             {bs_init2, {f, 7}, {x, 0}, 0, 1, {field_flags, []}, {x, 1}},
             {move, {x, 1}, {x, 0}},
             return,
             {label, 7},
             {move, {atom, failed}, {x, 0}},
             return]},
           {function, big, 1, 9,
            [{label, 8}, {func_info, {atom, bs2}, {atom, big}, 1},
             {label, 9},
             {bs_init2, {f, 0}, 100, 0, 1, {field_flags, []}, {x, 1}},
             {bs_put_binary, {f, 0}, {integer, 99}, 8, {field_flags, []}, {x, 0}},
             {bs_put_integer, {f, 0}, {integer, 8}, 1, {field_flags, []}, {integer, 33}},
             {move, {x, 1}, {x, 0}},
             return]}],
    Asm = {bs2, [{big, 1}, {lit, 1}, {mk, 2}, {safe, 1}], [], Fns, 10},
    {ok, bs2, Beam} = compile:forms(Asm, [from_asm, binary, report]),
    {module, bs2} = code:load_binary(bs2, "bs2.beam", Beam),
    [show(fun() -> bs2:mk(id(N), id(V)) end)
     || {N, V} <- [{0, 1}, {1, 65}, {2, -1}, {3, 16#ABCDEF}, {9, 1 bsl 70}, {70, 12345}]],
    show(fun() -> bs2:mk(id(-1), id(0)) end),
    show(fun() -> bs2:mk(id(a), id(0)) end),
    show(fun() -> bs2:mk(id(2), id(a)) end),
    show(fun() -> bs2:mk(id(1 bsl 64), id(0)) end),
    [show(fun() -> bs2:lit(id(V)) end) || V <- [0, 16#ABC, -1]],
    %% (bs_init2 leaves the bytes as they were in memory on BEAM: only the size is shown.)
    [show(fun() -> case bs2:safe(id(V)) of B when is_binary(B) -> byte_size(B); O -> O end end)
     || V <- [2, -1, x]],
    show(fun() -> bs2:big(id(binary:copy(<<"q">>, 99))) end),
    show(fun() -> bs2:big(id(<<"short">>)) end).
