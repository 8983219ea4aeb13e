//! `erlang:process_info/1,2`: what one process can learn about another (or itself).
//!
//! Another process is inspected while it is switched out, after its pending signals were
//! handled (so the answer reflects what the caller sent it before); while it runs, the
//! caller yields and asks again.

use enigma_heap::copy::copy_term;
use enigma_term::{atom, build, integer, map, Atom, Term, TermAlloc};

use super::processes::with_other;
use super::system::dict_order;
use crate::bif;
use crate::bifs::os::atom_of;
use crate::bifs::BifEntry;
use crate::code;
use crate::emulator::exception::{badarg, BifResult, Fault};
use crate::emulator::instr::Mfa;
use crate::process::{Process, Status};
use crate::runtime::table;

/// Default minimum binary virtual heap size, in words.
const MIN_BIN_VHEAP_SIZE: i64 = 46_422;

/// The items `process_info/1` lists, in BEAM's order (`registered_name` first when set).
const DEFAULT_INFO: &[&str] = &[
    "current_function",
    "initial_call",
    "status",
    "message_queue_len",
    "links",
    "dictionary",
    "trap_exit",
    "error_handler",
    "priority",
    "group_leader",
    "total_heap_size",
    "heap_size",
    "stack_size",
    "reductions",
    "garbage_collection",
    "suspending",
];

fn mfa_tuple(heap: &mut dyn TermAlloc, m: Mfa) -> Term {
    build::tuple(
        heap,
        &[
            Term::atom(m.module),
            Term::atom(m.function),
            Term::small(m.arity as i64),
        ],
    )
}

/// The function a process is executing: where its program counter is when it is switched
/// out; for the running process, the caller found from the newest return address.
fn current_function(q: &Process, running: bool) -> Option<(Mfa, usize, &'static code::Module)> {
    if q.hibernated && !running {
        return None;
    }
    // A running process is inside a BIF call, whose instruction set `pc`; without one (a
    // BIF reached through `apply`), its caller is found from the newest return address.
    let at = |addr: usize| {
        let (m, i) = code::module_for_address(addr)?;
        let f = m.function_at(i)?;
        Some((f.mfa, i, m))
    };
    if let Some(found) = at(q.pc as usize) {
        return Some(found);
    }
    if !running {
        return None;
    }
    let cp = q.stack.iter().rev().find(|t| t.is_cp())?.cp_value();
    at(cp)
}

/// What a hibernating process is shown to be in.
fn hibernate_mfa() -> Mfa {
    Mfa {
        module: atom::ERLANG,
        function: Atom::intern("hibernate").unwrap_or(atom::UNDEFINED),
        arity: 3,
    }
}

fn registered_name_of(pid: Term) -> Option<Atom> {
    table::name_of(pid)
}

fn process_status(q: &Process, running: bool) -> Term {
    if running {
        return Term::atom(atom::RUNNING);
    }
    if q.status == Status::Exiting {
        return Term::atom(atom::EXITING);
    }
    if q.is_suspended() || q.waiting_on_port {
        return Term::atom(atom::SUSPENDED);
    }
    if q.hibernated {
        return Term::atom(if q.queue.is_empty() {
            atom::WAITING
        } else {
            atom::RUNNABLE
        });
    }
    // A process blocked in `receive` is parked at the receive loop's first instruction with
    // no message it has not looked at yet.
    let at_receive = code::module_for_address(q.pc as usize)
        .and_then(|(m, i)| m.code.get(i))
        .is_some_and(|op| matches!(op, crate::emulator::instr::Op::LoopRec { .. }));
    if at_receive && q.queue.len() <= q.save && !q.timed_out {
        Term::atom(atom::WAITING)
    } else {
        Term::atom(atom::RUNNABLE)
    }
}

/// `process_info(P, garbage_collection_info)`, also the `GC Info` of the report on a
/// process over its `max_heap_size`.
pub(crate) fn gc_info(out: &mut dyn TermAlloc, q: &Process) -> Term {
    let young = q.heap.young_size() as i64;
    let items: Vec<Term> = [
        ("old_heap_block_size", q.heap.old_size() as i64),
        ("heap_block_size", young),
        ("mbuf_size", q.heap.fragment_words() as i64),
        ("recent_size", 0),
        ("stack_size", q.stack.len() as i64),
        ("old_heap_size", q.heap.old_used() as i64),
        ("heap_size", q.heap.young_used() as i64),
        ("bin_vheap_size", 0),
        ("bin_vheap_block_size", MIN_BIN_VHEAP_SIZE),
        ("bin_old_vheap_size", 0),
        ("bin_old_vheap_block_size", MIN_BIN_VHEAP_SIZE),
    ]
    .iter()
    .map(|&(k, v)| build::tuple(out, &[atom_of(k), Term::small(v)]))
    .collect();
    build::list(out, &items)
}

/// The state the BREAK menu's process list shows for a switched-out process.
pub(crate) fn state_name(q: &Process) -> &'static str {
    match process_status(q, false).as_atom().map(Atom::name) {
        Some("waiting") => "Waiting",
        Some("exiting") => "Exiting",
        Some("suspended") => "Suspended",
        _ => "Runnable",
    }
}

/// The function a process is in (the BREAK menu's and the crash dump's "Current call";
/// `running` for the process the calling thread runs).
pub(crate) fn current_mfa(q: &Process, running: bool) -> Option<Mfa> {
    current_function(q, running).map(|(m, _, _)| m)
}

/// The value of one `process_info` item of process `q`, built on `out` (the caller's heap;
/// terms of another process are copied). `None` for an unknown item.
fn info_item(out: &mut dyn TermAlloc, q: &mut Process, running: bool, item: &str) -> Option<Term> {
    // Terms of another process are copied; the caller's own are copied afterwards.
    let copy = |out: &mut dyn TermAlloc, t: Term| if running { t } else { copy_term(t, out) };
    Some(match item {
        "registered_name" => match registered_name_of(q.pid) {
            Some(n) => Term::atom(n),
            None => Term::NIL,
        },
        "current_function" if q.hibernated && !running => mfa_tuple(out, hibernate_mfa()),
        "current_function" => match current_function(q, running) {
            Some((mfa, _, _)) => mfa_tuple(out, mfa),
            None => mfa_tuple(out, q.initial_call),
        },
        "current_location" if q.hibernated && !running => {
            let m = hibernate_mfa();
            build::tuple(
                out,
                &[
                    Term::atom(m.module),
                    Term::atom(m.function),
                    Term::small(i64::from(m.arity)),
                    Term::NIL,
                ],
            )
        }
        "current_stacktrace" if q.hibernated && !running => Term::NIL,
        "current_location" => {
            let cur = current_function(q, running);
            let mfa = cur.map_or(q.initial_call, |c| c.0);
            let loc = match cur
                .and_then(|(_, i, m)| m.location_at(i).map(|(f, l)| (f.to_string(), l)))
            {
                Some((file, line)) => {
                    let f = build::str_list(out, &file);
                    let ft = build::tuple(out, &[Term::atom(atom::FILE), f]);
                    let lt = build::tuple(out, &[Term::atom(atom::LINE), Term::small(line as i64)]);
                    build::list(out, &[ft, lt])
                }
                None => Term::NIL,
            };
            build::tuple(
                out,
                &[
                    Term::atom(mfa.module),
                    Term::atom(mfa.function),
                    Term::small(mfa.arity as i64),
                    loc,
                ],
            )
        }
        "current_stacktrace" => {
            let top = crate::emulator::stacktrace::TopFrame::NONE;
            // A running process inside a BIF call has `pc` at that call, as BEAM's trace
            // starts with the calling function (gen_server's `?STACKTRACE()` relies on it).
            let in_bif_call = running && code::module_for_address(q.pc as usize).is_some();
            if running && !in_bif_call {
                // The running process's own pc is not saved: start from its newest return
                // address, that is, from the caller of the current function.
                match q.stack.iter().rposition(|t| t.is_cp()) {
                    Some(i) => {
                        let pc = q.stack.get(i).map_or(0, |t| t.cp_value());
                        let below = q.stack.get(..i).unwrap_or(&[]);
                        crate::emulator::stacktrace::build(
                            out,
                            pc as *const crate::emulator::instr::Op,
                            below,
                            top,
                        )
                    }
                    None => Term::NIL,
                }
            } else {
                crate::emulator::stacktrace::build(out, q.pc, &q.stack, top)
            }
        }
        "initial_call" => mfa_tuple(out, q.initial_call),
        "status" => process_status(q, running),
        "message_queue_len" => Term::small(q.queue.len() as i64),
        "messages" => {
            let msgs: Vec<Term> = q.queue.iter().copied().collect();
            let msgs: Vec<Term> = msgs.into_iter().map(|m| copy(out, m)).collect();
            build::list(out, &msgs)
        }
        "links" => {
            let links = q.links.clone();
            build::list(out, &links)
        }
        "monitors" => {
            let items: Vec<Term> = q
                .monitors
                .iter()
                .filter(|m| m.watching)
                .map(|m| {
                    let target = crate::runtime::monitors::down_object(out, m.name, m.other);
                    build::tuple(out, &[Term::atom(atom::PROCESS), target])
                })
                .collect();
            build::list(out, &items)
        }
        "monitored_by" => {
            let pids: Vec<Term> = q
                .monitors
                .iter()
                .filter(|m| !m.watching)
                .map(|m| m.other)
                .collect();
            build::list(out, &pids)
        }
        "suspending" | "binary" => Term::NIL,
        "dictionary" => {
            let entries = dict_order(q);
            let tuples: Vec<Term> = entries
                .into_iter()
                .map(|(k, v)| {
                    let k = copy(out, k);
                    let v = copy(out, v);
                    build::tuple(out, &[k, v])
                })
                .collect();
            build::list(out, &tuples)
        }
        "trap_exit" => Term::bool(q.trap_exit),
        "error_handler" => Term::atom(q.error_handler),
        "priority" => atom_of(q.priority.name()),
        "group_leader" => q.group_leader,
        "total_heap_size" => Term::small(q.heap.total_size() as i64),
        "heap_size" => Term::small(q.heap.young_size() as i64),
        "stack_size" => Term::small(q.stack.len() as i64),
        "memory" => Term::small((q.memory_words() * 8) as i64),
        "reductions" => integer::from_u64(out, q.reductions_now()),
        "garbage_collection" => {
            let mhs = {
                let pairs = vec![
                    (atom_of("error_logger"), Term::TRUE),
                    (atom_of("kill"), Term::TRUE),
                    (atom_of("size"), Term::small(0)),
                ];
                map::from_pairs(out, pairs)
            };
            let items = [
                build::tuple(out, &[atom_of("max_heap_size"), mhs]),
                build::tuple(
                    out,
                    &[
                        atom_of("min_bin_vheap_size"),
                        Term::small(q.min_bin_vheap_size as i64),
                    ],
                ),
                build::tuple(
                    out,
                    &[
                        atom_of("min_heap_size"),
                        Term::small(q.heap.min_heap_size as i64),
                    ],
                ),
                build::tuple(
                    out,
                    &[
                        atom_of("fullsweep_after"),
                        Term::small(q.heap.fullsweep_after as i64),
                    ],
                ),
                build::tuple(out, &[atom_of("minor_gcs"), Term::small(0)]),
            ];
            build::list(out, &items)
        }
        "garbage_collection_info" => gc_info(out, q),
        "min_heap_size" => Term::small(q.heap.min_heap_size as i64),
        "min_bin_vheap_size" => Term::small(q.min_bin_vheap_size as i64),
        "fullsweep_after" => Term::small(q.heap.fullsweep_after as i64),
        "max_heap_size" => {
            let pairs = vec![
                (atom_of("error_logger"), Term::bool(q.max_heap_report)),
                (atom_of("kill"), Term::bool(q.max_heap_kill)),
                (atom_of("size"), Term::small(q.max_heap_size as i64)),
            ];
            map::from_pairs(out, pairs)
        }
        "message_queue_data" => atom_of(if q.off_heap_messages {
            "off_heap"
        } else {
            "on_heap"
        }),
        "last_calls" => Term::FALSE,
        "catchlevel" => Term::small(q.catches as i64),
        "sequential_trace_token" => Term::NIL,
        "parent" => Term::atom(atom::UNDEFINED),
        "trace" => Term::small(0),
        _ => return None,
    })
}

/// Runs `f` on the process `pid` (the caller itself or a switched-out one), building the
/// results for the caller. `Ok(None)` when the process does not exist. For the caller
/// itself the results are built in a scratch area and then copied to its heap (the process
/// is both what is inspected and where the answer goes).
fn with_target<R: CopyToHeap>(
    p: &mut Process,
    pid: Term,
    f: impl FnOnce(&mut dyn TermAlloc, &mut Process, bool) -> R,
) -> Result<Option<R>, Fault> {
    if !pid.is_local_pid() {
        return Err(badarg());
    }
    if pid == p.pid {
        if let Err(reason) = crate::runtime::signals::handle(p) {
            return Err(Fault::Raise(crate::runtime::signals::die(p, reason)));
        }
        let mut tmp = enigma_term::VecAlloc::new();
        let r = f(&mut tmp, p, true);
        return Ok(Some(r.copy_to(&mut p.heap)));
    }
    with_other(pid, |q| f(&mut p.heap, q, false))
}

/// Something holding terms that can be copied to a heap.
trait CopyToHeap {
    fn copy_to(self, heap: &mut dyn TermAlloc) -> Self;
}

impl CopyToHeap for Option<Term> {
    fn copy_to(self, heap: &mut dyn TermAlloc) -> Self {
        self.map(|t| copy_term(t, heap))
    }
}

impl CopyToHeap for Option<Vec<Term>> {
    fn copy_to(self, heap: &mut dyn TermAlloc) -> Self {
        self.map(|v| v.into_iter().map(|t| copy_term(t, heap)).collect())
    }
}

fn item_name(t: Term) -> Result<&'static str, Fault> {
    t.as_atom().map(Atom::name).ok_or_else(badarg)
}

pub(crate) fn process_info_2(p: &mut Process, a: &[Term]) -> BifResult {
    let (pid, spec) = (a[0], a[1]);
    if let Some(item) = spec.as_atom() {
        let name = item.name();
        let r = with_target(p, pid, |out, q, running| {
            let v = info_item(out, q, running, name)?;
            Some(build::tuple(out, &[Term::atom(item), v]))
        })?;
        return match r {
            None => Ok(Term::atom(atom::UNDEFINED)),
            Some(None) => Err(badarg()),
            // `registered_name` of an unregistered process is `[]`, not a tuple.
            Some(Some(t))
                if name == "registered_name"
                    && t.as_tuple().and_then(|e| e.get(1)) == Some(&Term::NIL) =>
            {
                Ok(Term::NIL)
            }
            Some(Some(t)) => Ok(t),
        };
    }
    let items = build::list_to_vec(spec).ok_or_else(badarg)?;
    let names: Vec<(Atom, &'static str)> = items
        .iter()
        .map(|&t| item_name(t).map(|n| (t.as_atom().unwrap_or(atom::UNDEFINED), n)))
        .collect::<Result<_, _>>()?;
    let r = with_target(p, pid, |out, q, running| {
        let mut tuples = Vec::with_capacity(names.len());
        for &(a, n) in &names {
            let v = info_item(out, q, running, n)?;
            tuples.push(build::tuple(out, &[Term::atom(a), v]));
        }
        Some(tuples)
    })?;
    info_list(p, r)
}

/// The answer of a `process_info` that lists items: `undefined` for a dead process,
/// `badarg` for an unknown item, else the list of `{Item, Value}`.
fn info_list(p: &mut Process, r: Option<Option<Vec<Term>>>) -> BifResult {
    match r {
        None => Ok(Term::atom(atom::UNDEFINED)),
        Some(None) => Err(badarg()),
        Some(Some(tuples)) => Ok(build::list(&mut p.heap, &tuples)),
    }
}

fn process_info_1(p: &mut Process, a: &[Term]) -> BifResult {
    let pid = a[0];
    let r = with_target(p, pid, |out, q, running| {
        let mut tuples = Vec::with_capacity(DEFAULT_INFO.len() + 1);
        if let Some(n) = registered_name_of(q.pid) {
            tuples.push(build::tuple(
                out,
                &[Term::atom(atom::REGISTERED_NAME), Term::atom(n)],
            ));
        }
        for &n in DEFAULT_INFO {
            let v = info_item(out, q, running, n)?;
            tuples.push(build::tuple(out, &[atom_of(n), v]));
        }
        Some(tuples)
    })?;
    info_list(p, r)
}

pub const BIFS: &[BifEntry] = &[
    bif!("erlang", "process_info", 1, process_info_1),
    bif!("erlang", "process_info", 2, process_info_2),
];
