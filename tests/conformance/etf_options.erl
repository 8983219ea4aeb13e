-module(etf_options).
-export([main/0]).

main() ->
    T = {atom, 'caf\x{e9}', "string", <<"bin">>, 1.5, [1, 2, 3], #{k => v}},
    lists:foreach(fun(Opts) ->
        B = term_to_binary(T, Opts),
        io:format("~w:~n  ~w~n  rt=~w~n", [Opts, B, binary_to_term(B) =:= T])
    end, [[], [{minor_version, 0}], [{minor_version, 1}], [{minor_version, 2}], [deterministic],
          [{minor_version, 2}, deterministic]]),
    Big = maps:from_list([{I, I * 3} || I <- lists:seq(1, 40)]),
    BD = term_to_binary(Big, [deterministic]),
    BN = term_to_binary(Big),
    io:format("large map deterministic: ~w~n", [BD]),
    io:format("large map default: ~w~n", [BN]),
    io:format("large map rt: ~w ~w~n", [binary_to_term(BD) =:= Big, binary_to_term(BN) =:= Big]),
    M2 = #{<<"b">> => 1, "a" => 2, 3 => 3, 2.0 => 4, {t} => 5},
    io:format("mixed map deterministic: ~w~n", [term_to_binary(M2, [deterministic])]),
    io:format("mixed map default: ~w~n", [term_to_binary(M2)]),
    io:format("bad option: ~p~n", [try term_to_binary(a, [bogus]) catch C:E -> {C, E} end]),
    io:format("bad minor: ~p~n", [try term_to_binary(a, [{minor_version, 3}]) catch C2:E2 -> {C2, E2} end]),
    io:format("term_to_iovec: ~w~n", [term_to_iovec({a, <<"x">>})]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("minor_version 0 atom", fun() -> term_to_binary('caf\x{e9}', [{minor_version, 0}]) end),
    extra_t("minor 2 unicode atom", fun() -> term_to_binary(list_to_atom([16#3bb]), [{minor_version, 2}]) end),
    extra_t("deterministic small map", fun() -> term_to_binary(#{b => 1, a => 2}, [deterministic]) end),
    extra_t("deterministic nested", fun() -> term_to_binary(#{x => maps:from_list([{I, I} || I <- lists:seq(1, 33)])}, [deterministic]) end),
    extra_t("options order", fun() -> term_to_binary(1.5, [{minor_version, 0}, {minor_version, 1}]) end),
    extra_t("compressed + deterministic", fun() -> binary_to_term(term_to_binary(#{a => lists:seq(1, 100)}, [deterministic, compressed])) end),
    extra_t("b2t safe used", fun() -> binary_to_term(term_to_binary(#{k => v}), [safe, used]) end),
    ok.
