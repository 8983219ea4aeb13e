//! Reports the emulator itself makes (a process that crashed, a process over its
//! `max_heap_size`), sent as BEAM sends them: `{log, Level, Format, Args, Meta}` to the
//! system logger (the process registered as `logger`, or the one named by
//! `erlang:system_flag(system_logger, _)`), which formats them as OTP's logger does. With no
//! logger to receive it (`enigma run`, or early in the boot), the report is printed on
//! stderr instead.

use std::sync::atomic::{AtomicU64, Ordering};

use enigma_term::{atom, build, map, Atom, Term, VecAlloc};

use super::{send, table};

/// The system logger: an atom (a registered name, `logger` by default), a pid, or
/// `undefined` (reports dropped). Stored as the raw term word (atoms and local pids are
/// immediates).
static SYSTEM_LOGGER: AtomicU64 = AtomicU64::new(0);

fn logger_atom() -> Term {
    Atom::intern("logger")
        .map(Term::atom)
        .unwrap_or(Term::atom(atom::UNDEFINED))
}

/// `erlang:system_info(system_logger)`.
pub fn system_logger() -> Term {
    match SYSTEM_LOGGER.load(Ordering::Relaxed) {
        0 => logger_atom(),
        raw => Term::from_raw(raw),
    }
}

/// `erlang:system_flag(system_logger, L)`: sets it, returning the old one.
pub fn set_system_logger(l: Term) -> Term {
    let old = system_logger();
    SYSTEM_LOGGER.store(l.raw(), Ordering::Relaxed);
    old
}

/// Where a report goes now: the logger's pid, if one is there to take it.
fn logger_pid() -> Option<Term> {
    let l = system_logger();
    if l == Term::atom(atom::UNDEFINED) {
        return None;
    }
    if let Some(name) = l.as_atom() {
        return table::whereis(name);
    }
    table::is_alive(l).then_some(l)
}

/// Sends an error report to the system logger: `format` (an `io:format` string) with
/// `args`, from process `pid` with group leader `gl`. Returns false when there is no
/// logger (the caller prints its own fallback).
pub fn send_error(pid: Term, gl: Term, format: &str, args: &[Term]) -> bool {
    let to = logger_pid();
    // `enigma run` has no logger and prints its own report.
    if to.is_none() && crate::code::load::autoload() {
        return false;
    }
    let mut a = VecAlloc::new();
    let h = &mut a;
    let format_t = build::str_list(h, format);
    let args_t = build::list(h, args);
    let key = |n: &str| Atom::intern(n).map(Term::atom).unwrap_or(Term::NIL);
    let el = map::from_pairs(
        h,
        vec![
            (key("emulator"), Term::TRUE),
            (key("tag"), Term::atom(atom::ERROR)),
        ],
    );
    let micros = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros() as i64)
        .unwrap_or(0);
    let time = enigma_term::integer::from_i64(h, micros);
    let meta = map::from_pairs(
        h,
        vec![
            (key("error_logger"), el),
            (key("gl"), gl),
            (Term::atom(atom::PID), pid),
            (key("time"), time),
        ],
    );
    let msg = build::tuple(
        h,
        &[key("log"), Term::atom(atom::ERROR), format_t, args_t, meta],
    );
    match to {
        Some(to) => send::deliver(to, msg),
        None => {
            // As BEAM when no logger runs (early in the boot): the message itself, on
            // stderr, as the emulator prints terms (and its lines, ending in CR LF).
            let mut out = b"(no logger present) unexpected logger message: ".to_vec();
            enigma_term::print::display_term(&mut out, msg);
            out.push(b'\n');
            super::fatal::print_stderr(&String::from_utf8_lossy(&out));
        }
    }
    true
}

/// Sends an error report of plain text (BEAM's `erts_send_error_to_logger`: the format
/// `"~s~n"` with the text as its argument).
pub fn send_error_text(pid: Term, gl: Term, text: &str) -> bool {
    let mut a = VecAlloc::new();
    let t = build::str_list(&mut a, text);
    send_error(pid, gl, "~s~n", &[t])
}
