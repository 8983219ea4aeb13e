-module(bin_iolist).
-export([main/0]).

id(X) -> X.
t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

main() ->
    IO = [<<"ab">>, $c, [[$d, <<"ef">>], []], <<>>, "gh" | <<"ij">>],
    t("iolist_to_binary", fun() -> iolist_to_binary(IO) end),
    t("iolist_size", fun() -> iolist_size(IO) end),
    t("iolist_to_binary bin", fun() -> iolist_to_binary(<<"x">>) end),
    t("iolist_size bin", fun() -> iolist_size(<<"xyz">>) end),
    t("iolist_to_binary empty", fun() -> iolist_to_binary([[], [[]]]) end),
    t("iolist bad int", fun() -> iolist_to_binary([256]) end),
    t("iolist neg int", fun() -> iolist_to_binary([-1]) end),
    t("iolist atom", fun() -> iolist_to_binary([a]) end),
    t("iolist bitstring", fun() -> iolist_to_binary([<<1:1>>]) end),
    t("iolist_size bad", fun() -> iolist_size([a]) end),
    t("iolist_to_iovec", fun() -> erlang:iolist_to_iovec(IO) end),
    t("deep big", fun() -> iolist_size(lists:duplicate(1000, [<<"abc">>, [$d | <<"e">>]])) end),
    t("list_to_bitstring", fun() -> list_to_bitstring([<<1:3>>, [<<2:5>>], 3]) end),
    t("list_to_bitstring bad", fun() -> list_to_bitstring([<<1:3>>, 300]) end),
    t("bitstring_to_list", fun() -> bitstring_to_list(<<1, 2, 3:3>>) end),
    t("bit_size", fun() -> [bit_size(X) || X <- [<<>>, <<1>>, <<1:3>>, <<1, 2:9>>]] end),
    t("byte_size", fun() -> [byte_size(X) || X <- [<<>>, <<1>>, <<1:3>>, <<1, 2:9>>]] end),
    t("bit_size bad", fun() -> bit_size(id(abc)) end),
    t("is_binary/is_bitstring", fun() -> [{is_binary(X), is_bitstring(X)} || X <- [<<>>, <<1:3>>, "a"]] end),
    t("erlang:iolist_to_binary via io_lib", fun() -> iolist_to_binary(io_lib:format("~w-~s", [42, "x"])) end),
    t("unicode iolist", fun() -> iolist_to_binary(unicode:characters_to_binary(["a", 955])) end),
    ok.
