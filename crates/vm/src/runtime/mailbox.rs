//! The inbox other processes deliver to. A message is built by its sender in a heap fragment
//! of its own; the receiver moves it to its private queue and adopts the fragment.
//!
//! The wake-up protocol: the inbox's lock covers both the messages and the "waiting" flag,
//! so a receiver that finds the inbox empty marks itself waiting in the same critical section
//! in which a sender would see the flag. A sender that finds the flag set clears it and makes
//! the receiver runnable; no wake-up is lost and none is doubled.

use std::sync::Mutex;

use enigma_heap::Fragment;
use enigma_term::Term;

/// One delivered message.
pub struct Message {
    pub term: Term,
    /// The fragment the term lives in (`None` for immediates).
    pub fragment: Option<Fragment>,
}

#[derive(Default)]
struct State {
    messages: Vec<Message>,
    waiting: bool,
}

/// A process's signal inbox.
#[derive(Default)]
pub struct Inbox {
    state: Mutex<State>,
}

impl Inbox {
    /// Delivers `m`; returns true if the receiver was waiting and must be made runnable.
    pub fn push(&self, m: Message) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.messages.push(m);
        std::mem::take(&mut s.waiting)
    }

    /// Takes every delivered message, oldest first.
    pub fn take_all(&self) -> Vec<Message> {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::take(&mut s.messages)
    }

    /// Marks the receiver waiting if nothing was delivered; returns whether it now waits.
    pub fn wait_if_empty(&self) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if s.messages.is_empty() {
            s.waiting = true;
            true
        } else {
            false
        }
    }

    /// Clears the waiting flag (a timer fired); returns whether it was set.
    pub fn wake(&self) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::take(&mut s.waiting)
    }
}
