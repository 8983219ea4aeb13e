#!/usr/bin/env bash
# Compiles OTP's own sources with erlc twice, once on erl and once on Enigma (its link
# directory first on PATH, so that OTP's erlc starts Enigma), with the same options, and
# compares the .beam files byte for byte. Prints each file that differs or fails, and
# "N of M identical".
#
# usage: scripts/erlc-parity.sh [--sample K] [APP...]
#   APP        stdlib, kernel, compiler (default: all three), from /usr/lib/erlang/lib/APP-*/src
#   --sample K every K-th file only (CI uses a sample; the whole set is the default)
# environment: ENIGMA (default target/release/enigma), JOBS (parallel compiles, default 2)
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SAMPLE=1
APPS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sample) SAMPLE=$2; shift 2 ;;
    *) APPS+=("$1"); shift ;;
  esac
done
[ ${#APPS[@]} -gt 0 ] || APPS=(stdlib kernel compiler)
ENIGMA=${ENIGMA:-$ROOT/target/release/enigma}
LINKS=$(dirname "$ENIGMA")/bin
[ -x "$LINKS/erl" ] || { echo "erlc-parity: no $LINKS/erl (build first)" >&2; exit 2; }
OTP_LIB=$(dirname "$(dirname "$(ls -d /usr/lib/erlang/lib/stdlib-*/src | head -1)")")
OUT=$ROOT/target/erlc-parity
rm -rf "$OUT"
export ERL_CRASH_DUMP_SECONDS=0

files=()
for app in "${APPS[@]}"; do
  src=$(ls -d "$OTP_LIB/$app"-*/src 2>/dev/null | head -1)
  [ -n "$src" ] || { echo "erlc-parity: no sources for $app (apt-get install erlang-src)" >&2; exit 2; }
  i=0
  for f in "$src"/*.erl; do
    if [ $((i % SAMPLE)) -eq 0 ]; then files+=("$f"); fi
    i=$((i + 1))
  done
done

# compile VM FILE: the .beam of FILE compiled with erlc running on VM (erl or enigma).
compile() {
  local vm=$1 f=$2 app dir out
  dir=$(dirname "$f")
  app=$(basename "$(dirname "$dir")")
  out=$OUT/$vm/$app
  mkdir -p "$out"
  local opts=(-o "$out" -I "$dir/../include" -I "$dir" -I "$OTP_LIB")
  # Some modules include another application's headers by plain -include (file.hrl).
  local inc
  for inc in "$OTP_LIB"/*/include; do opts+=(-I "$inc"); done
  # The compiler's build defines its version for beam_asm (as its Makefile does).
  case "$app" in compiler-*) opts+=("-DCOMPILER_VSN=\"${app#compiler-}\"") ;; esac
  if [ "$vm" = enigma ]; then
    PATH="$LINKS:$PATH" erlc "${opts[@]}" "$f" >"$out/$(basename "$f" .erl).log" 2>&1
  else
    erlc "${opts[@]}" "$f" >"$out/$(basename "$f" .erl).log" 2>&1
  fi
}

one() {
  local f=$1 app name
  app=$(basename "$(dirname "$(dirname "$f")")")
  name=$(basename "$f" .erl)
  compile erl "$f"; local e=$?
  compile enigma "$f"; local n=$?
  if [ $e -ne 0 ] || [ ! -f "$OUT/erl/$app/$name.beam" ]; then
    echo "skip $app/$name (erlc fails on erl too)"
  elif [ $n -ne 0 ] || [ ! -f "$OUT/enigma/$app/$name.beam" ]; then
    echo "FAIL $app/$name: $(tail -n 3 "$OUT/enigma/$app/$name.log" | tr '\n' ' ')"
  elif cmp -s "$OUT/erl/$app/$name.beam" "$OUT/enigma/$app/$name.beam"; then
    echo "same $app/$name"
  else
    echo "DIFF $app/$name"
  fi
}
export -f one compile
export OUT LINKS OTP_LIB

printf '%s\n' "${files[@]}" | xargs -P "${JOBS:-2}" -I{} bash -c 'one "$@"' _ {} >"$OUT.results" 2>&1
grep -v '^same' "$OUT.results" | sort
same=$(grep -c '^same' "$OUT.results")
skip=$(grep -c '^skip' "$OUT.results")
total=$(( ${#files[@]} - skip ))
echo "$same of $total identical"
[ "$same" -eq "$total" ]
