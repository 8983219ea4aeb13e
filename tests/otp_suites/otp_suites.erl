%% Runs one of OTP's own test suites under common_test, and compares the results of a
%% run on erl with one on Enigma. scripts/otp-suites.sh drives it; see that script for
%% the layout of the folders.
%%
%%   run:    erl|enigma -noshell -run otp_suites run Suite ResultFile LogDir
%%   report: erl -noshell -run otp_suites report ResultsDir Format Folder...
%%
%% A result file holds one `{'case', Suite, Case, ok|failed|skipped, Why}` term a line
%% (written by otp_suites_events as each case ends); next to it, Suite.exit holds the exit
%% status of the VM that ran the suite (124 when the script's time limit stopped it).
-module(otp_suites).
-export([run/1, report/1]).

%% ---------------------------------------------------------------------------------------
%% Running a suite

run([Suite, ResultFile, LogDir]) ->
    run([Suite, ResultFile, LogDir, "none"]);
run([Suite, ResultFile, LogDir, SkipFile]) ->
    ok = filelib:ensure_dir(filename:join(LogDir, "x")),
    _ = file:delete(ResultFile),
    ok = file:write_file(ResultFile, <<>>),
    %% As OTP's own ts_run runs them: ts_install_cth builds the C code in the suite's
    %% data folder and adds the node-name config, ts.config and ts.unix.config give the
    %% configuration the suites look up, and time traps scale as OTP's test runs scale
    %% them.
    %% The cases SkipFile lists for this suite ("folder suite case reason" lines) are
    %% skipped through a test specification: CI leaves out the cases that do not pass on
    %% erl here (they would not count, and some wait minutes for a peer node).
    Skips = [list_to_atom(C) || {_, S, C} <- known(SkipFile), S =:= Suite],
    Spec = filename:join(filename:dirname(ResultFile), Suite ++ ".spec"),
    {ok, Dir} = file:get_cwd(),
    SpecTerms = [{suites, Dir, [list_to_atom(Suite)]}
                 | [{skip_cases, Dir, list_to_atom(Suite), Skips, "not passing on erl here"}
                    || Skips =/= []]],
    ok = file:write_file(Spec, [io_lib:format("~tp.~n", [T]) || T <- SpecTerms]),
    Opts = [{spec, Spec},
            {logdir, LogDir},
            {auto_compile, false},
            {abort_if_missing_suites, true},
            {enable_builtin_hooks, false},
            {ct_hooks, [ts_install_cth]},
            {event_handler, {[otp_suites_events], [ResultFile]}},
            {config, [filename:join([Dir, "..", "test_server", F])
                      || F <- ["ts.config", "ts.unix.config"]]},
            {scale_timetraps, true}],
    Result = ct:run_test(Opts),
    io:format("~ts: ~tp~n", [Suite, Result]),
    erlang:halt(0, [{flush, true}]).

%% ---------------------------------------------------------------------------------------
%% Comparing the two runs

%% Format is "text" (one line a suite, with the failing cases by name) or "markdown" (the
%% tables of docs/STATUS.md). Folder is e.g. "emulator" (every suite with results under
%% ResultsDir/{erl,enigma}/emulator) or "emulator:a_SUITE,b_SUITE" (those suites).
report([ResultsDir, Format | Folders]) ->
    Later = later(filename:join(ResultsDir, "later.txt")),
    Known = known(filename:join(ResultsDir, "known_failures.txt")),
    put(known_failures, Known),
    Tables = [folder_table(ResultsDir, Folder, Later) || Folder <- Folders],
    case Format of
        "text" -> [print_text(T) || T <- Tables];
        "markdown" -> print_markdown(Tables)
    end,
    print_total(Format, Tables),
    erlang:halt(0).

-record(row, {folder, suite, erl, enigma, passing, both, missing, exit, counted}).

folder_table(ResultsDir, Selection, Later) ->
    {Folder, Chosen} = case string:split(Selection, ":") of
                           [F] -> {F, all};
                           [F, List] -> {F, string:lexemes(List, ",")}
                       end,
    ErlDir = filename:join([ResultsDir, "erl", Folder]),
    EnigmaDir = filename:join([ResultsDir, "enigma", Folder]),
    Suites = case Chosen of
                 all -> lists:usort([filename:basename(File, ".txt")
                                     || Dir <- [ErlDir, EnigmaDir],
                                        File <- filelib:wildcard(filename:join(Dir, "*.txt"))]);
                 _ -> Chosen
             end,
    Rows = [row(Folder, Suite, ErlDir, EnigmaDir, Later) || Suite <- Suites],
    {Folder, Rows}.

row(Folder, Suite, ErlDir, EnigmaDir, Later) ->
    Erl = cases(filename:join(ErlDir, Suite ++ ".txt")),
    Enigma = cases(filename:join(EnigmaDir, Suite ++ ".txt")),
    Passing = [K || {K, ok} <- Erl],
    Both = [K || K <- Passing, lists:member({K, ok}, Enigma)],
    Missing = [K || K <- Passing, not lists:member({K, ok}, Enigma)],
    #row{folder = Folder, suite = Suite, erl = counts(Erl), enigma = counts(Enigma),
         passing = length(Passing), both = length(Both),
         missing = [name(K) || K <- Missing],
         exit = {exit_status(ErlDir, Suite), exit_status(EnigmaDir, Suite)},
         counted = not lists:any(fun(P) -> matches(Folder, Suite, P) end, Later)}.

%% The cases of a result file as [{{Case, N}, Status}]: N tells apart the runs of a case
%% that several groups run.
cases(File) ->
    case file:consult(File) of
        {ok, Terms} -> number([{C, S} || {'case', _, C, S, _} <- Terms], #{});
        {error, _} -> []
    end.

number([], _Seen) -> [];
number([{C, S} | Rest], Seen) ->
    N = maps:get(C, Seen, 0) + 1,
    [{{C, N}, S} | number(Rest, Seen#{C => N})].

name({C, 1}) -> atom_to_list(C);
name({C, N}) -> atom_to_list(C) ++ "#" ++ integer_to_list(N).

counts(Cases) ->
    {length([x || {_, ok} <- Cases]),
     length([x || {_, failed} <- Cases]),
     length([x || {_, skipped} <- Cases])}.

exit_status(Dir, Suite) ->
    case file:read_file(filename:join(Dir, Suite ++ ".exit")) of
        {ok, Bin} -> string:trim(binary_to_list(Bin));
        {error, _} -> "not run"
    end.

%% known_failures.txt: "Folder Suite Case Reason..." lines: the cases that pass on erl and
%% are known to fail on Enigma (Case * for the whole suite, a hang or crash included).
%% Any other case that fails is a regression (--check fails on it).
known(File) ->
    case file:read_file(File) of
        {ok, Bin} ->
            [{F, S, C} || Line <- string:split(binary_to_list(Bin), "\n", all),
                          [F, S, C | _] <- [string:lexemes(Line, " \t")],
                          hd(F) =/= $#];
        {error, _} -> []
    end.

is_known(#row{folder = F, suite = S}, Case) ->
    Known = get(known_failures),
    lists:member({F, S, Case}, Known) orelse lists:member({F, S, "*"}, Known).

%% later.txt: "Folder Pattern Reason..." lines; a suite whose name matches Pattern (a
%% trailing * matches any rest) is run and reported but left out of the totals.
later(File) ->
    case file:read_file(File) of
        {ok, Bin} ->
            [{F, P} || Line <- string:split(binary_to_list(Bin), "\n", all),
                       [F, P | _] <- [string:lexemes(Line, " \t")],
                       hd(F) =/= $#];
        {error, _} -> []
    end.

matches(Folder, Suite, {Folder, Pattern}) ->
    case lists:reverse(Pattern) of
        "*" ++ Prefix -> lists:prefix(lists:reverse(Prefix), Suite);
        _ -> Suite =:= Pattern
    end;
matches(_, _, _) -> false.

percent(_, 0) -> "-";
percent(Part, Whole) -> io_lib:format("~.1f %", [100 * Part / Whole]).

vm_fault({_, "0"}) -> "";
vm_fault({_, "124"}) -> "HANG (time limit)";
vm_fault({_, "not run"}) -> "not run on Enigma";
vm_fault({_, Status}) -> "VM EXIT " ++ Status.

print_text({Folder, Rows}) ->
    io:format("~n== ~s ==~n", [Folder]),
    io:format("~-34s ~-16s ~-16s ~s~n",
              ["suite", "erl ok/fail/skip", "enigma", "erl-passing cases passing on Enigma"]),
    [begin
         {EO, EF, ES} = R#row.erl,
         {NO, NF, NS} = R#row.enigma,
         Note = case R#row.counted of
                    true -> "";
                    false -> " (not counted: a later issue)"
                end,
         io:format("~-34s ~-16s ~-16s ~p of ~p (~s)~s ~s~n",
                   [R#row.suite, triple(EO, EF, ES), triple(NO, NF, NS),
                    R#row.both, R#row.passing, percent(R#row.both, R#row.passing),
                    Note, vm_fault(R#row.exit)]),
         {Known, New} = lists:partition(fun(C) -> is_known(R, C) end, R#row.missing),
         [io:format("    failing on Enigma (known): ~s~n", [lists:join(", ", Known)])
          || Known =/= []],
         [io:format("    REGRESSION, failing on Enigma: ~s~n", [lists:join(", ", New)])
          || New =/= [], R#row.counted],
         [io:format("    REGRESSION: ~s~n", [vm_fault(R#row.exit)])
          || vm_fault(R#row.exit) =/= "", R#row.counted, not is_known(R, "*")]
     end || R <- Rows],
    {Passing, Both} = folder_totals(Rows),
    io:format("~s total (counted suites): ~p of ~p (~s); suites below 90 %: ~p~n",
              [Folder, Both, Passing, percent(Both, Passing), length(below_90(Rows))]).

triple(A, B, C) -> io_lib:format("~p/~p/~p", [A, B, C]).

folder_totals(Rows) ->
    Counted = [R || R <- Rows, R#row.counted],
    {lists:sum([R#row.passing || R <- Counted]), lists:sum([R#row.both || R <- Counted])}.

below_90(Rows) ->
    [R || R <- Rows, R#row.counted, R#row.passing > 0, R#row.both * 10 < R#row.passing * 9].

print_markdown(Tables) ->
    io:format("| folder | suite | erl ok/fail/skip | Enigma ok/fail/skip | erl's passes passing on Enigma | failing on Enigma |~n"),
    io:format("|---|---|---|---|---|---|~n"),
    [begin
         {EO, EF, ES} = R#row.erl,
         {NO, NF, NS} = R#row.enigma,
         Fault = case vm_fault(R#row.exit) of
                     "" -> "";
                     F -> F ++ "; "
                 end,
         Counted = case R#row.counted of
                       true -> "";
                       false -> " (not counted)"
                   end,
         io:format("| ~s | ~s | ~s | ~s | ~p of ~p (~s)~s | ~s~s |~n",
                   [Folder, R#row.suite, triple(EO, EF, ES), triple(NO, NF, NS),
                    R#row.both, R#row.passing, percent(R#row.both, R#row.passing), Counted,
                    Fault, short_list(R#row.missing)])
     end || {Folder, Rows} <- Tables, R <- Rows],
    ok.

%% At most ten names, and how many more.
short_list(Names) when length(Names) > 10 ->
    [lists:join(", ", lists:sublist(Names, 10)), io_lib:format(" and ~p more", [length(Names) - 10])];
short_list(Names) ->
    lists:join(", ", Names).

print_total(Format, Tables) ->
    Sums = [{F, folder_totals(Rows), length(below_90(Rows))} || {F, Rows} <- Tables],
    io:format("~n"),
    [case Format of
         "text" -> io:format("TOTAL ~s: ~p of ~p (~s), ~p suites below 90 %~n",
                             [F, B, P, percent(B, P), Low]);
         "markdown" -> io:format("- **~s**: ~p of ~p cases that pass on erl pass on Enigma (~s); ~p suites below 90 %~n",
                                 [F, B, P, percent(B, P), Low])
     end || {F, {P, B}, Low} <- Sums],
    ok.
