//! Sending: copy the message into a fragment and deliver it to the receiver's inbox.

use enigma_heap::copy::{copy_term, size_of};
use enigma_heap::Fragment;
use enigma_term::{atom, Term};

use super::mailbox::Message;
use super::scheduler;
use crate::emulator::exception::Exception;
use crate::process::Process;

/// `To ! Msg` from process `p`. A message to a dead pid is dropped; an unregistered name or
/// a non-pid raises `badarg`.
pub fn send(p: &mut Process, to: Term, msg: Term) -> Result<(), Exception> {
    let target = if to.is_local_pid() {
        to
    } else if let Some(name) = to.as_atom() {
        match scheduler::whereis(name) {
            Some(pid) => pid,
            None => return Err(Exception::error(Term::atom(atom::BADARG))),
        }
    } else if to.is_tuple() || to.is_pid() || to.is_port() {
        // Remote names and ports come with distribution and ports.
        return Err(Exception::error(Term::atom(atom::BADARG)));
    } else {
        return Err(Exception::error(Term::atom(atom::BADARG)));
    };
    if target == p.pid {
        // To itself: the term is already on this heap; a copy is still needed because the
        // queue holds terms that outlive registers, but the heap owns them either way.
        p.queue.push_back(msg);
        return Ok(());
    }
    deliver(target, msg);
    Ok(())
}

/// Copies `msg` into a fragment and delivers it to the local pid `to` (dropped if dead).
pub fn deliver(to: Term, msg: Term) {
    let Some(handle) = scheduler::lookup(to) else {
        return;
    };
    let words = size_of(msg);
    let message = if words == 0 {
        Message {
            term: msg,
            fragment: None,
        }
    } else {
        let mut frag = Fragment::with_capacity(words);
        let term = copy_term(msg, &mut frag);
        Message {
            term,
            fragment: Some(frag),
        }
    };
    if handle.inbox.push(message) {
        scheduler::make_runnable(&handle);
    }
}
