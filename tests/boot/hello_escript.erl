%% The module the tools tests pack into precompiled and archive escripts.
-module(hello_escript).
-export([main/1]).
main(Args) -> io:format("compiled escript ~p ~p~n", [Args, erlang:system_info(otp_release)]).
