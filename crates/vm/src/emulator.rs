//! The emulator: the instruction loop ([`run`]), its instruction set ([`instr`]),
//! exceptions and stack traces, and the handlers of the larger instructions (`ops/`).

pub mod exception;
pub mod instr;
pub mod ops;
pub mod run;
pub mod stacktrace;

pub use run::{run, Emulator, RunOutcome};
