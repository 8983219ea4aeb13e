//! Compiles Enigma's own Erlang modules (crates/vm/erl/*.erl) with `erlc` into OUT_DIR, to
//! be embedded in the binary. Erlang/OTP is a requirement of Enigma anyway: it runs the
//! user's installed OTP libraries. Without `erlc`, the modules are empty and `enigma run`
//! reports that its I/O server is missing.

use std::path::Path;
use std::process::Command;

fn main() {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    println!("cargo:rerun-if-changed=erl");
    let modules: &[&str] = &[
        "enigma_io_server",
        "enigma_init",
        "enigma_code_server",
        "enigma_file_server",
    ];
    for name in modules {
        let src = format!("erl/{name}.erl");
        println!("cargo:rerun-if-changed={src}");
        let status = Command::new("erlc").args(["-o", &out, &src]).status();
        let beam = Path::new(&out).join(format!("{name}.beam"));
        if !matches!(status, Ok(s) if s.success()) || !beam.exists() {
            println!("cargo:warning=erlc could not compile {src}; enigma run will lack it");
            let _ = std::fs::write(&beam, b"");
        }
    }
}
