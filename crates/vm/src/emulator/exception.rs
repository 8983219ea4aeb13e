//! Exceptions as values: what a BIF or an instruction returns when it fails, and helpers to
//! build the common ones. The emulator turns a [`Fault`] into a jump to the nearest catch,
//! or into the death of the process.

use enigma_term::atom::{self, Atom};
use enigma_term::{build, Term, TermAlloc};

use crate::emulator::instr::Mfa;

/// The class of an exception.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Class {
    Error,
    Exit,
    Throw,
}

impl Class {
    pub fn atom(self) -> Atom {
        match self {
            Class::Error => atom::ERROR,
            Class::Exit => atom::EXIT,
            Class::Throw => atom::THROW,
        }
    }

    pub fn from_atom(a: Atom) -> Option<Class> {
        match a {
            atom::ERROR => Some(Class::Error),
            atom::EXIT => Some(Class::Exit),
            atom::THROW => Some(Class::Throw),
            _ => None,
        }
    }
}

/// A raised exception.
#[derive(Clone, Debug)]
pub struct Exception {
    pub class: Class,
    pub reason: Term,
    /// Extra information for the top stack frame: `error/2,3`'s argument list and options, or
    /// a BIF's error_info. `NON_VALUE` when absent.
    pub args: Term,
    /// `error/3` options (the `[{error_info, ...}]` list) or `NON_VALUE`.
    pub info: Term,
    /// A stack trace given by `erlang:raise/3` (already in list form), or `NON_VALUE`.
    pub trace: Term,
}

impl Exception {
    pub fn new(class: Class, reason: Term) -> Exception {
        Exception {
            class,
            reason,
            args: Term::NON_VALUE,
            info: Term::NON_VALUE,
            trace: Term::NON_VALUE,
        }
    }

    pub fn error(reason: Term) -> Exception {
        Exception::new(Class::Error, reason)
    }
}

/// Why native code did not return a value.
#[derive(Clone, Debug)]
pub enum Fault {
    /// An exception to raise.
    Raise(Exception),
    /// Continue by calling this function with these arguments (the BIF "traps" to Erlang
    /// code, like `erlang:apply/3`), replacing the BIF call.
    Trap {
        module: Atom,
        function: Atom,
        args: Vec<Term>,
    },
    /// Continue by calling the fun `fun` with `args` in place of the BIF (`erlang:apply/2`).
    TrapFun { fun: Term, args: Vec<Term> },
    /// A BIF that BEAM has and Enigma does not yet.
    Unimplemented(Mfa),
    /// Stop the whole VM with this status (`erlang:halt/1`).
    Halt(i32),
    /// The process must yield and retry the same BIF later (a long BIF out of reductions,
    /// or `erlang:yield/0`).
    Yield,
    /// The process waits (switched out, not runnable) until a signal arrives, then retries
    /// the same BIF: a command to a busy port waits for it to drain.
    Wait,
    /// Continue at a code address (a module's local function, such as its `on_load`)
    /// with `args` in place of the BIF.
    TrapCode { address: usize, args: Vec<Term> },
    /// `erlang:hibernate/3`: drop the stack, compact the heap, wait for a message and then
    /// continue with `module:function(args...)`.
    Hibernate {
        module: Atom,
        function: Atom,
        args: Vec<Term>,
    },
}

impl From<Exception> for Fault {
    fn from(e: Exception) -> Fault {
        Fault::Raise(e)
    }
}

/// The result of native code.
pub type BifResult = Result<Term, Fault>;

/// `error:badarg`.
pub fn badarg() -> Fault {
    Fault::Raise(Exception::error(Term::atom(atom::BADARG)))
}

/// `error:badarith`.
pub fn badarith() -> Fault {
    Fault::Raise(Exception::error(Term::atom(atom::BADARITH)))
}

/// `error:system_limit`.
pub fn system_limit() -> Fault {
    Fault::Raise(Exception::error(Term::atom(atom::SYSTEM_LIMIT)))
}

/// `error:Reason` for an atom reason.
pub fn error_atom(a: Atom) -> Fault {
    Fault::Raise(Exception::error(Term::atom(a)))
}

/// `error:{Tag, Value}` (badmatch, case_clause, badkey, ...).
pub fn error_tuple(heap: &mut dyn TermAlloc, tag: Atom, value: Term) -> Exception {
    Exception::error(build::tuple(heap, &[Term::atom(tag), value]))
}
