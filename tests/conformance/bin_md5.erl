%% erlang:md5/1 and the incremental md5_init/0, md5_update/2, md5_final/1: digests of
%% binaries and iolists of every shape, streaming in pieces of every size, and badarg for
%% what is not iodata or not a context. (A context's buffer bytes past the data are
%% uninitialised on BEAM, so contexts themselves are never printed, only their size.)
-module(bin_md5).
-export([main/0]).

id(X) -> X.

hex(B) -> [io_lib:format("~2.16.0b", [X]) || <<X>> <= B].

show(Label, F) ->
    R = try F() of
            V when is_binary(V), byte_size(V) =:= 16 -> lists:flatten(hex(V));
            V -> V
        catch
            C:E:St -> {C, E, info(St)}
        end,
    io:format("~s: ~p~n", [Label, R]).

info([{erlang, _, _, Loc} | _]) -> proplists:get_value(error_info, Loc);
info(_) -> none.

stream(Data, Size) ->
    stream(erlang:md5_init(), iolist_to_binary(Data), Size).
stream(Ctx, <<>>, _) -> erlang:md5_final(Ctx);
stream(Ctx, Bin, Size) when byte_size(Bin) =< Size -> erlang:md5_final(erlang:md5_update(Ctx, Bin));
stream(Ctx, Bin, Size) ->
    <<Part:Size/binary, Rest/binary>> = Bin,
    stream(erlang:md5_update(Ctx, Part), Rest, Size).

main() ->
    Long = binary:copy(<<"0123456789abcdef">>, 1000),
    <<_:3, Unaligned:16/binary, _/bits>> = id(<<"unaligned sub-binary input!">>),
    Inputs = [<<>>, <<"a">>, <<"abc">>, <<"message digest">>,
              <<"abcdefghijklmnopqrstuvwxyz">>,
              <<"12345678901234567890123456789012345678901234567890123456789012345678901234567890">>,
              binary:copy(<<"x">>, 55), binary:copy(<<"x">>, 56), binary:copy(<<"x">>, 63),
              binary:copy(<<"x">>, 64), binary:copy(<<"x">>, 65), binary:copy(<<"x">>, 119),
              binary:copy(<<"x">>, 120), Long, "abc", [$a, [$b, [<<"c">>]]], [[], [[]], <<>>],
              [<<"ab">> | <<"cd">>], [0, 255, <<1, 2>>], Unaligned,
              binary:part(Long, 100, 1000), lists:seq(0, 255)],
    [show(io_lib:format("md5 ~w", [I]), fun() -> erlang:md5(id(In)) end)
     || {I, In} <- lists:zip(lists:seq(1, length(Inputs)), Inputs)],
    [show(io_lib:format("same ~w", [I]),
          fun() ->
                  One = erlang:md5(In),
                  [One =:= stream(In, S) || S <- [1, 3, 55, 63, 64, 65, 1000]]
          end)
     || {I, In} <- lists:zip(lists:seq(1, length(Inputs)), Inputs)],
    show("ctx size", fun() -> byte_size(erlang:md5_init()) end),
    show("empty final", fun() -> erlang:md5_final(erlang:md5_init()) end),
    show("iolist update",
         fun() ->
                 C = erlang:md5_update(erlang:md5_init(), [<<"mess">>, "age", [$\s | <<"dig">>]]),
                 erlang:md5_final(erlang:md5_update(C, ["est"]))
         end),
    show("reuse ctx",
         fun() ->
                 C = erlang:md5_update(erlang:md5_init(), <<"a">>),
                 {erlang:md5_final(erlang:md5_update(C, <<"bc">>)) =:= erlang:md5(<<"abc">>),
                  erlang:md5_final(erlang:md5_update(C, <<"b">>)) =:= erlang:md5(<<"ab">>),
                  erlang:md5_final(C) =:= erlang:md5(<<"a">>)}
         end),
    %% Any 88-byte binary is a context.
    [show(io_lib:format("odd ctx ~w", [I]),
          fun() -> erlang:md5_final(erlang:md5_update(C, <<"tail">>)) end)
     || {I, C} <- [{1, <<0:704>>}, {2, binary:copy(<<255>>, 88)},
                   {3, list_to_binary([X * 7 rem 256 || X <- lists:seq(1, 88)])},
                   {4, <<1:32/little, 2:32/little, 3:32/little, 4:32/little, 3:32/little,
                         0:32, 0:512>>}]],
    Bad = [a, 1, 1.0, [256], [-1], [a], <<1:3>>, [<<1:7>>], {<<"x">>}, [$a | b], #{}],
    [show(io_lib:format("bad md5 ~w", [B]), fun() -> erlang:md5(id(B)) end) || B <- Bad],
    [show(io_lib:format("bad update data ~w", [B]),
          fun() -> erlang:md5_update(erlang:md5_init(), id(B)) end) || B <- Bad],
    [show(io_lib:format("bad ctx ~w", [C]),
          fun() -> erlang:md5_update(id(C), <<"x">>) end)
     || C <- [<<>>, <<0:87/unit:8>>, <<0:89/unit:8>>, a, "ctx", <<0:703>>]],
    [show(io_lib:format("bad final ~w", [C]), fun() -> erlang:md5_final(id(C)) end)
     || C <- [<<>>, <<0:87/unit:8>>, a]],
    ok.
