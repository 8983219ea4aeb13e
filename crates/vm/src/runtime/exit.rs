//! A process's end: what it owned is released and everyone linked to or monitoring it is
//! told, in BEAM's order (tables, then links, then monitors).

use std::sync::Arc;

use super::mailbox::{ExitKind, Signal};
use super::table::{self, Handle};
use super::{monitors, signals};
use crate::process::Process;

/// Ends the process `p` (taken out of its handle `h`) with `p.exit_reason`.
pub fn exit_process(h: &Arc<Handle>, p: &mut Process) {
    if h.system {
        // A process the system cannot do without: the VM ends, as BEAM does (before any
        // link or monitor hears of it).
        super::fatal::system_process_terminated(p, p.exit_reason, false);
    }
    let pid = h.pid;
    // From now on, signals to this process come back to their senders as to a dead one.
    let left = h.inbox.close();
    table::remove(pid);
    let reason = p.exit_reason;
    if let Some(seq) = p.timer.take() {
        super::timers::cancel_receive(seq);
    }
    super::timers::process_exited(pid);
    // Tables go first (deleted, or handed to their heir), as BEAM does before links.
    super::ets::owner_exited(pid);
    for link in std::mem::take(&mut p.links) {
        signals::send_exit(link, pid, reason, ExitKind::Link);
    }
    for m in std::mem::take(&mut p.monitors) {
        if m.watching {
            signals::send(
                m.other,
                Signal::Demonitor {
                    from: pid,
                    reference: m.reference,
                },
            );
        } else {
            monitors::send_down(m.other, m.reference, m.name, pid, reason);
        }
    }
    for a in std::mem::take(&mut p.aliases) {
        monitors::remove_route(a.reference);
    }
    super::suspend::exited(p);
    super::scheduler::release_blocks_of(pid);
    for s in left {
        signals::bounce(pid, s);
    }
    // Other resources the process owned: open files (and their buffers), zlib streams.
    crate::bifs::prim_file::owner_exited(pid);
    crate::bifs::zlib::owner_exited(pid);
    // Counted so that idle schedulers give a crowd of dead processes' memory back to the OS.
    enigma_heap::allocator::note_freed(
        p.heap.total_size() * std::mem::size_of::<enigma_term::Term>()
            + std::mem::size_of::<Process>(),
    );
    p.heap.clear();
}

/// Prints BEAM's report for a process that crashed: its exit value, which for an error is
/// already `{Reason, Stack}`.
pub fn report_crash(p: &Process) {
    let format = "Error in process ~p with exit value:~n~p~n";
    if super::logger::send_error(p.pid, p.group_leader, format, &[p.pid, p.exit_reason]) {
        return;
    }
    let mut value = String::new();
    enigma_term::print::write_term(&mut value, p.exit_reason);
    let id = p.pid.as_local_pid().unwrap_or(0);
    eprintln!(
        "=ERROR REPORT====\nError in process <0.{}.{}> with exit value:\n{}\n",
        id & 0xFFF_FFFF,
        id >> 28,
        value
    );
}
