//! BIFs of the `net_kernel` module (distribution is not implemented: every pid is local).

use enigma_term::Term;

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult};
use crate::process::Process;

/// Whether the node of `pid` understands Unicode I/O; `io` asks before sending requests.
/// Local pids always do.
fn dflag_unicode_io_1(_p: &mut Process, a: &[Term]) -> BifResult {
    if a[0].is_pid() {
        Ok(Term::TRUE)
    } else {
        Err(badarg())
    }
}

pub const BIFS: &[BifEntry] = &[bif!(
    "net_kernel",
    "dflag_unicode_io",
    1,
    dflag_unicode_io_1
)];
