//! Stack traces as BEAM builds them: a list of `{Module, Function, ArityOrArgs, Location}`,
//! at most `backtrace_depth` (8 by default) entries, where `Location` is `[{file, File}, {line, Line}]`
//! (or `[]` when the code has no line information) with any `error_info` appended.

use enigma_term::atom;
use enigma_term::{build, Term, TermAlloc};

use crate::code::module_for_address;
use crate::emulator::instr::Op;

/// Frames kept in a stack trace: `erlang:system_flag(backtrace_depth, N)`, 8 by default;
/// at least one, as in BEAM, even when the flag is 0.
fn backtrace_depth() -> usize {
    crate::bifs::erlang::system::backtrace_depth().max(1)
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
    pub const NONE: TopFrame = TopFrame {
        bif: None,
        args: Term::NON_VALUE,
        info: Term::NON_VALUE,
        skip_current: false,
    };
}

/// `(module, function, arity, location)` of the instruction at `addr` (the call before it,
/// for a return address); the location is `[{file, F}, {line, L}]` or `[]`. File names are
/// terms in the module's literal area, so a location costs two tuples and two cons cells.
fn location(
    heap: &mut dyn TermAlloc,
    addr: usize,
    is_return_address: bool,
) -> Option<(Term, Term, Term, Term)> {
    let (m, mut i) = module_for_address(addr)?;
    if is_return_address {
        i = i.checked_sub(1)?;
    }
    let f = m.function_at(i)?;
    let loc = match m.location_term_at(i) {
        // BEAM packs a location in 32 bits, 24 of them for the line: a line from 2^24 - 1
        // up has no location at all.
        Some((file_t, line)) if (line as u64) < (1 << 24) - 1 => {
            let ft = build::tuple(heap, &[Term::atom(atom::FILE), file_t]);
            let lt = build::tuple(heap, &[Term::atom(atom::LINE), Term::small(line as i64)]);
            build::list(heap, &[ft, lt])
        }
        _ => Term::NIL,
    };
    Some((
        Term::atom(f.mfa.module),
        Term::atom(f.mfa.function),
        Term::small(f.mfa.arity as i64),
        loc,
    ))
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

/// Marks a raw trace (the second element of the tuple).
fn raw_marker() -> Term {
    Term::atom(enigma_term::Atom::intern("$enigma_raw_trace").unwrap_or(atom::UNDEFINED))
}

/// Slots of a raw trace tuple before the code addresses.
const RAW_FIXED: usize = 7;

/// Captures what the trace of an exception raised at `pc` needs, cheaply: the class, the
/// top frame's extras and up to `backtrace_depth` code addresses, as a tuple
/// `{Class, '$enigma_raw_trace', BifM, BifF, BifArgs, Args, Info, Pc, Cp...}` (absent parts
/// are `undefined`; addresses are small integers of `address >> 3`). Most exceptions are
/// caught without anyone looking at their trace, so the list of frames with file names and
/// lines is built only by [`materialize`].
pub fn capture(
    heap: &mut dyn TermAlloc,
    class: Term,
    pc: *const Op,
    stack: &[Term],
    top: TopFrame,
) -> Term {
    let undef = Term::atom(atom::UNDEFINED);
    let depth = backtrace_depth();
    let (bm, bf, ba) = top.bif.unwrap_or((undef, undef, undef));
    let or_undef = |t: Term| if t.is_value() { t } else { undef };
    let mut words: Vec<Term> = Vec::with_capacity(RAW_FIXED + 1 + depth.min(64));
    words.extend_from_slice(&[
        class,
        raw_marker(),
        bm,
        bf,
        ba,
        or_undef(top.args),
        or_undef(top.info),
    ]);
    // A BIF reached through its export's stub (an apply, a fun) fails at the stub, which
    // belongs to no function: the frame counts only if it is in a module's code, so the
    // trace keeps as many frames as BEAM's, whose first is then the caller's.
    let current = if top.skip_current || module_for_address(pc as usize).is_none() {
        0
    } else {
        pc as usize
    };
    words.push(Term::small((current >> 3) as i64));
    let mut frames = usize::from(current != 0) + usize::from(top.bif.is_some());
    // Like BEAM, a run of equal return addresses (a recursion through one call site) is
    // one frame of the trace.
    let mut prev = current;
    for w in stack.iter().rev() {
        if frames >= depth {
            break;
        }
        if !w.is_cp() {
            continue;
        }
        let addr = w.cp_value();
        // SAFETY: continuation pointers on a stack are addresses of instructions in live code.
        if matches!(unsafe { &*(addr as *const Op) }, Op::NormalExit) || addr == prev {
            continue;
        }
        prev = addr;
        words.push(Term::small((addr >> 3) as i64));
        frames += 1;
    }
    build::tuple(heap, &words)
}

/// Whether `t` is a raw trace made by [`capture`].
pub fn is_raw(t: Term) -> bool {
    t.as_tuple()
        .is_some_and(|e| e.len() > RAW_FIXED && e[1] == raw_marker())
}

/// The class of a raw trace (or of a `{Class, List}` pair).
pub fn class_of(raw: Term) -> Option<crate::emulator::exception::Class> {
    raw.as_tuple()
        .and_then(|e| e.first())
        .and_then(|c| c.as_atom())
        .and_then(crate::emulator::exception::Class::from_atom)
}

/// The trace in BEAM's list form: from a raw capture, or the list of a `{Class, List}` pair
/// (an explicit trace given to `erlang:raise/3`).
pub fn materialize(heap: &mut dyn TermAlloc, raw: Term) -> Term {
    let Some(e) = raw.as_tuple() else {
        return Term::NIL;
    };
    if !is_raw(raw) {
        return e.get(1).copied().unwrap_or(Term::NIL);
    }
    let e: Vec<Term> = e.to_vec();
    let undef = Term::atom(atom::UNDEFINED);
    let depth = backtrace_depth();
    let mut frames: Vec<Term> = Vec::with_capacity(depth.min(64));
    let mut info_pending = if e[6] == undef { Term::NON_VALUE } else { e[6] };
    if e[2] != undef {
        let loc = with_info(heap, Term::NIL, info_pending);
        info_pending = Term::NON_VALUE;
        frames.push(build::tuple(heap, &[e[2], e[3], e[4], loc]));
    }
    // The arguments `error/2,3` gave, for the first frame (the caller's, when the current
    // one is a stub of no function).
    let mut args_pending = if e[5] == undef { Term::NON_VALUE } else { e[5] };
    let pc = (e[7].small_value() as usize) << 3;
    if pc != 0 {
        if let Some((m, f, a, loc)) = location(heap, pc, false) {
            let arity_or_args = if args_pending.is_value() {
                args_pending
            } else {
                a
            };
            args_pending = Term::NON_VALUE;
            let loc = with_info(heap, loc, info_pending);
            info_pending = Term::NON_VALUE;
            frames.push(build::tuple(heap, &[m, f, arity_or_args, loc]));
        }
    }
    for cp in e.iter().skip(RAW_FIXED + 1) {
        let addr = (cp.small_value() as usize) << 3;
        if let Some((m, f, a, loc)) = location(heap, addr, true) {
            let first = frames.is_empty();
            let a = if first && args_pending.is_value() {
                args_pending
            } else {
                a
            };
            let loc = if first {
                with_info(heap, loc, info_pending)
            } else {
                loc
            };
            frames.push(build::tuple(heap, &[m, f, a, loc]));
        }
    }
    frames.truncate(depth);
    build::list(heap, &frames)
}

/// Builds the trace list of an exception raised at `pc` at once (`process_info`'s
/// `current_stacktrace`).
pub fn build(heap: &mut dyn TermAlloc, pc: *const Op, stack: &[Term], top: TopFrame) -> Term {
    let raw = capture(heap, Term::atom(atom::ERROR), pc, stack, top);
    materialize(heap, raw)
}
