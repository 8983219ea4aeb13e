//! The BREAK menu: what Ctrl-C (SIGINT) opens, as BEAM's `break.c` shows it.
//!
//! ```text
//! BREAK: (a)bort (A)bort with dump (c)ontinue (p)roc info (i)nfo
//!        (l)oaded (v)ersion (k)ill (D)b-tables (d)istribution
//! ```
//!
//! As on BEAM the VM stands still meanwhile: every scheduler stops between time slices
//! (`scheduler::pause`), so the information printed is one consistent picture and nothing
//! runs until the user answers. The terminal goes back to the mode the VM found it in
//! (line mode with echo) while the answer is read, and each answer is the first character
//! of a line read from standard input (through the VM's one reader of it, which hands
//! input to the menu instead of the terminal's port meanwhile). A second Ctrl-C while the
//! menu is up, or end of input, ends the VM at once.
//!
//! What the menu prints comes from Enigma's own tables, through the crash dump's writers
//! (`crash_dump`); figures BEAM takes from its allocators (`i`) or its code layout (`l`'s
//! sizes) are Enigma's. `A` writes a crash dump and aborts, as BEAM does.

use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use enigma_term::{atom, Atom, Term};

use super::{crash_dump, fatal, scheduler, table, terminal};
use crate::drivers::fd;
use crate::process::Process;

const HELP: &str = "BREAK: (a)bort (A)bort with dump (c)ontinue (p)roc info (i)nfo\n       (l)oaded (v)ersion (k)ill (D)b-tables (d)istribution\n";

/// How long a scheduler busy in a long native call is waited for before the menu opens.
const PAUSE_PATIENCE: Duration = Duration::from_secs(2);

/// The menu is up (a second Ctrl-C then ends the VM).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Ends the VM now with `status`: the terminal is put back first.
pub fn exit_now(status: i32) -> ! {
    let _ = std::io::stdout().flush();
    terminal::restore();
    std::process::exit(status)
}

/// SIGINT under the default `+B` mode: opens the menu on a thread of its own, or ends the
/// VM if it is already open (BEAM: Ctrl-C twice).
pub fn interrupt() {
    if ACTIVE.swap(true, Ordering::SeqCst) {
        exit_now(0);
    }
    let spawned = std::thread::Builder::new()
        .name("enigma-break".into())
        .spawn(|| {
            run();
            ACTIVE.store(false, Ordering::SeqCst);
        });
    if spawned.is_err() {
        ACTIVE.store(false, Ordering::SeqCst);
    }
}

fn out(s: &str) {
    let mut o = std::io::stdout().lock();
    let _ = o.write_all(s.as_bytes());
    let _ = o.flush();
}

/// Reads one answer: the first byte of what the next read of standard input returns
/// (a line, in line mode). `None` at end of input.
fn get_key(rx: &mpsc::Receiver<fd::StdinItem>) -> Option<u8> {
    match rx.recv() {
        Ok(Ok(Some(bytes))) => bytes.first().copied(),
        _ => None,
    }
}

fn run() {
    scheduler::pause(PAUSE_PATIENCE);
    // What ports queued for the terminal comes out before the menu.
    fd::drain(1, std::time::Instant::now() + Duration::from_secs(1));
    terminal::with_initial_mode(|| {
        let (tx, rx) = mpsc::channel();
        fd::tap_stdin(tx);
        menu(&rx);
        fd::untap_stdin();
    });
    scheduler::resume();
}

fn menu(rx: &mpsc::Receiver<fd::StdinItem>) {
    out(&format!("\n{HELP}"));
    loop {
        let Some(key) = get_key(rx) else {
            exit_now(0);
        };
        match key {
            b'q' | b'a' | b'*' => exit_now(0),
            // As BEAM: the message (without a line end, so the dump's slogan runs into
            // its next line there too), a crash dump unless `+d`, then an abort.
            b'A' => fatal::error_exit("Crash dump requested by user", None),
            b'c' | b'm' => return,
            b'p' => {
                let mut s = String::new();
                for_each_process(|p| process_info(&mut s, p));
                port_info(&mut s);
                out(&s);
                return;
            }
            b'o' => {
                let mut s = String::new();
                port_info(&mut s);
                out(&s);
                return;
            }
            b'i' => {
                out(&info());
                return;
            }
            b'l' => {
                out(&loaded());
                return;
            }
            b'v' => {
                out(&format!(
                    "Erlang (BEAM) emulator version {}\n",
                    crate::bifs::erlang::system::erts_version()
                ));
                return;
            }
            b'd' => {
                out("=node:'nonode@nohost'\n=no_distribution\n");
                return;
            }
            b'D' => {
                out(&db_tables());
                return;
            }
            b'k' => {
                process_killer(rx);
                return;
            }
            b'\n' => continue,
            other => out(&format!(
                "Invalid option '{}'. Please enter one of the following:\n{HELP}",
                other as char
            )),
        }
    }
}

/// Runs `f` on every process resting in its slot (all of them while the VM is paused).
fn for_each_process(f: impl FnMut(&Process)) {
    crash_dump::for_each_process(f);
}

/// One process, in `break.c`'s layout (the items Enigma keeps).
fn process_info(s: &mut String, p: &Process) {
    let _ = crash_dump::process_info(s, p, false);
}

/// Every port, in `break.c`'s layout.
fn port_info(s: &mut String) {
    let _ = crash_dump::port_list(s);
}

/// `i`: the memory summary and the sizes of the VM's tables. BEAM goes on with its
/// allocators' statistics; Enigma allocates through one general allocator and has none.
fn info() -> String {
    let mut s = String::new();
    let _ = crash_dump::memory(&mut s);
    s
}

/// `l`: the loaded modules and their sizes.
fn loaded() -> String {
    let mut s = String::new();
    let _ = crash_dump::loaded(&mut s, false);
    s
}

/// `D`: the ETS tables.
fn db_tables() -> String {
    let mut s = String::new();
    let _ = crash_dump::ets_tables(&mut s);
    s
}

/// `k`: each process from the newest, asking whether to kill it.
fn process_killer(rx: &mpsc::Receiver<fd::StdinItem>) {
    out("\n\nProcess Information\n\n--------------------------------------------------\n");
    let mut pids = table::processes();
    pids.sort_by_key(|p| std::cmp::Reverse(p.as_local_pid().unwrap_or(0)));
    for pid in pids {
        let Some(h) = table::lookup(pid) else {
            continue;
        };
        let mut s = String::new();
        let shown = h.with_slot(|slot| match slot.as_deref() {
            Some(p) => {
                process_info(&mut s, p);
                true
            }
            None => false,
        });
        if !shown {
            continue;
        }
        out(&s);
        out("(k)ill (n)ext (r)eturn:\n");
        match get_key(rx) {
            None => exit_now(0),
            Some(b'k') => {
                // A `kill` exit signal, from `init` as on BEAM.
                let init = Atom::existing("init")
                    .and_then(table::whereis)
                    .unwrap_or(Term::pid(0));
                super::signals::send_exit(
                    pid,
                    init,
                    Term::atom(atom::KILL),
                    super::mailbox::ExitKind::Exit2,
                );
            }
            Some(b'n') => {}
            Some(_) => return,
        }
    }
}
