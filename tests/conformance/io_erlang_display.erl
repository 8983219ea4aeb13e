%% erlang:display/1 prints as BEAM's own term printer does (floats as %e, printable lists
%% as strings, binaries as <<...>>, maps without spaces and large maps as their trie,
%% atoms quoted by the emulator's rules, pids, refs, ports and funs), each line ending in
%% CR LF. Only erlang:display writes to stdout here: it bypasses the I/O server.
-module(io_erlang_display).
-export([main/0]).

id(X) -> X.

main() ->
    Big = binary:copy(<<"xy">>, 40),
    <<_:3, Unaligned:20/bits, _/bits>> = id(<<"abcdefgh">>),
    <<_:8, SubBin:5/binary, _/binary>> = id(Big),
    Local = fun(X) -> X + id(1) end,
    Closure = fun() -> Big end,
    Ts = [%% numbers
          0, 1, -1, 42, 1 bsl 59 - 1, 1 bsl 59, -(1 bsl 59), -(1 bsl 59) - 1, 1 bsl 64,
          -(1 bsl 200), 123456789012345678901234567890,
          0.0, -0.0, 1.0, -1.5, 0.1, 0.5, 2.5, 1.0e16, 1.0e15, 123456.789, 9.999999e6,
          1.0e300, 1.0e-300, 5.0e-324, 1.7976931348623157e308, 3.14159265358979, 1/3,
          %% atoms
          abc, a1, a_b, 'a@b', 'a.b', 'ABC', 'Abc', '_x', 'hello world', 'a\'b', '', 'é',
          'λ', 'aé', '\\', 'with\nnewline', 'tab\there', '1a', 'a-b', true, false, undefined,
          'fun', 'end', 'receive', 'andalso', ok, '[]', '{}', '$', 'a$',
          %% lists and strings
          [], "abc", "a\nb", "é", [233, 97], [256], [1, 2, 3], "\t\r\e", [$a | b],
          "a b", "\"quoted\"", "back\\slash", [$a, $\b], "\f\v", [0], [7, 8], [$a, 127],
          [$a, 128], [$a, 160], [$a, 255], "\x{100}abc", [1114111], [-1], [$a, 300],
          [[]], [[[[]]]], [[], []], [a | []], [a, b | c], [1 | 2.0], lists:seq(1, 30),
          [{a, "b"}, <<"c">> | d], "it's", "~p", "100%",
          %% tuples
          {}, {a}, {1, {2, {3}}}, {[], {}, <<>>, #{}}, list_to_tuple(lists:seq(1, 20)),
          %% binaries and bitstrings
          <<>>, <<"abc">>, <<1, 2, 3>>, <<"a\nb">>, <<"a b">>, <<"\t">>, <<"é"/utf8>>,
          <<"é">>, <<1:3>>, <<"abc", 1:4>>, <<200, 201>>, <<0>>, <<"abc", 0>>, <<127>>,
          <<"~">>, <<" ">>, Big, SubBin, Unaligned, <<"\"">>, <<"\\">>,
          %% maps
          #{}, #{a => 1}, #{b => [1], a => {x}}, #{"k" => <<"v">>, 1 => 2.0, {t} => #{}},
          #{#{a => 1} => [#{}]}, maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
          maps:from_list([{integer_to_binary(I), I} || I <- lists:seq(1, 33)]),
          %% pids, refs, ports, funs
          list_to_pid("<0.45.0>"), list_to_pid("<0.0.1>"), list_to_ref("#Ref<0.1.2.3>"),
          list_to_port("#Port<0.5>"), {list_to_pid("<0.9.0>"), [list_to_ref("#Ref<0.0.0.7>")]},
          fun lists:map/2, fun erlang:'+'/2, fun 'a b':'c d'/0, Local, Closure,
          {Local, [fun lists:seq/3]},
          %% deep nesting
          lists:foldl(fun(_, Acc) -> [Acc] end, x, lists:seq(1, 200)),
          lists:foldl(fun(_, Acc) -> {Acc, 1} end, y, lists:seq(1, 200))],
    [erlang:display(T) || T <- Ts],
    erlang:display(erlang:display(id(done))).
