-module(etf_atoms_encoding).
-export([main/0]).

t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [L, R]).

main() ->
    Atoms = [a, 'hello world', 'caf\x{e9}', '\x{3bb}', list_to_atom(lists:duplicate(255, $a)),
             list_to_atom(lists:duplicate(100, 16#3bb)), true, false, nil, ''],
    lists:foreach(fun(A) ->
        B1 = term_to_binary(A),
        B2 = term_to_binary(A, [{minor_version, 2}]),
        io:format("~w bytes: v1=~w v2=~w~n", [length(atom_to_list(A)), binary:part(B1, 0, min(8, byte_size(B1))),
                                              binary:part(B2, 0, min(8, byte_size(B2)))]),
        io:format("  sizes ~w ~w rt ~w ~w~n", [byte_size(B1), byte_size(B2), binary_to_term(B1) =:= A, binary_to_term(B2) =:= A])
    end, Atoms),
    t("ATOM_EXT latin1", fun() -> binary_to_term(<<131, 100, 0, 4, "caf", 233>>) end),
    t("SMALL_ATOM_EXT", fun() -> binary_to_term(<<131, 115, 2, "ok">>) end),
    t("ATOM_UTF8_EXT", fun() -> binary_to_term(<<131, 118, 0, 2, 206, 187>>) end),
    t("SMALL_ATOM_UTF8_EXT", fun() -> binary_to_term(<<131, 119, 2, 206, 187>>) end),
    t("ATOM_EXT 256 chars", fun() -> binary_to_term(<<131, 100, 1, 0, (binary:copy(<<"a">>, 256))/binary>>) end),
    t("utf8 too long", fun() -> binary_to_term(<<131, 118, 1, 0, (binary:copy(<<"a">>, 256))/binary>>) end),
    t("in tuple", fun() -> term_to_binary({a, 'b c', 'D'}) end),
    t("in list v2", fun() -> term_to_binary([a, b], [{minor_version, 2}]) end),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("true/false decode", fun() -> [binary_to_term(<<131, 115, 4, "true">>), binary_to_term(<<131, 119, 5, "false">>)] end),
    extra_t("decode existing utf8 atom safe", fun() -> binary_to_term(<<131, 119, 2, "ok">>, [safe]) end),
    extra_t("atom cache-free list", fun() -> term_to_binary([ok, ok, ok]) end),
    extra_t("atom with quote", fun() -> term_to_binary('it\'s') end),
    ok.
