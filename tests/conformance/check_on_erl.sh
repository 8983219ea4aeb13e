#!/usr/bin/env bash
# Re-verify the conformance programs on real Erlang/OTP.
#
# For every tests/conformance/*.erl (or the files given as arguments):
#   * compile it with erlc into a temporary directory (never into the repo),
#   * fail if erlc prints any warning,
#   * run it twice exactly as the harness does:
#       erl -noshell -pa DIR -eval '<mod>:main(), halt().'
#   * fail if a run exits non-zero, prints nothing, takes longer than the
#     time limit, or if the two runs' stdout differ.
#
# Usage: tests/conformance/check_on_erl.sh [-t SECONDS] [-k] [-v] [file.erl ...]
#   -t SECONDS  wall-clock limit per run (default 2)
#   -k          keep the temporary directory (prints its path)
#   -v          print each program's stdout on failure
# Ends with a line "N passed, N failed".
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
limit=2
keep=0
verbose=0
while getopts "t:kv" opt; do
    case "$opt" in
        t) limit="$OPTARG" ;;
        k) keep=1 ;;
        v) verbose=1 ;;
        *) echo "usage: $0 [-t SECONDS] [-k] [-v] [file.erl ...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))

if [ $# -gt 0 ]; then
    files=("$@")
else
    files=("$here"/*.erl)
fi

tmp="$(mktemp -d /tmp/enigma_conf.XXXXXX)"
cleanup() { if [ "$keep" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

pass=0
fail=0
failed=()
for f in "${files[@]}"; do
    mod="$(basename "$f" .erl)"
    why=""
    if ! out="$(erlc -o "$tmp" "$f" 2>&1)"; then
        why="compile error: $out"
    elif [ -n "$out" ]; then
        why="compiler output: $out"
    else
        for run in 1 2; do
            start=$(date +%s%N)
            (cd "$tmp" && timeout 30 erl -noshell -pa "$tmp" \
                -eval "$mod:main(), halt()." >"$tmp/$mod.out$run" 2>"$tmp/$mod.err$run")
            rc=$?
            end=$(date +%s%N)
            ms=$(( (end - start) / 1000000 ))
            if [ $rc -ne 0 ]; then why="run $run exited $rc"; break; fi
            if [ ! -s "$tmp/$mod.out$run" ]; then why="run $run printed nothing"; break; fi
            if [ -s "$tmp/$mod.err$run" ]; then why="run $run wrote to stderr"; break; fi
            if [ "$ms" -gt $((limit * 1000)) ]; then why="run $run took ${ms}ms (> ${limit}s)"; break; fi
        done
        if [ -z "$why" ] && ! cmp -s "$tmp/$mod.out1" "$tmp/$mod.out2"; then
            why="output differs between two runs:
$(diff "$tmp/$mod.out1" "$tmp/$mod.out2" | head -20)"
        fi
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        failed+=("$mod")
        echo "FAIL $mod: $why"
        if [ "$verbose" = 1 ]; then
            cat "$tmp/$mod.out1" "$tmp/$mod.err1" 2>/dev/null | head -40
        fi
    fi
done
rm -f "$tmp"/*.beam
if [ $fail -gt 0 ]; then echo "failed: ${failed[*]}"; fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
