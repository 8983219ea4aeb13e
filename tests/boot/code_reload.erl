%% Code loading under the real code server: two versions of a module, processes in the old
%% one, soft and hard purges, delete, and the code module's queries. Run by the boot tests
%% as `-noshell -pa . -s code_reload main -s init stop` on erl and on Enigma.
-module(code_reload).
-export([main/0]).

write(Dir, V) ->
    Src = io_lib:format(
            "-module(cr_mod).~n"
            "-export([version/0, loop/0, new_only/0]).~n"
            "version() -> ~p.~n"
            "loop() -> receive {From, version} -> From ! {self(), version()}, loop() end.~n"
            "~s",
            [V, if V >= 2 -> "new_only() -> yes.\n"; true -> "new_only() -> no.\n" end]),
    ok = file:write_file(filename:join(Dir, "cr_mod.erl"), Src),
    {ok, cr_mod} = compile:file(filename:join(Dir, "cr_mod.erl"), [{outdir, Dir}]).

%% Lets the logger print a report before the program's next line (reports are printed
%% asynchronously, on erl too).
settle() -> timer:sleep(100).

ask(P) ->
    P ! {self(), version},
    receive {P, V} -> V after 2000 -> timeout end.

main() ->
    Dir = filename:absname("code_reload_tmp"),
    ok = filelib:ensure_dir(filename:join(Dir, "x")),
    write(Dir, 1),
    true = code:add_patha(Dir),
    io:format("load: ~p~n", [code:load_file(cr_mod)]),
    io:format("is_loaded: ~p~n", [code:is_loaded(cr_mod) =:= {file, filename:join(Dir, "cr_mod.beam")}]),
    io:format("which: ~p~n", [code:which(cr_mod) =:= filename:join(Dir, "cr_mod.beam")]),
    Old = spawn(fun() -> cr_mod:loop() end),
    io:format("v1: ~p ~p~n", [cr_mod:version(), ask(Old)]),
    write(Dir, 2),
    io:format("purge without old: ~p~n", [code:purge(cr_mod)]),
    io:format("load v2: ~p~n", [code:load_file(cr_mod)]),
    io:format("v2: ~p, the old process still answers ~p~n", [cr_mod:version(), ask(Old)]),
    io:format("old code: ~p~n", [erlang:check_old_code(cr_mod)]),
    io:format("check_process_code: ~p ~p~n",
              [erlang:check_process_code(Old, cr_mod), erlang:check_process_code(self(), cr_mod)]),
    io:format("load again while old code is used: ~p~n", [code:load_file(cr_mod)]),
    settle(),
    io:format("soft_purge: ~p~n", [code:soft_purge(cr_mod)]),
    Ref = monitor(process, Old),
    io:format("purge: ~p~n", [code:purge(cr_mod)]),
    receive {'DOWN', Ref, process, Old, R} -> io:format("old process: ~p~n", [R])
    after 2000 -> io:format("old process still alive~n") end,
    io:format("old code after purge: ~p~n", [erlang:check_old_code(cr_mod)]),
    io:format("soft_purge with nothing old: ~p~n", [code:soft_purge(cr_mod)]),
    {cr_mod, Bin, File} = code:get_object_code(cr_mod),
    io:format("object code: ~p ~p~n", [is_binary(Bin), File =:= filename:join(Dir, "cr_mod.beam")]),
    io:format("delete: ~p ~p~n", [code:delete(cr_mod), erlang:module_loaded(cr_mod)]),
    io:format("call after delete loads it again: ~p~n", [catch cr_mod:new_only()]),
    io:format("delete with old code present: ~p~n", [catch code:delete(cr_mod)]),
    settle(),
    code:purge(cr_mod),
    io:format("delete: ~p~n", [code:delete(cr_mod)]),
    code:purge(cr_mod),
    io:format("load_abs: ~p~n", [code:load_abs(filename:join(Dir, "cr_mod"))]),
    io:format("load_binary: ~p~n", [code:load_binary(cr_mod, "nofile", Bin)]),
    io:format("missing: ~p ~p~n", [code:load_file(no_such_module_here), catch no_such_module_here:f()]),
    io:format("all_loaded has it: ~p~n", [lists:keymember(cr_mod, 1, code:all_loaded())]),
    io:format("preloaded: ~p~n", [lists:sort(erlang:pre_loaded())]),
    io:format("init is preloaded: ~p~n", [code:is_loaded(init)]),
    io:format("lib_dir: ~p~n", [code:lib_dir(kernel) =:= filename:join(code:root_dir(), "lib/kernel-" ++ element(2, lists:keyfind(kernel, 1, [{A, V} || {A, _, V} <- application:loaded_applications()])))]),
    io:format("c:l: ~p~n", [c:l(cr_mod)]),
    io:format("patha first: ~p~n", [hd(code:get_path()) =:= Dir]),
    io:format("sticky kernel: ~p~n", [code:is_sticky(lists)]),
    io:format("del_path: ~p~n", [code:del_path(Dir)]),
    [file:delete(F) || F <- filelib:wildcard(filename:join(Dir, "*"))],
    file:del_dir(Dir),
    ok.
