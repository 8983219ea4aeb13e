//! Process monitors: `erlang:monitor(process, Target)` and the `'DOWN'` message sent when
//! the target exits (or at once, with `noproc`, when it is already gone). Both sides keep a
//! record, so that either end can clean up: the watcher on `demonitor`, the target on exit.
//! References are kept as their three numbers, since a reference term lives on one heap.

use enigma_term::{atom, build, Atom, Term, VecAlloc};

use super::scheduler;

/// One monitor as a process records it.
#[derive(Clone, Debug)]
pub struct Monitor {
    pub reference: [u32; 3],
    /// The other process: the target if `watching`, else the watcher.
    pub other: Term,
    /// True on the watcher's side.
    pub watching: bool,
    /// The registered name the monitor was set up with (the `'DOWN'` object is then
    /// `{Name, Node}`).
    pub name: Option<Atom>,
}

/// The object a `'DOWN'` message names: the pid, or `{Name, nonode@nohost}`.
fn down_object(heap: &mut VecAlloc, m: &Monitor, pid: Term) -> Term {
    match m.name {
        Some(n) => build::tuple(heap, &[Term::atom(n), Term::atom(atom::NONODE_NOHOST)]),
        None => pid,
    }
}

/// Sends `{'DOWN', Ref, process, Object, Reason}` to `watcher`.
pub fn send_down(watcher: Term, m: &Monitor, target: Term, reason: Term) {
    let mut heap = VecAlloc::new();
    let r = build::reference(&mut heap, m.reference);
    let obj = down_object(&mut heap, m, target);
    let msg = build::tuple(
        &mut heap,
        &[
            Term::atom(atom::DOWN),
            r,
            Term::atom(atom::PROCESS),
            obj,
            reason,
        ],
    );
    super::send::deliver(watcher, msg);
}

/// Starts monitoring `target` (a live or dead local pid) from `watcher`; returns the record
/// the watcher keeps, or `None` when the target is gone (the caller then sends `noproc`).
pub fn add(
    watcher: Term,
    target: Term,
    reference: [u32; 3],
    name: Option<Atom>,
) -> Option<Monitor> {
    let h = scheduler::lookup(target)?;
    let theirs = Monitor {
        reference,
        other: watcher,
        watching: false,
        name,
    };
    scheduler::with_process(&h, |q| q.monitors.push(theirs))?;
    Some(Monitor {
        reference,
        other: target,
        watching: true,
        name,
    })
}

/// Removes the target's record of the monitor `reference` held by `watcher`.
pub fn remove_remote(target: Term, reference: [u32; 3]) {
    if let Some(h) = scheduler::lookup(target) {
        scheduler::with_process(&h, |q| {
            q.monitors
                .retain(|m| m.watching || m.reference != reference)
        });
    }
}

/// A process exited with `reason`: every watcher gets `'DOWN'`, every target forgets it.
pub fn process_exited(pid: Term, monitors: Vec<Monitor>, reason: Term) {
    for m in monitors {
        if m.watching {
            remove_remote(m.other, m.reference);
        } else {
            send_down(m.other, &m, pid, reason);
        }
    }
}
