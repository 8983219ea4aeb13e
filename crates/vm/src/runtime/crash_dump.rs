//! The crash dump: `erl_crash.dump` in the text format BEAM writes (`break.c`,
//! `erl_crash_dump_v`), so that OTP's `crashdump_viewer` reads it.
//!
//! ```text
//! =erl_crash_dump:0.5
//! Mon Dec  7 00:32:45 2026
//! Slogan: my slogan
//! System version: Erlang/OTP 25 [erts-13.1.5] ...
//! Taints:
//! Atoms: 8555
//! Calling Thread: scheduler:2
//! =scheduler:1 ... =memory ... =proc:<0.0.0> ... =port:#Port<0.0> ... =ets:<0.42.0> ...
//! =timer:<0.51.0> ... =node:'nonode@nohost' =no_distribution =loaded_modules =mod:lists
//! ... =atoms ... =end
//! ```
//!
//! The environment decides as on BEAM: `ERL_CRASH_DUMP` names the file, `ERL_CRASH_DUMP_SECONDS`
//! set to 0 skips the dump (a positive value bounds the time it may take, after which the
//! VM dies of `SIGALRM`, as BEAM's `alarm()` makes it), `ERL_CRASH_DUMP_BYTES` bounds its
//! size (0 skips it; a dump cut short ends with `=abort:CRASH DUMP SIZE LIMIT REACHED`).
//!
//! Before the sections are written every scheduler stops between two time slices
//! (`scheduler::pause_for_dump`, what the BREAK menu uses), so each process rests in its
//! slot and is read in one consistent state; the process of the thread writing the dump is
//! passed in. Locks are only tried, never waited for: the dump may be written by a thread
//! that failed while holding one (memory that ran out), and what cannot be read is left
//! out rather than waited for.
//!
//! Every line is what Enigma knows, in BEAM's format. What Enigma has no counterpart for
//! (allocator statistics, binary virtual heaps, dirty schedulers, funs' addresses, the
//! deep process dump of stacks and heaps) is left out rather than made up. The BREAK
//! menu prints its process, port, table and module lists with the same functions.

use std::fmt::{self, Write as _};
use std::io::Write as _;
use std::time::Duration;

use enigma_term::{build, Atom, Term, VecAlloc};

use super::fatal::{print_stderr, Current};
use super::{ports, scheduler, table};
use crate::code;
use crate::process::Process;

/// How long schedulers busy in a long native call are waited for before the dump is
/// written without them (BEAM waits up to a minute for its threads to block).
const PAUSE_PATIENCE: Duration = Duration::from_secs(5);

/// What ends a dump cut short by `ERL_CRASH_DUMP_BYTES`.
const SIZE_LIMIT_MESSAGE: &str = "\n=abort:CRASH DUMP SIZE LIMIT REACHED\n";

/// Writes the crash dump for `slogan` (as the VM's message, with its line end) if the
/// environment asks for one, saying so on stderr as BEAM does.
pub fn write(slogan: &str, current: Option<Current>) {
    let seconds = std::env::var_os("ERL_CRASH_DUMP_SECONDS")
        .map(|v| atoi(&v.to_string_lossy()))
        .unwrap_or(-1);
    if seconds == 0 {
        return;
    }
    if seconds > 0 {
        alarm(seconds as u64);
    }
    let limit = match std::env::var("ERL_CRASH_DUMP_BYTES")
        .ok()
        .map(|v| parse_limit(&v))
    {
        Some(Some(0)) => return,
        Some(Some(n)) => Some(n),
        _ => None,
    };
    let name = std::env::var_os("ERL_CRASH_DUMP")
        .map(|v| v.to_string_lossy().into_owned())
        .unwrap_or_else(|| "erl_crash.dump".to_owned());
    print_stderr(&format!("\nCrash dump is being written to: {name}..."));
    let file = {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o640)
            .open(&name)
    };
    let Ok(file) = file else {
        return;
    };
    // The time is taken before anything else stops, as BEAM does.
    let created = ctime_now();
    scheduler::pause_for_dump(PAUSE_PATIENCE);
    let mut out = Out {
        file: std::io::BufWriter::with_capacity(64 * 1024, file),
        limit,
        written: 0,
    };
    let complete = dump(&mut out, slogan, &created, current).is_ok();
    let _ = out.file.flush();
    if complete {
        print_stderr("done\n");
    }
}

/// The dump file, counting what is written against `ERL_CRASH_DUMP_BYTES`.
struct Out {
    file: std::io::BufWriter<std::fs::File>,
    limit: Option<u64>,
    written: u64,
}

impl fmt::Write for Out {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let bytes = s.as_bytes();
        if let Some(limit) = self.limit {
            let room = limit.saturating_sub(self.written);
            if bytes.len() as u64 > room {
                // As BEAM: what fits, then the notice, and nothing more.
                let _ = self.file.write_all(&bytes[..room as usize]);
                let _ = self.file.write_all(SIZE_LIMIT_MESSAGE.as_bytes());
                self.written = limit;
                return Err(fmt::Error);
            }
        }
        self.written += bytes.len() as u64;
        self.file.write_all(bytes).map_err(|_| fmt::Error)
    }
}

/// C's `atoi`, which BEAM applies to `ERL_CRASH_DUMP_SECONDS`: leading blanks, a sign,
/// digits; anything else ends the number (so a word reads as 0).
fn atoi(s: &str) -> i64 {
    let s = s.trim_start();
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut n: i64 = 0;
    for c in digits.bytes().take_while(u8::is_ascii_digit) {
        n = n.saturating_mul(10).saturating_add(i64::from(c - b'0'));
    }
    if neg {
        -n
    } else {
        n
    }
}

/// `ERL_CRASH_DUMP_BYTES` as BEAM reads it (`strtoll`, then checks): leading blanks and a
/// `+` allowed, then digits to the end, within a signed 64-bit number; anything else (a
/// negative number included) is ignored.
fn parse_limit(s: &str) -> Option<u64> {
    let t = s.trim_start();
    let t = t.strip_prefix('+').unwrap_or(t);
    if t.is_empty() || !t.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse::<i64>().ok().map(|n| n as u64)
}

/// After `secs` seconds, the VM dies of `SIGALRM` (BEAM calls `alarm(secs)`): a dump that
/// takes too long is not waited for.
fn alarm(secs: u64) {
    let _ = std::thread::Builder::new()
        .name("enigma-dump-alarm".into())
        .spawn(move || {
            std::thread::sleep(Duration::from_secs(secs));
            let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGALRM);
            std::process::exit(128 + signal_hook::consts::SIGALRM);
        });
}

/// The local time as C's `ctime` writes it: `Mon Dec  7 00:32:45 2026\n`.
fn ctime_now() -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let t = crate::bifs::os::utc_to_local(secs);
    // 1970-01-01 was a Thursday.
    let days = crate::bifs::os::days_from_civil(t.year, t.month, t.day);
    let weekday = DAYS[(days + 4).rem_euclid(7) as usize];
    let month = MONTHS[(t.month - 1).clamp(0, 11) as usize];
    format!(
        "{weekday} {month} {:>2} {:02}:{:02}:{:02} {}\n",
        t.day, t.hour, t.minute, t.second, t.year
    )
}

/// A term as the emulator prints it (BEAM's `%T`).
fn show(t: Term) -> String {
    let mut out = Vec::new();
    enigma_term::print::display_term(&mut out, t);
    String::from_utf8_lossy(&out).into_owned()
}

fn dump(w: &mut Out, slogan: &str, created: &str, current: Option<Current>) -> fmt::Result {
    write!(w, "=erl_crash_dump:0.5\n{created}")?;
    if !slogan.is_empty() {
        // As BEAM: the message as it was printed, line end included (a message without
        // one runs into the next line).
        write!(w, "Slogan: {slogan}")?;
    }
    write!(
        w,
        "System version: {}",
        crate::bifs::erlang::system::system_version()
    )?;
    // Taints name the NIFs loaded from outside OTP; Enigma loads none.
    writeln!(w, "Taints: ")?;
    if let Some(n) = Atom::try_count() {
        writeln!(w, "Atoms: {n}")?;
    }
    match scheduler::current_id() {
        Some(id) => writeln!(w, "Calling Thread: scheduler:{id}")?,
        None => writeln!(
            w,
            "Calling Thread: {}",
            std::thread::current().name().unwrap_or("unknown")
        )?,
    }
    schedulers(w, current)?;
    memory(w)?;
    processes(w, current)?;
    port_list(w)?;
    ets_tables(w)?;
    timers(w)?;
    writeln!(w, "=node:'nonode@nohost'\n=no_distribution")?;
    writeln!(w, "=loaded_modules")?;
    loaded(w, true)?;
    writeln!(w, "=atoms")?;
    atoms(w)?;
    writeln!(w, "=end")
}

/// `=scheduler:N` for each scheduler: its run queue and the process it runs.
fn schedulers(w: &mut dyn fmt::Write, current: Option<Current>) -> fmt::Result {
    let me = scheduler::current_id();
    for s in scheduler::dump_info() {
        writeln!(w, "=scheduler:{}", s.id)?;
        let [max, high, normal, low] = s.queued;
        writeln!(w, "Run Queue Max Length: {max}")?;
        writeln!(w, "Run Queue High Length: {high}")?;
        writeln!(w, "Run Queue Normal Length: {normal}")?;
        writeln!(w, "Run Queue Low Length: {low}")?;
        // The thread writing the dump may be ending a process between two time slices.
        let (pid, state) = match (s.running, current) {
            (Some(pid), Some(c)) if c.process.pid == pid && c.exiting => (Some(pid), "Exiting"),
            (Some(pid), _) => (Some(pid), "Running"),
            (None, Some(c)) if me == Some(s.id) => (
                Some(c.process.pid),
                if c.exiting { "Exiting" } else { "Running" },
            ),
            (None, _) => (None, ""),
        };
        match pid {
            Some(pid) => {
                writeln!(w, "Current Process: {}", show(pid))?;
                writeln!(w, "Current Process State: {state}")?;
            }
            None => writeln!(w, "Current Process: ")?,
        }
    }
    Ok(())
}

/// `=memory`, and the tables' sizes (also the BREAK menu's `i`). Enigma allocates through
/// one general allocator and counts no more than this: the processes' memory (heaps,
/// stacks, queues), the code and literals of loaded modules, and ETS tables; `system` is
/// the sum of the last two, not everything outside processes as on BEAM. It keeps no
/// separate figure for the part of process memory in use, so `processes_used` is left
/// out.
pub fn memory(w: &mut dyn fmt::Write) -> fmt::Result {
    let mut processes = 0usize;
    for_each_process(|p| processes += p.memory_words() * 8);
    let modules = code::module::all_versions();
    let code_bytes: usize = modules
        .iter()
        .flat_map(|(_, c, o)| [c, o])
        .flatten()
        .map(|m| code_size(m))
        .sum();
    let ets_bytes: usize = super::ets::all_ids()
        .into_iter()
        .filter_map(super::ets::by_id)
        .filter_map(|t| t.try_read().map(|t| t.memory_words() * 8))
        .sum();
    let system = code_bytes + ets_bytes;
    writeln!(w, "=memory")?;
    writeln!(w, "total: {}", processes + system)?;
    writeln!(w, "processes: {processes}")?;
    writeln!(w, "system: {system}")?;
    writeln!(w, "code: {code_bytes}")?;
    writeln!(w, "ets: {ets_bytes}")?;
    writeln!(w, "=index_table:atom_tab")?;
    writeln!(w, "limit: {}", enigma_term::atom::limit())?;
    if let Some(n) = Atom::try_count() {
        writeln!(w, "entries: {n}")?;
    }
    writeln!(w, "=index_table:module_code")?;
    writeln!(w, "entries: {}", modules.len())?;
    writeln!(w, "=hash_table:process_reg")?;
    writeln!(w, "objs: {}", table::registered().len())
}

/// Runs `f` on every process resting in its slot, in pid order (all of them once the
/// schedulers are paused). A slot another thread holds is skipped.
pub fn for_each_process(mut f: impl FnMut(&Process)) {
    for pid in table::processes() {
        if let Some(h) = table::lookup(pid) {
            h.try_with_slot(|slot| {
                if let Some(p) = slot.as_deref() {
                    f(p);
                }
            });
        }
    }
}

/// `=proc:<pid>` for every process. The caller's own process is shown from `current`
/// (a process that is exiting is not listed, as on BEAM); one that some other thread
/// holds (a scheduler that did not stop in time) gets only what its handle knows.
fn processes(w: &mut dyn fmt::Write, current: Option<Current>) -> fmt::Result {
    for pid in table::processes() {
        if let Some(c) = current.filter(|c| c.process.pid == pid) {
            if !c.exiting {
                process_info(w, c.process, true)?;
            }
            continue;
        }
        let Some(h) = table::lookup(pid) else {
            continue;
        };
        let mut text = String::new();
        let shown = h.try_with_slot(|slot| match slot.as_deref() {
            Some(p) => process_info(&mut text, p, false).map(|_| true),
            None => Ok(false),
        });
        if shown != Some(Ok(true)) {
            text.clear();
            writeln!(text, "=proc:{}", show(pid))?;
            writeln!(text, "State: Running")?;
            if let Some(name) = table::name_of(pid) {
                writeln!(text, "Name: {}", show(Term::atom(name)))?;
            }
        }
        w.write_str(&text)?;
    }
    Ok(())
}

fn mfa_text(m: crate::emulator::instr::Mfa) -> String {
    format!(
        "{}:{}/{}",
        show(Term::atom(m.module)),
        show(Term::atom(m.function)),
        m.arity
    )
}

/// One process in `break.c`'s layout, with the items Enigma keeps (`running` for the
/// process the calling thread runs). The BREAK menu's `p` prints the same lines; BEAM
/// adds a stack dump there and a program counter in a crash dump, which Enigma leaves out.
pub fn process_info(w: &mut dyn fmt::Write, p: &Process, running: bool) -> fmt::Result {
    writeln!(w, "=proc:{}", show(p.pid))?;
    let state = if running {
        "Running"
    } else {
        crate::bifs::erlang::process_info::state_name(p)
    };
    writeln!(w, "State: {state}")?;
    if let Some(name) = table::name_of(p.pid) {
        writeln!(w, "Name: {}", show(Term::atom(name)))?;
    }
    writeln!(w, "Spawned as: {}", mfa_text(p.initial_call))?;
    if let Some(cur) = crate::bifs::erlang::process_info::current_mfa(p, running) {
        let label = if running {
            "Last scheduled in for"
        } else {
            "Current call"
        };
        writeln!(w, "{label}: {}", mfa_text(cur))?;
    }
    writeln!(w, "Spawned by: {}", show(p.parent))?;
    writeln!(w, "Message queue length: {}", p.queue.len())?;
    writeln!(w, "Number of heap fragments: {}", p.heap.fragment_count())?;
    writeln!(w, "Heap fragment data: {}", p.heap.fragment_words())?;
    if !p.links.is_empty() || !p.monitors.is_empty() {
        let mut items: Vec<String> = p.links.iter().map(|l| show(*l)).collect();
        for m in &p.monitors {
            let mut h = VecAlloc::new();
            let r = build::reference(&mut h, m.reference);
            let other = match (m.watching, m.name) {
                (true, Some(name)) => format!("{{{},nonode@nohost}}", show(Term::atom(name))),
                _ => show(m.other),
            };
            let dir = if m.watching { "to" } else { "from" };
            items.push(format!("{{{dir},{other},{}}}", show(r)));
        }
        writeln!(w, "Link list: [{}]", items.join(", "))?;
    }
    writeln!(w, "Reductions: {}", p.reductions_now())?;
    writeln!(w, "Stack+heap: {}", p.heap.young_size() + p.stack.len())?;
    writeln!(w, "OldHeap: {}", p.heap.old_size())?;
    writeln!(
        w,
        "Heap unused: {}",
        p.heap.young_size().saturating_sub(p.heap.young_used())
    )?;
    writeln!(
        w,
        "OldHeap unused: {}",
        p.heap.old_size().saturating_sub(p.heap.old_used())
    )?;
    writeln!(w, "Memory: {}", p.memory_words() * 8)?;
    writeln!(
        w,
        "Internal State: PRQ_PRIO_{}",
        p.priority.name().to_ascii_uppercase()
    )
}

/// `=port:#Port<0.N>` for every port, in `break.c`'s layout.
pub fn port_list(w: &mut dyn fmt::Write) -> fmt::Result {
    for port in ports::all() {
        let Some(pt) = ports::lookup(port) else {
            continue;
        };
        let info = pt.info();
        writeln!(w, "=port:{}", show(port))?;
        writeln!(w, "State: CONNECTED")?;
        writeln!(w, "Connected: {}", show(info.owner))?;
        if !info.links.is_empty() {
            let links: Vec<String> = info.links.iter().map(|l| show(*l)).collect();
            writeln!(w, "Links: {}", links.join(", "))?;
        }
        if let Some(name) = table::name_of(port) {
            writeln!(w, "Registered as: {}", show(Term::atom(name)))?;
        }
        let fd_port = pt
            .name
            .split_once('/')
            .is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok());
        let driver = pt.name.split(' ').next().unwrap_or("");
        if fd_port {
            writeln!(w, "Port is UNIX fd not opened by emulator: {}", pt.name)?;
        } else if matches!(driver, "tty_sl" | "tcp_inet" | "udp_inet") {
            writeln!(w, "Port controls linked-in driver: {driver}")?;
        } else {
            writeln!(w, "Port controls external process: {}", pt.name)?;
        }
        writeln!(w, "Input: {}", info.input)?;
        writeln!(w, "Output: {}", info.output)?;
        writeln!(w, "Queue: {}", info.queue_size)?;
    }
    Ok(())
}

/// `=ets:<owner>` for every table (also the BREAK menu's `D`).
pub fn ets_tables(w: &mut dyn fmt::Write) -> fmt::Result {
    for id in super::ets::all_ids() {
        let Some(tr) = super::ets::by_id(id) else {
            continue;
        };
        let Some(t) = tr.try_read() else {
            continue;
        };
        writeln!(w, "=ets:{}", show(t.owner))?;
        let name = show(Term::atom(t.name));
        if t.named {
            writeln!(w, "Table: {name}")?;
        } else {
            let mut h = VecAlloc::new();
            writeln!(w, "Table: {}", show(super::ets::tid_term(&mut h, id)))?;
        }
        writeln!(w, "Name: {name}")?;
        writeln!(w, "Objects: {}", t.size())?;
        writeln!(w, "Words: {}", t.memory_words())?;
        writeln!(w, "Type: {}", t.type_atom())?;
        writeln!(w, "Protection: {}", t.access.name())?;
        writeln!(w, "Compressed: {}", t.compressed)?;
        let write_concurrency = match t.write_concurrency {
            super::ets::table::WriteConcurrency::Off => "false",
            super::ets::table::WriteConcurrency::On => "true",
            super::ets::table::WriteConcurrency::Auto => "auto",
        };
        writeln!(w, "Write Concurrency: {write_concurrency}")?;
        writeln!(w, "Read Concurrency: {}", t.read_concurrency)?;
    }
    Ok(())
}

/// `=timer:<pid>` for every message timer (`send_after`, `start_timer`).
fn timers(w: &mut dyn fmt::Write) -> fmt::Result {
    for (dest, message, left) in super::timers::message_timers() {
        writeln!(w, "=timer:{}", show(dest))?;
        writeln!(w, "Message: {message}")?;
        writeln!(w, "Time left: {left}")?;
    }
    Ok(())
}

/// The size BEAM gives a module's code: its instructions and literals, in bytes.
pub fn code_size(m: &code::module::Module) -> usize {
    std::mem::size_of_val(&*m.code) + m.literals.words_used() * 8
}

/// The loaded modules and their sizes: `=mod:M` entries with their attributes and
/// compilation information (as base64 of the external term format, which the viewer
/// decodes) in a dump, `M Size` lines for the BREAK menu's `l`.
pub fn loaded(w: &mut dyn fmt::Write, dumping: bool) -> fmt::Result {
    let mods = code::module::all_versions();
    let size = |m: Option<&code::module::Module>| m.map_or(0, code_size);
    let cur: usize = mods.iter().map(|(_, c, _)| size(*c)).sum();
    let old: usize = mods.iter().map(|(_, _, o)| size(*o)).sum();
    writeln!(w, "Current code: {cur}")?;
    writeln!(w, "Old code: {old}")?;
    for (name, c, o) in mods {
        let name = show(Term::atom(name));
        if !dumping {
            write!(w, "{name} {}", size(c))?;
            if o.is_some() {
                write!(w, " ({} old)", size(o))?;
            }
            writeln!(w)?;
            continue;
        }
        writeln!(w, "=mod:{name}")?;
        writeln!(w, "Current size: {}", size(c))?;
        if let Some(m) = c {
            attributes(w, "Current", m)?;
        }
        if let Some(m) = o {
            writeln!(w, "Old size: {}", code_size(m))?;
            attributes(w, "Old", m)?;
        }
    }
    Ok(())
}

/// `Current attributes:` and `Current compilation info:` (or `Old ...`) of a module that
/// has them (preloaded modules have none, as on BEAM).
fn attributes(w: &mut dyn fmt::Write, which: &str, m: &code::module::Module) -> fmt::Result {
    for (label, t) in [
        ("attributes", m.attributes),
        ("compilation info", m.compile_info),
    ] {
        if t.is_nil() {
            continue;
        }
        if let Ok(bytes) = enigma_term::etf::encode(t, &Default::default()) {
            writeln!(w, "{which} {label}: {}", base64(&bytes))?;
        }
    }
    Ok(())
}

/// Standard base64 with padding, as BEAM's `erts_print_base64`.
fn base64(bytes: &[u8]) -> String {
    const CHARS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(CHARS[((n >> shift) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Every atom, the newest first (BEAM's `dump_atoms`).
fn atoms(w: &mut dyn fmt::Write) -> fmt::Result {
    let Some(n) = Atom::try_count() else {
        return Ok(());
    };
    for i in (0..n).rev() {
        writeln!(w, "{}", show(Term::atom(Atom(i as u32))))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads_as_beam() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn atoi_reads_as_c_does() {
        assert_eq!(atoi("0"), 0);
        assert_eq!(atoi(" 12x"), 12);
        assert_eq!(atoi("-3"), -3);
        assert_eq!(atoi("abc"), 0);
        assert_eq!(atoi(""), 0);
    }

    #[test]
    fn size_limit_is_a_whole_number() {
        assert_eq!(parse_limit("100"), Some(100));
        assert_eq!(parse_limit("0"), Some(0));
        assert_eq!(parse_limit("-1"), None);
        assert_eq!(parse_limit("12k"), None);
        assert_eq!(parse_limit(""), None);
        assert_eq!(parse_limit(" +7"), Some(7));
        assert_eq!(parse_limit("99999999999999999999"), None);
    }
}
