%% A receive whose after-value is bad (timeout_value) ends the receive: the next receive
%% scans the queue from the start again (OTP's gh_5235 cases hung on it).
-module(rec_bad_timeout_save).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    id(self()) ! init,
    io:format("~p~n", [try receive blipp -> ok after id(blupp) -> ok end catch error:R -> R end]),
    io:format("~p~n", [receive init -> got_init after 1000 -> lost end]),
    Ref = make_ref(),
    id(self()) ! init2,
    io:format("~p~n", [try receive blapp -> ok after id(-5) -> ok end catch error:R2 -> R2 end]),
    id(self()) ! Ref,
    io:format("~p~n", [receive init2 -> got_init2 after 1000 -> lost end]),
    io:format("~p~n", [receive Ref -> got_ref after 1000 -> lost end]).
