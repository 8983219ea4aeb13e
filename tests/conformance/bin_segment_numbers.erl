%% A binary construction error names the segment by its place in the source, even where
%% the compiler merged leading constant segments into one string.
-module(bin_segment_numbers).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Atom = id(some_atom),
    Binary = id(<<"abc">>),
    [io:format("~p~n", [cause(F)])
     || F <- [fun() -> <<Atom/binary, Binary/binary>> end,
              fun() -> <<Binary/binary, Atom/binary>> end,
              fun() -> <<1:32, Binary/binary, Atom/binary>> end,
              fun() -> <<1:32, "xyz", Binary/binary, Atom/binary>> end,
              fun() -> <<"a", "b", 7:8, Atom:8>> end,
              fun() -> <<1:8, 2:8, (id(-1)):(id(-3))>> end]].

cause(F) ->
    try F() of
        _ -> no_error
    catch error:Reason:St ->
        [{_, _, _, Info} | _] = St,
        {Reason, maps:get(cause, proplists:get_value(error_info, Info, #{}), none)}
    end.
