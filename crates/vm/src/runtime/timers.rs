//! Timers: `receive ... after` timeouts and `erlang:send_after/3,4`, `start_timer/3,4`.
//!
//! One timer thread keeps every pending timer in a binary heap ordered by deadline and
//! sleeps until the earliest one (or until a new, earlier one arrives), so pending timers
//! cost nothing while idle and an idle VM uses no CPU. A heap rather than BEAM's timer
//! wheel: insertion and expiry are O(log n), cancellation is a map removal (the heap entry
//! is skipped when it comes up, and the heap is rebuilt when such entries pile up), and a
//! million pending timers stay cheap.
//!
//! A receive timeout fires as a `Timeout` signal to its process; a message timer delivers
//! its message (which it owns, in a fragment, until then).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use enigma_heap::Fragment;
use enigma_term::{atom, build, Term, VecAlloc};

use super::mailbox::Signal;

/// What a timer is for.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    /// A message timer, by its reference.
    Message([u32; 3]),
    /// A receive timeout, by its number.
    Receive(u64),
}

enum Action {
    Message {
        /// A pid or a registered name.
        dest: Term,
        message: Term,
        _storage: Option<Fragment>,
        /// `start_timer` wraps the message as `{timeout, Ref, Msg}`.
        wrap: bool,
    },
    Receive {
        pid: Term,
    },
}

struct Timer {
    deadline: Instant,
    action: Action,
}

#[derive(Default)]
struct State {
    pending: HashMap<Key, Timer>,
    queue: BinaryHeap<Reverse<(Instant, Key)>>,
    /// Timers taken off `pending` whose delivery has not finished yet.
    firing: usize,
    /// Message timers by destination pid: a process's timers go when it exits.
    by_dest: HashMap<Term, Vec<[u32; 3]>>,
}

impl State {
    fn take(&mut self, key: Key) -> Option<Timer> {
        let t = self.pending.remove(&key)?;
        if let (Key::Message(r), Action::Message { dest, .. }) = (key, &t.action) {
            if let Some(v) = self.by_dest.get_mut(dest) {
                v.retain(|x| *x != r);
                if v.is_empty() {
                    self.by_dest.remove(dest);
                }
            }
        }
        Some(t)
    }
}

struct Service {
    state: Mutex<State>,
    changed: Condvar,
}

fn service() -> &'static Service {
    static S: OnceLock<Service> = OnceLock::new();
    let s = S.get_or_init(|| Service {
        state: Mutex::new(State::default()),
        changed: Condvar::new(),
    });
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        let spawned = std::thread::Builder::new()
            .name("enigma-timers".into())
            .spawn(|| timer_loop(service()));
        if let Err(e) = spawned {
            eprintln!("enigma: cannot start the timer thread: {e}");
            std::process::exit(1);
        }
    });
    s
}

fn lock(s: &Service) -> std::sync::MutexGuard<'_, State> {
    s.state.lock().unwrap_or_else(|e| e.into_inner())
}

fn insert(key: Key, timer: Timer) {
    let s = service();
    let mut st = lock(s);
    let earliest = st.queue.peek().map(|Reverse((d, _))| *d);
    st.queue.push(Reverse((timer.deadline, key)));
    let wake = earliest.is_none_or(|e| timer.deadline < e);
    if let (Key::Message(r), Action::Message { dest, .. }) = (key, &timer.action) {
        if dest.is_local_pid() {
            st.by_dest.entry(*dest).or_default().push(r);
        }
    }
    st.pending.insert(key, timer);
    drop(st);
    if wake {
        s.changed.notify_one();
    }
}

fn remove(key: Key) -> Option<Timer> {
    let s = service();
    let mut st = lock(s);
    let t = st.take(key)?;
    // Cancelled entries stay in the heap until they come up; rebuild when they dominate.
    if st.queue.len() > 1024 && st.queue.len() > 2 * st.pending.len() {
        let live: Vec<_> = st
            .pending
            .iter()
            .map(|(k, t)| Reverse((t.deadline, *k)))
            .collect();
        st.queue = BinaryHeap::from(live);
    }
    Some(t)
}

/// Starts a timer that delivers `message` (copied) to `dest` after `after`; `wrap` for
/// `start_timer`.
pub fn start(reference: [u32; 3], after: Duration, dest: Term, message: Term, wrap: bool) {
    // A timer to a process that is gone is cancelled at once, as BEAM does.
    if dest.is_local_pid() && !super::table::is_alive(dest) {
        return;
    }
    let (msg, storage) = super::send::to_fragment(message);
    insert(
        Key::Message(reference),
        Timer {
            deadline: Instant::now() + after,
            action: Action::Message {
                dest,
                message: msg,
                _storage: storage,
                wrap,
            },
        },
    );
}

/// Cancels a message timer; returns the time it had left, or `None` if it is not pending.
pub fn cancel(reference: [u32; 3]) -> Option<Duration> {
    let t = remove(Key::Message(reference))?;
    Some(t.deadline.saturating_duration_since(Instant::now()))
}

/// The time a message timer has left, or `None` if it is not pending.
pub fn read(reference: [u32; 3]) -> Option<Duration> {
    let st = lock(service());
    st.pending
        .get(&Key::Message(reference))
        .map(|t| t.deadline.saturating_duration_since(Instant::now()))
}

/// Arms a receive timeout for `pid` after `ms` milliseconds; returns its number, which the
/// `Timeout` signal carries.
pub fn start_receive(pid: Term, ms: u64) -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let seq = NEXT.fetch_add(1, Ordering::Relaxed);
    insert(
        Key::Receive(seq),
        Timer {
            deadline: Instant::now() + Duration::from_millis(ms),
            action: Action::Receive { pid },
        },
    );
    seq
}

/// Cancels a receive timeout (the receive matched a message first).
pub fn cancel_receive(seq: u64) {
    remove(Key::Receive(seq));
}

/// Cancels the message timers whose destination is the exiting `pid`.
pub fn process_exited(pid: Term) {
    let mut st = lock(service());
    let Some(refs) = st.by_dest.remove(&pid) else {
        return;
    };
    for r in refs {
        st.pending.remove(&Key::Message(r));
    }
}

/// Each pending message timer, for a crash dump's `=timer` sections: its destination (a
/// pid or a registered name), the message it will deliver as the emulator prints terms,
/// and the milliseconds it has left; in the order they fire.
pub fn message_timers() -> Vec<(Term, String, u64)> {
    // Only tried, for a while (the timer thread holds it for moments): the dump may be
    // written by a thread that holds it itself.
    let s = service();
    let mut tries = 0;
    let st = loop {
        match s.state.try_lock() {
            Ok(st) => break st,
            Err(std::sync::TryLockError::Poisoned(e)) => break e.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) if tries < 100 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(1));
            }
            Err(std::sync::TryLockError::WouldBlock) => return Vec::new(),
        }
    };
    let now = Instant::now();
    let mut timers: Vec<(Instant, Term, String, u64)> = st
        .pending
        .iter()
        .filter_map(|(key, t)| {
            let (
                Key::Message(r),
                Action::Message {
                    dest,
                    message,
                    wrap,
                    ..
                },
            ) = (key, &t.action)
            else {
                return None;
            };
            let mut heap = VecAlloc::new();
            let msg = if *wrap {
                let rt = build::reference(&mut heap, *r);
                build::tuple(&mut heap, &[Term::atom(atom::TIMEOUT), rt, *message])
            } else {
                *message
            };
            let mut text = Vec::new();
            enigma_term::print::display_term(&mut text, msg);
            let left = t.deadline.saturating_duration_since(now).as_millis() as u64;
            Some((
                t.deadline,
                *dest,
                String::from_utf8_lossy(&text).into_owned(),
                left,
            ))
        })
        .collect();
    timers.sort_by_key(|t| t.0);
    timers.into_iter().map(|(_, d, m, l)| (d, m, l)).collect()
}

/// Whether no timer is pending or firing (no timer can wake any process).
pub fn idle() -> bool {
    let st = lock(service());
    st.pending.is_empty() && st.firing == 0
}

fn timer_loop(s: &'static Service) {
    let mut st = lock(s);
    loop {
        let now = Instant::now();
        let mut due = Vec::new();
        while let Some(Reverse((d, key))) = st.queue.peek().copied() {
            if d > now {
                break;
            }
            st.queue.pop();
            if st.pending.get(&key).is_some_and(|t| t.deadline == d) {
                if let Some(t) = st.take(key) {
                    due.push((key, t));
                }
            }
        }
        if !due.is_empty() {
            st.firing += due.len();
            let n = due.len();
            drop(st);
            for (key, t) in due {
                fire(key, t);
            }
            st = lock(s);
            st.firing -= n;
            if st.pending.is_empty() && st.firing == 0 {
                // Sleeping schedulers check for a deadlock only when they go to sleep.
                drop(st);
                super::scheduler::poke();
                st = lock(s);
            }
            continue;
        }
        st = match st.queue.peek() {
            Some(Reverse((d, _))) => {
                let wait = d.saturating_duration_since(now);
                s.changed
                    .wait_timeout(st, wait)
                    .map(|(g, _)| g)
                    .unwrap_or_else(|e| e.into_inner().0)
            }
            None => s.changed.wait(st).unwrap_or_else(|e| e.into_inner()),
        };
    }
}

fn fire(key: Key, t: Timer) {
    match t.action {
        Action::Receive { pid } => {
            if let Key::Receive(seq) = key {
                super::signals::send(pid, Signal::Timeout { seq });
            }
        }
        Action::Message {
            dest,
            message,
            wrap,
            _storage,
        } => {
            let mut heap = VecAlloc::new();
            let msg = match (wrap, key) {
                (true, Key::Message(r)) => {
                    let rt = build::reference(&mut heap, r);
                    build::tuple(&mut heap, &[Term::atom(atom::TIMEOUT), rt, message])
                }
                _ => message,
            };
            let pid = match dest.as_atom() {
                Some(name) => super::table::whereis(name),
                None => Some(dest),
            };
            if let Some(pid) = pid {
                super::send::deliver(pid, msg);
            }
        }
    }
}
