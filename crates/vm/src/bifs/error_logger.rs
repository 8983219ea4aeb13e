//! BIFs of the `error_logger` module: `warning_map/0`, the level that warning reports
//! are logged at, which the emulator flag `+W` chooses (`error_logger:warning_msg/1,2`
//! and OTP's `logger` handlers ask it for every warning).

use std::sync::atomic::{AtomicU8, Ordering};

use enigma_term::{Atom, Term};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::BifResult;
use crate::process::Process;

/// The level of warnings as `+W` sets it: `b'w'` warning (BEAM's default), `b'e'` error,
/// `b'i'` info.
static WARNING_MAP: AtomicU8 = AtomicU8::new(b'w');

/// Sets the warning map from `+W`'s value; `false` for anything but `w`, `e` or `i`.
pub fn set_warning_map(flag: &str) -> bool {
    match flag.as_bytes().first() {
        Some(&c @ (b'w' | b'e' | b'i')) => {
            WARNING_MAP.store(c, Ordering::Relaxed);
            true
        }
        _ => false,
    }
}

/// `error_logger:warning_map()`: `warning`, `error` or `info`.
fn warning_map_0(_p: &mut Process, _a: &[Term]) -> BifResult {
    let name = match WARNING_MAP.load(Ordering::Relaxed) {
        b'e' => "error",
        b'i' => "info",
        _ => "warning",
    };
    Ok(Term::atom(
        Atom::intern(name).unwrap_or(enigma_term::atom::UNDEFINED),
    ))
}

pub const BIFS: &[BifEntry] = &[bif!("error_logger", "warning_map", 0, warning_map_0)];
