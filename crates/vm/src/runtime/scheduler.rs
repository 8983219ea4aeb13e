//! The process table and the scheduler loop.
//!
//! Every process has a [`Handle`]: its pid, its inbox (which senders use without touching
//! the process) and a slot holding the process itself whenever it is not running. The
//! scheduler takes a runnable handle from the run queue, takes the process out of its slot,
//! runs it for a reduction budget, and puts it back. Processes are not Rust futures or OS
//! threads: the loop owns the running process exclusively and counts its reductions.
//!
//! This first version runs one scheduler thread; the run queue, the inbox protocol and the
//! table are already shared structures so that more schedulers can take from them.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, RwLock};
use std::time::Instant;

use enigma_heap::copy::{copy_term, size_of};
use enigma_term::{atom, build, Atom, Term};

use super::mailbox::Inbox;
use crate::code;
use crate::emulator::exception::Class;
use crate::emulator::instr::{Mfa, Op};
use crate::emulator::run::{run, Emulator, RunOutcome, NORMAL_EXIT, REDUCTION_BUDGET};
use crate::process::Process;

/// What the table keeps for each live process.
pub struct Handle {
    pub pid: Term,
    pub inbox: Arc<Inbox>,
    slot: Mutex<Option<Box<Process>>>,
}

struct Table {
    procs: RwLock<HashMap<u64, Arc<Handle>>>,
    names: RwLock<HashMap<Atom, Term>>,
    runq: Mutex<VecDeque<Arc<Handle>>>,
    wakeup: Condvar,
    timers: Mutex<BinaryHeap<Reverse<(Instant, u64)>>>,
    next_id: AtomicU64,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table {
        procs: RwLock::new(HashMap::new()),
        names: RwLock::new(HashMap::new()),
        runq: Mutex::new(VecDeque::new()),
        wakeup: Condvar::new(),
        timers: Mutex::new(BinaryHeap::new()),
        // Pids start above BEAM's first few system processes, as <0.80.0>-like numbers.
        next_id: AtomicU64::new(80),
    })
}

/// The handle of a live local pid.
pub fn lookup(pid: Term) -> Option<Arc<Handle>> {
    let id = pid.as_local_pid()?;
    table()
        .procs
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&id)
        .cloned()
}

/// The pid registered under `name`.
pub fn whereis(name: Atom) -> Option<Term> {
    table()
        .names
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&name)
        .copied()
}

/// Registers `name` for `pid`; false if the name is taken.
pub fn register(name: Atom, pid: Term) -> bool {
    let mut n = table().names.write().unwrap_or_else(|e| e.into_inner());
    if n.contains_key(&name) || n.values().any(|p| *p == pid) {
        return false;
    }
    n.insert(name, pid);
    true
}

/// Removes a registration; false if the name was not registered.
pub fn unregister(name: Atom) -> bool {
    table()
        .names
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&name)
        .is_some()
}

/// Every registered name.
pub fn registered() -> Vec<Atom> {
    table()
        .names
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .keys()
        .copied()
        .collect()
}

/// Every live pid.
pub fn processes() -> Vec<Term> {
    let mut v: Vec<u64> = table()
        .procs
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .keys()
        .copied()
        .collect();
    v.sort_unstable();
    v.into_iter().map(Term::pid).collect()
}

/// Puts a handle on the run queue.
pub fn make_runnable(h: &Arc<Handle>) {
    let t = table();
    t.runq
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push_back(h.clone());
    t.wakeup.notify_one();
}

/// Why spawning failed.
#[derive(Debug)]
pub enum SpawnError {
    /// `args` is not a proper list.
    BadArgs,
}

/// Spawns `module:function(args...)` with `group_leader`; `args` is a list on some heap and
/// is copied. The module is loaded on first call, as any call would.
pub fn spawn(
    module: Atom,
    function: Atom,
    args: Term,
    group_leader: Term,
    link_to: Option<Term>,
) -> Result<Term, SpawnError> {
    let argv = build::list_to_vec(args).ok_or(SpawnError::BadArgs)?;
    let t = table();
    let id = t.next_id.fetch_add(1, Ordering::Relaxed);
    let pid = Term::pid(id);
    let inbox = Arc::new(Inbox::default());
    let mfa = Mfa {
        module,
        function,
        arity: argv.len() as u32,
    };
    let mut p = Box::new(Process::new(pid, inbox.clone(), group_leader, mfa));
    let words: usize = argv.iter().map(|a| size_of(*a)).sum();
    if words > p.heap.free_words() {
        let mut none = NoRoots;
        enigma_heap::collect(&mut p.heap, words, &mut none, false);
    }
    for a in &argv {
        let c = copy_term(*a, &mut p.heap);
        p.saved_x.push(c);
    }
    p.stack.push(Term::cp(NORMAL_EXIT.as_ptr() as usize));
    let export = code::export_entry(module, function, argv.len() as u32);
    let _ = code::load::ensure_loaded(module);
    p.pc = match export.code_address() {
        0 => UNDEF_ENTRY.as_ptr(),
        a => a as *const Op,
    };
    if export.code_address() == 0 {
        // Report `undef` from the process itself, as BEAM does (with the call's MFA).
        p.saved_x.clear();
        let arg_list = args_copy(&mut p, &argv);
        let mfa_t = build::tuple(
            &mut p.heap,
            &[Term::atom(module), Term::atom(function), arg_list],
        );
        p.saved_x.push(mfa_t);
    }
    if let Some(parent) = link_to {
        p.links.push(parent);
    }
    let h = Arc::new(Handle {
        pid,
        inbox,
        slot: Mutex::new(Some(p)),
    });
    t.procs
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(id, h.clone());
    make_runnable(&h);
    Ok(pid)
}

fn args_copy(p: &mut Process, argv: &[Term]) -> Term {
    let copies: Vec<Term> = argv.iter().map(|a| copy_term(*a, &mut p.heap)).collect();
    build::list(&mut p.heap, &copies)
}

struct NoRoots;
impl enigma_heap::Roots for NoRoots {
    fn for_each_root(&mut self, _visit: &mut dyn FnMut(&mut [Term])) {}
}

/// Entry of a process whose initial function does not exist: raises `undef`.
static UNDEF_ENTRY: [Op; 1] = [Op::Unimplemented("undef")];

/// How the VM stopped.
#[derive(Debug)]
pub enum VmExit {
    /// The main process ended normally.
    Normal,
    /// The main process crashed (the report was printed).
    Crashed,
    /// `erlang:halt(Status)`.
    Halt(i32),
    /// Every process is waiting and nothing can wake them.
    Deadlock,
}

/// Runs processes until `main` exits or the VM halts.
pub fn run_until(main: Term) -> VmExit {
    let t = table();
    let mut em = Emulator::default();
    loop {
        let h = match next_runnable(t) {
            Some(h) => h,
            None => return VmExit::Deadlock,
        };
        let Some(mut p) = h.slot.lock().unwrap_or_else(|e| e.into_inner()).take() else {
            continue;
        };
        let outcome = run(&mut em, &mut p, REDUCTION_BUDGET);
        match outcome {
            RunOutcome::Yield => {
                *h.slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(p);
                make_runnable(&h);
            }
            RunOutcome::Wait => {
                if let Some(d) = p.timer_deadline {
                    let id = p.pid.as_local_pid().unwrap_or(0);
                    t.timers
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(Reverse((d, id)));
                }
                *h.slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(p);
            }
            RunOutcome::Halt(status) => return VmExit::Halt(status),
            RunOutcome::Exit { class } => {
                let crashed = class.is_some() && p.exit_reason != Term::atom(atom::NORMAL);
                // As erl's error logger: an error exception is reported; exit/1 is not.
                if crashed && class == Some(Class::Error) {
                    report_crash(&p);
                }
                exit_process(&h, &mut p);
                if h.pid == main {
                    return if crashed {
                        VmExit::Crashed
                    } else {
                        VmExit::Normal
                    };
                }
            }
        }
    }
}

/// Takes the next runnable process, firing due timers, sleeping while there is none.
fn next_runnable(t: &Table) -> Option<Arc<Handle>> {
    loop {
        fire_timers(t);
        super::timers::fire_due(Instant::now());
        let mut q = t.runq.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(h) = q.pop_front() {
            return Some(h);
        }
        let receive_deadline = t
            .timers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .peek()
            .map(|Reverse((d, _))| *d);
        let next_deadline = match (receive_deadline, super::timers::next_deadline()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match next_deadline {
            Some(d) => {
                let now = Instant::now();
                if d > now {
                    let _ = t.wakeup.wait_timeout(q, d - now);
                }
            }
            None => {
                // Nothing runnable and no timer: only another thread (none yet) could wake
                // anyone, so every process is blocked for good.
                return None;
            }
        }
    }
}

fn fire_timers(t: &Table) {
    let now = Instant::now();
    loop {
        let due = {
            let mut timers = t.timers.lock().unwrap_or_else(|e| e.into_inner());
            match timers.peek() {
                Some(Reverse((d, _))) if *d <= now => timers.pop().map(|Reverse(x)| x),
                _ => None,
            }
        };
        let Some((deadline, id)) = due else { return };
        let Some(h) = lookup(Term::pid(id)) else {
            continue;
        };
        let mut slot = h.slot.lock().unwrap_or_else(|e| e.into_inner());
        let Some(p) = slot.as_mut() else { continue };
        if p.timer_deadline == Some(deadline) && h.inbox.wake() {
            p.timed_out = true;
            drop(slot);
            make_runnable(&h);
        }
    }
}

/// Removes a process that exited and signals its links.
fn exit_process(h: &Arc<Handle>, p: &mut Process) {
    let t = table();
    if let Some(id) = h.pid.as_local_pid() {
        t.procs
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id);
    }
    t.names
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|_, pid| *pid != h.pid);
    let reason = p.exit_reason;
    // Tables go first (deleted, or handed to their heir), as BEAM does before links.
    super::ets::owner_exited(h.pid);
    for link in std::mem::take(&mut p.links) {
        super::signals::exit_signal(link, h.pid, reason);
    }
    super::monitors::process_exited(h.pid, std::mem::take(&mut p.monitors), reason);
    // Other resources the process owned: open files (and their buffers), zlib streams.
    crate::bifs::prim_file::owner_exited(h.pid);
    crate::bifs::zlib::owner_exited(h.pid);
    p.heap.clear();
}

/// Prints BEAM's report for a process that crashed: its exit value, which for an error is
/// already `{Reason, Stack}`.
fn report_crash(p: &Process) {
    let mut value = String::new();
    enigma_term::print::write_term(&mut value, p.exit_reason);
    let id = p.pid.as_local_pid().unwrap_or(0);
    eprintln!(
        "=ERROR REPORT====\nError in process <0.{}.{}> with exit value:\n{}\n",
        id & 0xFFF_FFFF,
        id >> 28,
        value
    );
}
/// Runs `f` on a process that is not running (in its slot); `None` if it is running or gone.
pub fn with_process<R>(h: &Arc<Handle>, f: impl FnOnce(&mut Process) -> R) -> Option<R> {
    let mut slot = h.slot.lock().unwrap_or_else(|e| e.into_inner());
    slot.as_mut().map(|p| f(p))
}

/// Kills a process that is not running, with `reason` (copied onto its heap).
pub fn kill(h: &Arc<Handle>, reason: Term) {
    let taken = h.slot.lock().unwrap_or_else(|e| e.into_inner()).take();
    let Some(mut p) = taken else { return };
    let r = copy_term(reason, &mut p.heap);
    p.exit_reason = r;
    exit_process(h, &mut p);
}
