-module(million).
-export([main/0]).

%% 1,000,000 processes alive at once (run erl with +P 2000000), each answering once, then
%% all gone, and their memory given back to the OS: the resident set size (VmRSS in
%% /proc/self/status, the same measure on both VMs) falls by at least two thirds of what the
%% processes added within a few seconds of their exit, with nothing else running.

main() ->
    N = 1000000,
    Base = rss(),
    Self = self(),
    Pids = [spawn(fun() -> receive {go, K} -> Self ! {done, K} end end)
            || _ <- lists:seq(1, N)],
    Alive = erlang:system_info(process_count),
    io:format("alive at once: ~p~n", [Alive >= N]),
    Peak = rss(),
    lists:foldl(fun(P, K) -> P ! {go, K}, K + 1 end, 1, Pids),
    Sum = lists:sum([receive {done, K} -> K end || _ <- Pids]),
    io:format("answers: ~p~n", [Sum =:= N * (N + 1) div 2]),
    timer:sleep(100),
    io:format("left: ~p~n", [erlang:system_info(process_count) < 1000]),
    Added = Peak - Base,
    io:format("processes added over 1 GB: ~p~n", [Added > 1 bsl 30]),
    io:format("memory returned: ~p~n", [returned(Base, Added, 30)]),
    io:format("done~n").

%% Waits (up to Tries x 100 ms) for the resident set to fall below Base + Added / 3.
%% erl keeps 15-24 % (its allocators hold on to some carriers), Enigma about 6 %; Enigma
%% before it returned memory when idle kept about 40 %.
returned(_Base, _Added, 0) -> false;
returned(Base, Added, Tries) ->
    %% The main process's own heap (it held the million pids) is not what is measured.
    erlang:garbage_collect(),
    case rss() - Base < Added div 3 of
        true -> true;
        false -> timer:sleep(100), returned(Base, Added, Tries - 1)
    end.

%% Resident set size in bytes.
rss() ->
    {ok, Status} = file:read_file("/proc/self/status"),
    [_, Rest] = binary:split(Status, <<"VmRSS:">>),
    [Kb | _] = string:lexemes(Rest, " \t\n"),
    binary_to_integer(Kb) * 1024.
