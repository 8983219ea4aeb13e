#!/usr/bin/env bash
# Runs OTP's own test suites (OTP 25.2.3's erts/emulator/test, lib/stdlib/test,
# lib/kernel/test and lib/compiler/test) under OTP's real common_test, once on erl and once
# on Enigma with the same options, and prints one line a suite: the cases passed / failed
# / skipped on each VM, how many of the cases that pass on erl pass on Enigma, and those
# that do not, by name. Cases that fail or are skipped on erl are left out of the count.
#
#   scripts/otp-suites.sh [options] [folder[:Suite,Suite...]]...
#
#   folder        emulator, stdlib, kernel or compiler (default: all four); with :Suites,
#                 only those suites of it (names without _SUITE, or with)
#   --set ci      the subset that .ci/run runs (tests/otp_suites/ci.txt), without the
#                 cases that do not pass on erl here (tests/otp_suites/ci_skip.txt)
#   --vm V        erl, enigma or both (default both; erl's results are kept in the cache and
#                 reused, so a second run only runs Enigma unless --vm erl or --fresh-erl)
#   --fresh-erl   run the suites on erl again even if its results are cached
#   --timeout S   time limit for one suite on one VM (default 1800 s); a suite stopped by
#                 it is reported as a hang
#   --report      only print the comparison of the results already in the cache
#   --markdown    print the comparison as the tables of docs/STATUS.md
#   --check       exit 1 if a case that passes on erl does not pass on Enigma and is not
#                 listed in tests/otp_suites/known_failures.txt, or Enigma hangs or crashes
#
# ENIGMA names the enigma binary to run (default target/release/enigma).
#
# OTP's sources come from Debian's source package (apt-get source --download-only erlang)
# into $ENIGMA_CACHE (default ~/.cache/enigma), outside the repository; the suites are
# compiled there by erl (`erl -make`, as OTP's test Makefiles do) with the flags of OTP's
# own Makefiles, and run there: ts:install() configures OTP's test_server once, and
# ts_install_cth builds the C code in a suite's data folder as OTP's own runs do.
#
# Suites about BEAM internals that Enigma does not have are not run at all
# (tests/otp_suites/excluded.txt, each with its reason); suites that need sockets or
# distribution are run and reported but left out of the totals until that issue
# (tests/otp_suites/later.txt). Both VMs run without distribution (no -sname), so the
# cases that start peer nodes fail on both and leave the count by themselves.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${ENIGMA_CACHE:-$HOME/.cache/enigma}
OTP_VSN=25.2.3
SRC=$CACHE/otp-OTP-$OTP_VSN
WORK=$CACHE/otp-suites
RESULTS=$WORK/results
ENIGMA=${ENIGMA:-$ROOT/target/release/enigma}
HERE=$ROOT/tests/otp_suites

skip_file=none
vms=both set=all timeout=1800 fresh_erl=0 report_only=0 format=text check=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --set) set=$2; shift
      [ "$set" = ci ] && skip_file=$HERE/ci_skip.txt ;;
    --vm) vms=$2; shift ;;
    --fresh-erl) fresh_erl=1 ;;
    --timeout) timeout=$2; shift ;;
    --report) report_only=1 ;;
    --markdown) format=markdown ;;
    --check) check=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "otp-suites: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1") ;;
  esac
  shift
done

say() { echo "otp-suites: $*" >&2; }

# OTP's source, from Debian's source package, unpacked once into the cache: only the
# folders the suites need.
fetch_source() {
  [ -d "$SRC/erts/emulator/test" ] && return
  mkdir -p "$CACHE/download"
  local tarball
  tarball=$(ls "$CACHE"/download/erlang_"$OTP_VSN"*.orig.tar.xz 2>/dev/null | head -n 1 || true)
  if [ -z "$tarball" ]; then
    say "downloading OTP $OTP_VSN's source (apt-get source --download-only erlang)"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    if ! grep -rqs 'deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      $sudo sed -i 's/^Types: deb$/Types: deb deb-src/' /etc/apt/sources.list.d/debian.sources
      $sudo apt-get update -qq
    fi
    (cd "$CACHE/download" && apt-get source --download-only erlang >/dev/null)
    tarball=$(ls "$CACHE"/download/erlang_"$OTP_VSN"*.orig.tar.xz | head -n 1)
  fi
  say "unpacking $tarball"
  local top=otp-OTP-$OTP_VSN
  tar -xJf "$tarball" -C "$CACHE" "$top/erts/emulator/test" "$top/lib/stdlib/test" \
    "$top/lib/kernel/test" "$top/lib/kernel/examples" "$top/lib/compiler/test" \
    "$top/lib/common_test/test_server" "$top/lib/sasl/test/otp_vsns.erl" \
    "$top/otp_versions.table"
}

# OTP's test_server folder (ts), configured by ts:install() as OTP's developers do: it
# writes the `variables` file that ts_install_cth uses to build the suites' C code.
prepare_test_server() {
  local ts=$WORK/test_server
  [ -f "$ts/variables" ] && [ -f "$ts/otp_suites.beam" ] && [ "$ts/otp_suites.beam" -nt "$HERE/otp_suites.erl" ] &&
    [ "$ts/otp_suites.beam" -nt "$HERE/otp_suites_events.erl" ] && return
  say "configuring test_server (ts:install())"
  mkdir -p "$ts"
  cp -r "$SRC"/lib/common_test/test_server/. "$ts"/
  (cd "$ts" && erlc ts*.erl && erlc "$HERE"/otp_suites.erl "$HERE"/otp_suites_events.erl &&
    erl -noshell -eval 'ok = ts:install(), halt().' >install.log 2>&1) ||
    { say "ts:install() failed: see $ts/install.log"; exit 1; }
}

# One test folder, laid out and compiled as OTP's `make release_tests` does, with the
# flags of the folder's Makefile. Variant suites (the same suite compiled with other
# options) are made as the Makefiles make them.
variant() { # variant Dir Base Suffix: Base_SUITE.erl copied as Base_Suffix_SUITE.erl
  sed -e "s;-module(${2}_SUITE);-module(${2}_${3}_SUITE);" "$1/${2}_SUITE.erl" >"$1/${2}_${3}_SUITE.erl"
}

emakefile_line() { # emakefile_line Opts Module...: one Emakefile entry
  local opts=$1; shift
  printf '{[%s],[%s]}.\n' "$(printf "'%s'," "$@" | sed 's/,$//')" "$opts"
}

prepare_folder() {
  local folder=$1 dir=$WORK/${1}_test
  [ -f "$dir/.compiled" ] && return
  say "preparing ${folder}_test"
  rm -rf "$dir"
  mkdir -p "$dir"
  local base="debug_info,{i,\"/usr/lib/erlang/lib/kernel-$(kernel_vsn)/include\"}"
  local em=$dir/Emakefile
  case "$folder" in
    emulator)
      cp -r "$SRC"/erts/emulator/test/. "$dir"/
      cp "$SRC"/lib/kernel/examples/gen_tcp_dist/src/gen_tcp_dist.erl "$dir"/
      local no_opt=(bs_bincomp bs_bit_binaries bs_construct bs_match_bin bs_match_int
        bs_match_tail bs_match_misc bs_utf guard map)
      for b in "${no_opt[@]}"; do variant "$dir" "$b" no_opt; done
      variant "$dir" hibernate native
      local plain=() n
      for f in "$dir"/*.erl; do
        n=$(basename "$f" .erl)
        case "$n" in *_no_opt_SUITE|*_native_SUITE) ;; *) plain+=("$n") ;; esac
      done
      { emakefile_line "$base,compressed" "${plain[@]}"
        emakefile_line "$base,no_copt,no_postopt,no_ssa_opt,no_bsm_opt" "${no_opt[@]/%/_no_opt_SUITE}"
        emakefile_line "$base" hibernate_native_SUITE; } >"$em"
      ;;
    stdlib)
      cp -r "$SRC"/lib/stdlib/test/. "$dir"/
      cp "$SRC"/erts/emulator/test/erts_test_utils.erl "$SRC"/lib/sasl/test/otp_vsns.erl \
        "$SRC"/otp_versions.table "$dir"/
      emakefile_line "$base" $(cd "$dir" && ls *.erl | sed 's/\.erl$//') >"$em"
      ;;
    kernel)
      cp -r "$SRC"/lib/kernel/test/. "$dir"/
      cp "$SRC"/lib/kernel/examples/gen_tcp_dist/src/gen_tcp_dist.erl \
        "$SRC"/lib/kernel/examples/erl_uds_dist/src/erl_uds_dist.erl \
        "$SRC"/lib/sasl/test/otp_vsns.erl "$SRC"/lib/stdlib/test/error_info_lib.erl "$dir"/
      emakefile_line "$base" $(cd "$dir" && ls *.erl | sed 's/\.erl$//') >"$em"
      ;;
    compiler)
      cp -r "$SRC"/lib/compiler/test/. "$dir"/
      local flags="$base,clint,clint0,ssalint"
      local ssa="no_bool_opt,no_share_opt,no_bsm_opt,no_fun_opt,no_ssa_opt,no_recv_opt"
      local no_opt=(andor apply beam_block beam_except beam_jump beam_reorder beam_ssa
        beam_type beam_utils bif bs_construct bs_bincomp bs_match bs_size_expr bs_utf
        core_fold float fun guard lc map match maybe misc overridden_bif receive record
        trycatch)
      local inline=(andor apply beam_block beam_ssa beam_utils bif bs_bincomp
        bs_bit_binaries bs_construct bs_match bs_size_expr bs_utf core_fold float fun guard
        lc map match maybe misc overridden_bif receive record)
      local -A kinds=([no_opt]="no_copt,$ssa,no_postopt" [no_ssa_opt]="$ssa"
        [post_opt]="no_copt,$ssa" [no_copt]="no_copt" [no_module_opt]="no_module_opt"
        [no_type_opt]="no_type_opt")
      local plain=() k b
      for f in "$dir"/*.erl; do plain+=("$(basename "$f" .erl)"); done
      { emakefile_line "$flags" "${plain[@]}"
        for k in "${!kinds[@]}"; do
          for b in "${no_opt[@]}"; do variant "$dir" "$b" "$k"; done
          emakefile_line "${kinds[$k]},$flags" "${no_opt[@]/%/_${k}_SUITE}"
        done
        for b in "${inline[@]}"; do variant "$dir" "$b" inline; done
        emakefile_line "inline,$flags" "${inline[@]/%/_inline_SUITE}"
        variant "$dir" fun r23
        emakefile_line "r23,$flags" fun_r23_SUITE
        for b in bs_construct bs_utf bs_bincomp; do variant "$dir" "$b" r24; done
        emakefile_line "r24,$flags" bs_construct_r24_SUITE bs_utf_r24_SUITE bs_bincomp_r24_SUITE
        variant "$dir" bs_match dialyzer
        emakefile_line "dialyzer,$flags" bs_match_dialyzer_SUITE
        emakefile_line "from_core,$flags" lfe_andor_SUITE lfe_guard_SUITE; } >"$em"
      for m in lfe_andor_SUITE lfe_guard_SUITE; do cp "$dir/$m.core" "$dir/$m.erl.core"; done
      ;;
  esac
  # erl -make reads the Emakefile; a .core module is named by its .core file.
  sed -i "s/'lfe_andor_SUITE'/'lfe_andor_SUITE.core'/; s/'lfe_guard_SUITE'/'lfe_guard_SUITE.core'/" "$em"
  (cd "$dir" && erl -noshell -eval 'case make:all([noexec]) of _ -> ok end, R = make:all(), halt(case R of up_to_date -> 0; _ -> 1 end).' \
    >make.log 2>&1) || say "some modules of ${folder}_test did not compile: see $dir/make.log"
  touch "$dir/.compiled"
}

kernel_vsn() { ls -d /usr/lib/erlang/lib/kernel-* | head -n 1 | sed 's/.*kernel-//'; }

# The suites to run in a folder: every *_SUITE module, less the excluded ones.
suites_of() {
  local folder=$1 only=$2
  local dir=$WORK/${folder}_test
  if [ -n "$only" ]; then
    tr ',' '\n' <<<"$only" | sed 's/_SUITE$//; s/$/_SUITE/'
    return
  fi
  if [ "$set" = ci ]; then
    awk -v f="$folder" '$1 == f { print $2 }' "$HERE/ci.txt"
    return
  fi
  (cd "$dir" && ls *_SUITE.beam | sed 's/\.beam$//') |
    grep -vxF -f <(awk -v f="$folder" '$1 == f { print $2 }' "$HERE/excluded.txt") || true
}

# One suite on one VM: its cases' results in RESULTS/VM/folder/Suite.txt, the VM's exit
# status in Suite.exit, its output in Suite.log, common_test's HTML logs under logs/.
run_suite() {
  local vm=$1 folder=$2 suite=$3
  local out=$RESULTS/$vm/$folder
  mkdir -p "$out"
  local bin
  case "$vm" in
    erl) bin=erl ;;
    enigma) bin=$ENIGMA ;;
  esac
  local start=$SECONDS status=0
  (cd "$WORK/${folder}_test" &&
    timeout -k 30 "$timeout" "$bin" -noshell -pa "$WORK/test_server" \
      -boot start_sasl -sasl errlog_type error -enable-feature maybe_expr \
      -env ERL_CRASH_DUMP "$out/$suite.erl_crash.dump" \
      -run otp_suites run "$suite" "$out/$suite.txt" "$WORK/logs/$vm" "$skip_file" \
      </dev/null >"$out/$suite.log" 2>&1) || status=$?
  echo "$status" >"$out/$suite.exit"
  echo "$((SECONDS - start))" >"$out/$suite.seconds"
  say "$vm $folder $suite: $(grep -c ',ok,' "$out/$suite.txt" || true) ok," \
    "$(grep -c ',failed,' "$out/$suite.txt" || true) failed," \
    "$(grep -c ',skipped,' "$out/$suite.txt" || true) skipped ($((SECONDS - start)) s, exit $status)"
}

folders=()
declare -A only=()
if [ ${#targets[@]} -eq 0 ] && [ "$set" = ci ]; then
  # Only the folders the CI subset takes suites from (preparing a folder compiles it).
  mapfile -t folders < <(awk '!/^#/ && NF { print $1 }' "$HERE/ci.txt" | awk '!seen[$0]++')
elif [ ${#targets[@]} -eq 0 ]; then
  folders=(emulator stdlib kernel compiler)
else
  for t in "${targets[@]}"; do
    f=${t%%:*}
    folders+=("$f")
    [ "$t" != "$f" ] && only[$f]=${t#*:}
  done
fi

selections=()
fetch_source
prepare_test_server
if [ "$report_only" = 0 ]; then
  [ "$vms" = erl ] || [ -x "$ENIGMA" ] || { say "build Enigma first: cargo build --release"; exit 1; }
  for folder in "${folders[@]}"; do
    case "$folder" in
      emulator|stdlib|kernel|compiler) ;;
      *) say "unknown folder $folder"; exit 2 ;;
    esac
    prepare_folder "$folder"
    chosen=$(suites_of "$folder" "${only[$folder]:-}")
    selections+=("$folder:$(echo $chosen | tr ' ' ',')")
    for suite in $chosen; do
      if [ "$vms" != enigma ]; then
        if [ "$fresh_erl" = 1 ] || [ "$vms" = erl ] || [ ! -f "$RESULTS/erl/$folder/$suite.exit" ]; then
          run_suite erl "$folder" "$suite"
        fi
      fi
      [ "$vms" = erl ] || run_suite enigma "$folder" "$suite"
    done
  done
else
  selections=("${folders[@]}")
fi

cp "$HERE/later.txt" "$HERE/known_failures.txt" "$RESULTS"/
report=$(erl -noshell -pa "$WORK/test_server" -run otp_suites report "$RESULTS" "$format" "${selections[@]}")
echo "$report"
if [ "$check" = 1 ] && grep -q "REGRESSION" <<<"$report"; then
  exit 1
fi
