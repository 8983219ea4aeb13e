//! BIFs of the `erlang` module: message timers (`send_after`, `start_timer`, `cancel_timer`,
//! `read_timer`). The timers themselves live in `runtime/timers.rs`.

use std::time::Duration;

use enigma_term::{atom, Term};

use crate::bif;
use crate::bifs::erlang::badarg_with_cause;
use crate::bifs::erlang::new_ref;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult, Fault};
use crate::process::Process;
use crate::runtime::timers;

/// Largest relative time a timer BIF accepts, in milliseconds: BEAM refuses a time whose
/// end does not fit its 64-bit nanosecond monotonic clock. (`receive ... after` has the
/// lower limit of 2^32 - 1 ms; see the emulator's `WaitTimeout`.)
const MAX_TIMEOUT_MS: i64 = i64::MAX / 1_000_000;

/// Starts a timer; `abs` when the time is a point on `erlang:monotonic_time(millisecond)`.
/// A bad time is `badarg` with the cause `time` in its error information, as on BEAM.
fn start(p: &mut Process, a: &[Term], wrap: bool, abs: bool) -> BifResult {
    let ms = timeout_ms(a[0], abs).ok_or_else(|| badarg_with_cause(p, "time"))?;
    let dest = a[1];
    if !(dest.is_local_pid() || dest.is_atom()) {
        return Err(badarg());
    }
    let r = new_ref(p);
    timers::start(
        r.ref_numbers(),
        Duration::from_millis(ms as u64),
        dest,
        a[2],
        wrap,
    );
    Ok(r)
}

/// The relative time in milliseconds that `t` names, if it is a valid timer time.
fn timeout_ms(t: Term, abs: bool) -> Option<i64> {
    let t = t.as_i64()?;
    let ms = if abs {
        let now = crate::bifs::os::monotonic_ns().div_euclid(1_000_000);
        if t.checked_sub(now)? > MAX_TIMEOUT_MS {
            return None;
        }
        t.saturating_sub(now).max(0)
    } else {
        t
    };
    (0..=MAX_TIMEOUT_MS).contains(&ms).then_some(ms)
}

/// Parses a `send_after/4`/`start_timer/4` option list: whether the time is absolute. A
/// bad list is `badarg` with the cause `badopt`.
fn abs_option(p: &mut Process, opts: Term) -> Result<bool, Fault> {
    let mut abs = Some(false);
    match proper_list(opts) {
        Ok(list) => {
            for o in list {
                match o.as_tuple() {
                    Some(&[k, v]) if k == Term::atom(atom::ABS) && v.is_boolean() => {
                        abs = abs.map(|_| v == Term::TRUE)
                    }
                    _ => abs = None,
                }
            }
        }
        Err(_) => abs = None,
    }
    abs.ok_or_else(|| badarg_with_cause(p, "badopt"))
}

fn proper_list(l: Term) -> Result<Vec<Term>, Fault> {
    enigma_term::build::list_to_vec(l).ok_or_else(badarg)
}

fn send_after_3(p: &mut Process, a: &[Term]) -> BifResult {
    start(p, a, false, false)
}

fn send_after_4(p: &mut Process, a: &[Term]) -> BifResult {
    let abs = abs_option(p, a[3])?;
    start(p, a, false, abs)
}

fn start_timer_3(p: &mut Process, a: &[Term]) -> BifResult {
    start(p, a, true, false)
}

fn start_timer_4(p: &mut Process, a: &[Term]) -> BifResult {
    let abs = abs_option(p, a[3])?;
    start(p, a, true, abs)
}

fn remaining(d: Option<Duration>) -> Term {
    match d {
        Some(d) => Term::small(d.as_millis().min(i64::MAX as u128 / 2) as i64),
        None => Term::FALSE,
    }
}

fn cancel_timer_1(_p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_ref() {
        return Err(badarg());
    }
    Ok(remaining(timers::cancel(a[0].ref_numbers())))
}

fn cancel_timer_2(p: &mut Process, a: &[Term]) -> BifResult {
    // Options: {async, Bool}, {info, Bool}. Async cancellation sends
    // {cancel_timer, Ref, Result} instead of returning it.
    let (mut asynchronous, mut info) = (false, true);
    let mut l = a[1];
    while let Some((h, t)) = l.as_cons() {
        match h.as_tuple() {
            Some([k, v]) if v.is_boolean() && *k == Term::atom(atom::ASYNC) => {
                asynchronous = *v == Term::TRUE
            }
            Some([k, v]) if v.is_boolean() && *k == Term::atom(atom::INFO) => {
                info = *v == Term::TRUE
            }
            _ => return Err(badarg()),
        }
        l = t;
    }
    if !l.is_nil() || !a[0].is_ref() {
        return Err(badarg());
    }
    let result = remaining(timers::cancel(a[0].ref_numbers()));
    if asynchronous {
        if info {
            let tag = enigma_term::Atom::intern("cancel_timer")
                .map(Term::atom)
                .map_err(|_| badarg())?;
            let msg = enigma_term::build::tuple(&mut p.heap, &[tag, a[0], result]);
            crate::runtime::send::send(p, p.pid, msg).map_err(Fault::Raise)?;
        }
        return Ok(Term::atom(atom::OK));
    }
    Ok(if info { result } else { Term::atom(atom::OK) })
}

fn read_timer_1(_p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_ref() {
        return Err(badarg());
    }
    Ok(remaining(timers::read(a[0].ref_numbers())))
}

fn read_timer_2(p: &mut Process, a: &[Term]) -> BifResult {
    let mut asynchronous = false;
    for o in proper_list(a[1])? {
        match o.as_tuple() {
            Some(&[k, v]) if v.is_boolean() && k == Term::atom(atom::ASYNC) => {
                asynchronous = v == Term::TRUE
            }
            _ => return Err(badarg()),
        }
    }
    if !a[0].is_ref() {
        return Err(badarg());
    }
    let result = remaining(timers::read(a[0].ref_numbers()));
    if asynchronous {
        // The answer comes as `{read_timer, Ref, Result}`.
        let tag = enigma_term::Atom::intern("read_timer")
            .map(Term::atom)
            .map_err(|_| badarg())?;
        let msg = enigma_term::build::tuple(&mut p.heap, &[tag, a[0], result]);
        crate::runtime::send::send(p, p.pid, msg).map_err(Fault::Raise)?;
        return Ok(Term::atom(atom::OK));
    }
    Ok(result)
}

pub const BIFS: &[BifEntry] = &[
    bif!("erlang", "read_timer", 2, read_timer_2),
    bif!("erlang", "send_after", 3, send_after_3),
    bif!("erlang", "send_after", 4, send_after_4),
    bif!("erlang", "start_timer", 3, start_timer_3),
    bif!("erlang", "start_timer", 4, start_timer_4),
    bif!("erlang", "cancel_timer", 1, cancel_timer_1),
    bif!("erlang", "cancel_timer", 2, cancel_timer_2),
    bif!("erlang", "read_timer", 1, read_timer_1),
];
