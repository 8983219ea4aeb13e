%% Binary patterns whose tail is longer than 2^31 and 2^64 bits: the module loads (the
%% compiler emits bs_test_tail2 with a bit count past 32 bits) and the patterns do not
%% match small binaries.
-module(bits_huge_tail).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    io:format("~p~n", [huge_tail_1(id(<<42, 0:16#1001>>))]),
    io:format("~p~n", [catch huge_tail_1(id(<<0:8, 0:10>>))]),
    io:format("~p~n", [catch huge_tail_2(id(<<0:8, 0:100>>))]),
    io:format("~p~n", [catch huge_tail_3(id(<<0:8, 0:200>>))]).

huge_tail_1(<<B:8, _:16#1001>>) -> B;
huge_tail_1(_) -> no_match.

huge_tail_2(<<B:8, _:16#8000_0000>>) -> B;
huge_tail_2(_) -> no_match.

huge_tail_3(<<B:8, _:16#1_0000_0000_0000_0000>>) -> B;
huge_tail_3(_) -> no_match.
