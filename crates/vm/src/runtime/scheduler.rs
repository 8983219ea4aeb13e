//! The schedulers: one OS thread per core, each with its own run queue, taking work from
//! the others when its own is empty.
//!
//! A runnable process is a [`Handle`] in exactly one run queue. A scheduler takes it out,
//! takes the process out of the handle's slot, handles its pending signals, runs it for a
//! reduction budget and puts it back: into the slot, and into its own run queue again if it
//! only ran out of reductions. Processes are not Rust futures or OS threads: the loop owns
//! the running process exclusively and counts its reductions, so a process that loops
//! forever is switched out like any other.
//!
//! Run queues hold one queue per priority. `max` and `high` processes always go first;
//! `normal` and `low` share the rest, a `low` process running once for every
//! [`LOW_SKIPS`] `normal` ones (as BEAM does).
//!
//! Waking: a process made runnable by a scheduler thread goes to that scheduler's queue (the
//! sender's caches are warm, and a message ping-pong stays on one core). A sleeping
//! scheduler is woken only when that queue holds more than one process, so that spare
//! work spreads without waking a second core for every message. Wake-ups from other threads
//! (timers) always wake a scheduler. A scheduler with nothing to do and nothing to steal
//! sleeps on a condition variable: an idle VM uses no CPU.

use std::cell::Cell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Duration;

use enigma_term::Term;

use super::table::Handle;
use crate::emulator::run::{run, Emulator, RunOutcome, REDUCTION_BUDGET};
use enigma_heap::allocator::IdleCollector;

/// A `low` process is picked once for every this many `normal` picks.
const LOW_SKIPS: u32 = 8;

/// Rounds an idle scheduler checks the run queues before it sleeps (a few microseconds).
const SPIN_ROUNDS: u32 = 2000;

/// How the VM stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VmExit {
    /// The watched (main) process ended normally.
    Normal,
    /// The watched process crashed (the report was printed).
    Crashed,
    /// `erlang:halt(Status)`.
    Halt(i32),
    /// Every process is waiting and nothing can wake them.
    Deadlock,
}

#[derive(Default)]
struct RunQueues {
    by_priority: [VecDeque<Arc<Handle>>; 4],
    /// `normal` picks since the last `low` one.
    normal_streak: u32,
}

impl RunQueues {
    fn pop(&mut self) -> Option<Arc<Handle>> {
        let [max, high, normal, low] = &mut self.by_priority;
        if let Some(h) = max.pop_front() {
            return Some(h);
        }
        if let Some(h) = high.pop_front() {
            return Some(h);
        }
        if self.normal_streak >= LOW_SKIPS || normal.is_empty() {
            if let Some(h) = low.pop_front() {
                self.normal_streak = 0;
                return Some(h);
            }
        }
        let h = normal.pop_front()?;
        self.normal_streak += 1;
        Some(h)
    }

    /// Takes work for another scheduler: half of the `normal` and `low` queues, from the
    /// back (a high-priority process is best left where it is about to run, unless it is
    /// all there is). Taking half at once keeps a thief from coming back for every process.
    fn steal(&mut self, into: &mut Vec<Arc<Handle>>) {
        let [max, high, normal, low] = &mut self.by_priority;
        for q in [normal, low] {
            let n = q.len().div_ceil(2);
            into.extend(q.drain(q.len() - n..));
        }
        if into.is_empty() {
            if let Some(h) = high.pop_back().or_else(|| max.pop_back()) {
                into.push(h);
            }
        }
    }
}

struct Scheduler {
    queues: Mutex<RunQueues>,
    /// Processes in `queues` (read without the lock by idle schedulers).
    len: AtomicUsize,
    /// The process running on this scheduler: its pid number plus one, 0 when none (for
    /// the crash dump's `=scheduler` sections).
    running: AtomicU64,
}

struct Vm {
    scheds: Vec<Scheduler>,
    sleep: Mutex<()>,
    sleep_cv: Condvar,
    sleepers: AtomicUsize,
    /// Round-robin target for wake-ups from non-scheduler threads.
    next_inject: AtomicUsize,
    /// The process `run_until` waits for (a pid number, or `u64::MAX`).
    watched: AtomicU64,
    done: Mutex<Option<VmExit>>,
    done_cv: Condvar,
    /// Reductions of every finished time slice (for `statistics(reductions)`).
    reductions: AtomicU64,
    /// `halt` was called: schedulers stop picking work.
    stopping: AtomicBool,
    /// Schedulers `0..online` run processes (`system_flag(schedulers_online, N)`); the
    /// others hand their queues over and wait on `offline_cv` until brought back.
    online: AtomicUsize,
    /// The processes that blocked multi-scheduling, once per `block` not yet undone; while
    /// any, only scheduler 0 runs processes (`blocked` mirrors `!blockers.is_empty()`).
    blockers: Mutex<Vec<Term>>,
    blocked: AtomicBool,
    offline_cv: Condvar,
    /// Offline schedulers waiting on `offline_cv` (changed under the `sleep` lock).
    parked_offline: AtomicUsize,
    /// The VM stands still (the BREAK menu): schedulers stop between time slices and
    /// wait on `offline_cv` until it is cleared.
    paused: AtomicBool,
    /// Schedulers stopped by `paused` (changed under the `sleep` lock).
    parked_paused: AtomicUsize,
    /// Signalled when a scheduler stops for a pause.
    paused_cv: Condvar,
}

static CONFIGURED: AtomicUsize = AtomicUsize::new(0);

/// Sets the number of schedulers (`+S N`); only before the first process is spawned.
pub fn configure(n: usize) {
    CONFIGURED.store(n.clamp(1, 1024), Ordering::Relaxed);
}

/// The number of logical processors, read once: the standard library reads the cgroup
/// files again at every call (a boot asked about a thousand times).
pub fn logical_processors() -> usize {
    static N: OnceLock<usize> = OnceLock::new();
    *N.get_or_init(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    })
}

/// The number of schedulers the VM runs (or will run).
pub fn count() -> usize {
    match CONFIGURED.load(Ordering::Relaxed) {
        0 => logical_processors(),
        n => n,
    }
}

fn vm() -> &'static Vm {
    static VM: OnceLock<Vm> = OnceLock::new();
    let vm = VM.get_or_init(|| Vm {
        scheds: (0..count())
            .map(|_| Scheduler {
                queues: Mutex::new(RunQueues::default()),
                len: AtomicUsize::new(0),
                running: AtomicU64::new(0),
            })
            .collect(),
        sleep: Mutex::new(()),
        sleep_cv: Condvar::new(),
        sleepers: AtomicUsize::new(0),
        next_inject: AtomicUsize::new(0),
        watched: AtomicU64::new(u64::MAX),
        done: Mutex::new(None),
        done_cv: Condvar::new(),
        reductions: AtomicU64::new(0),
        stopping: AtomicBool::new(false),
        online: AtomicUsize::new(count()),
        blockers: Mutex::new(Vec::new()),
        blocked: AtomicBool::new(false),
        offline_cv: Condvar::new(),
        parked_offline: AtomicUsize::new(0),
        paused: AtomicBool::new(false),
        parked_paused: AtomicUsize::new(0),
        paused_cv: Condvar::new(),
    });
    start_threads(vm);
    vm
}

fn start_threads(vm: &'static Vm) {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        for i in 0..vm.scheds.len() {
            let spawned = std::thread::Builder::new()
                .name(format!("enigma-sched-{}", i + 1))
                .spawn(move || scheduler_loop(vm, i));
            if let Err(e) = spawned {
                eprintln!("enigma: cannot start scheduler thread {}: {e}", i + 1);
                std::process::exit(1);
            }
        }
    });
}

thread_local! {
    /// The index of the scheduler this thread runs, if it is a scheduler thread.
    static CURRENT: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// The scheduler this thread runs (1-based, as `erlang:system_info(scheduler_id)`).
pub fn current_id() -> Option<usize> {
    let i = CURRENT.with(|c| c.get());
    (i != usize::MAX).then_some(i + 1)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// How many schedulers run processes now.
fn active(vm: &Vm) -> usize {
    if vm.blocked.load(Ordering::SeqCst) {
        1
    } else {
        vm.online.load(Ordering::SeqCst)
    }
}

/// `system_info(schedulers_online)` (blocking multi-scheduling does not change it).
pub fn online() -> usize {
    vm().online.load(Ordering::SeqCst)
}

/// `system_flag(schedulers_online, n)` (1 <= n <= [`count`]): returns the previous value.
pub fn set_online(n: usize) -> usize {
    let vm = vm();
    let old = vm
        .online
        .swap(n.clamp(1, vm.scheds.len()), Ordering::SeqCst);
    reconsider(vm);
    old
}

/// `system_flag(multi_scheduling, block | unblock)` by `pid`: each `block` must be undone
/// by an `unblock` of the same process (or its exit). Returns whether multi-scheduling is
/// blocked afterwards.
pub fn block_multi_scheduling(pid: Term, block: bool) -> bool {
    let vm = vm();
    let blocked = {
        let mut b = lock(&vm.blockers);
        if block {
            b.push(pid);
        } else if let Some(i) = b.iter().position(|p| *p == pid) {
            b.remove(i);
        }
        vm.blocked.store(!b.is_empty(), Ordering::SeqCst);
        !b.is_empty()
    };
    reconsider(vm);
    blocked
}

/// A process exited: the blocks it still held end.
pub fn release_blocks_of(pid: Term) {
    let vm = vm();
    if !vm.blocked.load(Ordering::SeqCst) {
        return;
    }
    {
        let mut b = lock(&vm.blockers);
        b.retain(|p| *p != pid);
        vm.blocked.store(!b.is_empty(), Ordering::SeqCst);
    }
    reconsider(vm);
}

/// Whether multi-scheduling is blocked (`system_info(multi_scheduling)`).
pub fn multi_scheduling_blocked() -> bool {
    vm().blocked.load(Ordering::SeqCst)
}

/// The processes blocking multi-scheduling (`system_info(multi_scheduling_blockers)`).
pub fn multi_scheduling_blockers() -> Vec<Term> {
    let mut pids: Vec<Term> = Vec::new();
    for p in lock(&vm().blockers).iter() {
        if !pids.contains(p) {
            pids.push(*p);
        }
    }
    pids
}

/// After the active count changed: offline schedulers notice (and hand over their work),
/// schedulers brought back wake up, sleeping ones look at the queues again.
fn reconsider(vm: &Vm) {
    let _g = lock(&vm.sleep);
    vm.offline_cv.notify_all();
    vm.sleep_cv.notify_all();
}

/// Puts `h` in the run queue of scheduler `i` (of an active one instead, if `i` is taken
/// offline); returns that queue's new length.
fn push(vm: &Vm, i: usize, h: Arc<Handle>) -> usize {
    let active = active(vm);
    let i = if i < active { i } else { i % active };
    let s = &vm.scheds[i];
    let prio = h.priority() as usize;
    let mut q = lock(&s.queues);
    q.by_priority[prio].push_back(h);
    s.len.fetch_add(1, Ordering::SeqCst) + 1
}

fn wake_one(vm: &Vm) {
    if vm.sleepers.load(Ordering::SeqCst) > 0 {
        let _g = lock(&vm.sleep);
        vm.sleep_cv.notify_one();
    }
}

/// Makes a process runnable (it was waiting, or is new).
pub fn make_runnable(h: &Arc<Handle>) {
    let vm = vm();
    match CURRENT.with(|c| c.get()) {
        usize::MAX => {
            let i = vm.next_inject.fetch_add(1, Ordering::Relaxed) % active(vm);
            push(vm, i, h.clone());
            // Under the sleep lock, which a scheduler holds from its look at the queues to
            // its deadlock verdict: a verdict reached before this push no longer holds.
            let _g = lock(&vm.sleep);
            {
                let mut d = lock(&vm.done);
                if *d == Some(VmExit::Deadlock) {
                    *d = None;
                }
            }
            vm.sleep_cv.notify_one();
        }
        i => {
            if push(vm, i, h.clone()) > 1 {
                wake_one(vm);
            }
        }
    }
}

/// Processes waiting in each scheduler's run queue (`statistics(run_queue_lengths)`).
pub fn run_queue_lengths() -> Vec<usize> {
    vm().scheds
        .iter()
        .map(|s| s.len.load(Ordering::Relaxed))
        .collect()
}

/// Reductions of every finished time slice (`statistics(reductions)`).
pub fn total_reductions() -> u64 {
    vm().reductions.load(Ordering::Relaxed)
}

fn pick(vm: &Vm, i: usize) -> Option<Arc<Handle>> {
    let own = &vm.scheds[i];
    if own.len.load(Ordering::SeqCst) > 0 {
        let mut q = lock(&own.queues);
        if let Some(h) = q.pop() {
            own.len.fetch_sub(1, Ordering::SeqCst);
            return Some(h);
        }
    }
    let n = vm.scheds.len();
    let mut loot = Vec::new();
    for k in 1..n {
        let victim = &vm.scheds[(i + k) % n];
        if victim.len.load(Ordering::SeqCst) == 0 {
            continue;
        }
        lock(&victim.queues).steal(&mut loot);
        if loot.is_empty() {
            continue;
        }
        victim.len.fetch_sub(loot.len(), Ordering::SeqCst);
        let first = loot.remove(0);
        if !loot.is_empty() {
            let mut q = lock(&own.queues);
            own.len.fetch_add(loot.len(), Ordering::SeqCst);
            for h in loot.drain(..) {
                let prio = h.priority() as usize;
                q.by_priority[prio].push_back(h);
            }
        }
        return Some(first);
    }
    None
}

/// Looks for work a little longer before sleeping: a wake-up through the condition
/// variable costs a system call on both sides, and work often turns up within microseconds
/// (a reply to the message just sent).
fn spin_for_work(vm: &Vm, i: usize) -> Option<Arc<Handle>> {
    for _ in 0..SPIN_ROUNDS {
        if vm.scheds.iter().any(|s| s.len.load(Ordering::Relaxed) > 0) {
            if let Some(h) = pick(vm, i) {
                return Some(h);
            }
        }
        std::hint::spin_loop();
    }
    None
}

/// A scheduler taken offline: its queued processes go to the active schedulers, then it
/// waits until it is brought back (or the VM stops).
fn go_offline(vm: &Vm, i: usize) {
    let own = &vm.scheds[i];
    let mut moved = Vec::new();
    {
        let mut q = lock(&own.queues);
        for level in q.by_priority.iter_mut() {
            moved.extend(level.drain(..));
        }
        own.len.fetch_sub(moved.len(), Ordering::SeqCst);
    }
    for h in moved {
        push(vm, i, h);
    }
    // An offline scheduler gives back the memory its thread holds.
    enigma_heap::allocator::return_free_memory();
    let mut g = lock(&vm.sleep);
    // Schedulers still active may have to take over what was moved.
    vm.sleep_cv.notify_all();
    vm.parked_offline.fetch_add(1, Ordering::SeqCst);
    while i >= active(vm) && !vm.stopping.load(Ordering::SeqCst) {
        g = vm.offline_cv.wait(g).unwrap_or_else(|e| e.into_inner());
    }
    vm.parked_offline.fetch_sub(1, Ordering::SeqCst);
}

/// Sleeps until there may be work. The sleeper count goes up before the queues are looked
/// at, and a waker pushes before it reads the count: either the sleeper sees the work or
/// the waker sees the sleeper (and must take the lock held until the sleeper waits).
fn sleep(vm: &Vm) {
    let g = lock(&vm.sleep);
    let asleep = vm.sleepers.fetch_add(1, Ordering::SeqCst) + 1;
    let work = vm.scheds.iter().any(|s| s.len.load(Ordering::SeqCst) > 0);
    // A pause asked for before this lock was taken would never wake this sleeper.
    if (work && !vm.stopping.load(Ordering::SeqCst)) || vm.paused.load(Ordering::SeqCst) {
        vm.sleepers.fetch_sub(1, Ordering::SeqCst);
        return;
    }
    let parked = vm.parked_offline.load(Ordering::SeqCst);
    if asleep + parked == vm.scheds.len()
        && super::timers::idle()
        && !NEVER_DEADLOCK.load(Ordering::Relaxed)
        && !super::ports::any_open()
        && !super::dirty::busy()
    {
        // Nothing runs, nothing is queued and no timer can fire: every process waits for
        // a message nobody can send.
        finish(vm, VmExit::Deadlock);
    }
    let g = vm.sleep_cv.wait(g).unwrap_or_else(|e| e.into_inner());
    drop(g);
    vm.sleepers.fetch_sub(1, Ordering::SeqCst);
}

fn finish(vm: &Vm, how: VmExit) {
    let mut d = lock(&vm.done);
    if d.is_none() {
        *d = Some(how);
    }
    vm.done_cv.notify_all();
}

/// Stops this scheduler while the VM is paused.
fn wait_while_paused(vm: &Vm) {
    let mut g = lock(&vm.sleep);
    vm.parked_paused.fetch_add(1, Ordering::SeqCst);
    vm.paused_cv.notify_all();
    while vm.paused.load(Ordering::SeqCst) {
        g = vm.offline_cv.wait(g).unwrap_or_else(|e| e.into_inner());
    }
    vm.parked_paused.fetch_sub(1, Ordering::SeqCst);
}

/// Stops every scheduler between time slices, as BEAM blocks thread progress for its
/// BREAK menu: when this returns, no process runs and every live process rests in its
/// slot, until [`resume`]. A scheduler still busy after `patience` (a long native call)
/// is not waited for longer; `false` then.
pub fn pause(patience: Duration) -> bool {
    pause_others(patience, false)
}

/// As [`pause`], for a crash dump: called on a scheduler thread (a process's `halt/1`, a
/// system process's death, an allocation that failed), that scheduler counts as stopped
/// although it is the one asking; the process it runs is the caller's to show. The VM
/// never resumes after a dump.
pub fn pause_for_dump(patience: Duration) -> bool {
    pause_others(patience, current_id().is_some())
}

fn pause_others(patience: Duration, caller_is_scheduler: bool) -> bool {
    let vm = vm();
    let deadline = std::time::Instant::now() + patience;
    let mut g = lock(&vm.sleep);
    vm.paused.store(true, Ordering::SeqCst);
    // Sleeping schedulers wake up, see the pause and stop.
    vm.sleep_cv.notify_all();
    loop {
        let stopped = vm.parked_paused.load(Ordering::SeqCst)
            + vm.parked_offline.load(Ordering::SeqCst)
            + usize::from(caller_is_scheduler);
        if stopped >= vm.scheds.len() {
            return true;
        }
        let now = std::time::Instant::now();
        if now >= deadline {
            return false;
        }
        g = vm
            .paused_cv
            .wait_timeout(g, deadline - now)
            .map(|(g, _)| g)
            .unwrap_or_else(|e| e.into_inner().0);
    }
}

/// Stops the calling thread for good, while another thread ends the VM: a scheduler
/// thread counts as paused (so that a crash dump's pause does not wait for it).
pub fn stand_still_forever() -> ! {
    let vm = vm();
    let mut g = lock(&vm.sleep);
    if current_id().is_some() {
        vm.parked_paused.fetch_add(1, Ordering::SeqCst);
        vm.paused_cv.notify_all();
    }
    loop {
        g = vm.offline_cv.wait(g).unwrap_or_else(|e| e.into_inner());
    }
}

/// The process running on this thread's scheduler, if this is a scheduler thread.
pub fn running_pid() -> Option<Term> {
    let i = CURRENT.with(|c| c.get());
    let n = vm().scheds.get(i)?.running.load(Ordering::Relaxed);
    (n != 0).then(|| Term::pid(n - 1))
}

/// What a crash dump shows of one scheduler.
pub struct SchedulerInfo {
    /// 1-based, as `erlang:system_info(scheduler_id)`.
    pub id: usize,
    /// Processes queued at `max`, `high`, `normal` and `low` priority.
    pub queued: [usize; 4],
    /// The process it runs now.
    pub running: Option<Term>,
}

/// Each scheduler's run queue and running process, without waiting for a lock that
/// the thread writing a crash dump may hold itself.
pub fn dump_info() -> Vec<SchedulerInfo> {
    vm().scheds
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let queued = match s.queues.try_lock() {
                Ok(q) => q.by_priority.each_ref().map(VecDeque::len),
                Err(std::sync::TryLockError::Poisoned(q)) => {
                    q.into_inner().by_priority.each_ref().map(VecDeque::len)
                }
                // Held right now: only the total is known, shown as `normal`.
                Err(std::sync::TryLockError::WouldBlock) => [0, 0, s.len.load(Ordering::SeqCst), 0],
            };
            let running = match s.running.load(Ordering::SeqCst) {
                0 => None,
                n => Some(Term::pid(n - 1)),
            };
            SchedulerInfo {
                id: i + 1,
                queued,
                running,
            }
        })
        .collect()
}

/// Lets the schedulers run again after [`pause`].
pub fn resume() {
    let vm = vm();
    let _g = lock(&vm.sleep);
    vm.paused.store(false, Ordering::SeqCst);
    vm.offline_cv.notify_all();
    vm.sleep_cv.notify_all();
}

fn scheduler_loop(vm: &'static Vm, i: usize) {
    CURRENT.with(|c| c.set(i));
    let mut em = Emulator::default();
    let mut memory = IdleCollector::default();
    loop {
        if vm.paused.load(Ordering::SeqCst) {
            wait_while_paused(vm);
            continue;
        }
        if vm.stopping.load(Ordering::Relaxed) {
            sleep(vm);
            continue;
        }
        if i >= active(vm) {
            go_offline(vm, i);
            continue;
        }
        let Some(h) = pick(vm, i).or_else(|| spin_for_work(vm, i)) else {
            // Out of work: a good moment to give freed memory back to the OS.
            memory.on_idle();
            sleep(vm);
            continue;
        };
        let Some(mut p) = h.take() else {
            // It exited while queued (killed while switched out).
            continue;
        };
        if let Err(reason) = super::signals::handle(&mut p) {
            p.exit_reason = reason;
            exited(vm, &h, p);
            continue;
        }
        if !p.pending_tasks.is_empty() {
            super::signals::run_pending_tasks(&mut p);
        }
        if p.is_suspended() {
            // Not run until resumed; it still handles signals (a resume, a kill) when
            // they wake it.
            park(vm, i, h, p);
            continue;
        }
        p.slice_start_reductions = p.reductions;
        let timed = wall_time::enabled().then(std::time::Instant::now);
        let me = &vm.scheds[i];
        me.running
            .store(p.pid.as_local_pid().map_or(0, |n| n + 1), Ordering::Relaxed);
        let outcome = run(&mut em, &mut p, REDUCTION_BUDGET);
        me.running.store(0, Ordering::Relaxed);
        if let Some(t0) = timed {
            wall_time::add_active(i, t0.elapsed());
        }
        vm.reductions.fetch_add(
            p.reductions.saturating_sub(p.slice_start_reductions),
            Ordering::Relaxed,
        );
        p.slice_start_reductions = p.reductions;
        match outcome {
            RunOutcome::Yield => {
                h.put(p);
                if push(vm, i, h) > 1 {
                    wake_one(vm);
                }
            }
            // A collection asked for while it ran is done before it waits.
            RunOutcome::Wait if !p.pending_tasks.is_empty() => {
                h.put(p);
                push(vm, i, h);
            }
            RunOutcome::Wait => park(vm, i, h, p),
            RunOutcome::Dirty(bif) => super::dirty::submit(h, p, bif),
            RunOutcome::Halt(status) => {
                h.put(p);
                vm.stopping.store(true, Ordering::SeqCst);
                finish(vm, VmExit::Halt(status));
            }
            RunOutcome::Exit { class } => {
                // As erl's error logger: an error exception is reported; exit/1 is not.
                let report = class == Some(crate::emulator::exception::Class::Error);
                if h.system {
                    super::fatal::system_process_terminated(&p, p.exit_reason, report);
                }
                if report {
                    super::exit::report_crash(&p);
                }
                exited(vm, &h, p);
            }
        }
    }
}

/// Puts a process that waits (for a message, or to be resumed) back in its slot. Parked
/// only if no signal arrived since it last looked; otherwise it is queued to run again at
/// once. Decided under the slot's lock, so that a BIF handling the process's signals on its
/// behalf (`process_info`) cannot move a message in between and leave it parked with the
/// message unseen.
fn park(vm: &Vm, i: usize, h: Arc<Handle>, p: Box<crate::process::Process>) {
    let parked = h.with_slot(|slot| {
        *slot = Some(p);
        h.inbox.wait_if_empty()
    });
    if !parked {
        push(vm, i, h);
    }
}

/// Ends a process that a signal killed while another process held it (see
/// `process_info`), as the scheduler would have.
pub fn end_switched_out(h: &Arc<Handle>, p: Box<crate::process::Process>) {
    exited(vm(), h, p);
}

/// Ends an exited process; the watched one's reason decides how `run_until` returns.
fn exited(vm: &Vm, h: &Arc<Handle>, mut p: Box<crate::process::Process>) {
    let crashed = p.exit_reason != Term::atom(enigma_term::atom::NORMAL);
    super::exit::exit_process(h, &mut p);
    drop(p);
    if h.pid.as_local_pid() == Some(vm.watched.load(Ordering::SeqCst)) {
        finish(
            vm,
            if crashed {
                VmExit::Crashed
            } else {
                VmExit::Normal
            },
        );
    }
}

/// Makes `pid` the process [`run_until`] waits for; called before it first runs.
pub fn watch(pid: Term) {
    let vm = vm();
    let mut d = lock(&vm.done);
    if !matches!(*d, Some(VmExit::Halt(_))) {
        *d = None;
    }
    vm.watched
        .store(pid.as_local_pid().unwrap_or(u64::MAX), Ordering::SeqCst);
}

/// Runs processes until the watched process exits or the VM halts (the schedulers go on
/// running other processes after this returns, until the program ends).
pub fn run_until() -> VmExit {
    let vm = vm();
    let mut d = lock(&vm.done);
    loop {
        if let Some(how) = *d {
            return how;
        }
        d = vm.done_cv.wait(d).unwrap_or_else(|e| e.into_inner());
    }
}

/// Set in the real boot: an idle system is not stuck there (a port, a terminal or another
/// node may wake it), and `erl` itself waits forever in that case.
static NEVER_DEADLOCK: AtomicBool = AtomicBool::new(false);

/// Turns off the deadlock verdict (see [`NEVER_DEADLOCK`]).
pub fn never_deadlock() {
    NEVER_DEADLOCK.store(true, Ordering::Relaxed);
}

/// Re-checks for a deadlock after a timer state change (a sleeping scheduler only checks
/// when it goes to sleep): wakes one so that it looks again.
pub fn poke() {
    wake_one(vm());
}

/// Scheduler wall time (`erlang:system_flag(scheduler_wall_time, true)`): how long each
/// scheduler has spent running processes since it was enabled. Measured per time slice,
/// and only while enabled.
pub mod wall_time {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::sync::Mutex;
    use std::time::{Duration, Instant};

    static ENABLED: AtomicBool = AtomicBool::new(false);
    static SINCE: Mutex<Option<Instant>> = Mutex::new(None);
    /// Active nanoseconds per scheduler (up to 1024).
    static ACTIVE: [AtomicU64; 1024] = [const { AtomicU64::new(0) }; 1024];

    pub fn enabled() -> bool {
        ENABLED.load(Ordering::Relaxed)
    }

    /// Turns measuring on (from zero) or off; returns whether it was on.
    pub fn set(on: bool) -> bool {
        let mut since = SINCE.lock().unwrap_or_else(|e| e.into_inner());
        let was = ENABLED.swap(on, Ordering::SeqCst);
        if on && !was {
            for a in ACTIVE.iter() {
                a.store(0, Ordering::Relaxed);
            }
            *since = Some(Instant::now());
        }
        was
    }

    pub(super) fn add_active(i: usize, d: Duration) {
        if let Some(a) = ACTIVE.get(i) {
            a.fetch_add(d.as_nanos() as u64, Ordering::Relaxed);
        }
    }

    /// `(active, total)` nanoseconds of scheduler `i` (0-based), if enabled.
    pub fn read(i: usize) -> Option<(u64, u64)> {
        if !enabled() {
            return None;
        }
        let since = (*SINCE.lock().unwrap_or_else(|e| e.into_inner()))?;
        let total = since.elapsed().as_nanos() as u64;
        let active = ACTIVE.get(i)?.load(Ordering::Relaxed).min(total);
        Some((active, total))
    }
}
