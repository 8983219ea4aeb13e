//! Puts the directory of links that makes Enigma a drop-in `erl` beside the binary:
//! `target/<profile>/bin/erl -> ../enigma`. With that directory first on `PATH` (or named
//! by `ERLC_EMULATOR`/`ESCRIPT_EMULATOR`), OTP's own `erlc`, `escript`, `elixir` and every
//! script that starts `erl` run on Enigma.

use std::path::PathBuf;

/// The names OTP's scripts and tools start the emulator by.
const LINKS: &[&str] = &["erl"];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        return;
    };
    // OUT_DIR is <target>/<profile>/build/<crate>-<hash>/out.
    let Some(profile_dir) = out.ancestors().nth(3) else {
        return;
    };
    let bin = profile_dir.join("bin");
    if std::fs::create_dir_all(&bin).is_err() {
        return;
    }
    for name in LINKS {
        let link = bin.join(name);
        if std::fs::symlink_metadata(&link).is_ok() {
            continue;
        }
        #[cfg(unix)]
        if let Err(e) = std::os::unix::fs::symlink("../enigma", &link) {
            println!("cargo:warning=cannot create {}: {e}", link.display());
        }
    }
}
