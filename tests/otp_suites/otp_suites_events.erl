%% A common_test event handler that writes the outcome of every test case to a file as
%% soon as it is known, one Erlang term per line, so that the results of a run that
%% crashes or hangs are kept up to the case it stopped in. scripts/otp-suites.sh reads
%% these files (through otp_suites:report/1) to compare a run on erl with one on Enigma.
-module(otp_suites_events).
-behaviour(gen_event).

-export([init/1, handle_event/2, handle_call/2, handle_info/2, terminate/2]).

-include_lib("common_test/include/ct_event.hrl").

init([File]) ->
    {ok, File}.

%% A finished test case (config functions are left out: a failed init_per_suite or
%% init_per_group shows as its cases being skipped).
handle_event(#event{name = tc_done, data = {Suite, Case, Result}}, File) when is_atom(Case) ->
    case config_function(Case) of
        true -> ok;
        false -> write(File, Suite, Case, outcome(Result))
    end,
    {ok, File};
%% A case that never ran: skipped by the suite or by the spec, or because its init
%% config function failed.
handle_event(#event{name = Skip, data = {Suite, CaseSpec, Comment}}, File)
  when Skip =:= tc_user_skip; Skip =:= tc_auto_skip ->
    Case = case CaseSpec of
               {C, _Group} -> C;
               C -> C
           end,
    case is_atom(Case) andalso not config_function(Case) of
        true -> write(File, Suite, Case, {skipped, Comment});
        false -> ok
    end,
    {ok, File};
handle_event(_Event, File) ->
    {ok, File}.

handle_call(_Request, File) ->
    {ok, ok, File}.

handle_info(_Info, File) ->
    {ok, File}.

terminate(_Reason, _File) ->
    ok.

config_function(F) ->
    lists:member(F, [init_per_suite, end_per_suite, init_per_group, end_per_group,
                     error_in_suite]).

outcome(ok) -> ok;
outcome({failed, Reason}) -> {failed, Reason};
outcome({skipped, Reason}) -> {skipped, Reason};
outcome({auto_skipped, Reason}) -> {skipped, Reason};
outcome(Other) -> {failed, Other}.

write(File, Suite, Case, Outcome) ->
    {Status, Why} = case Outcome of
                        ok -> {ok, ""};
                        {S, R} -> {S, short(R)}
                    end,
    Line = unicode:characters_to_binary(
             io_lib:format("~0tp.~n", [{'case', Suite, Case, Status, Why}])),
    ok = file:write_file(File, Line, [append]).

%% The reason, printed short enough to read in a table.
short(Reason) ->
    Text = lists:flatten(io_lib:format("~0tP", [Reason, 12])),
    case length(Text) > 300 of
        true -> lists:sublist(Text, 300) ++ "...";
        false -> Text
    end.
