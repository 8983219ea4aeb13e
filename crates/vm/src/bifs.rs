//! Native functions (BIFs and NIFs), one file per Erlang module they implement. Each file
//! ends with its own registration table (`pub const BIFS: &[BifEntry]`); [`registry`] joins
//! the tables and answers "which native function is M:F/A".

pub mod beam_bifs;
pub mod registry;

pub mod atomics;
pub mod binary;
pub mod counters;
pub mod enigma_code;
pub mod enigma_io;
pub mod erlang;
pub mod error_logger;
pub mod erts_debug;
pub mod erts_internal;
pub mod ets;
pub mod file;
pub mod io;
pub mod lists;
pub mod maps;
pub mod math;
pub mod net_kernel;
pub mod os;
pub mod persistent_term;
pub mod prim_buffer;
pub mod prim_file;
pub mod re;
pub mod unicode;
pub mod zlib;

use crate::emulator::exception::BifResult;
use crate::process::Process;
use enigma_term::Term;

pub use erlang::error_info_for;
pub use registry::{is_beam_bif, lookup, mfa_of, BifEntry};

/// A native function: the calling process (for its heap and state) and the arguments.
/// It never triggers a collection: it allocates into the process heap, which overflows into
/// heap fragments that the emulator merges at its next collection.
pub type BifFn = fn(&mut Process, &[Term]) -> BifResult;
