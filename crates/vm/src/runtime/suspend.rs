//! Suspended processes (`erlang:suspend_process/1,2`, `erlang:resume_process/1`).
//!
//! A process is suspended while at least one process holds a suspension on it; it still
//! handles its signals (so it can be killed, and messages queue up), but the scheduler does
//! not run its code. Each suspender counts how many times it suspended each suspendee and
//! resumes it when the count falls to zero, or when the suspender exits. The suspendee's
//! exit ends the suspender's count (a later `resume_process` is `badarg`).
//!
//! Both sides live in one optional box on the process, so that processes which never take
//! part cost one word.

use enigma_term::Term;

use super::mailbox::Signal;
use super::signals;
use crate::process::Process;

/// A process's part in suspensions.
#[derive(Default, Debug)]
pub struct Suspension {
    /// The processes holding this process suspended (each once, whatever its count).
    pub by: Vec<Term>,
    /// The processes this one suspended, with how many times.
    pub of: Vec<(Term, u32)>,
}

impl Process {
    /// Whether some process holds this one suspended.
    pub fn is_suspended(&self) -> bool {
        self.suspension.as_ref().is_some_and(|s| !s.by.is_empty())
    }

    fn suspension_mut(&mut self) -> &mut Suspension {
        self.suspension.get_or_insert_with(Default::default)
    }

    /// How many times this process has suspended `pid` (0: not at all).
    pub fn suspend_count(&self, pid: Term) -> u32 {
        self.suspension
            .as_ref()
            .and_then(|s| s.of.iter().find(|(p, _)| *p == pid))
            .map_or(0, |(_, n)| *n)
    }

    /// Records one more suspension of `pid` by this process.
    pub fn count_suspension(&mut self, pid: Term) {
        let s = self.suspension_mut();
        match s.of.iter_mut().find(|(p, _)| *p == pid) {
            Some((_, n)) => *n += 1,
            None => s.of.push((pid, 1)),
        }
    }

    /// Takes back one suspension of `pid`; true when that was the last one (the caller
    /// then tells `pid`).
    pub fn uncount_suspension(&mut self, pid: Term) -> bool {
        let Some(s) = self.suspension.as_mut() else {
            return false;
        };
        let Some(i) = s.of.iter().position(|(p, _)| *p == pid) else {
            return false;
        };
        s.of[i].1 -= 1;
        if s.of[i].1 > 0 {
            return false;
        }
        s.of.swap_remove(i);
        true
    }

    /// `from` now holds this process suspended.
    pub fn suspend_by(&mut self, from: Term) {
        let s = self.suspension_mut();
        if !s.by.contains(&from) {
            s.by.push(from);
        }
    }

    /// `from` no longer holds this process suspended.
    pub fn resume_by(&mut self, from: Term) {
        if let Some(s) = self.suspension.as_mut() {
            s.by.retain(|p| *p != from);
        }
    }

    /// `suspendee` exited: this process's count on it ends.
    pub fn suspendee_gone(&mut self, suspendee: Term) {
        if let Some(s) = self.suspension.as_mut() {
            s.of.retain(|(p, _)| *p != suspendee);
        }
    }
}

/// At exit: resumes what `p` suspended and ends the counts of those suspending `p`.
pub fn exited(p: &mut Process) {
    let Some(s) = p.suspension.take() else {
        return;
    };
    for (pid, _) in s.of {
        signals::send(pid, Signal::Resume { from: p.pid });
    }
    for pid in s.by {
        signals::send(pid, Signal::SuspendeeGone { from: p.pid });
    }
}
