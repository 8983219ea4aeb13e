//! Signals between processes: sending them, and handling the ones a process received.
//!
//! Every effect one process has on another travels as a signal through the receiver's queue
//! and is acted on by the receiver itself (or by whoever holds it while it is switched
//! out), so no process ever touches another's state, and signals between two processes act
//! in the order they were sent.

use std::sync::Arc;

use enigma_term::{atom, build, Term};

use super::mailbox::{ExitKind, Pushed, Signal, SystemTask};
use super::monitors::{self, AliasMode, Monitor};
use super::{scheduler, table};
use crate::emulator::exception::{Class, Exception};
use crate::process::Process;

/// Pushes `s` to the process behind `h`, waking it if it waits. A signal to a process that
/// has just exited is answered as the dead process would.
pub fn push(h: &Arc<table::Handle>, s: Signal) {
    match h.inbox.push(s) {
        Pushed::Queued => {}
        Pushed::Wake => scheduler::make_runnable(h),
        Pushed::Closed(s) => bounce(h.pid, s),
    }
}

/// Sends `s` to the local pid `to`; to a dead process it is answered as a dead process would.
pub fn send(to: Term, s: Signal) {
    if to.is_local_port() {
        super::ports::signal(to, s);
        return;
    }
    match table::lookup(to) {
        Some(h) => push(&h, s),
        None => bounce(to, s),
    }
}

/// Answers a signal that reached the dead process `dead`: a link gets a `noproc` exit
/// signal back, a monitor a `'DOWN'` with `noproc`; anything else is dropped.
pub fn bounce(dead: Term, s: Signal) {
    match s {
        Signal::Link { from } => send(
            from,
            Signal::Exit {
                from: dead,
                reason: Term::atom(atom::NOPROC),
                fragment: None,
                kind: ExitKind::Link,
            },
        ),
        Signal::Monitor {
            from,
            reference,
            name,
        } => monitors::send_down(from, reference, name, dead, Term::atom(atom::NOPROC)),
        Signal::Suspend { from } => send(from, Signal::SuspendeeGone { from: dead }),
        Signal::SystemTask {
            from,
            task,
            request_id,
            ..
        } => {
            // As BEAM: a task for a process that is gone answers `false` (`ok` for
            // literal copying).
            let result = match task {
                SystemTask::CopyLiterals => Term::atom(atom::OK),
                _ => Term::FALSE,
            };
            answer_task(from, task, request_id, result);
        }
        _ => {}
    }
}

/// Sends an exit signal with `reason` (copied) from `from` to `to`.
pub fn send_exit(to: Term, from: Term, reason: Term, kind: ExitKind) {
    let (reason, fragment) = super::send::to_fragment(reason);
    send(
        to,
        Signal::Exit {
            from,
            reason,
            fragment,
            kind,
        },
    );
}

/// The exception that ends the running process `p` with `reason` because of a signal: no
/// catch may intercept it, so the catch count is cleared first and the emulator finds no
/// handler.
pub fn die(p: &mut Process, reason: Term) -> Exception {
    p.catches = 0;
    Exception::new(Class::Exit, reason)
}

/// Whether a message sent to `alias` is kept by `p`, deactivating a reply alias.
pub fn alias_accepts(p: &mut Process, alias: [u32; 3]) -> bool {
    let Some(i) = p.aliases.iter().position(|a| a.reference == alias) else {
        return false;
    };
    if p.aliases[i].mode == AliasMode::ReplyDemonitor {
        p.aliases.swap_remove(i);
        monitors::remove_route(alias);
        if let Some(j) = p
            .monitors
            .iter()
            .position(|m| m.watching && m.reference == alias)
        {
            let m = p.monitors.swap_remove(j);
            send(
                m.other,
                Signal::Demonitor {
                    from: p.pid,
                    reference: alias,
                },
            );
        }
    }
    true
}

/// Deactivates the alias `reference` of `p` if it ends with its monitor.
pub fn monitor_ended(p: &mut Process, reference: [u32; 3]) {
    if let Some(i) = p
        .aliases
        .iter()
        .position(|a| a.reference == reference && a.mode != AliasMode::Explicit)
    {
        p.aliases.swap_remove(i);
        monitors::remove_route(reference);
    }
}

/// Handles every signal pending for `p`: messages move to its private queue, links and
/// monitors are recorded, exit signals are trapped or end the process. Returns how many
/// messages arrived, or `Err(reason)` when the process must exit (the signals after the
/// fatal one are answered as by a dead process).
pub fn handle(p: &mut Process) -> Result<usize, Term> {
    // One lock either way: the swap leaves the inbox with the spare (empty) buffer.
    let mut buffer = std::mem::take(&mut p.signal_buffer);
    p.inbox.take_all(&mut buffer);
    if buffer.is_empty() {
        p.signal_buffer = buffer;
        return Ok(0);
    }
    let mut messages = 0;
    let mut signals = buffer.drain(..);
    while let Some(s) = signals.next() {
        match s {
            Signal::Message { term, fragment } => {
                p.accept_message(term, fragment);
                messages += 1;
            }
            Signal::Down {
                reference,
                term,
                fragment,
            } => {
                // A `'DOWN'` for a monitor already removed (`demonitor` while the target was
                // exiting) is dropped: after `demonitor` no `'DOWN'` may arrive.
                let Some(i) = p
                    .monitors
                    .iter()
                    .position(|m| m.watching && m.reference == reference)
                else {
                    continue;
                };
                p.monitors.swap_remove(i);
                monitor_ended(p, reference);
                p.accept_message(term, fragment);
                messages += 1;
            }
            Signal::AliasMessage {
                alias,
                term,
                fragment,
            } => {
                if alias_accepts(p, alias) {
                    p.accept_message(term, fragment);
                    messages += 1;
                }
            }
            Signal::Exit {
                from,
                reason,
                fragment,
                kind,
            } => {
                if let Some(f) = fragment {
                    p.heap.attach_fragment(f);
                }
                if let Some(reason) = exit_signal(p, from, reason, kind) {
                    for rest in signals {
                        bounce(p.pid, rest);
                    }
                    p.signal_buffer = buffer;
                    return Err(reason);
                }
                messages += 1;
            }
            Signal::Link { from } => {
                if !p.links.contains(&from) {
                    p.links.push(from);
                }
            }
            Signal::Unlink { from } => p.links.retain(|l| *l != from),
            Signal::Monitor {
                from,
                reference,
                name,
            } => p.monitors.push(Monitor {
                reference,
                other: from,
                watching: false,
                name,
            }),
            Signal::Demonitor { from, reference } => p
                .monitors
                .retain(|m| m.watching || m.reference != reference || m.other != from),
            Signal::GroupLeader { leader } => p.group_leader = leader,
            Signal::Timeout { seq } => {
                if p.timer == Some(seq) {
                    p.timer = None;
                    p.timed_out = true;
                    messages += 1;
                }
            }
            Signal::Wake => {}
            Signal::SystemTask {
                from,
                task,
                request_id,
                fragment,
            } => match task {
                SystemTask::CheckProcessCode { module } => {
                    let r = crate::bifs::erlang::code_loading::refers_to_old_code(p, module);
                    answer_task(from, task, request_id, Term::bool(r));
                }
                SystemTask::CopyLiterals => {
                    answer_task(from, task, request_id, Term::atom(atom::OK));
                }
                SystemTask::GarbageCollect { .. } => {
                    // Done where every live term is a root: the scheduler collects before
                    // the process runs again, then answers.
                    p.pending_tasks.push((from, task, request_id, fragment));
                }
            },
            Signal::Suspend { from } => p.suspend_by(from),
            Signal::Resume { from } => p.resume_by(from),
            Signal::SuspendeeGone { from } => p.suspendee_gone(from),
        }
    }
    drop(signals);
    p.signal_buffer = buffer;
    Ok(messages)
}

/// Acts on an exit signal: `Some(reason)` when `p` must exit, otherwise it was ignored or
/// became an `{'EXIT', From, Reason}` message.
pub fn exit_signal(p: &mut Process, from: Term, reason: Term, kind: ExitKind) -> Option<Term> {
    let normal = Term::atom(atom::NORMAL);
    match kind {
        ExitKind::Link => {
            // Unlinked in the meantime: the signal no longer applies.
            let i = p.links.iter().position(|l| *l == from)?;
            p.links.swap_remove(i);
        }
        ExitKind::Exit2 => {
            if reason == Term::atom(atom::KILL) {
                return Some(Term::atom(atom::KILLED));
            }
        }
    }
    if p.trap_exit {
        let msg = build::tuple(&mut p.heap, &[Term::atom(atom::EXIT_UPPER), from, reason]);
        p.queue.push_back(msg);
        return None;
    }
    if reason == normal && from != p.pid {
        return None;
    }
    Some(reason)
}

/// Sends `{Kind, RequestId, Result}` for a system task.
pub fn answer_task(to: Term, task: SystemTask, request_id: Term, result: Term) {
    let kind = match task {
        SystemTask::GarbageCollect { .. } => "garbage_collect",
        SystemTask::CheckProcessCode { .. } => "check_process_code",
        SystemTask::CopyLiterals => "copy_literals",
    };
    let k = enigma_term::Atom::intern(kind)
        .map(Term::atom)
        .unwrap_or(Term::NIL);
    super::send::deliver_tuple(to, &[k, request_id, result]);
}

/// Runs the collections other processes asked `p` for (while switched out, so that its
/// saved registers are all its roots) and answers them.
pub fn run_pending_tasks(p: &mut Process) {
    for (from, task, request_id, fragment) in std::mem::take(&mut p.pending_tasks) {
        if let SystemTask::GarbageCollect { major } = task {
            let mut saved = std::mem::take(&mut p.saved_x);
            let live = saved.len();
            p.collect(&mut saved, live, 0, major);
            p.saved_x = saved;
        }
        answer_task(from, task, request_id, Term::TRUE);
        drop(fragment);
    }
}
