//! A process's signal queue: every signal another process (or a timer) sends it, in the
//! order sent. Messages are only one kind of signal; exits, links, monitors and group-leader
//! changes travel the same queue, so that between two processes they arrive in order.
//!
//! A signal's terms are built by the sender in a heap fragment of their own; the receiver
//! handles its signals itself (see `signals::handle`), adopting the fragments of the messages
//! it keeps.
//!
//! The wake-up protocol: one lock covers the signals, the "waiting" flag and the "closed"
//! flag. A receiver that finds the queue empty marks itself waiting in the same critical
//! section in which a sender would see the flag; a sender that finds the flag set clears it
//! and makes the receiver runnable, so no wake-up is lost and none is doubled. An exiting
//! process closes its queue and answers what was left in it; a sender that finds the queue
//! closed treats the receiver as dead.

use std::sync::Mutex;

use enigma_heap::Fragment;
use enigma_term::{Atom, Term};

/// The work of a system-task request.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SystemTask {
    /// Collect (major or minor), then answer `true`.
    GarbageCollect { major: bool },
    /// Answer whether the process still runs or returns to old code of the module.
    CheckProcessCode { module: Atom },
    /// Answer `ok`: Enigma never frees a literal area, so there is nothing to copy.
    CopyLiterals,
}

/// How an exit signal was sent.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ExitKind {
    /// A linked process exited: only acts if the link still exists.
    Link,
    /// `exit/2`: `kill` cannot be trapped.
    Exit2,
}

/// One signal. Terms in it live in its fragment (or are immediates).
pub enum Signal {
    Message {
        term: Term,
        fragment: Option<Fragment>,
    },
    /// A `'DOWN'` message: also ends the watcher's monitor `reference` (and its alias).
    Down {
        reference: [u32; 3],
        term: Term,
        fragment: Option<Fragment>,
    },
    /// A message sent to an alias: kept only if the alias is still active on arrival.
    AliasMessage {
        alias: [u32; 3],
        term: Term,
        fragment: Option<Fragment>,
    },
    Exit {
        from: Term,
        reason: Term,
        fragment: Option<Fragment>,
        kind: ExitKind,
    },
    Link {
        from: Term,
    },
    Unlink {
        from: Term,
    },
    /// `from` starts monitoring this process.
    Monitor {
        from: Term,
        reference: [u32; 3],
        name: Option<Atom>,
    },
    /// `from` stops monitoring this process.
    Demonitor {
        from: Term,
        reference: [u32; 3],
    },
    GroupLeader {
        leader: Term,
    },
    /// Nothing but a wake-up: a busy port the process waited for has drained.
    Wake,
    /// `erts_internal:request_system_task/3,4`: work the process does on itself and
    /// answers with `{Kind, RequestId, Result}` to `from` (`request_id` lives in
    /// `fragment`).
    SystemTask {
        from: Term,
        task: SystemTask,
        request_id: Term,
        fragment: Option<Fragment>,
    },
    /// The receive timeout numbered `seq` expired.
    Timeout {
        seq: u64,
    },
    /// `from` suspends this process (see `runtime::suspend`).
    Suspend {
        from: Term,
    },
    /// `from` no longer suspends this process.
    Resume {
        from: Term,
    },
    /// The process `from`, which this one suspended, exited.
    SuspendeeGone {
        from: Term,
    },
}

/// What happened to a pushed signal.
pub enum Pushed {
    /// Queued; the receiver is running or already runnable.
    Queued,
    /// Queued; the receiver was waiting and the caller must make it runnable.
    Wake,
    /// The receiver has exited: the signal comes back to the caller.
    Closed(Signal),
}

#[derive(Default)]
struct State {
    signals: Vec<Signal>,
    waiting: bool,
    closed: bool,
}

/// A process's signal queue.
#[derive(Default)]
pub struct Inbox {
    state: Mutex<State>,
}

impl Inbox {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Delivers `s`, telling the caller whether to wake the receiver.
    pub fn push(&self, s: Signal) -> Pushed {
        let mut st = self.lock();
        if st.closed {
            return Pushed::Closed(s);
        }
        st.signals.push(s);
        if std::mem::take(&mut st.waiting) {
            Pushed::Wake
        } else {
            Pushed::Queued
        }
    }

    /// Moves every pending signal, oldest first, into `out` (empty; the two buffers swap,
    /// so neither side allocates once both have grown).
    pub fn take_all(&self, out: &mut Vec<Signal>) {
        let mut st = self.lock();
        std::mem::swap(&mut st.signals, out);
    }

    /// Marks the receiver waiting if nothing is pending; returns whether it now waits.
    pub fn wait_if_empty(&self) -> bool {
        let mut st = self.lock();
        if st.signals.is_empty() {
            st.waiting = true;
            true
        } else {
            false
        }
    }

    /// Closes the queue for good (the process is exiting) and returns what was left in it.
    pub fn close(&self) -> Vec<Signal> {
        let mut st = self.lock();
        st.closed = true;
        st.waiting = false;
        std::mem::take(&mut st.signals)
    }
}
