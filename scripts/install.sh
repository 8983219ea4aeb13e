#!/usr/bin/env bash
# Installs what Enigma needs on Debian (Erlang/OTP 25 from Debian's packages; the Rust
# toolchain is assumed), builds Enigma, and runs a real Erlang program on it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v erlc >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq erlang-nox erlang-dev
fi
cargo build --release -p enigma-cli
mkdir -p target/examples
erlc -o target/examples examples/hello.erl
./target/release/enigma run -pa target/examples hello
