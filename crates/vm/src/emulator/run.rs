//! The instruction loop. It runs one process until the process exhausts its reductions,
//! waits in a `receive`, or exits. Arms stay short: read operands, call a handler, store,
//! move on; the larger instructions live in `ops/`.

use enigma_term::atom;
use enigma_term::boxed::Export;
use enigma_term::{build, Term};

use super::exception::{BifResult, Class, Exception, Fault};
use super::instr::*;
use super::ops;
use super::stacktrace::{self, TopFrame};
use crate::bifs::BifFn;
use crate::code;
use crate::process::{GcRequest, Process, F_REGS, X_REGS};

const _: () = assert!(X_REGS as u32 == enigma_loader::MAX_REG);

/// `live` of a guard BIF that does not allocate (`bif0`..`bif2`): never a collection point.
pub const NO_GC: u16 = u16::MAX;

/// Reductions a process may use before it yields (BEAM's `CONTEXT_REDS`).
pub const REDUCTION_BUDGET: i32 = 4000;

/// The registers a scheduler runs processes with.
pub struct Emulator {
    pub x: Box<[Term]>,
    pub f: Box<[f64]>,
}

impl Default for Emulator {
    fn default() -> Self {
        Emulator {
            x: vec![Term::NIL; X_REGS].into_boxed_slice(),
            f: vec![0.0; F_REGS].into_boxed_slice(),
        }
    }
}

/// Why [`run`] returned.
#[derive(Debug)]
pub enum RunOutcome {
    /// Out of reductions: runnable again.
    Yield,
    /// Waiting in a receive for a message (or its timeout).
    Wait,
    /// The process exited; its reason (and, for a crash, class and trace) are in
    /// `Process::exit_reason` / `last_trace`.
    Exit { class: Option<Class> },
    /// `erlang:halt/1`.
    Halt(i32),
    /// A native function that may block: run it on the dirty I/O pool with the process's
    /// saved registers as its arguments.
    Dirty(BifFn),
}

/// The single static instruction every process's stack bottom returns to.
pub static NORMAL_EXIT: [Op; 1] = [Op::NormalExit];

#[inline(always)]
pub(crate) fn read(x: &[Term], stack: &[Term], s: Src) -> Term {
    // x registers are by far the most common operand: test for them with one predictable
    // branch instead of a jump table.
    if let Src::X(i) = s {
        // SAFETY: the loader only emits x registers below `X_REGS` (it rejects numbers at or
        // above `enigma_loader::MAX_REG`, which equals `X_REGS`), and `x` has `X_REGS` entries.
        return unsafe { *x.get_unchecked(i as usize) };
    }
    read_other(stack, s)
}

#[inline(always)]
fn read_other(stack: &[Term], s: Src) -> Term {
    match s {
        Src::Const(t) => t,
        Src::Y(i) => stack
            .get(stack.len().wrapping_sub(1 + i as usize))
            .copied()
            .unwrap_or(Term::NIL),
        Src::X(_) => Term::NIL,
    }
}

#[inline(always)]
pub(crate) fn write(x: &mut [Term], stack: &mut [Term], d: Dst, v: Term) {
    if let Dst::X(i) = d {
        // SAFETY: as in `read`: x register numbers are below `X_REGS`.
        unsafe { *x.get_unchecked_mut(i as usize) = v };
        return;
    }
    if let Dst::Y(i) = d {
        let idx = stack.len().wrapping_sub(1 + i as usize);
        if let Some(slot) = stack.get_mut(idx) {
            *slot = v;
        }
    }
}

#[inline(always)]
fn next(pc: *const Op) -> *const Op {
    // SAFETY: every instruction is followed by another one (code ends with `CodeEnd`).
    unsafe { pc.add(1) }
}

#[inline(always)]
fn to(l: Label) -> *const Op {
    l.0 as *const Op
}

/// Deallocates a frame of `n` y registers.
#[inline(always)]
fn deallocate(stack: &mut Vec<Term>, n: u32) {
    let len = stack.len().saturating_sub(n as usize);
    stack.truncate(len);
}

/// Pops the return address.
#[inline(always)]
fn pop_cp(stack: &mut Vec<Term>) -> *const Op {
    match stack.pop() {
        Some(w) if w.is_cp() => w.cp_value() as *const Op,
        _ => NORMAL_EXIT.as_ptr(),
    }
}

/// A receive is over (a message matched, or it timed out): its timer goes.
#[inline(always)]
fn end_receive(p: &mut Process) {
    p.timer_armed = false;
    p.timed_out = false;
    if let Some(seq) = p.timer.take() {
        crate::runtime::timers::cancel_receive(seq);
    }
}

/// Runs `p` for at most `budget` reductions.
pub fn run(em: &mut Emulator, p: &mut Process, budget: i32) -> RunOutcome {
    if p.hibernated {
        // Only a message wakes a hibernating process: other signals (a demonitor, a
        // link, a process_info request) are handled without it leaving hibernation.
        if p.queue.is_empty() {
            return RunOutcome::Wait;
        }
        p.hibernated = false;
    }
    let Emulator { x, f } = em;
    let x: &mut [Term] = x;
    let f: &mut [f64] = f;
    for (i, t) in p.saved_x.drain(..).enumerate() {
        if let Some(slot) = x.get_mut(i) {
            *slot = t;
        }
    }
    let mut pc = p.pc;
    let mut reds = budget;
    let outcome;

    // Raises `$exc` (an Exception) at the current pc, jumping to the handler or exiting.
    macro_rules! raise {
        ($exc:expr, $top:expr) => {{
            match throw(p, x, pc, $exc, $top) {
                Some(h) => {
                    pc = h;
                    continue;
                }
                None => {
                    outcome = RunOutcome::Exit {
                        class: Some(p_class(p)),
                    };
                    break;
                }
            }
        }};
        ($exc:expr) => {
            raise!($exc, TopFrame::NONE)
        };
    }
    macro_rules! r {
        ($s:expr) => {
            read(x, &p.stack, $s)
        };
    }
    macro_rules! w {
        ($d:expr, $v:expr) => {
            write(x, &mut p.stack, $d, $v)
        };
    }
    // A failed test: jump to the label, or raise when there is none.
    macro_rules! fail_to {
        ($l:expr, $exc:expr) => {{
            if $l.is_fail() {
                raise!($exc);
            }
            pc = to($l);
            continue;
        }};
    }
    // Counts one reduction for a call to `$target` with `$arity` live registers, yielding
    // when the budget is spent.
    macro_rules! call_to {
        ($target:expr, $arity:expr) => {{
            pc = $target;
            reds -= 1;
            if reds <= 0 {
                let live = ($arity as usize).min(X_REGS);
                if p.heap.fragments_due() {
                    p.collect(x, live, 0, false);
                }
                p.saved_x.extend_from_slice(&x[..live]);
                outcome = RunOutcome::Yield;
                break;
            }
            continue;
        }};
    }
    // A signal (an exit from a link or `exit/2`) ends the process: no catch applies.
    macro_rules! killed {
        ($reason:expr) => {{
            p.exit_reason = $reason;
            outcome = RunOutcome::Exit {
                class: Some(Class::Exit),
            };
            break;
        }};
    }
    // A receive found no matching message: handle new signals, and switch out to wait when
    // there were none (otherwise the receive loop looks at the new messages).
    macro_rules! wait_unless_signalled {
        () => {{
            match crate::runtime::signals::handle(p) {
                Err(reason) => killed!(reason),
                Ok(0) => {
                    outcome = RunOutcome::Wait;
                    break;
                }
                Ok(_) => {}
            }
        }};
    }
    macro_rules! handle_fault {
        ($fault:expr, $mfa:expr, $args:expr) => {{
            match $fault {
                Fault::Raise(e) => {
                    let top = bif_top_frame(p, $mfa, $args, &e);
                    raise!(e, top)
                }
                Fault::Unimplemented(_) => {
                    let e = unimplemented_exception(p, $mfa);
                    raise!(e)
                }
                Fault::Halt(status) => {
                    outcome = RunOutcome::Halt(status);
                    break;
                }
                Fault::Yield => {
                    p.saved_x
                        .extend_from_slice(&x[..($mfa.arity as usize).min(X_REGS)]);
                    outcome = RunOutcome::Yield;
                    break;
                }
                Fault::Wait => {
                    p.saved_x
                        .extend_from_slice(&x[..($mfa.arity as usize).min(X_REGS)]);
                    outcome = RunOutcome::Wait;
                    break;
                }
                Fault::Trap { .. }
                | Fault::TrapFun { .. }
                | Fault::TrapCode { .. }
                | Fault::Hibernate { .. } => {
                    let e = Exception::error(Term::atom(atom::BADARG));
                    raise!(e)
                }
            }
        }};
    }

    // An arithmetic guard BIF: the small-integer case inline, anything else through the BIF.
    macro_rules! arith {
        ($aop:expr, $quiet:expr, $bif:expr, $fail:expr, $a:expr, $b:expr, $dst:expr, $live:expr) => {{
            let (va, vb) = (r!(*$a), r!(*$b));
            if va.is_small() && vb.is_small() {
                if let Some(v) = $aop.small(va.small_value(), vb.small_value()) {
                    w!(*$dst, Term::small(v));
                    pc = next(pc);
                    continue;
                }
            }
            let args = [va, vb];
            // Uncharged: the arithmetic arms are the loop's hottest code, and counting the
            // slow path's work here measurably slowed every function (tak, fib: 5-10 %).
            match (*$bif)(p, &args) {
                Ok(v) => {
                    let v = collect_after_bif(p, x, *$live, v);
                    w!(*$dst, v);
                    pc = next(pc);
                }
                Err(fault) => {
                    if !$fail.is_fail() && matches!(fault, Fault::Raise(_)) {
                        pc = to(*$fail);
                        continue;
                    }
                    if let (true, Fault::Raise(e)) = (*$quiet, &fault) {
                        raise!(e.clone());
                    }
                    let mfa = crate::bifs::mfa_of(*$bif);
                    handle_fault!(fault, mfa, &args)
                }
            }
        }};
    }

    loop {
        // SAFETY: `pc` always holds the address of an instruction in live, never-freed code:
        // the loader resolves every label to one, export entries and return addresses hold
        // only such addresses, and every code array ends with `CodeEnd`.
        let op = unsafe { &*pc };
        match op {
            Op::Move { src, dst } => {
                let v = r!(*src);
                w!(*dst, v);
                pc = next(pc);
            }
            Op::Call { arity, target } => {
                p.stack.push(Term::cp(next(pc) as usize));
                call_to!(to(*target), *arity);
            }
            Op::CallLast {
                arity,
                target,
                dealloc,
            } => {
                deallocate(&mut p.stack, *dealloc);
                call_to!(to(*target), *arity);
            }
            Op::CallOnly { arity, target } => {
                call_to!(to(*target), *arity);
            }
            Op::CallExt { arity: _, export } => match resolve(p, x, export) {
                Some((t, arity)) => {
                    p.stack.push(Term::cp(next(pc) as usize));
                    call_to!(t, arity)
                }
                None => {
                    let e = undef(p, x, export, false);
                    raise!(e.0, e.1)
                }
            },
            Op::CallExtLast {
                arity: _,
                export,
                dealloc,
            } => match resolve(p, x, export) {
                Some((t, arity)) => {
                    deallocate(&mut p.stack, *dealloc);
                    call_to!(t, arity)
                }
                None => {
                    let e = undef(p, x, export, true);
                    raise!(e.0, e.1)
                }
            },
            Op::CallExtOnly { arity: _, export } => match resolve(p, x, export) {
                Some((t, arity)) => call_to!(t, arity),
                None => {
                    let e = undef(p, x, export, true);
                    raise!(e.0, e.1)
                }
            },
            Op::CallBif { bif, mfa, tail } | Op::CallDirtyBif { bif, mfa, tail } => {
                // Where the process is and what it has used, for `process_info(self(), _)`.
                p.pc = pc;
                p.slice_reds = (budget - reds).max(0) as u32;
                let n = mfa.arity as usize;
                let args: [Term; 4];
                let (res, cost) = if let Op::CallDirtyBif { .. } = op {
                    // The dirty pool ran it and left the result; otherwise send it there.
                    match p.dirty_result.take() {
                        Some(r) => (r, 0),
                        None => {
                            p.saved_x.extend_from_slice(&x[..n.min(X_REGS)]);
                            outcome = RunOutcome::Dirty(*bif);
                            break;
                        }
                    }
                } else if n <= 4 {
                    args = [x[0], x[1], x[2], x[3]];
                    call_bif(*bif, p, &args[..n])
                } else {
                    let v: Vec<Term> = x[..n.min(X_REGS)].to_vec();
                    call_bif(*bif, p, &v)
                };
                reds -= 1 + cost;
                match res {
                    Ok(v) => {
                        x[0] = v;
                        match *tail {
                            0 => pc = next(pc),
                            1 => pc = pop_cp(&mut p.stack),
                            d => {
                                deallocate(&mut p.stack, d - 2);
                                pc = pop_cp(&mut p.stack);
                            }
                        }
                        if reds <= 0 {
                            // As at a call: merge due fragments now, or a loop that only
                            // calls allocating BIFs would pile them up from slice to slice.
                            if p.heap.fragments_due() {
                                p.collect(x, 1, 0, false);
                            }
                            p.saved_x.push(x[0]);
                            outcome = RunOutcome::Yield;
                            break;
                        }
                    }
                    Err(Fault::Trap {
                        module,
                        function,
                        args,
                    }) => {
                        // Continue as a call to module:function(args) in place of the BIF.
                        let export = code::export_entry(module, function, args.len() as u32);
                        for (i, a) in args.iter().enumerate().take(X_REGS) {
                            x[i] = *a;
                        }
                        match *tail {
                            0 => p.stack.push(Term::cp(next(pc) as usize)),
                            1 => {}
                            d => deallocate(&mut p.stack, d - 2),
                        }
                        // `apply/3` as a tail call of error/exit/throw: the applying
                        // function stays the trace's top frame (see `ApplyLast`), when
                        // it is a function (not `apply/3`'s own stub).
                        if *tail != 0
                            && is_tail_raising_bif(Some(module), Some(function), export.arity)
                            && code::module_for_address(pc as usize).is_some()
                        {
                            p.stack.push(Term::cp(next(pc) as usize));
                        }
                        match resolve(p, x, export) {
                            Some((t, arity)) => call_to!(t, arity),
                            None => {
                                let e = undef(p, x, export, *tail != 0);
                                raise!(e.0, e.1)
                            }
                        }
                    }
                    Err(Fault::TrapFun { fun, args }) => {
                        for (i, a) in args.iter().enumerate().take(X_REGS) {
                            x[i] = *a;
                        }
                        let arity = args.len() as u32;
                        match prepare_fun_call(p, x, fun, arity) {
                            Ok((t, live)) => {
                                match *tail {
                                    0 => p.stack.push(Term::cp(next(pc) as usize)),
                                    1 => {}
                                    d => deallocate(&mut p.stack, d - 2),
                                }
                                call_to!(t, live)
                            }
                            Err(e) => raise!(e),
                        }
                    }
                    Err(Fault::Yield) if matches!(p.gc_request, GcRequest::Pending(_)) => {
                        // The BIF asked for a collection of this process: the call's
                        // arguments are the only live registers; then the call runs again.
                        let live = n.min(X_REGS);
                        if p.gc_request == GcRequest::Pending(true) {
                            p.collect_compact(x, live);
                        } else {
                            p.collect(x, live, 0, false);
                        }
                        p.gc_request = GcRequest::Done;
                        if p.over_max_heap {
                            killed!(Term::atom(atom::KILLED));
                        }
                        continue;
                    }
                    Err(Fault::TrapCode { address, args }) => {
                        for (i, a) in args.iter().enumerate().take(X_REGS) {
                            x[i] = *a;
                        }
                        match *tail {
                            0 => p.stack.push(Term::cp(next(pc) as usize)),
                            1 => {}
                            d => deallocate(&mut p.stack, d - 2),
                        }
                        call_to!(address as *const Op, args.len())
                    }
                    Err(Fault::Hibernate {
                        module,
                        function,
                        args,
                    }) => {
                        // Nothing of the old stack survives: the call below returns to the
                        // bottom of the stack, ending the process.
                        p.stack.clear();
                        p.stack.push(Term::cp(NORMAL_EXIT.as_ptr() as usize));
                        p.catches = 0;
                        for (i, a) in args.iter().enumerate().take(X_REGS) {
                            x[i] = *a;
                        }
                        let export = code::export_entry(module, function, args.len() as u32);
                        match resolve(p, x, export) {
                            Some((t, arity)) => {
                                let live = (arity as usize).min(X_REGS);
                                p.collect(x, live, 0, true);
                                // The process resumes in the function hibernate named (the
                                // loop's end stores `pc`: setting only `p.pc` here would make
                                // it run the hibernate call again, with x registers some
                                // other process left behind).
                                pc = t;
                                p.saved_x.extend_from_slice(&x[..live]);
                                p.hibernated = true;
                                outcome = if p.queue.is_empty() {
                                    RunOutcome::Wait
                                } else {
                                    RunOutcome::Yield
                                };
                                break;
                            }
                            None => {
                                let e = undef(p, x, export, true);
                                raise!(e.0, e.1)
                            }
                        }
                    }
                    Err(fault) => {
                        let argv: Vec<Term> = x[..n.min(X_REGS)].to_vec();
                        handle_fault!(fault, *mfa, &argv)
                    }
                }
            }
            Op::Bif {
                bif,
                fail,
                args,
                argc,
                live,
                dst,
            } => {
                let a = [r!(args[0]), r!(args[1])];
                let n = (*argc as usize).min(2);
                let (res, cost) = call_bif(*bif, p, &a[..n]);
                reds -= cost;
                match res {
                    Ok(v) => {
                        let v = collect_after_bif(p, x, *live, v);
                        w!(*dst, v);
                        pc = next(pc);
                    }
                    Err(fault) => {
                        if !fail.is_fail() && matches!(fault, Fault::Raise(_)) {
                            pc = to(*fail);
                            continue;
                        }
                        let mfa = crate::bifs::mfa_of(*bif);
                        handle_fault!(fault, mfa, &a[..n])
                    }
                }
            }
            // The common operations get arms of their own, so that the small-integer case
            // is decided without a second dispatch on the operation.
            Op::Arith {
                op: ArithOp::Add,
                quiet,
                bif,
                fail,
                a,
                b,
                dst,
                live,
            } => {
                arith!(ArithOp::Add, quiet, bif, fail, a, b, dst, live)
            }
            Op::Arith {
                op: ArithOp::Sub,
                quiet,
                bif,
                fail,
                a,
                b,
                dst,
                live,
            } => {
                arith!(ArithOp::Sub, quiet, bif, fail, a, b, dst, live)
            }
            Op::Arith {
                op: ArithOp::Band,
                quiet,
                bif,
                fail,
                a,
                b,
                dst,
                live,
            } => {
                arith!(ArithOp::Band, quiet, bif, fail, a, b, dst, live)
            }
            Op::Arith {
                op: ArithOp::Mul,
                quiet,
                bif,
                fail,
                a,
                b,
                dst,
                live,
            } => {
                arith!(ArithOp::Mul, quiet, bif, fail, a, b, dst, live)
            }
            Op::Arith {
                op: aop,
                quiet,
                bif,
                fail,
                a,
                b,
                dst,
                live,
            } => arith!(*aop, quiet, bif, fail, a, b, dst, live),
            Op::Bif3(b) => {
                let a = [r!(b.args[0]), r!(b.args[1]), r!(b.args[2])];
                let (res, cost) = call_bif(b.bif, p, &a);
                reds -= cost;
                match res {
                    Ok(v) => {
                        let v = collect_after_bif(p, x, b.live, v);
                        w!(b.dst, v);
                        pc = next(pc);
                    }
                    Err(fault) => {
                        if !b.fail.is_fail() && matches!(fault, Fault::Raise(_)) {
                            pc = to(b.fail);
                            continue;
                        }
                        let mfa = crate::bifs::mfa_of(b.bif);
                        handle_fault!(fault, mfa, &a)
                    }
                }
            }
            Op::Return => {
                pc = pop_cp(&mut p.stack);
            }
            Op::Allocate {
                stack,
                heap,
                live,
                zero: _,
            } => {
                p.stack
                    .extend(std::iter::repeat_n(Term::NIL, *stack as usize));
                // With a `max_heap_size`, the stack counts as heap (it lives in the heap
                // block in BEAM): a stack that outgrows the young heap's free room is a
                // collection, which checks the limit, as BEAM's stack meeting its heap is.
                let stack_met_heap = p.max_heap_size != 0 && p.stack.len() > p.heap.free_words();
                if (*heap > 0
                    && (!p.heap.has_room(*heap as usize)
                        || p.heap.fragments_due()
                        || crate::gc_stress_enabled()))
                    || stack_met_heap
                {
                    p.collect(x, *live as usize, *heap as usize, false);
                    if p.over_max_heap {
                        killed!(Term::atom(atom::KILLED));
                    }
                }
                pc = next(pc);
            }
            Op::TestHeap { need, live } => {
                if !p.heap.has_room(*need as usize)
                    || p.heap.fragments_due()
                    || crate::gc_stress_enabled()
                {
                    p.collect(x, *live as usize, *need as usize, false);
                    if p.over_max_heap {
                        killed!(Term::atom(atom::KILLED));
                    }
                }
                pc = next(pc);
            }
            Op::Init(y) => {
                w!(Dst::Y(*y), Term::NIL);
                pc = next(pc);
            }
            Op::InitYregs(ys) => {
                for y in ys.iter() {
                    w!(Dst::Y(*y), Term::NIL);
                }
                pc = next(pc);
            }
            Op::Deallocate(n) => {
                deallocate(&mut p.stack, *n);
                pc = next(pc);
            }
            Op::Trim {
                remove,
                remaining: _,
            } => {
                // The removed slots are the highest-numbered... no: trim drops y(0)..y(N-1)
                // keeping the rest, which is the top of our upward-growing frame.
                let len = p.stack.len().saturating_sub(*remove as usize);
                p.stack.truncate(len);
                pc = next(pc);
            }
            Op::GetList { src, head, tail } => {
                let l = r!(*src);
                let (h, t) = (l.head(), l.tail());
                w!(*head, h);
                w!(*tail, t);
                pc = next(pc);
            }
            Op::GetHd { src, dst } => {
                let v = r!(*src).head();
                w!(*dst, v);
                pc = next(pc);
            }
            Op::GetTl { src, dst } => {
                let v = r!(*src).tail();
                w!(*dst, v);
                pc = next(pc);
            }
            Op::GetTupleElement { src, index, dst } => {
                let t = r!(*src);
                let v = t
                    .as_tuple()
                    .and_then(|e| e.get(*index as usize))
                    .copied()
                    .unwrap_or(Term::NIL);
                w!(*dst, v);
                pc = next(pc);
            }
            Op::SetTupleElement {
                value,
                tuple,
                index,
            } => {
                let v = r!(*value);
                let t = r!(*tuple);
                if t.is_tuple() && (*index as usize) < t.header().arity() {
                    // SAFETY: the compiler only emits set_tuple_element on a tuple it has just
                    // built (not yet shared), and the index is within its arity (checked).
                    unsafe { *(t.boxed_ptr() as *mut Term).add(1 + *index as usize) = v };
                }
                pc = next(pc);
            }
            Op::PutList { head, tail, dst } => {
                let h = r!(*head);
                let t = r!(*tail);
                let c = build::cons(&mut p.heap, h, t);
                w!(*dst, c);
                pc = next(pc);
            }
            Op::PutTuple2 { dst, elems } => {
                let vals: smallvec_like::Buf =
                    elems.iter().map(|s| read(x, &p.stack, *s)).collect();
                let t = build::tuple(&mut p.heap, vals.as_slice());
                w!(*dst, t);
                pc = next(pc);
            }
            Op::Test { kind, fail, src } => {
                let v = r!(*src);
                if type_test(*kind, v) {
                    pc = next(pc);
                } else {
                    pc = to(*fail);
                }
            }
            Op::Cmp { kind, fail, a, b } => {
                let (a, b) = (r!(*a), r!(*b));
                if compare(*kind, a, b) {
                    pc = next(pc);
                } else {
                    pc = to(*fail);
                }
            }
            Op::TestArity { fail, src, arity } => {
                let t = r!(*src);
                if t.is_tuple() && t.header().arity() == *arity as usize {
                    pc = next(pc);
                } else {
                    pc = to(*fail);
                }
            }
            Op::IsTaggedTuple {
                fail,
                src,
                arity,
                tag,
            } => {
                let t = r!(*src);
                let ok = t
                    .as_tuple()
                    .is_some_and(|e| e.len() == *arity as usize && e.first() == Some(tag));
                pc = if ok { next(pc) } else { to(*fail) };
            }
            Op::IsFunction2 { fail, src, arity } => {
                let (t, a) = (r!(*src), r!(*arity));
                let ok = a.as_small().is_some_and(|a| fun_arity(t) == Some(a as u32));
                pc = if ok { next(pc) } else { to(*fail) };
            }
            Op::SelectVal {
                src,
                fail,
                table,
                sorted,
            } => {
                let v = r!(*src);
                pc = to(select_val(v, table, *sorted).unwrap_or(*fail));
            }
            Op::SelectTupleArity { src, fail, table } => {
                let v = r!(*src);
                let ar = v.as_tuple().map(|e| e.len() as u32);
                let l = ar.and_then(|a| table.iter().find(|(n, _)| *n == a).map(|(_, l)| *l));
                pc = to(l.unwrap_or(*fail));
            }
            Op::Jump(l) => {
                pc = to(*l);
            }
            Op::FuncInfo(mfa) => {
                let args: Vec<Term> = x[..(mfa.arity as usize).min(X_REGS)].to_vec();
                let args = build::list(&mut p.heap, &args);
                let e = Exception::error(Term::atom(atom::FUNCTION_CLAUSE));
                raise!(
                    e,
                    TopFrame {
                        args,
                        ..TopFrame::NONE
                    }
                );
            }
            Op::Badmatch(s) => {
                let v = r!(*s);
                let e = super::exception::error_tuple(&mut p.heap, atom::BADMATCH, v);
                raise!(e);
            }
            Op::CaseEnd(s) => {
                let v = r!(*s);
                let e = super::exception::error_tuple(&mut p.heap, atom::CASE_CLAUSE, v);
                raise!(e);
            }
            Op::TryCaseEnd(s) => {
                let v = r!(*s);
                let e = super::exception::error_tuple(&mut p.heap, atom::TRY_CLAUSE, v);
                raise!(e);
            }
            Op::Badrecord(s) => {
                let v = r!(*s);
                let e = super::exception::error_tuple(&mut p.heap, atom::BADRECORD, v);
                raise!(e);
            }
            Op::IfEnd => {
                raise!(Exception::error(Term::atom(atom::IF_CLAUSE)));
            }
            Op::Catch { y, handler } | Op::Try { y, handler } => {
                w!(Dst::Y(*y), Term::catch((handler.0 >> 3) as u64));
                p.catches += 1;
                pc = next(pc);
            }
            Op::CatchEnd(y) => {
                w!(Dst::Y(*y), Term::NIL);
                p.catches = p.catches.saturating_sub(1);
                if !x[0].is_value() {
                    x[0] = catch_value(p, x);
                }
                pc = next(pc);
            }
            Op::TryEnd(y) => {
                w!(Dst::Y(*y), Term::NIL);
                p.catches = p.catches.saturating_sub(1);
                pc = next(pc);
            }
            Op::TryCase(y) => {
                w!(Dst::Y(*y), Term::NIL);
                p.catches = p.catches.saturating_sub(1);
                x[0] = x[1];
                x[1] = x[2];
                x[2] = x[3];
                pc = next(pc);
            }
            Op::Raise { trace, value } => {
                let (t, v) = (r!(*trace), r!(*value));
                let e = reraise(t, v);
                raise!(e);
            }
            Op::BuildStacktrace => {
                x[0] = stacktrace::materialize(&mut p.heap, x[0]);
                pc = next(pc);
            }
            Op::RawRaise => {
                // x0 = class, x1 = reason, x2 = raw trace.
                match x[0].as_atom().and_then(Class::from_atom) {
                    Some(class) => {
                        let mut e = Exception::new(class, x[1]);
                        e.trace = x[2];
                        raise!(e);
                    }
                    None => {
                        x[0] = Term::atom(atom::BADARG);
                        pc = next(pc);
                    }
                }
            }
            Op::MakeFun { entry, dst, env } => {
                let vals: Vec<Term> = env.iter().map(|s| read(x, &p.stack, *s)).collect();
                let pid = p.pid;
                let t = build::fun(&mut p.heap, entry, pid, &vals);
                w!(*dst, t);
                pc = next(pc);
            }
            Op::CallFun { arity } => {
                let fun = x[*arity as usize % X_REGS];
                match prepare_fun_call(p, x, fun, *arity) {
                    Ok((t, live)) => {
                        p.stack.push(Term::cp(next(pc) as usize));
                        call_to!(t, live)
                    }
                    Err(e) => raise!(e),
                }
            }
            Op::CallFun2 { arity, fun } => {
                let f = r!(*fun);
                match prepare_fun_call(p, x, f, *arity) {
                    Ok((t, live)) => {
                        p.stack.push(Term::cp(next(pc) as usize));
                        call_to!(t, live)
                    }
                    Err(e) => raise!(e),
                }
            }
            Op::CallFunLast {
                arity,
                fun,
                dealloc,
            } => {
                // The fun is read (it may be in a y register) before the frame goes; a bad
                // fun raises with the frame still there, as a call that is not last.
                let f = r!(*fun);
                match prepare_fun_call(p, x, f, *arity) {
                    Ok((t, live)) => {
                        deallocate(&mut p.stack, *dealloc);
                        call_to!(t, live)
                    }
                    Err(e) => raise!(e),
                }
            }
            Op::Apply { arity } => match prepare_apply(p, x, *arity, false) {
                Ok((t, n)) => {
                    p.stack.push(Term::cp(next(pc) as usize));
                    call_to!(t, n)
                }
                Err((e, top)) => raise!(e, top),
            },
            Op::ApplyLast { arity, dealloc } => match prepare_apply(p, x, *arity, true) {
                Ok((t, n)) => {
                    deallocate(&mut p.stack, *dealloc);
                    if applies_raising_bif(x, *arity) {
                        // BEAM keeps the applying function as the trace's top frame when
                        // a tail apply reaches error/1,2,3, exit/1 or throw/1: a return
                        // address into it, which the exception always unwinds.
                        p.stack.push(Term::cp(next(pc) as usize));
                    }
                    call_to!(t, n)
                }
                Err((e, top)) => raise!(e, top),
            },
            Op::Swap { a, b } => {
                let (va, vb) = (
                    read(x, &p.stack, dst_src(*a)),
                    read(x, &p.stack, dst_src(*b)),
                );
                w!(*a, vb);
                w!(*b, va);
                pc = next(pc);
            }

            // ---- messages ----
            Op::Send => {
                match crate::runtime::send::send(p, x[0], x[1]) {
                    Ok(()) => {
                        x[0] = x[1];
                        pc = next(pc);
                    }
                    Err(e) => raise!(e),
                }
                reds -= 1;
            }
            Op::LoopRec { fail, dst } => {
                if p.save >= p.queue.len() {
                    if let Err(reason) = crate::runtime::signals::handle(p) {
                        killed!(reason);
                    }
                    if p.is_suspended() {
                        // Suspended by a signal just handled: stop here (no x register is
                        // live at a receive) and look again once resumed.
                        outcome = RunOutcome::Yield;
                        break;
                    }
                }
                match p.queue.get(p.save) {
                    Some(m) => {
                        let m = *m;
                        w!(*dst, m);
                        pc = next(pc);
                    }
                    None => pc = to(*fail),
                }
            }
            Op::LoopRecEnd(l) => {
                p.save += 1;
                pc = to(*l);
            }
            Op::RemoveMessage => {
                if p.save < p.queue.len() {
                    p.queue.remove(p.save);
                    p.message_removed(p.save);
                }
                p.save = 0;
                end_receive(p);
                pc = next(pc);
            }
            Op::Timeout => {
                p.save = 0;
                end_receive(p);
                pc = next(pc);
            }
            Op::Wait(l) => {
                pc = to(*l);
                wait_unless_signalled!();
            }
            Op::WaitTimeout { target, time } => {
                if p.timed_out {
                    end_receive(p);
                    pc = next(pc);
                    continue;
                }
                // The timeout operand is read only when the timer is first armed: after a
                // wake-up the x registers no longer hold it (as in BEAM).
                if !p.timer_armed {
                    let t = r!(*time);
                    if t != Term::atom(atom::INFINITY) {
                        match t.as_i64() {
                            Some(0) => {
                                pc = next(pc);
                                continue;
                            }
                            // OTP 25 takes at most 2^32 - 1 ms after `after`; more is a
                            // timeout_value error, as for a negative time.
                            Some(ms) if ms > 0 && ms <= i64::from(u32::MAX) => {
                                p.timer =
                                    Some(crate::runtime::timers::start_receive(p.pid, ms as u64));
                            }
                            _ => {
                                // The receive ends here: the next one scans from the start.
                                p.save = 0;
                                end_receive(p);
                                raise!(Exception::error(Term::atom(atom::TIMEOUT_VALUE)))
                            }
                        }
                    }
                    p.timer_armed = true;
                }
                pc = to(*target);
                wait_unless_signalled!();
            }
            Op::RecvMarkerReserve(d) => {
                // A marker is the queue's length now: messages from here on arrived after
                // the reference about to be made, so only they can hold it.
                if let Err(reason) = crate::runtime::signals::handle(p) {
                    killed!(reason);
                }
                w!(*d, Term::small(p.queue.len() as i64));
                pc = next(pc);
            }
            Op::RecvMarkerBind { marker, reference } => {
                let (m, r) = (r!(*marker), r!(*reference));
                if let (Some(m), true) = (m.as_small(), r.is_local_ref()) {
                    let key = r.ref_numbers();
                    p.recv_markers.retain(|(k, _)| *k != key);
                    if p.recv_markers.len() >= crate::process::RECV_MARKERS {
                        p.recv_markers.remove(0);
                    }
                    p.recv_markers.push((key, m.max(0) as usize));
                }
                pc = next(pc);
            }
            Op::RecvMarkerClear(reference) => {
                let r = r!(*reference);
                if r.is_local_ref() {
                    let key = r.ref_numbers();
                    p.recv_markers.retain(|(k, _)| *k != key);
                }
                pc = next(pc);
            }
            Op::RecvMarkerUse(reference) => {
                // The operand is the reference the marker was bound to: the receive that
                // waits for a message holding it starts at the marker.
                let r = r!(*reference);
                let key = r.is_local_ref().then(|| r.ref_numbers());
                p.save = key
                    .and_then(|key| p.recv_markers.iter().find(|(k, _)| *k == key))
                    .map_or(0, |&(_, pos)| pos.min(p.queue.len()));
                pc = next(pc);
            }

            // ---- maps ----
            Op::PutMapAssoc {
                fail,
                src,
                dst,
                live,
                pairs,
            } => {
                reserve_for_map(p, x, r!(*src), pairs.len(), *live);
                let m = r!(*src);
                let kvs = read_pairs(x, &p.stack, pairs);
                match ops::maps::put_assoc(&mut p.heap, m, kvs.as_slice()) {
                    Ok(t) => {
                        w!(*dst, t);
                        pc = next(pc);
                    }
                    Err(e) => fail_to!(*fail, e),
                }
            }
            Op::PutMapExact {
                fail,
                src,
                dst,
                live,
                pairs,
            } => {
                reserve_for_map(p, x, r!(*src), pairs.len(), *live);
                let m = r!(*src);
                let kvs = read_pairs(x, &p.stack, pairs);
                match ops::maps::put_exact(&mut p.heap, m, kvs.as_slice()) {
                    Ok(t) => {
                        w!(*dst, t);
                        pc = next(pc);
                    }
                    Err(e) => fail_to!(*fail, e),
                }
            }
            Op::HasMapFields { fail, src, keys } => {
                let m = r!(*src);
                let ok = m.is_map()
                    && keys
                        .iter()
                        .all(|k| ops::maps::get(m, read(x, &p.stack, *k)).is_some());
                pc = if ok { next(pc) } else { to(*fail) };
            }
            Op::GetMapElements { fail, src, pairs } => {
                let m = r!(*src);
                let mut ok = m.is_map();
                if ok {
                    // All keys are looked up before any destination is written (a
                    // destination may also be a key's register).
                    let mut found: Vec<Term> = Vec::with_capacity(pairs.len());
                    for (k, _) in pairs.iter() {
                        match ops::maps::get(m, read(x, &p.stack, *k)) {
                            Some(v) => found.push(v),
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    if ok {
                        for ((_, d), v) in pairs.iter().zip(found) {
                            w!(*d, v);
                        }
                    }
                }
                pc = if ok { next(pc) } else { to(*fail) };
            }

            // ---- floats ----
            Op::Fclearerror => pc = next(pc),
            Op::Fcheckerror => pc = next(pc),
            Op::Fmove { src, dst } => {
                let v = match src {
                    FSrc::F(i) => FloatVal::Raw(f.get(*i as usize).copied().unwrap_or(0.0)),
                    FSrc::Reg(s) => FloatVal::Term(r!(*s)),
                };
                match (dst, v) {
                    (FDst::F(i), FloatVal::Term(t)) => {
                        if let Some(slot) = f.get_mut(*i as usize) {
                            *slot = t.as_float().unwrap_or(0.0);
                        }
                    }
                    (FDst::F(i), FloatVal::Raw(v)) => {
                        if let Some(slot) = f.get_mut(*i as usize) {
                            *slot = v;
                        }
                    }
                    (FDst::Reg(d), FloatVal::Raw(v)) => {
                        let t = build::float(&mut p.heap, v);
                        w!(*d, t);
                    }
                    (FDst::Reg(d), FloatVal::Term(t)) => w!(*d, t),
                }
                pc = next(pc);
            }
            Op::Fconv { src, dst } => {
                let t = r!(*src);
                match ops::floats::to_f64(t) {
                    Some(v) => {
                        if let Some(slot) = f.get_mut(*dst as usize) {
                            *slot = v;
                        }
                        pc = next(pc);
                    }
                    None => raise!(Exception::error(Term::atom(atom::BADARITH))),
                }
            }
            Op::Farith { op: fop, a, b, dst } => {
                let (va, vb) = (
                    f.get(*a as usize).copied().unwrap_or(0.0),
                    f.get(*b as usize).copied().unwrap_or(0.0),
                );
                let v = match fop {
                    FloatOp::Add => va + vb,
                    FloatOp::Sub => va - vb,
                    FloatOp::Mul => va * vb,
                    FloatOp::Div => va / vb,
                };
                if !v.is_finite() {
                    raise!(Exception::error(Term::atom(atom::BADARITH)));
                }
                if let Some(slot) = f.get_mut(*dst as usize) {
                    *slot = v;
                }
                pc = next(pc);
            }
            Op::Fnegate { src, dst } => {
                // BEAM negates as `0 - A`, so -(0.0) is 0.0.
                let v = 0.0 - f.get(*src as usize).copied().unwrap_or(0.0);
                if let Some(slot) = f.get_mut(*dst as usize) {
                    *slot = v;
                }
                pc = next(pc);
            }

            // ---- binaries ----
            Op::BsCreateBin {
                fail,
                live: _,
                unit: _,
                dst,
                segments,
            } => match ops::bits::create_bin(p, x, segments) {
                Ok(t) => {
                    w!(*dst, t);
                    pc = next(pc);
                }
                Err(e) => fail_to!(*fail, e),
            },
            Op::BsStartMatch {
                fail,
                live: _,
                src,
                dst,
            } => {
                let v = r!(*src);
                match ops::bits::start_match(&mut p.heap, v) {
                    Some(ctx) => {
                        w!(*dst, ctx);
                        pc = next(pc);
                    }
                    None => {
                        let e = super::exception::error_tuple(&mut p.heap, atom::BADMATCH, v);
                        fail_to!(*fail, e)
                    }
                }
            }
            Op::BsGetInteger {
                fail,
                ctx,
                live: _,
                size,
                unit,
                flags,
                dst,
            } => {
                let (c, s) = (r!(*ctx), r!(*size));
                match ops::bits::get_integer(&mut p.heap, c, s, *unit, *flags) {
                    Some(v) => {
                        w!(*dst, v);
                        pc = next(pc);
                    }
                    None => pc = to(*fail),
                }
            }
            Op::BsGetFloat {
                fail,
                ctx,
                live: _,
                size,
                unit,
                flags,
                dst,
            } => {
                let (c, s) = (r!(*ctx), r!(*size));
                match ops::bits::get_float(&mut p.heap, c, s, *unit, *flags) {
                    Some(v) => {
                        w!(*dst, v);
                        pc = next(pc);
                    }
                    None => pc = to(*fail),
                }
            }
            Op::BsGetBinary {
                fail,
                ctx,
                live: _,
                size,
                unit,
                flags: _,
                dst,
            } => {
                let (c, s) = (r!(*ctx), r!(*size));
                match ops::bits::get_binary(&mut p.heap, c, s, *unit) {
                    Some(v) => {
                        w!(*dst, v);
                        pc = next(pc);
                    }
                    None => pc = to(*fail),
                }
            }
            Op::BsSkipBits {
                fail,
                ctx,
                size,
                unit,
            } => {
                let (c, s) = (r!(*ctx), r!(*size));
                pc = if ops::bits::skip_bits(c, s, *unit) {
                    next(pc)
                } else {
                    to(*fail)
                };
            }
            Op::BsTestTail { fail, ctx, bits } => {
                let c = r!(*ctx);
                pc = if ops::bits::remaining(c).is_some_and(|n| n as u64 == *bits) {
                    next(pc)
                } else {
                    to(*fail)
                };
            }
            Op::BsTestUnit { fail, ctx, unit } => {
                let c = r!(*ctx);
                let ok =
                    ops::bits::remaining(c).is_some_and(|n| *unit != 0 && n % *unit as usize == 0);
                pc = if ok { next(pc) } else { to(*fail) };
            }
            Op::BsMatchString {
                fail,
                ctx,
                bits,
                bytes,
            } => {
                let c = r!(*ctx);
                pc = if ops::bits::match_string(c, *bits as usize, bytes) {
                    next(pc)
                } else {
                    to(*fail)
                };
            }
            Op::BsGetUtf {
                fail,
                ctx,
                width,
                flags,
                dst,
            } => {
                let c = r!(*ctx);
                match ops::bits::get_utf(c, *width, *flags) {
                    Some(cp) => {
                        if let Some(d) = dst {
                            w!(*d, Term::small(cp as i64));
                        }
                        pc = next(pc);
                    }
                    None => pc = to(*fail),
                }
            }
            Op::BsGetTail { ctx, dst, live: _ } => {
                let c = r!(*ctx);
                let v = ops::bits::get_tail(&mut p.heap, c);
                w!(*dst, v);
                pc = next(pc);
            }
            Op::BsGetPosition { ctx, dst } => {
                let c = r!(*ctx);
                w!(*dst, ops::bits::get_position(c));
                pc = next(pc);
            }
            Op::BsSetPosition { ctx, pos } => {
                let (c, v) = (r!(*ctx), r!(*pos));
                ops::bits::set_position(c, v);
                pc = next(pc);
            }

            Op::Nop => pc = next(pc),
            Op::BsLegacy(b) => match ops::bits::legacy::exec(p, x, b) {
                Ok(()) => {
                    if p.over_max_heap {
                        killed!(Term::atom(atom::KILLED));
                    }
                    pc = next(pc);
                }
                Err(e) => fail_to!(b.fail, e),
            },
            Op::BsInitWritable => {
                x[0] = build::binary(&mut p.heap, &[]);
                pc = next(pc);
            }
            Op::NormalExit => {
                p.exit_reason = Term::atom(atom::NORMAL);
                outcome = RunOutcome::Exit { class: None };
                break;
            }
            Op::Unimplemented(name) => {
                let e = unimplemented_op(p, name);
                raise!(e);
            }
            Op::CodeEnd => {
                let e = unimplemented_op(p, "code_end");
                raise!(e);
            }
        }
    }
    p.pc = pc;
    p.reductions += (budget - reds).max(0) as u64;
    p.slice_reds = 0;
    outcome
}

enum FloatVal {
    Raw(f64),
    Term(Term),
}

fn dst_src(d: Dst) -> Src {
    match d {
        Dst::X(i) => Src::X(i),
        Dst::Y(i) => Src::Y(i),
    }
}

/// A tiny stack buffer for building tuples without a heap allocation per instruction.
mod smallvec_like {
    use enigma_term::Term;

    pub enum Buf {
        Small([Term; 8], usize),
        Big(Vec<Term>),
    }

    impl Buf {
        pub fn as_slice(&self) -> &[Term] {
            match self {
                Buf::Small(a, n) => &a[..*n],
                Buf::Big(v) => v,
            }
        }
    }

    impl FromIterator<Term> for Buf {
        fn from_iter<I: IntoIterator<Item = Term>>(iter: I) -> Self {
            let mut a = [Term::NIL; 8];
            let mut n = 0;
            let mut it = iter.into_iter();
            for t in it.by_ref() {
                if n == 8 {
                    let mut v = a.to_vec();
                    v.push(t);
                    v.extend(it);
                    return Buf::Big(v);
                }
                a[n] = t;
                n += 1;
            }
            Buf::Small(a, n)
        }
    }
}

/// The key/value operands of a map update, read without a heap allocation for the usual
/// handful of pairs.
enum Pairs {
    Few([(Term, Term); 8], usize),
    Many(Vec<(Term, Term)>),
}

impl Pairs {
    fn as_slice(&self) -> &[(Term, Term)] {
        match self {
            Pairs::Few(a, n) => &a[..*n],
            Pairs::Many(v) => v,
        }
    }
}

#[inline]
fn read_pairs(x: &[Term], stack: &[Term], pairs: &[(Src, Src)]) -> Pairs {
    if pairs.len() <= 8 {
        let mut a = [(Term::NIL, Term::NIL); 8];
        for (slot, (k, v)) in a.iter_mut().zip(pairs) {
            *slot = (read(x, stack, *k), read(x, stack, *v));
        }
        Pairs::Few(a, pairs.len())
    } else {
        Pairs::Many(
            pairs
                .iter()
                .map(|(k, v)| (read(x, stack, *k), read(x, stack, *v)))
                .collect(),
        )
    }
}

/// Makes room on the young heap before a map update (the compiler emits no `test_heap` for
/// them; the instruction carries its live count), so that the new map does not go to a
/// fragment and force a collection at the next `test_heap` anyway.
#[inline]
fn reserve_for_map(p: &mut Process, x: &mut [Term], m: Term, pairs: usize, live: u32) {
    let size = if m.is_map() {
        enigma_term::map::size(m)
    } else {
        0
    };
    let need = 4
        + size
        + 3 * pairs
        + if size + pairs > enigma_term::map::FLAT_LIMIT {
            2 * (size + pairs)
        } else {
            0
        };
    if !p.heap.has_room(need) || p.heap.fragments_due() {
        p.collect(x, live as usize, need, false);
    }
}

/// After a `gc_bif` (`live` registers live) that overflowed into fragments, collects with
/// the result as an extra root and returns its new location. Plain `bif` instructions
/// (`live == NO_GC`) never collect: their live registers are unknown.
#[inline]
fn collect_after_bif(p: &mut Process, x: &mut [Term], live: u16, v: Term) -> Term {
    if live == NO_GC || !p.heap.fragments_due() {
        return v;
    }
    let n = live as usize;
    if n >= X_REGS {
        return v;
    }
    x[n] = v;
    p.collect(x, n + 1, 0, false);
    x[n]
}

/// Runs a BIF; also returns the reductions its work costs beyond the call: the heap words
/// it built, plus whatever it charged itself (`Process::charge_work`, `bump_reductions/1`).
/// (Returned rather than subtracted through a reference, which would keep the loop's
/// reduction counter out of a register.) Kept out of line: inlined at every BIF site it
/// grew the emulator loop enough to slow unrelated code (fib 4.7 s -> 6 s).
#[inline(never)]
fn call_bif(bif: BifFn, p: &mut Process, args: &[Term]) -> (BifResult, i32) {
    let mark = p.heap.allocation_mark();
    let result = bif(p, args);
    let built = p.heap.allocation_mark().wrapping_sub(mark);
    let extra = std::mem::take(&mut p.extra_reds) as usize;
    let cost = (built / crate::process::WORK_PER_REDUCTION + extra).min(1 << 24);
    (result, cost as i32)
}

/// The code address of an export and the number of argument registers the call passes,
/// with the arguments in `x`. An export with no code is loaded on first use (`enigma
/// run`), or else the call goes to `ErrorHandler:undefined_function(M, F, Args)` (the
/// real boot: that asks the code server to load it, as on BEAM). `None`: `undef`.
#[inline]
fn resolve(p: &mut Process, x: &mut [Term], e: &'static Export) -> Option<(*const Op, u32)> {
    let a = e.code_address();
    if a != 0 {
        return Some((a as *const Op, e.arity));
    }
    undefined_function(p, x, e)
}

#[inline(never)]
fn undefined_function(
    p: &mut Process,
    x: &mut [Term],
    e: &'static Export,
) -> Option<(*const Op, u32)> {
    if code::load::autoload() {
        let _ = code::load::ensure_loaded(e.module);
        let a = e.code_address();
        return (a != 0).then_some((a as *const Op, e.arity));
    }
    let handler = code::export_entry(p.error_handler, atom::UNDEFINED_FUNCTION, 3);
    let a = handler.code_address();
    if a == 0 || e.module == p.error_handler {
        return None;
    }
    let args = build::list(&mut p.heap, &x[..(e.arity as usize).min(X_REGS)]);
    x[0] = Term::atom(e.module);
    x[1] = Term::atom(e.function);
    x[2] = args;
    Some((a as *const Op, 3))
}

/// `error:undef` for a call to an export with no code, with the call's arguments.
fn undef(p: &mut Process, x: &[Term], e: &Export, tail: bool) -> (Exception, TopFrame) {
    let args = build::list(&mut p.heap, &x[..(e.arity as usize).min(X_REGS)]);
    let exc = Exception::error(Term::atom(atom::UNDEF));
    let bif = Some((Term::atom(e.module), Term::atom(e.function), args));
    (
        exc,
        TopFrame {
            bif,
            skip_current: tail,
            ..TopFrame::NONE
        },
    )
}

fn type_test(kind: TypeTest, v: Term) -> bool {
    match kind {
        TypeTest::Integer => v.is_integer(),
        TypeTest::Float => v.is_float(),
        TypeTest::Number => v.is_number(),
        TypeTest::Atom => v.is_atom(),
        TypeTest::Pid => v.is_pid(),
        TypeTest::Reference => v.is_ref(),
        TypeTest::Port => v.is_port(),
        TypeTest::Nil => v.is_nil(),
        TypeTest::Binary => v.is_binary(),
        TypeTest::Bitstring => v.is_bitstring(),
        TypeTest::List => v.is_list(),
        TypeTest::NonemptyList => v.is_cons(),
        TypeTest::Tuple => v.is_tuple(),
        TypeTest::Function => v.is_fun(),
        TypeTest::Boolean => v.is_boolean(),
        TypeTest::Map => v.is_map(),
    }
}

#[inline]
fn compare(kind: Compare, a: Term, b: Term) -> bool {
    use core::cmp::Ordering;
    use enigma_term::compare as c;
    match kind {
        // Equal words are equal terms; an immediate equals only the same word.
        Compare::EqExact => a == b || (!a.is_immediate() && !b.is_immediate() && c::eq(a, b)),
        Compare::NeExact => a != b && (a.is_immediate() || b.is_immediate() || !c::eq(a, b)),
        Compare::Eq => c::compare(a, b, false) == Ordering::Equal,
        Compare::Ne => c::compare(a, b, false) != Ordering::Equal,
        Compare::Lt => {
            if a.is_small() && b.is_small() {
                a.small_value() < b.small_value()
            } else {
                c::compare(a, b, false) == Ordering::Less
            }
        }
        Compare::Ge => {
            if a.is_small() && b.is_small() {
                a.small_value() >= b.small_value()
            } else {
                c::compare(a, b, false) != Ordering::Less
            }
        }
    }
}

fn select_val(v: Term, table: &[(Term, Label)], sorted: bool) -> Option<Label> {
    if sorted {
        if !v.is_immediate() {
            return None;
        }
        return table
            .binary_search_by_key(&v.raw(), |(t, _)| t.raw())
            .ok()
            .and_then(|i| table.get(i))
            .map(|(_, l)| *l);
    }
    if v.is_immediate() {
        return table.iter().find(|(t, _)| *t == v).map(|(_, l)| *l);
    }
    table
        .iter()
        .find(|(t, _)| enigma_term::compare::eq(*t, v))
        .map(|(_, l)| *l)
}

/// The arity a fun is called with.
pub fn fun_arity(t: Term) -> Option<u32> {
    if !t.is_fun() {
        return None;
    }
    if t.header().subtag() == enigma_term::boxed::EXPORT {
        Some(t.export_entry().arity)
    } else {
        Some(t.fun_entry().arity)
    }
}

/// Places a fun's free variables after its arguments and returns its code address.
fn prepare_fun_call(
    p: &mut Process,
    x: &mut [Term],
    fun: Term,
    arity: u32,
) -> Result<(*const Op, usize), Exception> {
    if !fun.is_fun() {
        return Err(super::exception::error_tuple(
            &mut p.heap,
            atom::BADFUN,
            fun,
        ));
    }
    if fun.header().subtag() == enigma_term::boxed::EXPORT {
        let e = fun.export_entry();
        if e.arity != arity {
            return Err(badarity(p, fun, x, arity));
        }
        return match resolve(p, x, e) {
            Some((t, arity)) => Ok((t, arity as usize)),
            None => Err(undef(p, x, e, false).0),
        };
    }
    let entry = fun.fun_entry();
    if entry.arity != arity {
        return Err(badarity(p, fun, x, arity));
    }
    // The arguments and the free variables after them are all live at the call: a yield
    // there must keep (and a collection must see) every one of them.
    let live = arity as usize + fun.fun_env().len();
    for (i, v) in fun.fun_env().iter().enumerate() {
        if let Some(slot) = x.get_mut(arity as usize + i) {
            *slot = *v;
        }
    }
    let a = entry.code_address();
    if a == 0 {
        if !code::load::autoload() {
            // As BEAM: `ErrorHandler:undefined_lambda(Module, Fun, Args)` loads the module
            // and calls the fun again.
            let handler = code::export_entry(p.error_handler, atom::UNDEFINED_LAMBDA, 3);
            let h = handler.code_address();
            if h == 0 {
                return Err(Exception::error(Term::atom(atom::UNDEF)));
            }
            let args = build::list(&mut p.heap, &x[..(arity as usize).min(X_REGS)]);
            x[0] = Term::atom(entry.module);
            x[1] = fun;
            x[2] = args;
            return Ok((h as *const Op, 3));
        }
        let _ = code::load::ensure_loaded(entry.module);
        let a = entry.code_address();
        if a == 0 {
            return Err(Exception::error(Term::atom(atom::UNDEF)));
        }
        return Ok((a as *const Op, live));
    }
    Ok((a as *const Op, live))
}

fn badarity(p: &mut Process, fun: Term, x: &[Term], arity: u32) -> Exception {
    let args = build::list(&mut p.heap, &x[..(arity as usize).min(X_REGS)]);
    let inner = build::tuple(&mut p.heap, &[fun, args]);
    super::exception::error_tuple(&mut p.heap, atom::BADARITY, inner)
}

/// `apply` with `arity` arguments in x0.., the module in x(arity), the function after it.
fn prepare_apply(
    p: &mut Process,
    x: &mut [Term],
    arity: u32,
    tail: bool,
) -> Result<(*const Op, u32), (Exception, TopFrame)> {
    let n = arity as usize;
    let (m, f) = (x[n % X_REGS], x[(n + 1) % X_REGS]);
    let (Some(m), Some(f)) = (m.as_atom(), f.as_atom()) else {
        // `Mod:Fun(Args)` with a module or function that is not an atom fails as the call
        // `erlang:apply(Mod, Fun, Args)` would, and its trace shows that call.
        let args = build::list(&mut p.heap, &x[..n.min(X_REGS)]);
        let argl = build::list(&mut p.heap, &[m, f, args]);
        let apply = code::export_entry(atom::ERLANG, atom::APPLY, 3);
        let top = TopFrame {
            bif: Some((Term::atom(atom::ERLANG), Term::atom(atom::APPLY), argl)),
            info: crate::bifs::error_info_for(&mut p.heap, apply),
            ..TopFrame::NONE
        };
        return Err((Exception::error(Term::atom(atom::BADARG)), top));
    };
    let e = code::export_entry(m, f, arity);
    match resolve(p, x, e) {
        Some((t, arity)) => Ok((t, arity)),
        None => Err(undef(p, x, e, tail)),
    }
}

/// Whether an apply of `arity` arguments (module and function in the x registers after
/// them) reaches `erlang:error/1,2,3`, `exit/1` or `throw/1`, the BIFs whose tail applies
/// BEAM shows in the applying function.
fn applies_raising_bif(x: &[Term], arity: u32) -> bool {
    let n = arity as usize;
    is_tail_raising_bif(
        x[n % X_REGS].as_atom(),
        x[(n + 1) % X_REGS].as_atom(),
        arity,
    )
}

/// Whether `m:f/arity` is `erlang:error/1,2,3`, `exit/1` or `throw/1`.
fn is_tail_raising_bif(
    m: Option<enigma_term::Atom>,
    f: Option<enigma_term::Atom>,
    arity: u32,
) -> bool {
    m == Some(atom::ERLANG)
        && matches!(
            (f.map(|f| f.name()), arity),
            (Some("error"), 1..=3) | (Some("exit"), 1) | (Some("throw"), 1)
        )
}

/// The value of a `catch` expression whose body raised (x1 = class, x2 = reason, x3 = trace).
fn catch_value(p: &mut Process, x: &[Term]) -> Term {
    let class = x[1]
        .as_atom()
        .and_then(Class::from_atom)
        .unwrap_or(Class::Error);
    match class {
        Class::Throw => x[2],
        Class::Exit => build::tuple(&mut p.heap, &[Term::atom(atom::EXIT_UPPER), x[2]]),
        Class::Error => {
            let (reason, raw) = (x[2], x[3]);
            let trace = stacktrace::materialize(&mut p.heap, raw);
            let inner = build::tuple(&mut p.heap, &[reason, trace]);
            build::tuple(&mut p.heap, &[Term::atom(atom::EXIT_UPPER), inner])
        }
    }
}

/// The exception that `raise Trace, Value` (from `erlang:raise/3` compiled inline) re-raises:
/// the trace's class and the trace itself, unchanged.
fn reraise(raw: Term, value: Term) -> Exception {
    let mut e = Exception::new(stacktrace::class_of(raw).unwrap_or(Class::Error), value);
    e.trace = raw;
    e
}

fn p_class(p: &Process) -> Class {
    stacktrace::class_of(p.last_trace).unwrap_or(Class::Error)
}

/// Whether this BIF raises exceptions on its caller's behalf (its own frame is not shown).
fn is_raising_bif(e: &Export) -> bool {
    e.module == atom::ERLANG
        && matches!(
            e.function.name(),
            "error" | "exit" | "throw" | "raise" | "nif_error"
        )
}

/// The top of the trace for an exception a BIF raised.
fn bif_top_frame(p: &mut Process, mfa: &Export, args: &[Term], e: &Exception) -> TopFrame {
    if is_raising_bif(mfa) {
        // `error(Reason, none)` or any other non-list: no argument list, the arity stays.
        let args = if e.args.is_list() {
            e.args
        } else {
            Term::NON_VALUE
        };
        return TopFrame {
            args,
            info: e.info,
            ..TopFrame::NONE
        };
    }
    let argl = build::list(&mut p.heap, args);
    let info = if e.info.is_value() {
        e.info
    } else {
        crate::bifs::error_info_for(&mut p.heap, mfa)
    };
    TopFrame {
        bif: Some((Term::atom(mfa.module), Term::atom(mfa.function), argl)),
        info,
        ..TopFrame::NONE
    }
}

fn unimplemented_exception(p: &mut Process, mfa: &Export) -> Exception {
    crate::report_unimplemented(&format!(
        "{}:{}/{}",
        mfa.module.name(),
        mfa.function.name(),
        mfa.arity
    ));
    let m = build::tuple(
        &mut p.heap,
        &[
            Term::atom(mfa.module),
            Term::atom(mfa.function),
            Term::small(mfa.arity as i64),
        ],
    );
    super::exception::error_tuple(&mut p.heap, atom::ENIGMA_UNIMPLEMENTED, m)
}

fn unimplemented_op(p: &mut Process, name: &str) -> Exception {
    crate::report_unimplemented(name);
    let n = enigma_term::Atom::intern(name)
        .map(Term::atom)
        .unwrap_or(Term::NIL);
    super::exception::error_tuple(&mut p.heap, atom::ENIGMA_UNIMPLEMENTED, n)
}

/// Raises `e` at `pc`: builds the stack trace, finds the nearest catch on the stack and
/// returns its handler with x0..x3 set as the compiler expects, or `None` when the process
/// has no catch left (it exits; reason and trace are stored in the process).
fn throw(
    p: &mut Process,
    x: &mut [Term],
    pc: *const Op,
    e: Exception,
    top: TopFrame,
) -> Option<*const Op> {
    let class = Term::atom(e.class.atom());
    // A trace that is a tuple was saved by an earlier raise: a raw capture, or the
    // `{Class, List}` pair of an explicit trace (`erlang:raise/3` takes only lists). A
    // re-raise (`raw_raise`, the rethrow of `try ... after`) keeps it as it is; wrapping
    // the pair again would hand `{Class, List}` to the next catch as its trace.
    let raw = if stacktrace::is_raw(e.trace) || e.trace.is_tuple() {
        // A re-raise keeps its trace; only the class may change (`raw_raise`).
        match e.trace.as_tuple() {
            Some(items) if items.first() != Some(&class) => {
                let mut items = items.to_vec();
                items[0] = class;
                build::tuple(&mut p.heap, &items)
            }
            _ => e.trace,
        }
    } else if e.trace.is_value() {
        // An explicit trace list (`erlang:raise/3`).
        build::tuple(&mut p.heap, &[class, e.trace])
    } else {
        let info = if top.info.is_value() {
            top.info
        } else {
            e.info
        };
        let args = if top.args.is_value() {
            top.args
        } else if e.args.is_list() {
            e.args
        } else {
            Term::NON_VALUE
        };
        let top = TopFrame { args, info, ..top };
        stacktrace::capture(&mut p.heap, class, pc, &p.stack, top)
    };
    p.last_trace = raw;
    // Find the nearest catch: scan down, remembering the lowest return address above it
    // (the frame that holds the catch ends there).
    let mut frame_top = p.stack.len();
    let mut found = None;
    if p.catches > 0 {
        for i in (0..p.stack.len()).rev() {
            let w = p.stack[i];
            if w.is_cp() {
                frame_top = i;
            } else if w.is_catch() {
                found = Some(((w.catch_value() << 3) as usize, i));
                break;
            }
        }
    }
    match found {
        Some((handler, _)) => {
            p.stack.truncate(frame_top);
            x[0] = Term::NON_VALUE;
            x[1] = Term::atom(e.class.atom());
            x[2] = e.reason;
            x[3] = raw;
            Some(handler as *const Op)
        }
        None => {
            // As in BEAM, an uncaught error exits with `{Reason, Stack}` and an uncaught
            // throw with `{{nocatch, Reason}, Stack}`.
            p.exit_reason = match e.class {
                Class::Exit => e.reason,
                Class::Error => {
                    let trace = stacktrace::materialize(&mut p.heap, raw);
                    build::tuple(&mut p.heap, &[e.reason, trace])
                }
                Class::Throw => {
                    let trace = stacktrace::materialize(&mut p.heap, raw);
                    let nocatch = build::tuple(&mut p.heap, &[Term::atom(atom::NOCATCH), e.reason]);
                    build::tuple(&mut p.heap, &[nocatch, trace])
                }
            };
            None
        }
    }
}
