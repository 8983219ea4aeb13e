//! Sending: copy the message into a fragment and deliver it to the receiver's signal queue.

use enigma_heap::copy::{copy_term, size_of};
use enigma_heap::Fragment;
use enigma_term::{atom, build, Term, VecAlloc};

use super::mailbox::Signal;
use super::{monitors, signals, table};
use crate::emulator::exception::Exception;
use crate::process::Process;

/// `To ! Msg` from process `p`. A message to a dead pid or an inactive alias is dropped; an
/// unregistered name or a non-pid raises `badarg`.
pub fn send(p: &mut Process, to: Term, msg: Term) -> Result<(), Exception> {
    let target = if to.is_local_pid() {
        to
    } else if to.is_local_port() {
        super::ports::message(to, p.pid, msg);
        return Ok(());
    } else if let Some(name) = to.as_atom() {
        match table::whereis(name) {
            Some(port) if port.is_local_port() => {
                super::ports::message(port, p.pid, msg);
                return Ok(());
            }
            Some(pid) => pid,
            None => return Err(Exception::error(Term::atom(atom::BADARG))),
        }
    } else if to.is_ref() {
        send_to_alias(p, to.ref_numbers(), msg);
        return Ok(());
    } else if let Some(&[name, node]) = to.as_tuple() {
        let (Some(name), Some(node)) = (name.as_atom(), node.as_atom()) else {
            return Err(Exception::error(Term::atom(atom::BADARG)));
        };
        // `{Name, Node}`: on this node, the name if registered (else the message is
        // dropped); another node cannot be reached without distribution.
        match table::whereis(name) {
            Some(pid) if node == atom::NONODE_NOHOST => pid,
            _ => return Ok(()),
        }
    } else {
        // Remote pids and names, and ports, come with distribution and ports.
        return Err(Exception::error(Term::atom(atom::BADARG)));
    };
    if target == p.pid {
        // To itself: the term is already on this heap. Signals from other processes that
        // are already pending stay ahead of it, as they would on BEAM.
        if let Err(reason) = signals::handle(p) {
            return Err(signals::die(p, reason));
        }
        p.queue.push_back(msg);
        return Ok(());
    }
    deliver(target, msg);
    Ok(())
}

fn send_to_alias(p: &mut Process, alias: [u32; 3], msg: Term) {
    let Some(pid) = monitors::route(alias) else {
        return;
    };
    if pid == p.pid {
        if signals::alias_accepts(p, alias) {
            p.queue.push_back(msg);
        }
        return;
    }
    let (term, fragment) = to_fragment(msg);
    signals::send(
        pid,
        Signal::AliasMessage {
            alias,
            term,
            fragment,
        },
    );
}

/// Copies `t` into a fragment of its own (none for an immediate).
pub fn to_fragment(t: Term) -> (Term, Option<Fragment>) {
    let words = size_of(t);
    if words == 0 {
        return (t, None);
    }
    let mut frag = Fragment::with_capacity(words);
    let term = copy_term(t, &mut frag);
    (term, Some(frag))
}

/// Delivers the tuple of `elements` (terms on any heap) to the local pid `to`: the
/// replies BIFs and the runtime send (`spawn_reply`, `garbage_collect`, ...), built on a
/// scratch area so the sender's heap gets no garbage, then copied into the message's
/// fragment.
pub fn deliver_tuple(to: Term, elements: &[Term]) {
    let mut area = VecAlloc::new();
    let msg = build::tuple(&mut area, elements);
    deliver(to, msg);
}

/// Copies `msg` into a fragment and delivers it to the local pid `to` (dropped if dead).
pub fn deliver(to: Term, msg: Term) {
    let Some(handle) = table::lookup(to) else {
        return;
    };
    let (term, fragment) = to_fragment(msg);
    signals::push(&handle, Signal::Message { term, fragment });
}
