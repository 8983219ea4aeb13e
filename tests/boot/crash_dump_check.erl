%% Reads a crash dump with OTP's own reader (crashdump_viewer's non-GUI API, as its test
%% suite does) and prints `ok`, or what could not be read. The boot harness runs it on erl
%% for every dump Enigma writes; the viewer's warnings about lines it does not expect go to
%% standard output too, so any output besides `ok` is a failure.
-module(crash_dump_check).
-export([main/1]).

main([File]) ->
    {ok, _} = crashdump_viewer:start_link(),
    ok = crashdump_viewer:read_file(File),
    {ok, _General, []} = with_warnings(crashdump_viewer:general_info()),
    {ok, Procs, []} = with_warnings(crashdump_viewer:processes()),
    [{ok, _, []} = with_warnings(crashdump_viewer:proc_details(pid_of(P))) || P <- Procs],
    {ok, Ports, []} = with_warnings(crashdump_viewer:ports()),
    [{ok, _, []} = with_warnings(crashdump_viewer:port(port_of(P))) || P <- Ports],
    {ok, _, []} = with_warnings(crashdump_viewer:ets_tables(all)),
    {ok, _, []} = with_warnings(crashdump_viewer:timers(all)),
    {ok, Mods, []} = with_warnings(crashdump_viewer:loaded_modules()),
    [{ok, _, []} = with_warnings(crashdump_viewer:loaded_mod_details(mod_of(M))) || M <- Mods],
    {ok, Atoms, []} = with_warnings(crashdump_viewer:atoms()),
    true = length(Atoms) > 0,
    {ok, _, []} = with_warnings(crashdump_viewer:memory()),
    {ok, _, []} = with_warnings(crashdump_viewer:schedulers()),
    {ok, _, []} = with_warnings(crashdump_viewer:dist_info()),
    io:format("ok~n").

%% Some calls answer {ok, Info} and others {ok, Info, Warnings}.
with_warnings({ok, Info}) -> {ok, Info, []};
with_warnings(Other) -> Other.

pid_of(P) -> pid_to_list(element(2, P)).

port_of(P) ->
    {A, B} = element(2, P),
    "#Port<" ++ integer_to_list(A) ++ "." ++ integer_to_list(B) ++ ">".

mod_of(M) ->
    {Name, _Quoted} = element(2, M),
    binary_to_list(Name).
