//! `erts_internal:suspend_process/2` (the body of `erlang:suspend_process/1,2`) and
//! `erlang:resume_process/1`; the bookkeeping is in `runtime::suspend`.

use enigma_term::{atom, build, Term};

use super::processes::with_other;
use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult, Fault};
use crate::process::Process;
use crate::runtime::mailbox::Signal;
use crate::runtime::{send, signals};

/// `suspend_process/2` options.
struct Opts {
    unless_suspending: bool,
    asynchronous: bool,
    reply_tag: Option<Term>,
}

fn parse(list: Term) -> Option<Opts> {
    let mut o = Opts {
        unless_suspending: false,
        asynchronous: false,
        reply_tag: None,
    };
    for opt in build::list_to_vec(list)? {
        match (opt.as_atom().map(|a| a.name()), opt.as_tuple()) {
            (Some("unless_suspending"), _) => o.unless_suspending = true,
            (Some("asynchronous"), _) => o.asynchronous = true,
            (_, Some(&[k, tag])) if k.as_atom().is_some_and(|k| k.name() == "asynchronous") => {
                o.asynchronous = true;
                o.reply_tag = Some(tag);
            }
            _ => return None,
        }
    }
    Some(o)
}

/// `erts_internal:suspend_process(Pid, Opts)`: `true` when this call suspended `Pid` (or
/// counted one more suspension of it), `false` with `unless_suspending` when the caller
/// already suspends it; the atoms `badarg` (oneself, not a local pid, or dead without
/// `asynchronous`) and `badopt` become exceptions in `erlang.erl`.
///
/// Without `asynchronous`, the call returns once `Pid` is suspended: a switched-out process
/// is suspended on the spot; one running on another scheduler gets the suspension as a
/// signal, handled before it runs again (it finishes its current time slice).
/// `{asynchronous, Tag}` also sends the caller `{Tag, suspended}` (`{Tag, badarg}` if `Pid`
/// is dead).
fn suspend_process_2(p: &mut Process, a: &[Term]) -> BifResult {
    let pid = a[0];
    if pid == p.pid || !pid.is_local_pid() {
        return Ok(Term::atom(atom::BADARG));
    }
    let Some(opts) = parse(a[1]) else {
        return Ok(Term::atom(atom::BADOPT));
    };
    let already = p.suspend_count(pid) > 0;
    if already && opts.unless_suspending {
        reply(p.pid, opts.reply_tag, atom::SUSPENDED);
        return Ok(Term::FALSE);
    }
    if already {
        p.count_suspension(pid);
        reply(p.pid, opts.reply_tag, atom::SUSPENDED);
        return Ok(Term::TRUE);
    }
    let me = p.pid;
    let alive = match with_other(pid, |q| q.suspend_by(me)) {
        Ok(found) => found.is_some(),
        Err(Fault::Yield) => {
            // Running: it handles the suspension before it runs again.
            signals::send(pid, Signal::Suspend { from: me });
            crate::runtime::table::is_alive(pid)
        }
        Err(e) => return Err(e),
    };
    if !alive {
        reply(p.pid, opts.reply_tag, atom::BADARG);
        return Ok(if opts.asynchronous {
            Term::TRUE
        } else {
            Term::atom(atom::BADARG)
        });
    }
    p.count_suspension(pid);
    reply(p.pid, opts.reply_tag, atom::SUSPENDED);
    Ok(Term::TRUE)
}

/// The `{Tag, State}` answer of `{asynchronous, Tag}`.
fn reply(to: Term, tag: Option<Term>, state: enigma_term::Atom) {
    if let Some(tag) = tag {
        send::deliver_tuple(to, &[tag, Term::atom(state)]);
    }
}

/// `resume_process(Pid)`: takes back one of the caller's suspensions of `Pid`, resuming it
/// when that was the last; `badarg` if the caller does not suspend it (or it exited).
fn resume_process_1(p: &mut Process, a: &[Term]) -> BifResult {
    let pid = a[0];
    if pid == p.pid || !pid.is_local_pid() || p.suspend_count(pid) == 0 {
        return Err(badarg());
    }
    if p.uncount_suspension(pid) {
        signals::send(pid, Signal::Resume { from: p.pid });
    }
    Ok(Term::TRUE)
}

pub const BIFS: &[BifEntry] = &[
    bif!("erts_internal", "suspend_process", 2, suspend_process_2),
    bif!("erlang", "resume_process", 1, resume_process_1),
];
