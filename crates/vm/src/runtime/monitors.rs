//! Process monitors and aliases.
//!
//! `erlang:monitor(process, Target)` records the monitor on both sides: the watcher keeps
//! its record, and a `Monitor` signal asks the target to keep one, so that either end can
//! clean up: the watcher on `demonitor` (a `Demonitor` signal), the target on exit (a
//! `'DOWN'` message). References are kept as their three numbers, since a reference term
//! lives on one heap.
//!
//! An alias is a reference that messages can be sent to. The process keeps its active
//! aliases; a global map routes an alias to its process. A message to an alias that the
//! process has deactivated by the time the message arrives is dropped there.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use enigma_term::{atom, build, Atom, Term, VecAlloc};

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

/// When an alias stops working.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AliasMode {
    /// Only `unalias/1` ends it.
    Explicit,
    /// `unalias/1` or `demonitor` of the monitor it belongs to, or the `'DOWN'` message.
    Demonitor,
    /// As `Demonitor`, and also the first message received through it.
    ReplyDemonitor,
}

/// An active alias of a process.
#[derive(Copy, Clone, Debug)]
pub struct Alias {
    pub reference: [u32; 3],
    pub mode: AliasMode,
}

fn routes() -> &'static Mutex<HashMap<[u32; 3], Term>> {
    static R: OnceLock<Mutex<HashMap<[u32; 3], Term>>> = OnceLock::new();
    R.get_or_init(Default::default)
}

/// Makes `reference` an alias of `pid`.
pub fn add_route(reference: [u32; 3], pid: Term) {
    routes()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(reference, pid);
}

/// Forgets the route of an alias.
pub fn remove_route(reference: [u32; 3]) {
    routes()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&reference);
}

/// The process an alias routes to.
pub fn route(reference: [u32; 3]) -> Option<Term> {
    routes()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&reference)
        .copied()
}

/// The object a `'DOWN'` message names: the pid, or `{Name, nonode@nohost}`.
pub fn down_object(heap: &mut dyn enigma_term::TermAlloc, name: Option<Atom>, pid: Term) -> Term {
    match name {
        Some(n) => build::tuple(heap, &[Term::atom(n), Term::atom(atom::NONODE_NOHOST)]),
        None => pid,
    }
}

/// Sends `{'DOWN', Ref, process, Object, Reason}` to `watcher`.
pub fn send_down(
    watcher: Term,
    reference: [u32; 3],
    name: Option<Atom>,
    target: Term,
    reason: Term,
) {
    let mut heap = VecAlloc::new();
    let r = build::reference(&mut heap, reference);
    let obj = down_object(&mut heap, name, target);
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
    let (term, fragment) = super::send::to_fragment(msg);
    super::signals::send(
        watcher,
        super::mailbox::Signal::Down {
            reference,
            term,
            fragment,
        },
    );
}
