#!/usr/bin/env bash
# Runs every test: formatting and lints, the Rust unit tests of each crate, the loader's
# mutation test over OTP's .beam files, `enigma check` over all of OTP, and the differential
# conformance suite (each program on erl and on Enigma), then the suite again under GC stress.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --all -- --check
cargo clippy --workspace --all-targets --release -- -D warnings
cargo build --release -p enigma-cli
cargo test --release --workspace
./target/release/enigma check /usr/lib/erlang/lib/*/ebin
ENIGMA_GC_STRESS=1 ENIGMA_CONFORMANCE_FILTER="${ENIGMA_STRESS_FILTER:-}" \
  cargo test --release -p enigma-cli --test conformance
