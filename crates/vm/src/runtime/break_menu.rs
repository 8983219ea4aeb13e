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
//! What the menu prints comes from Enigma's own tables; figures BEAM takes from its
//! allocators (`i`) or its code layout (`l`'s sizes) are Enigma's, and what Enigma does
//! not have (a crash dump for `A`) is said plainly.

use std::fmt::Write as _;
use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use enigma_term::print::term_to_string;
use enigma_term::{atom, Atom, Term};

use super::{ports, scheduler, table, terminal};
use crate::code;
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
            b'A' => {
                // BEAM writes erl_crash.dump here; Enigma has no crash dump to write.
                eprintln!("Crash dump requested by user (Enigma writes no crash dump)");
                exit_now(1);
            }
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

/// Runs `f` on every process resting in its slot (all of them while the VM is paused),
/// in pid order.
fn for_each_process(mut f: impl FnMut(&Process)) {
    let mut pids = table::processes();
    pids.sort_by_key(|p| p.as_local_pid().unwrap_or(u64::MAX));
    for pid in pids {
        if let Some(h) = table::lookup(pid) {
            h.with_slot(|slot| {
                if let Some(p) = slot.as_deref() {
                    f(p);
                }
            });
        }
    }
}

fn mfa_text(m: crate::emulator::instr::Mfa) -> String {
    format!(
        "{}:{}/{}",
        term_to_string(Term::atom(m.module)),
        term_to_string(Term::atom(m.function)),
        m.arity
    )
}

/// One process, in `break.c`'s layout (the items Enigma keeps).
fn process_info(s: &mut String, p: &Process) {
    let _ = writeln!(s, "=proc:{}", term_to_string(p.pid));
    let state = crate::bifs::erlang::process_info::state_name(p);
    let _ = writeln!(s, "State: {state}");
    if let Some(name) = table::name_of(p.pid) {
        let _ = writeln!(s, "Name: {}", term_to_string(Term::atom(name)));
    }
    let _ = writeln!(s, "Spawned as: {}", mfa_text(p.initial_call));
    if let Some(cur) = crate::bifs::erlang::process_info::current_mfa(p) {
        let _ = writeln!(s, "Current call: {}", mfa_text(cur));
    }
    let _ = writeln!(s, "Message queue length: {}", p.queue.len());
    let _ = writeln!(s, "Number of heap fragments: 0");
    let _ = writeln!(s, "Heap fragment data: 0");
    if !p.links.is_empty() || !p.monitors.is_empty() {
        let links: Vec<String> = p.links.iter().map(|l| term_to_string(*l)).collect();
        let _ = writeln!(s, "Link list: [{}]", links.join(", "));
    }
    let _ = writeln!(s, "Reductions: {}", p.reductions_now());
    let _ = writeln!(s, "Stack+heap: {}", p.heap.young_size() + p.stack.len());
    let _ = writeln!(
        s,
        "OldHeap: {}",
        p.heap.total_size().saturating_sub(p.heap.young_size())
    );
    let _ = writeln!(s, "Memory: {}", p.memory_words() * 8);
    let _ = writeln!(
        s,
        "Internal State: PRQ_PRIO_{}",
        p.priority.name().to_ascii_uppercase()
    );
}

/// Every port, in `break.c`'s layout.
fn port_info(s: &mut String) {
    for port in ports::all() {
        let Some(pt) = ports::lookup(port) else {
            continue;
        };
        let info = pt.info();
        let _ = writeln!(s, "=port:{}", term_to_string(port));
        let _ = writeln!(s, "State: CONNECTED");
        let _ = writeln!(s, "Connected: {}", term_to_string(info.owner));
        if !info.links.is_empty() {
            let links: Vec<String> = info.links.iter().map(|l| term_to_string(*l)).collect();
            let _ = writeln!(s, "Links: {}", links.join(", "));
        }
        let fd_port = pt
            .name
            .split_once('/')
            .is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok());
        let driver = pt.name.split(' ').next().unwrap_or("");
        if fd_port {
            let _ = writeln!(s, "Port is UNIX fd not opened by emulator: {}", pt.name);
        } else if matches!(driver, "tty_sl" | "tcp_inet" | "udp_inet") {
            let _ = writeln!(s, "Port controls linked-in driver: {driver}");
        } else {
            let _ = writeln!(s, "Port controls external process: {}", pt.name);
        }
        let _ = writeln!(s, "Input: {}", info.input);
        let _ = writeln!(s, "Output: {}", info.output);
        let _ = writeln!(s, "Queue: {}", info.queue_size);
    }
}

/// `i`: the memory summary and the sizes of the VM's tables. BEAM goes on with its
/// allocators' statistics; Enigma allocates through one general allocator and has none.
fn info() -> String {
    let mut processes = 0usize;
    for_each_process(|p| processes += p.memory_words() * 8);
    let code_bytes: usize = code::module::loaded_modules()
        .iter()
        .map(|m| code_size(m))
        .sum();
    let atoms = Atom::count();
    let mut s = String::new();
    let _ = writeln!(s, "=memory");
    let _ = writeln!(s, "total: {}", processes + code_bytes);
    let _ = writeln!(s, "processes: {processes}");
    let _ = writeln!(s, "processes_used: {processes}");
    let _ = writeln!(s, "system: {code_bytes}");
    let _ = writeln!(s, "code: {code_bytes}");
    let _ = writeln!(s, "=index_table:atom_tab");
    let _ = writeln!(s, "limit: {}", enigma_term::atom::MAX_ATOMS);
    let _ = writeln!(s, "entries: {atoms}");
    let _ = writeln!(s, "=index_table:module_code");
    let _ = writeln!(s, "entries: {}", code::module::loaded_modules().len());
    let _ = writeln!(s, "=hash_table:process_reg");
    let _ = writeln!(s, "objs: {}", table::registered().len());
    s
}

/// The size BEAM's `l` shows for a module: its code and literals, in bytes.
fn code_size(m: &code::module::Module) -> usize {
    std::mem::size_of_val(&*m.code) + m.literals.words_used() * 8
}

/// `l`: the loaded modules and their sizes.
fn loaded() -> String {
    let mut mods = code::module::loaded_modules();
    mods.sort_by_key(|m| m.name.name());
    let cur: usize = mods.iter().map(|m| code_size(m)).sum();
    let mut s = String::new();
    let _ = writeln!(s, "Current code: {cur}");
    let _ = writeln!(s, "Old code: 0");
    for m in mods {
        let _ = writeln!(s, "{} {}", term_to_string(Term::atom(m.name)), code_size(m));
    }
    s
}

/// `D`: the ETS tables.
fn db_tables() -> String {
    let mut s = String::new();
    for id in super::ets::all_ids() {
        let Some(tr) = super::ets::by_id(id) else {
            continue;
        };
        let t = tr.read();
        let _ = writeln!(s, "=ets:{}", term_to_string(t.owner));
        let _ = writeln!(s, "Slot: {id}");
        let name = term_to_string(Term::atom(t.name));
        if t.named {
            let _ = writeln!(s, "Table: {name}");
        } else {
            let _ = writeln!(s, "Table: #Ref<{id}>");
        }
        let _ = writeln!(s, "Name: {name}");
        let _ = writeln!(s, "Objects: {}", t.size());
        let _ = writeln!(s, "Words: {}", t.memory_words());
        let _ = writeln!(s, "Type: {}", t.ty.name());
        let _ = writeln!(s, "Protection: {}", t.access.name());
        let _ = writeln!(s, "Compressed: {}", t.compressed);
        let _ = writeln!(s, "Write Concurrency: false");
        let _ = writeln!(s, "Read Concurrency: {}", t.read_concurrency);
    }
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
