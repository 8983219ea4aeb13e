#!/usr/bin/env bash
# Runs every test: formatting and lints, the Rust unit tests of each crate (including the
# loader's and the VM's mutated-.beam tests), `enigma check` over all of OTP, the
# differential conformance suite (each program on erl and on Enigma), the boot tests (erl
# command lines, and erlc/escript/rebar3/elixir started through the `erl` link), a sample of
# OTP's sources compiled by erlc on Enigma and compared byte for byte, a subset of OTP's own
# test suites under common_test on both VMs (scripts/otp-suites.sh), then the conformance
# suite again under GC stress (collect at every collection point) minus the programs whose
# point is sheer volume (a million-frame stack rescanned at every allocation would take
# hours).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --all -- --check
cargo clippy --workspace --all-targets --release -- -D warnings
cargo build --release -p enigma-cli
cargo test --release --workspace
./target/release/enigma check /usr/lib/erlang/lib/*/ebin
scripts/status.sh --check
scripts/erlc-parity.sh --sample 12
# OTP's own suites (tests/otp_suites/ci.txt) on erl and on Enigma; fails on any case that
# passes on erl and fails on Enigma unless tests/otp_suites/known_failures.txt lists it.
scripts/otp-suites.sh --set ci --check --timeout 900
ENIGMA_GC_STRESS=1 ENIGMA_GC_VERIFY=1 ENIGMA_CONFORMANCE_SKIP="deep_,gc_heavy,gc_large,proc_many,proc_recv_marker_calls,list_flatten,list_mapfoldl,ets_big_terms" \
  cargo test --release -p enigma-cli --test conformance
