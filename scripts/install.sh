#!/usr/bin/env bash
# Installs what Enigma needs on Debian (Erlang/OTP 25 from Debian's packages; the Rust
# toolchain is assumed), builds Enigma, and runs a real Erlang program on it: once through
# `enigma run`, once with the real OTP boot (`enigma` is a drop-in `erl`).
set -euo pipefail
cd "$(dirname "$0")/.."

# Erlang/OTP 25 and its sources (erlc parity), tmux (the shell through a terminal), the
# tools that start erl (rebar3, elixir) which the tests run on Enigma, and what OTP's own
# test suites need.
need=()
command -v erlc >/dev/null 2>&1 || need+=(erlang-nox erlang-dev)
ls -d /usr/lib/erlang/lib/stdlib-*/src >/dev/null 2>&1 || need+=(erlang-src)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v rebar3 >/dev/null 2>&1 || need+=(rebar3)
command -v elixir >/dev/null 2>&1 || need+=(elixir)
# OTP's own test suites (scripts/otp-suites.sh): common_test, a C toolchain for
# test_server's configure and the suites' C code, xz for Debian's source tarball.
ls -d /usr/lib/erlang/lib/common_test-* >/dev/null 2>&1 || need+=(erlang-common-test)
command -v make >/dev/null 2>&1 || need+=(make)
command -v gcc >/dev/null 2>&1 || need+=(gcc)
command -v xz >/dev/null 2>&1 || need+=(xz-utils)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
cargo build --release -p enigma-cli
mkdir -p target/examples
erlc -o target/examples examples/hello.erl
./target/release/enigma run -pa target/examples hello
./target/release/enigma -noshell -pa target/examples -eval 'hello:main(), halt().'
