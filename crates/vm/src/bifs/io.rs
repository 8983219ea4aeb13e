//! BIFs of the `io` module.

use enigma_term::{atom, Term};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::BifResult;
use crate::process::Process;

/// Which characters `~tp` prints as text: BEAM's default (`+pc latin1`).
fn printable_range_0(_p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(Term::atom(atom::LATIN1))
}

pub const BIFS: &[BifEntry] = &[bif!("io", "printable_range", 0, printable_range_0)];
