-module(stdlib_uri_string).
-export([main/0]).

main() ->
    Uris = ["https://user:pw@example.com:8080/a/b/../c?q=1&r=two#frag", "http://EXAMPLE.com/%7Euser/",
            "mailto:someone@example.com", "/relative/path?x=y", "urn:isbn:0451450523", "foo://[::1]:80/p",
            <<"https://example.com/b%C3%A9">>, "http://a b.com/", "file:///tmp/x", ""],
    lists:foreach(fun(U) ->
        io:format("~p:~n  parse=~p~n  normalize=~p~n", [U, uri_string:parse(U), uri_string:normalize(U)])
    end, Uris),
    io:format("recompose: ~p~n", [uri_string:recompose(#{scheme => "https", host => "h.org", port => 443, path => "/x y", query => "a=1"})]),
    io:format("compose_query: ~p~n", [uri_string:compose_query([{"a", "1"}, {"b c", "d&e"}, {"flag", true}])]),
    io:format("dissect_query: ~p~n", [uri_string:dissect_query("a=1&b+c=d%26e&flag")]),
    io:format("resolve: ~p~n", [uri_string:resolve("../d?x", "http://h/a/b/c")]),
    io:format("transcode: ~p~n", [uri_string:transcode(<<"foo%00%00%00%F6bar">>, [{in_encoding, utf32}, {out_encoding, utf8}])]),
    io:format("quote: ~p~n", [catch uri_string:quote("a b/c")]),
    extra(),
    ok.

%% --- additional cases ---

extra_t(L, F) ->
    R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [L, R]).

extra() ->
    extra_t("parse ipv4", fun() -> uri_string:parse("http://127.0.0.1:8080/p") end),
    extra_t("parse query only", fun() -> uri_string:parse("?a=1") end),
    extra_t("parse fragment only", fun() -> uri_string:parse("#frag") end),
    extra_t("parse percent host", fun() -> uri_string:parse("http://ex%41mple.com/") end),
    extra_t("normalize dot segments", fun() -> uri_string:normalize("http://h/a/./b/../../c/./d") end),
    extra_t("normalize default port", fun() -> uri_string:normalize("http://h:80/x") end),
    extra_t("normalize map", fun() -> uri_string:normalize(#{scheme => "HTTP", host => "H.COM", path => "/a/../b"}) end),
    extra_t("recompose query fragment", fun() -> uri_string:recompose(#{path => "/p", query => "a=b", fragment => "f"}) end),
    extra_t("compose_query binary", fun() -> uri_string:compose_query([{<<"k">>, <<"v w">>}]) end),
    extra_t("compose_query encoding", fun() -> uri_string:compose_query([{"k", "\x{3bb}"}]) end),
    extra_t("dissect_query binary", fun() -> uri_string:dissect_query(<<"a=%20&b">>) end),
    extra_t("dissect_query bad", fun() -> uri_string:dissect_query("a=%ZZ") end),
    extra_t("resolve absolute", fun() -> uri_string:resolve("/x", "http://h/a/b") end),
    extra_t("resolve query", fun() -> uri_string:resolve("?q", "http://h/a/b") end),
    extra_t("resolve full", fun() -> uri_string:resolve("https://o/p", "http://h/a") end),
    extra_t("allowed chars", fun() -> uri_string:recompose(#{path => "/a b/c%d"}) end),
    ok.
