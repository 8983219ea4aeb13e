//! Exit signals between linked processes.

use enigma_term::{atom, build, Term};

use super::scheduler;

/// Delivers the exit signal of `from` (which exited with `reason`) to `to`: a message if
/// `to` traps exits, otherwise `to` dies too unless the reason is `normal`.
pub fn exit_signal(to: Term, from: Term, reason: Term) {
    let Some(h) = scheduler::lookup(to) else {
        return;
    };
    let traps = scheduler::with_process(&h, |p| {
        p.links.retain(|l| *l != from);
        p.trap_exit
    });
    match traps {
        Some(true) => {
            let mut tmp = enigma_term::VecAlloc::new();
            let msg = build::tuple(&mut tmp, &[Term::atom(atom::EXIT_UPPER), from, reason]);
            super::send::deliver(to, msg);
        }
        Some(false) if reason != Term::atom(atom::NORMAL) => scheduler::kill(&h, reason),
        _ => {}
    }
}
