//! Stack traces as BEAM builds them: a list of `{Module, Function, ArityOrArgs, Location}`,
//! at most `backtrace_depth` (8 by default) entries, where `Location` is `[{file, File}, {line, Line}]`
//! (or `[]` when the code has no line information) with any `error_info` appended.

use enigma_term::atom;
use enigma_term::{build, Term, TermAlloc};

use crate::code::module_for_address;
use crate::emulator::instr::Op;

/// Frames kept in a stack trace: `erlang:system_flag(backtrace_depth, N)`, 8 by default.
fn backtrace_depth() -> usize {
    crate::bifs::erlang::system::backtrace_depth()
}

/// What the top of a trace looks like, beyond the frames found from code addresses.
pub struct TopFrame {
    /// `{M, F, Args, [ErrorInfo]}` of a BIF that failed, before the current function.
    pub bif: Option<(Term, Term, Term)>,
    /// Replaces the current function's arity with this argument list (`error/2,3`,
    /// `function_clause`).
    pub args: Term,
    /// `error_info` options to append to the first frame's location (`error/3`, BIF errors).
    pub info: Term,
    /// Leave out the function at the program counter: a tail call to an undefined function
    /// has already replaced its caller's frame, as in BEAM.
    pub skip_current: bool,
}

impl TopFrame {
    /// No extra frame, arguments or info.
    pub const NONE: TopFrame = TopFrame { bif: None, args: Term::NON_VALUE, info: Term::NON_VALUE, skip_current: false };
}

/// `[{file, F}, {line, L}]` for the instruction at `index` of the module, or `[]`.
fn location(heap: &mut dyn TermAlloc, addr: usize, is_return_address: bool) -> Option<(Term, Term, Term, Term)> {
    let (m, mut i) = module_for_address(addr)?;
    if is_return_address {
        i = i.checked_sub(1)?;
    }
    let f = m.function_at(i)?;
    let loc = match m.location_at(i) {
        Some((file, line)) => {
            let file_t = build::str_list(heap, file);
            let ft = build::tuple(heap, &[Term::atom(atom::FILE), file_t]);
            let lt = build::tuple(heap, &[Term::atom(atom::LINE), Term::small(line as i64)]);
            build::list(heap, &[ft, lt])
        }
        None => Term::NIL,
    };
    Some((Term::atom(f.mfa.module), Term::atom(f.mfa.function), Term::small(f.mfa.arity as i64), loc))
}

/// Appends `info` (a list) to the location list `loc`.
fn with_info(heap: &mut dyn TermAlloc, loc: Term, info: Term) -> Term {
    if !info.is_value() || info.is_nil() {
        return loc;
    }
    let mut items = build::list_to_vec(loc).unwrap_or_default();
    items.extend(build::list_to_vec(info).unwrap_or_default());
    build::list(heap, &items)
}

/// Builds the trace of an exception raised at `pc` with the Erlang stack `stack`.
pub fn build(heap: &mut dyn TermAlloc, pc: *const Op, stack: &[Term], top: TopFrame) -> Term {
    let depth = backtrace_depth();
    let mut frames: Vec<Term> = Vec::with_capacity(depth.min(64));
    let mut info_pending = top.info;
    if let Some((m, f, args)) = top.bif {
        let loc = with_info(heap, Term::NIL, info_pending);
        info_pending = Term::NON_VALUE;
        frames.push(build::tuple(heap, &[m, f, args, loc]));
    }
    let mut first = true;
    let current = if top.skip_current { None } else { location(heap, pc as usize, false) };
    if let Some((m, f, a, loc)) = current {
        let arity_or_args = if top.args.is_value() { top.args } else { a };
        let loc = if first { with_info(heap, loc, info_pending) } else { loc };
        first = false;
        frames.push(build::tuple(heap, &[m, f, arity_or_args, loc]));
    }
    let _ = first;
    for w in stack.iter().rev() {
        if frames.len() >= depth {
            break;
        }
        if !w.is_cp() {
            continue;
        }
        let addr = w.cp_value();
        // SAFETY: continuation pointers on a stack are addresses of instructions in live code.
        if matches!(unsafe { &*(addr as *const Op) }, Op::NormalExit) {
            continue;
        }
        if let Some((m, f, a, loc)) = location(heap, addr, true) {
            frames.push(build::tuple(heap, &[m, f, a, loc]));
        }
    }
    frames.truncate(depth);
    build::list(heap, &frames)
}
