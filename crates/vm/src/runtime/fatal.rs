//! Ending the VM on a fatal condition, as BEAM's `erts_exit` does: the message on stderr,
//! a crash dump (`crash_dump`), then the exit status.
//!
//! BEAM has three ways to end abnormally, and Enigma keeps them apart because their
//! statuses and dumps differ:
//! - [`dump_exit`] (`ERTS_DUMP_EXIT`): always a crash dump, then status 1. `halt/1` with a
//!   string, a system process that dies, a full atom table, memory that cannot be had.
//! - [`error_exit`] (`ERTS_ERROR_EXIT`): a crash dump unless `+d`, then `abort()`. The
//!   BREAK menu's `A`.
//! - [`abort_exit`] (`ERTS_ABORT_EXIT`): no dump, `abort()`. `halt(abort)`.
//!
//! BEAM writes its messages with its own printer, which ends every line on stderr with
//! CR LF; so does this. Only one thread ends the VM: a second one that gets here meanwhile
//! (two system processes dying at once) stops and waits for the first to finish.

use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use enigma_term::Term;

use super::{crash_dump, scheduler, terminal};
use crate::process::Process;

/// `+d`: no crash dump for errors the VM detects itself (`halt/1` with a string still
/// writes one, as on BEAM).
static NO_CRASH_DUMP: AtomicBool = AtomicBool::new(false);

/// Set by the first thread that ends the VM.
static EXITING: AtomicBool = AtomicBool::new(false);

/// How long output that ports queued for the terminal may take to come out before the
/// message: BEAM's writes to standard output are done by the time the writing process
/// goes on, Enigma's by a writer thread, so without this a program's last lines could
/// follow the slogan or be lost.
const DRAIN_PATIENCE: Duration = Duration::from_secs(2);

/// `+d`.
pub fn set_no_crash_dump() {
    NO_CRASH_DUMP.store(true, Ordering::Relaxed);
}

/// The process that was running when the VM ended, for the crash dump: the one whose
/// `halt/1` it was (`Running`, listed with the others) or the system process that died
/// (`Exiting`, named by its scheduler only, as BEAM does).
#[derive(Clone, Copy)]
pub struct Current<'a> {
    pub process: &'a Process,
    pub exiting: bool,
}

/// Installs the handlers that let other crates end the VM: a full atom table and memory
/// that cannot be allocated. Called once at start-up.
pub fn install() {
    enigma_term::atom::set_full_handler(atom_table_full);
    enigma_heap::allocator::set_out_of_memory_handler(out_of_memory);
}

fn atom_table_full(limit: usize) {
    dump_exit(
        &format!("no more index entries in atom_tab (max={limit})\n"),
        None,
    );
}

fn out_of_memory(kind: enigma_heap::allocator::MemoryKind, bytes: usize) {
    dump_exit(
        &format!(
            "{}: Cannot allocate {bytes} bytes of memory (of type \"{}\").\n",
            kind.allocator, kind.type_name
        ),
        None,
    );
}

/// `ERTS_DUMP_EXIT`: `message` (which carries its own line end, as BEAM's formats do) on
/// stderr and as the dump's slogan, a crash dump, status 1.
pub fn dump_exit(message: &str, current: Option<Current>) -> ! {
    begin();
    print_message(message);
    crash_dump::write(message, current);
    finish(false)
}

/// `ERTS_ERROR_EXIT`: as [`dump_exit`], without the dump under `+d`, ending with
/// `abort()`.
pub fn error_exit(message: &str, current: Option<Current>) -> ! {
    begin();
    print_message(message);
    if !NO_CRASH_DUMP.load(Ordering::Relaxed) {
        crash_dump::write(message, current);
    }
    finish(true)
}

/// `ERTS_ABORT_EXIT` with no message (`halt(abort)`): no dump, `abort()`.
pub fn abort_exit() -> ! {
    begin();
    finish(true)
}

/// Claims the exit for this thread; a thread that comes second waits for the end.
fn begin() {
    if EXITING.swap(true, Ordering::SeqCst) {
        // As BEAM's `system_cleanup`: wait for the thread already exiting. A scheduler
        // thread counts as stopped, so that the first one's pause need not wait for it.
        scheduler::stand_still_forever();
    }
    // What ports queued for the terminal comes out first, in the order it was written.
    let deadline = Instant::now() + DRAIN_PATIENCE;
    crate::drivers::fd::drain(1, deadline);
    crate::drivers::fd::drain(2, deadline);
}

/// Writes `text` to stderr as BEAM's printer does: each `\n` as CR LF.
pub fn print_stderr(text: &str) {
    let mut out = Vec::with_capacity(text.len() + 8);
    for b in text.bytes() {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
    }
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(&out);
    let _ = err.flush();
}

fn print_message(message: &str) {
    if !message.is_empty() {
        print_stderr(message);
    }
}

/// The end: the terminal gets its mode back, then status 1 or an abort.
fn finish(abort: bool) -> ! {
    let _ = std::io::stdout().flush();
    terminal::restore();
    if abort {
        std::process::abort();
    }
    std::process::exit(1)
}

/// `System process <pid> terminated: Reason`: a vital process (one BEAM starts itself, or
/// one started by `erts_internal:spawn_system_process/3`) has exited; the VM ends
/// (`ERTS_DUMP_EXIT`). `report`: it died of an error, whose report comes after the
/// message, where BEAM's report (printed by another thread when no logger runs yet)
/// usually lands.
pub fn system_process_terminated(p: &Process, reason: Term, report: bool) -> ! {
    let mut text = b"System process ".to_vec();
    enigma_term::print::display_term(&mut text, p.pid);
    text.extend_from_slice(b" terminated: ");
    enigma_term::print::display_term(&mut text, reason);
    text.push(b'\n');
    let message = String::from_utf8_lossy(&text);
    begin();
    print_message(&message);
    if report {
        super::exit::report_crash(p);
    }
    crash_dump::write(
        &message,
        Some(Current {
            process: p,
            exiting: true,
        }),
    );
    finish(false)
}
