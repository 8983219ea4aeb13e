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
    // Enigma's own `erl` link (`.../bin/erl -> ../enigma`) may be first on PATH; these
    // modules are compiled by the real OTP, not by a possibly stale Enigma.
    let path = std::env::var_os("PATH").unwrap_or_default();
    let real_path: Vec<std::path::PathBuf> = std::env::split_paths(&path)
        .filter(|d| {
            !std::fs::read_link(d.join("erl"))
                .is_ok_and(|t| t.to_string_lossy().ends_with("enigma"))
        })
        .collect();
    let real_path = std::env::join_paths(real_path).unwrap_or(path);
    for name in modules {
        let src = format!("erl/{name}.erl");
        println!("cargo:rerun-if-changed={src}");
        let status = Command::new("erlc")
            .args(["-o", &out, &src])
            .env("PATH", &real_path)
            .status();
        let beam = Path::new(&out).join(format!("{name}.beam"));
        if !matches!(status, Ok(s) if s.success()) || !beam.exists() {
            println!("cargo:warning=erlc could not compile {src}; enigma run will lack it");
            let _ = std::fs::write(&beam, b"");
        }
    }
}
