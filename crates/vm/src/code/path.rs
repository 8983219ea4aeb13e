//! The code path: where `.beam` files are found. `-pa` directories come first, then every
//! `lib/*/ebin` of the installed OTP, then its `erts-*/ebin` (the preloaded modules). The OTP
//! root is `ENIGMA_OTP_ROOT`, else the one the `erl` on `PATH` belongs to, else
//! `/usr/lib/erlang`.

use std::path::{Path, PathBuf};
use std::sync::{OnceLock, RwLock};

fn path() -> &'static RwLock<Vec<PathBuf>> {
    static P: OnceLock<RwLock<Vec<PathBuf>>> = OnceLock::new();
    P.get_or_init(|| RwLock::new(Vec::new()))
}

/// The installed OTP's root directory.
pub fn otp_root() -> PathBuf {
    if let Some(r) = std::env::var_os("ENIGMA_OTP_ROOT") {
        return PathBuf::from(r);
    }
    if let Some(root) = erl_on_path_root() {
        return root;
    }
    PathBuf::from("/usr/lib/erlang")
}

/// The OTP root of the `erl` found on `PATH` (`.../bin/erl` may be a symlink to
/// `<root>/bin/erl`, or a script that sets `ROOTDIR`).
fn erl_on_path_root() -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    let me = std::env::current_exe()
        .ok()
        .and_then(|e| std::fs::canonicalize(e).ok());
    for dir in std::env::split_paths(&paths) {
        let erl = dir.join("erl");
        if !erl.is_file() {
            continue;
        }
        let Ok(real) = std::fs::canonicalize(&erl) else {
            continue;
        };
        // Enigma's own link (`erl` -> `enigma`) is not an OTP installation.
        if me.as_ref() == Some(&real) {
            continue;
        }
        let Some(root) = real.parent().and_then(Path::parent).map(Path::to_path_buf) else {
            continue;
        };
        if root.join("lib").is_dir() {
            return Some(root);
        }
        let Ok(script) = std::fs::read_to_string(&real) else {
            continue;
        };
        for line in script.lines() {
            if let Some(rest) = line.trim().strip_prefix("ROOTDIR=") {
                let p = PathBuf::from(rest.trim_matches('"'));
                if p.join("lib").is_dir() {
                    return Some(p);
                }
            }
        }
    }
    None
}

/// Sets the code path: `extra` directories first, then the OTP libraries.
pub fn init(extra: &[PathBuf]) {
    let root = otp_root();
    let mut dirs: Vec<PathBuf> = extra.to_vec();
    let mut libs: Vec<PathBuf> = std::fs::read_dir(root.join("lib"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path().join("ebin"))
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    libs.sort();
    dirs.extend(libs);
    *path().write().unwrap_or_else(|e| e.into_inner()) = dirs;
}

/// Adds a directory to the front of the path (`code:add_patha/1`).
pub fn add_first(dir: &Path) {
    path()
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(0, dir.to_path_buf());
}

/// The directories searched, in order.
pub fn dirs() -> Vec<PathBuf> {
    path().read().unwrap_or_else(|e| e.into_inner()).clone()
}

fn loaded_paths() -> &'static RwLock<std::collections::HashMap<enigma_term::Atom, PathBuf>> {
    static L: OnceLock<RwLock<std::collections::HashMap<enigma_term::Atom, PathBuf>>> =
        OnceLock::new();
    L.get_or_init(Default::default)
}

/// Records the file module `m` was loaded from (for `code:is_loaded/1`, `code:which/1`).
pub fn record_loaded(m: enigma_term::Atom, file: &Path) {
    loaded_paths()
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(m, file.to_path_buf());
}

/// The file module `m` was loaded from, if it came from the path.
pub fn loaded_from(m: enigma_term::Atom) -> Option<PathBuf> {
    loaded_paths()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&m)
        .cloned()
}

/// The `.beam` file of module `name` on the path.
pub fn find_beam(name: &str) -> Option<PathBuf> {
    if name.is_empty() || name.contains('/') || name.contains('\0') {
        return None;
    }
    dirs()
        .into_iter()
        .map(|d| d.join(format!("{name}.beam")))
        .find(|p| p.is_file())
}
