-module(stdlib_re_names_concurrent).
-export([main/0]).
t(F) -> try F() of R -> R catch C:E -> {C,E} end.
main() ->
  {ok, P} = re:compile("(?<w>\\w)(?<d>\\d)?", [unicode]),
  {ok, D} = re:compile("(?<x>a)|(?<x>b)", [dupnames]),
  {ok, C} = re:compile("^", [multiline]),
  L = [
   fun() -> re:run("a1b2cé", P, [global, {capture, all_names, list}]) end,
   fun() -> re:run("a1b2cé", P, [global, {capture, all_names, binary}]) end,
   fun() -> re:run(<<"a1b2c">>, P, [global, {capture, [d], index}]) end,
   fun() -> re:run("xaby", D, [global, {capture, all_names, list}]) end,
   fun() -> re:run("xaby", D, [global, {capture, [x], list}]) end,
   fun() -> re:run("a\r\nb\rc\nd", C, [global, {newline, anycrlf}]) end,
   fun() -> re:run("a\r\nb\rc\nd", C, [global, {newline, cr}]) end,
   fun() -> re:run("a\r\nb\rc\nd", C, [global]) end,
   fun() -> re:replace("a\r\nb\rc\nd", C, ">", [global, {newline, any}, {return, list}]) end,
   fun() -> re:split("a\r\nb\rc\nd", "^", [multiline, {newline, any}, {return, list}]) end,
   fun() -> re:run("aaa", "(?<n>a)", [global, {capture, [n, <<"n">>, 0], list}]) end,
   fun() -> re:inspect(P, namelist) end,
   fun() -> re:inspect(D, namelist) end,
   fun() -> re:run("ab", "(?J)(?<x>a)|(?<x>b)", [{capture, all_names, list}]) end,
   fun() -> re:run(<<"ab">>, D, [{capture, all_names, list}, {offset, 1}]) end,
   fun() -> Self = self(), Ps = [spawn(fun() -> Self ! {self(), [re:run(integer_to_list(I*7919), "(\\d)(\\d)$", [{capture, all_but_first, list}]) || I <- lists:seq(N, N+200)]} end) || N <- lists:seq(1, 2000, 200)], [receive {Pid, R} -> length(R) end || Pid <- Ps] end,
   fun() -> re:run(lists:duplicate(5000, $a) ++ "b", "(a|b)*b", [{capture, first, index}]) end,
   fun() -> re:run(lists:duplicate(200000, $a), "^(a)*$", [{capture, first, index}, report_errors]) end,
   fun() -> re:run(lists:duplicate(30, $a), "(a*)*b", [report_errors]) end,
   fun() -> re:run(lists:duplicate(30, $a), "(a*)*b", []) end
  ],
  [io:format("~p: ~p~n", [I, t(F)]) || {I, F} <- lists:zip(lists:seq(1, length(L)), L)],
  ok.
