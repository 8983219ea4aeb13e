//! Fixtures shared by the unit tests of this crate.

use enigma_term::{atom, Term};

use crate::emulator::instr::Mfa;
use crate::process::Process;

/// A fresh process (pid 1, no group leader) for calling native functions directly.
pub fn test_process() -> Process {
    let mfa = Mfa {
        module: atom::ERLANG,
        function: atom::APPLY,
        arity: 0,
    };
    Process::new(Term::pid(1), Default::default(), Term::NIL, mfa)
}
