-module(stdlib_filename).
-export([main/0]).

main() ->
    Paths = ["/usr/local/lib/erlang/file.tar.gz", "relative/dir/", "file", ".hidden", "/", "a//b///c",
             "dir/file.", "../up/x.erl", <<"/bin/path.txt">>, "C:/win/style.txt"],
    lists:foreach(fun(P) ->
        io:format("~p:~n  basename=~p dirname=~p ext=~p rootname=~p~n  split=~p type=~p~n",
                  [P, filename:basename(P), filename:dirname(P), filename:extension(P),
                   filename:rootname(P), filename:split(P), filename:pathtype(P)])
    end, Paths),
    io:format("join: ~p~n", [filename:join(["/a", "b/", "c.txt"])]),
    io:format("join abs: ~p~n", [filename:join("a/b", "/c")]),
    io:format("join/2: ~p~n", [filename:join("dir", "file")]),
    io:format("join bin: ~p~n", [filename:join(<<"a">>, "b")]),
    io:format("basename/2: ~p ~p~n", [filename:basename("/x/y.erl", ".erl"), filename:basename("/x/y.erl", ".beam")]),
    io:format("rootname/2: ~p~n", [filename:rootname("a/b.c.d", ".d")]),
    io:format("flatten: ~p~n", [filename:flatten(["a", ['b', "/c"]])]),
    io:format("nativename: ~p~n", [filename:nativename("/a//b/")]),
    io:format("safe_relative_path: ~p ~p~n", [filelib:safe_relative_path("a/../b", "/"), filelib:safe_relative_path("../x", "/")]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("split absolute", fun() -> filename:split("/a/b/c") end),
    extra_t("join split roundtrip", fun() -> filename:join(filename:split("/x/y/z.erl")) end),
    extra_t("extension of dotfile", fun() -> [filename:extension(F) || F <- [".bashrc", "a.b.c", "noext", "dir.d/file"]] end),
    extra_t("rootname of dotfile", fun() -> [filename:rootname(F) || F <- [".bashrc", "a.b.c", "dir.d/file"]] end),
    extra_t("dirname root", fun() -> [filename:dirname(F) || F <- ["/", "/a", "a", "a/"]] end),
    extra_t("basename trailing slash", fun() -> [filename:basename(F) || F <- ["a/b/", "/", ""]] end),
    extra_t("join with ..", fun() -> filename:join(["a", "..", "b"]) end),
    %% The trace's deeper frames belong to erl's -eval launcher, so only the reason is shown.
    extra_t("join empty", fun() -> case catch filename:join([]) of {'EXIT', {R, _}} -> {'EXIT', R}; V -> V end end),
    extra_t("pathtype", fun() -> [filename:pathtype(P) || P <- ["/x", "x", "./x"]] end),
    ok.
