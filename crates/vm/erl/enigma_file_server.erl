%% The file server (registered as file_server_2) under `enigma run`, which does not boot
%% OTP. boot/0 starts OTP's own, kernel's file_server, as the kernel application would;
%% Enigma's runtime runs it to completion before the main process starts.
%%
%% start/0 is a stand-in for when file_server cannot start (the runtime then starts it): it
%% answers the gen_server calls of the `file` module as file_server does, through
%% prim_file, and starts a file_io_server for each file:open/2. It speaks the gen_server
%% call protocol itself and keeps no table of open files (no file:pid2name/1).
-module(enigma_file_server).
-export([boot/0, start/0]).

boot() ->
    case catch file_server:start() of
        {ok, _Pid} -> ok;
        Error -> Error
    end.

start() ->
    %% Linked file_io_servers may exit with any reason: their exits are messages here.
    process_flag(trap_exit, true),
    loop().

loop() ->
    receive
        {'$gen_call', From, Request} ->
            reply(From, handle(Request, From)),
            loop();
        _ ->
            %% {'EXIT', IoServer, _} from file_io_servers, casts and strays.
            loop()
    end.

%% As gen:reply/2: the caller waits for {Tag, Reply}. A reply to an alias tag goes to the
%% caller's pid, where it matches the same receive.
reply({To, Tag}, Reply) ->
    try To ! {Tag, Reply}, ok catch _:_ -> ok end.

handle({open, Name, ModeList}, {Pid, _Tag}) when is_list(ModeList) ->
    file_io_server:start_link(Pid, Name, ModeList);
handle({open, _Name, _Mode}, _From) -> {error, einval};
handle({read_file, Name}, _) -> prim_file:read_file(Name);
handle({write_file, Name, Bin}, _) -> prim_file:write_file(Name, Bin);
handle({set_cwd, Name}, _) -> prim_file:set_cwd(Name);
handle({delete, Name}, _) -> prim_file:delete(Name);
handle({rename, Fr, To}, _) -> prim_file:rename(Fr, To);
handle({make_dir, Name}, _) -> prim_file:make_dir(Name);
handle({del_dir, Name}, _) -> prim_file:del_dir(Name);
handle({list_dir, Name}, _) -> prim_file:list_dir(Name);
handle({list_dir_all, Name}, _) -> prim_file:list_dir_all(Name);
handle(get_cwd, _) -> prim_file:get_cwd();
handle({get_cwd}, _) -> prim_file:get_cwd();
handle({get_cwd, Name}, _) -> prim_file:get_cwd(Name);
handle({read_file_info, Name}, _) -> prim_file:read_file_info(Name);
handle({read_file_info, Name, Opts}, _) -> prim_file:read_file_info(Name, Opts);
handle({altname, Name}, _) -> prim_file:altname(Name);
handle({write_file_info, Name, Info}, _) -> prim_file:write_file_info(Name, Info);
handle({write_file_info, Name, Info, Opts}, _) -> prim_file:write_file_info(Name, Info, Opts);
handle({read_link_info, Name}, _) -> prim_file:read_link_info(Name);
handle({read_link_info, Name, Opts}, _) -> prim_file:read_link_info(Name, Opts);
handle({read_link, Name}, _) -> prim_file:read_link(Name);
handle({read_link_all, Name}, _) -> prim_file:read_link_all(Name);
handle({make_link, Old, New}, _) -> prim_file:make_link(Old, New);
handle({make_symlink, Old, New}, _) -> prim_file:make_symlink(Old, New);
handle({copy, SourceName, SourceOpts, DestName, DestOpts, Length}, _) ->
    copy(SourceName, SourceOpts, DestName, DestOpts, Length);
handle(_Request, _From) ->
    {error, enigma_unsupported}.

copy(SourceName, SourceOpts, DestName, DestOpts, Length) ->
    case prim_file:open(SourceName, [read, binary | SourceOpts]) of
        {ok, Source} ->
            Reply =
                case prim_file:open(DestName, [write, binary | DestOpts]) of
                    {ok, Dest} ->
                        DestReply = prim_file:copy(Source, Dest, Length),
                        prim_file:close(Dest),
                        DestReply;
                    {error, _} = Error ->
                        Error
                end,
            prim_file:close(Source),
            Reply;
        {error, _} = Error ->
            Error
    end.
