//! Enigma's virtual machine: loaded code (`code`), the emulator (`emulator`), the native
//! functions (`bifs`) and the runtime that runs processes (`runtime`). They call each other
//! (BIFs spawn and send, the scheduler runs the loop), so they are modules of one crate.

#[deny(unsafe_code)]
pub mod bifs;
#[deny(unsafe_code)]
pub mod code;
#[deny(unsafe_code)]
pub mod drivers;
pub mod emulator;
pub mod pdict;
pub mod process;
#[deny(unsafe_code)]
pub mod runtime;
#[cfg(test)]
mod test_util;

use std::collections::HashSet;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, OnceLock};

/// Collect at every collection point (`ENIGMA_GC_STRESS=1`): finds terms held across an
/// allocation by native code, which a moving collector would leave stale.
pub fn gc_stress_enabled() -> bool {
    flag(&GC_STRESS, "ENIGMA_GC_STRESS")
}

/// Run the heap verifier after every collection (`ENIGMA_GC_VERIFY=1`, and always with
/// stress mode in debug builds).
pub fn gc_verify_enabled() -> bool {
    flag(&GC_VERIFY, "ENIGMA_GC_VERIFY") || (cfg!(debug_assertions) && gc_stress_enabled())
}

static GC_STRESS: AtomicU8 = AtomicU8::new(2);
static GC_VERIFY: AtomicU8 = AtomicU8::new(2);

fn flag(cell: &AtomicU8, var: &str) -> bool {
    match cell.load(Ordering::Relaxed) {
        0 => false,
        1 => true,
        _ => {
            let on = std::env::var(var).is_ok_and(|v| !v.is_empty() && v != "0");
            cell.store(on as u8, Ordering::Relaxed);
            on
        }
    }
}

/// Prints, once per name, that a BIF or instruction Enigma lacks was used.
pub fn report_unimplemented(name: &str) {
    static SEEN: OnceLock<Mutex<HashSet<String>>> = OnceLock::new();
    let seen = SEEN.get_or_init(|| Mutex::new(HashSet::new()));
    let mut s = seen.lock().unwrap_or_else(|e| e.into_inner());
    if s.insert(name.to_owned()) {
        eprintln!("enigma: unimplemented: {name}");
    }
}
