%% stress_messages: 100,000 processes exchange 10,000,000 messages, and no
%% message may be lost, duplicated, reordered or corrupted.
%%
%% Process I (0-based) sends 10 numbered messages (Seq 1..10) to each of its
%% 10 peers (I + J*7919) rem 100000, J = 1..10, so every process also
%% receives 100 messages: 10 from each of its 10 senders. The sending happens
%% in 10 rounds (send Seq to all peers, then receive 10 messages), which
%% keeps the number of messages in flight bounded without synchronising the
%% processes. Receivers check, per sender, that the sequence numbers arrive
%% exactly in order 1..10 (Erlang's per-pair ordering guarantee) and that
%% each payload (an integer, a list or a tuple with a binary) is intact.
%% After all receivers are done, main tells every process to stop, and each
%% reports any message still left in its mailbox (a duplicate).
%%
%% The output is deterministic; the last line is the verdict (`ok` or
%% `FAILED`).
-module(stress_messages).
-export([main/0]).

-define(PROCS, 100000).
-define(PEERS, 10).
-define(SEQS, 10).
-define(STRIDE, 7919).
%% a receiver that gets nothing for this long reports its missing messages
-define(LOST_AFTER, 60000).

main() ->
    Main = self(),
    Pids = list_to_tuple([spawn(fun() -> proc(Main, I) end)
                          || I <- lists:seq(0, ?PROCS - 1)]),
    go(0, Pids),
    {Got, Sum, Bad} = gather_done(?PROCS, 0, 0, 0),
    [P ! stop || P <- tuple_to_list(Pids)],
    Extra = gather_extra(?PROCS, 0),
    Expected = ?PROCS * ?PEERS * ?SEQS,
    io:format("processes ~b~n", [?PROCS]),
    io:format("messages sent ~b~n", [Expected]),
    io:format("messages received ~b~n", [Got]),
    io:format("lost ~b~n", [Expected - Got]),
    io:format("out of order or corrupt ~b~n", [Bad]),
    io:format("duplicated ~b~n", [Extra]),
    io:format("payload sum ~b~n", [Sum]),
    case {Got, Bad, Extra} of
        {Expected, 0, 0} -> io:format("verdict ok~n");
        _ -> io:format("verdict FAILED~n")
    end.

go(I, _Pids) when I =:= ?PROCS -> ok;
go(I, Pids) ->
    Peers = [element((I + J * ?STRIDE) rem ?PROCS + 1, Pids) || J <- lists:seq(1, ?PEERS)],
    element(I + 1, Pids) ! {go, Peers},
    go(I + 1, Pids).

gather_done(0, Got, Sum, Bad) -> {Got, Sum, Bad};
gather_done(N, Got, Sum, Bad) ->
    receive
        {done, G, S, B} -> gather_done(N - 1, Got + G, Sum + S, Bad + B)
    end.

gather_extra(0, Extra) -> Extra;
gather_extra(N, Extra) ->
    receive
        {extra, E} -> gather_extra(N - 1, Extra + E)
    end.

%% ---- one process ---------------------------------------------------------

proc(Main, I) ->
    receive
        {go, Peers} ->
            Next = erlang:make_tuple(?PEERS, 1),
            {Got, Sum, Bad} = rounds(1, I, Peers, Next, 0, 0, 0),
            Main ! {done, Got, Sum, Bad},
            receive
                stop -> Main ! {extra, drain(0)}
            end
    end.

rounds(Seq, _I, _Peers, _Next, Got, Sum, Bad) when Seq > ?SEQS -> {Got, Sum, Bad};
rounds(Seq, I, Peers, Next, Got, Sum, Bad) ->
    send_round(Peers, 1, I, Seq),
    case recv(?PEERS, I, Next, Got, Sum, Bad) of
        {ok, Next1, Got1, Sum1, Bad1} -> rounds(Seq + 1, I, Peers, Next1, Got1, Sum1, Bad1);
        {lost, Got1, Sum1, Bad1} -> {Got1, Sum1, Bad1}
    end.

send_round([], _J, _I, _Seq) -> ok;
send_round([P | Ps], J, I, Seq) ->
    P ! {m, I, J, Seq, payload(I, J, Seq)},
    send_round(Ps, J + 1, I, Seq).

recv(0, _I, Next, Got, Sum, Bad) -> {ok, Next, Got, Sum, Bad};
recv(N, I, Next, Got, Sum, Bad) ->
    receive
        {m, From, J, Seq, Payload} ->
            Ok = J >= 1 andalso J =< ?PEERS
                andalso From =:= sender(I, J)
                andalso Seq =:= element(J, Next)
                andalso Payload =:= payload(From, J, Seq),
            Next1 = case Ok of
                        true -> setelement(J, Next, Seq + 1);
                        false -> Next
                    end,
            recv(N - 1, I, Next1, Got + 1, Sum + value(Payload),
                 Bad + case Ok of true -> 0; false -> 1 end)
    after ?LOST_AFTER ->
            {lost, Got, Sum, Bad}
    end.

%% Anything left in the mailbox after all 100 expected messages is extra.
drain(N) ->
    receive
        _ -> drain(N + 1)
    after 0 -> N
    end.

sender(I, J) -> ((I - J * ?STRIDE) rem ?PROCS + ?PROCS) rem ?PROCS.

payload(From, J, Seq) ->
    V = (From * 31 + J * 7 + Seq) rem 1000,
    case Seq rem 3 of
        0 -> V;
        1 -> [V, J, Seq];
        2 -> {V, <<V:16, From:32>>}
    end.

value(V) when is_integer(V) -> V;
value([V | _]) -> V;
value({V, <<_:16, _:32>>}) -> V.
