//! Fixtures shared by the unit tests of this crate.

use enigma_term::{atom, Term};

use crate::emulator::instr::Mfa;
use crate::process::Process;

/// A fresh process (pid 1, no group leader) for calling native functions directly.
pub fn test_process() -> Process {
    test_process_with_pid(1)
}

/// A fresh process with local pid number `n` (tests that need several owners).
pub fn test_process_with_pid(n: u64) -> Process {
    let mfa = Mfa {
        module: atom::ERLANG,
        function: atom::APPLY,
        arity: 0,
    };
    Process::new(Term::pid(n), Default::default(), Term::NIL, mfa)
}
