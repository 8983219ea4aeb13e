//! Message timers: `erlang:send_after/3,4` and `start_timer/3,4`. Each timer owns a copy of
//! its message (in a fragment) until it fires or is cancelled; the scheduler calls
//! [`fire_due`] between processes and sleeps no longer than [`next_deadline`].

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use enigma_heap::copy::{copy_term, size_of};
use enigma_heap::Fragment;
use enigma_term::{atom, build, Term, VecAlloc};

/// A pending timer.
struct Timer {
    deadline: Instant,
    /// A pid or a registered name.
    dest: Term,
    message: Term,
    _storage: Fragment,
    /// `start_timer` wraps the message as `{timeout, Ref, Msg}`.
    wrap: bool,
}

#[derive(Default)]
struct Timers {
    pending: HashMap<[u32; 3], Timer>,
    queue: BinaryHeap<Reverse<(Instant, [u32; 3])>>,
}

fn timers() -> &'static Mutex<Timers> {
    static T: OnceLock<Mutex<Timers>> = OnceLock::new();
    T.get_or_init(Default::default)
}

/// Starts a timer that delivers `message` to `dest` after `after`; `wrap` for start_timer.
pub fn start(reference: [u32; 3], after: Duration, dest: Term, message: Term, wrap: bool) {
    let mut frag = Fragment::with_capacity(size_of(message).max(1));
    let msg = copy_term(message, &mut frag);
    let deadline = Instant::now() + after;
    let mut t = timers().lock().unwrap_or_else(|e| e.into_inner());
    t.pending.insert(
        reference,
        Timer {
            deadline,
            dest,
            message: msg,
            _storage: frag,
            wrap,
        },
    );
    t.queue.push(Reverse((deadline, reference)));
}

/// Cancels a timer; returns the time it had left, or `None` if it is not pending.
pub fn cancel(reference: [u32; 3]) -> Option<Duration> {
    let mut t = timers().lock().unwrap_or_else(|e| e.into_inner());
    let timer = t.pending.remove(&reference)?;
    Some(timer.deadline.saturating_duration_since(Instant::now()))
}

/// The time a timer has left, or `None` if it is not pending.
pub fn read(reference: [u32; 3]) -> Option<Duration> {
    let t = timers().lock().unwrap_or_else(|e| e.into_inner());
    t.pending
        .get(&reference)
        .map(|timer| timer.deadline.saturating_duration_since(Instant::now()))
}

/// The earliest pending deadline.
pub fn next_deadline() -> Option<Instant> {
    let mut t = timers().lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let Reverse((d, r)) = *t.queue.peek()?;
        if t.pending.contains_key(&r) {
            return Some(d);
        }
        t.queue.pop();
    }
}

/// Delivers every timer due by `now`, in deadline order.
pub fn fire_due(now: Instant) {
    loop {
        let fired = {
            let mut t = timers().lock().unwrap_or_else(|e| e.into_inner());
            match t.queue.peek() {
                Some(Reverse((d, _))) if *d <= now => {
                    let Some(Reverse((_, r))) = t.queue.pop() else {
                        return;
                    };
                    t.pending.remove(&r).map(|timer| (r, timer))
                }
                _ => return,
            }
        };
        let Some((r, timer)) = fired else { continue };
        let mut heap = VecAlloc::new();
        let msg = if timer.wrap {
            let rt = build::reference(&mut heap, r);
            build::tuple(&mut heap, &[Term::atom(atom::TIMEOUT), rt, timer.message])
        } else {
            timer.message
        };
        let pid = match timer.dest.as_atom() {
            Some(name) => super::scheduler::whereis(name),
            None => Some(timer.dest),
        };
        if let Some(pid) = pid {
            super::send::deliver(pid, msg);
        }
    }
}
