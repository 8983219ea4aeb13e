//! BIFs of the `file` module.

use enigma_term::{atom, Term};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::BifResult;
use crate::process::Process;

/// How file names are encoded: UTF-8, BEAM's default on Linux (`+fnu`).
fn native_name_encoding_0(_p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(Term::atom(atom::UTF8))
}

pub const BIFS: &[BifEntry] = &[bif!(
    "file",
    "native_name_encoding",
    0,
    native_name_encoding_0
)];
