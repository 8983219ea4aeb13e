//! BIFs of the `os` module (environment, pid, clocks), and the clock and calendar helpers
//! that the `erlang` module's time BIFs (`bifs/erlang/system.rs`) share with them.
//!
//! Time follows BEAM's model: the native unit is the nanosecond; Erlang monotonic time
//! starts at [`MONOTONIC_START`] when the VM starts (as `erlang:system_info(start_time)`
//! reports on BEAM); system time is the OS wall clock. Local time uses the `TZ` variable or
//! `/etc/localtime` (a TZif file), read once; a zone Enigma cannot read counts as UTC.

use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use enigma_term::{atom, build, integer, Atom, Term, TermAlloc};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult};
use crate::process::Process;

// ---- clocks ----

/// Erlang monotonic time at VM start, in nanoseconds (BEAM's `ERTS_MONOTONIC_BEGIN` for a
/// 64-bit emulator: `system_info(start_time)` on BEAM gives this value).
pub const MONOTONIC_START: i64 = -576_460_752_000_000_000;

/// Nanoseconds per second: the native time unit (`erts_internal:time_unit/0`).
pub const NATIVE_UNITS_PER_SEC: i64 = 1_000_000_000;

fn vm_start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// Makes the VM's start instant the first time anyone asks (call early at boot).
pub fn init_clocks() {
    let _ = vm_start();
}

/// Erlang monotonic time in nanoseconds.
pub fn monotonic_ns() -> i64 {
    let elapsed = vm_start().elapsed().as_nanos();
    MONOTONIC_START.saturating_add(i64::try_from(elapsed).unwrap_or(i64::MAX))
}

/// OS system time in nanoseconds since the Unix epoch (negative before it).
pub fn system_ns() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_nanos()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_nanos()).unwrap_or(i64::MAX),
    }
}

/// A time unit as `erlang:convert_time_unit/3` accepts it: parts per second.
pub fn time_unit_parts(t: Term) -> Option<i64> {
    if let Some(n) = t.as_small() {
        return (n > 0).then_some(n);
    }
    match t.as_atom()?.name() {
        "second" | "seconds" => Some(1),
        "millisecond" | "milli_seconds" => Some(1_000),
        "microsecond" | "micro_seconds" => Some(1_000_000),
        "nanosecond" | "nano_seconds" | "native" | "perf_counter" => Some(NATIVE_UNITS_PER_SEC),
        _ => None,
    }
}

/// `ns` nanoseconds in a unit of `parts` per second, rounded towards minus infinity (as
/// BEAM converts negative monotonic times).
pub fn ns_to_unit(ns: i64, parts: i64) -> i128 {
    let v = ns as i128 * parts as i128;
    v.div_euclid(NATIVE_UNITS_PER_SEC as i128)
}

/// `{MegaSecs, Secs, MicroSecs}` of a system time in nanoseconds.
pub fn timestamp_tuple(heap: &mut dyn TermAlloc, ns: i64) -> Term {
    let us = ns.div_euclid(1_000);
    let secs = us.div_euclid(1_000_000);
    build::tuple(
        heap,
        &[
            Term::small(secs / 1_000_000),
            Term::small(secs % 1_000_000),
            Term::small(us.rem_euclid(1_000_000)),
        ],
    )
}

fn perf_counter_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(integer::from_i64(
        &mut p.heap,
        monotonic_ns() - MONOTONIC_START,
    ))
}

fn timestamp_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(timestamp_tuple(&mut p.heap, system_ns()))
}

fn system_time_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(integer::from_i64(&mut p.heap, system_ns()))
}

fn system_time_1(p: &mut Process, a: &[Term]) -> BifResult {
    let parts = time_unit_parts(a[0]).ok_or_else(badarg)?;
    Ok(integer::from_i128(
        &mut p.heap,
        ns_to_unit(system_ns(), parts),
    ))
}

// ---- calendar ----

/// The first year BEAM's calendar BIFs accept.
pub const BASE_YEAR: i64 = 1902;

/// A calendar date and time of day.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct DateTime {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl DateTime {
    /// The calendar time of `secs` seconds since the epoch.
    pub fn from_posix(secs: i64) -> DateTime {
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        DateTime {
            year,
            month,
            day,
            hour: rem / 3600,
            minute: rem % 3600 / 60,
            second: rem % 60,
        }
    }

    /// Seconds since the epoch.
    pub fn to_posix(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + self.hour * 3600
            + self.minute * 60
            + self.second
    }

    /// Reads `{{Y, Mo, D}, {H, Mi, S}}`, checking that it is a valid date and time from
    /// [`BASE_YEAR`] on (BEAM's limits for its local-time BIFs).
    pub fn from_term(t: Term) -> Option<DateTime> {
        DateTime::from_term_since(t, BASE_YEAR)
    }

    /// As [`DateTime::from_term`], for years from `first_year` on (BEAM's UTC conversions
    /// accept 1600 on).
    pub fn from_term_since(t: Term, first_year: i64) -> Option<DateTime> {
        let &[date, time] = t.as_tuple()? else {
            return None;
        };
        let &[y, mo, d] = date.as_tuple()? else {
            return None;
        };
        let &[h, mi, s] = time.as_tuple()? else {
            return None;
        };
        let dt = DateTime {
            year: y.as_small()?,
            month: mo.as_small()?,
            day: d.as_small()?,
            hour: h.as_small()?,
            minute: mi.as_small()?,
            second: s.as_small()?,
        };
        let valid = (first_year..=i32::MAX as i64 - 1).contains(&dt.year)
            && (1..=12).contains(&dt.month)
            && dt.day >= 1
            && dt.day <= days_in_month(dt.year, dt.month)
            && (0..24).contains(&dt.hour)
            && (0..60).contains(&dt.minute)
            && (0..60).contains(&dt.second);
        valid.then_some(dt)
    }

    /// `{Y, Mo, D}`.
    pub fn date_term(&self, heap: &mut dyn TermAlloc) -> Term {
        build::tuple(
            heap,
            &[
                Term::small(self.year),
                Term::small(self.month),
                Term::small(self.day),
            ],
        )
    }

    /// `{H, Mi, S}`.
    pub fn time_term(&self, heap: &mut dyn TermAlloc) -> Term {
        build::tuple(
            heap,
            &[
                Term::small(self.hour),
                Term::small(self.minute),
                Term::small(self.second),
            ],
        )
    }

    /// `{{Y, Mo, D}, {H, Mi, S}}`.
    pub fn to_term(&self, heap: &mut dyn TermAlloc) -> Term {
        let d = self.date_term(heap);
        let t = self.time_term(heap);
        build::tuple(heap, &[d, t])
    }
}

// ---- time zone ----

/// The local time zone: UTC offsets (seconds) from each transition time on.
struct Zone {
    /// `(transition time, offset after it, is_dst)`, sorted by time.
    transitions: Vec<(i64, i64, bool)>,
    /// Offset before the first transition (or always, without transitions).
    initial: (i64, bool),
}

impl Zone {
    fn utc() -> Zone {
        Zone {
            transitions: Vec::new(),
            initial: (0, false),
        }
    }

    /// UTC offset and DST flag in effect at `utc` seconds since the epoch.
    fn offset_at(&self, utc: i64) -> (i64, bool) {
        let k = self.transitions.partition_point(|t| t.0 <= utc);
        match k.checked_sub(1).and_then(|i| self.transitions.get(i)) {
            Some(&(_, off, dst)) => (off, dst),
            None => self.initial,
        }
    }
}

fn zone() -> &'static Zone {
    static Z: OnceLock<Zone> = OnceLock::new();
    Z.get_or_init(load_zone)
}

fn load_zone() -> Zone {
    let path = match std::env::var("TZ") {
        Ok(tz) => {
            let tz = tz.trim_start_matches(':').to_string();
            if tz.is_empty() || tz == "UTC" || tz == "UTC0" || tz == "GMT" || tz == "GMT0" {
                return Zone::utc();
            }
            if tz.starts_with('/') {
                tz
            } else {
                format!("/usr/share/zoneinfo/{tz}")
            }
        }
        Err(_) => "/etc/localtime".to_string(),
    };
    std::fs::read(&path)
        .ok()
        .and_then(|b| parse_tzif(&b))
        .unwrap_or_else(Zone::utc)
}

/// Parses a TZif file (version 1, or the 64-bit block of version 2 and later).
fn parse_tzif(b: &[u8]) -> Option<Zone> {
    fn be32(b: &[u8], at: usize) -> Option<i64> {
        Some(i32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?) as i64)
    }
    fn be64(b: &[u8], at: usize) -> Option<i64> {
        Some(i64::from_be_bytes(b.get(at..at + 8)?.try_into().ok()?))
    }
    struct Counts {
        isutc: usize,
        isstd: usize,
        leap: usize,
        time: usize,
        typ: usize,
        chars: usize,
    }
    fn counts(b: &[u8], at: usize) -> Option<Counts> {
        if b.get(at..at + 4)? != b"TZif" {
            return None;
        }
        let c = |i: usize| be32(b, at + 20 + 4 * i).and_then(|v| usize::try_from(v).ok());
        Some(Counts {
            isutc: c(0)?,
            isstd: c(1)?,
            leap: c(2)?,
            time: c(3)?,
            typ: c(4)?,
            chars: c(5)?,
        })
    }
    let c1 = counts(b, 0)?;
    let version = *b.get(4)?;
    let (start, c, tsize) = if version >= b'2' {
        let v1_len = c1.time * 5 + c1.typ * 6 + c1.chars + c1.leap * 8 + c1.isstd + c1.isutc;
        let at = 44 + v1_len;
        (at, counts(b, at)?, 8)
    } else {
        (0, c1, 4)
    };
    let times_at = start + 44;
    let idx_at = times_at + c.time * tsize;
    let types_at = idx_at + c.time;
    let mut types = Vec::with_capacity(c.typ);
    for i in 0..c.typ {
        let at = types_at + 6 * i;
        types.push((be32(b, at)?, *b.get(at + 4)? != 0));
    }
    let mut transitions = Vec::with_capacity(c.time);
    for i in 0..c.time {
        let t = if tsize == 8 {
            be64(b, times_at + 8 * i)?
        } else {
            be32(b, times_at + 4 * i)?
        };
        let ty = *types.get(*b.get(idx_at + i)? as usize)?;
        transitions.push((t, ty.0, ty.1));
    }
    // The first non-DST type is in effect before the first transition.
    let initial = types
        .iter()
        .copied()
        .find(|t| !t.1)
        .or_else(|| types.first().copied())
        .unwrap_or((0, false));
    Some(Zone {
        transitions,
        initial,
    })
}

/// The local calendar time of `utc` seconds since the epoch.
pub fn utc_to_local(utc: i64) -> DateTime {
    DateTime::from_posix(utc + zone().offset_at(utc).0)
}

/// The UTC seconds of a local calendar time; `is_dst` (`Some(true/false)`) prefers the
/// DST or standard reading of an ambiguous time, as BEAM's `IsDst` argument does.
pub fn local_to_utc(local: &DateTime, is_dst: Option<bool>) -> i64 {
    let l = local.to_posix();
    let z = zone();
    let mut candidates: Vec<(i64, bool)> = Vec::new();
    for probe in [l - 86_400, l, l + 86_400] {
        let (off, dst) = z.offset_at(probe);
        let utc = l - off;
        if z.offset_at(utc).0 == off && !candidates.iter().any(|c| c.0 == utc) {
            candidates.push((utc, dst));
        }
    }
    if let Some(want) = is_dst {
        if let Some(c) = candidates.iter().find(|c| c.1 == want) {
            return c.0;
        }
        // No reading with the DST flag asked for: like glibc's mktime (which BEAM uses),
        // shift by the hour that DST would have added or removed.
        if let Some(c) = candidates.first() {
            return if want { c.0 - 3600 } else { c.0 + 3600 };
        }
    }
    match candidates.first() {
        Some(c) => c.0,
        // A local time skipped by a DST change: read it with the offset before the change.
        None => l - z.offset_at(l - 86_400).0,
    }
}

// ---- environment ----

/// A name or value argument: a (possibly deep) list of characters.
fn env_string(t: Term) -> Option<String> {
    let mut out = String::new();
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        if t.is_nil() {
            continue;
        }
        let (h, tail) = t.as_cons()?;
        stack.push(tail);
        if h.is_list() {
            stack.push(h);
        } else {
            out.push(char::from_u32(u32::try_from(h.as_small()?).ok()?)?);
        }
    }
    Some(out)
}

/// An environment variable name that the OS accepts: no `=` and no NUL.
fn env_name(t: Term) -> Option<String> {
    env_string(t).filter(|s| !s.contains('=') && !s.contains('\0'))
}

fn os_string(heap: &mut dyn TermAlloc, s: &std::ffi::OsStr) -> Term {
    match s.to_str() {
        Some(s) => build::str_list(heap, s),
        None => {
            use std::os::unix::ffi::OsStrExt;
            build::string_list(heap, s.as_bytes().iter().map(|&b| b as u32))
        }
    }
}

fn getenv_1(p: &mut Process, a: &[Term]) -> BifResult {
    let name = env_name(a[0]).ok_or_else(badarg)?;
    if name.is_empty() {
        return Ok(Term::FALSE);
    }
    match std::env::var_os(&name) {
        Some(v) => Ok(os_string(&mut p.heap, &v)),
        None => Ok(Term::FALSE),
    }
}

fn env_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let mut items = Vec::new();
    for (k, v) in std::env::vars_os() {
        let kt = os_string(&mut p.heap, &k);
        let vt = os_string(&mut p.heap, &v);
        items.push(build::tuple(&mut p.heap, &[kt, vt]));
    }
    Ok(build::list(&mut p.heap, &items))
}

fn putenv_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let name = env_name(a[0]).ok_or_else(badarg)?;
    let value = env_string(a[1])
        .filter(|v| !v.contains('\0'))
        .ok_or_else(badarg)?;
    if !name.is_empty() {
        std::env::set_var(name, value);
    }
    Ok(Term::TRUE)
}

fn unsetenv_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let name = env_name(a[0]).ok_or_else(badarg)?;
    if !name.is_empty() {
        std::env::remove_var(name);
    }
    Ok(Term::TRUE)
}

fn getpid_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(build::str_list(
        &mut p.heap,
        &std::process::id().to_string(),
    ))
}

/// `os:set_signal/2`: Enigma installs no signal handlers of its own yet; accepts BEAM's
/// arguments and does nothing.
fn set_signal_2(_p: &mut Process, a: &[Term]) -> BifResult {
    const SIGNALS: &[&str] = &[
        "sighup", "sigquit", "sigabrt", "sigalrm", "sigterm", "sigusr1", "sigusr2", "sigchld",
        "sigstop", "sigtstp",
    ];
    let ok_sig = a[0].as_atom().is_some_and(|s| SIGNALS.contains(&s.name()));
    let ok_opt = a[1]
        .as_atom()
        .is_some_and(|o| matches!(o.name(), "default" | "handle" | "ignore"));
    if ok_sig && ok_opt {
        Ok(Term::atom(atom::OK))
    } else {
        Err(badarg())
    }
}

/// The atom for a name Enigma uses in its own code.
pub fn atom_of(name: &str) -> Term {
    Term::atom(Atom::intern(name).unwrap_or(atom::UNDEFINED))
}

pub const BIFS: &[BifEntry] = &[
    bif!("os", "getenv", 1, getenv_1),
    bif!("os", "env", 0, env_0),
    bif!("os", "putenv", 2, putenv_2),
    bif!("os", "unsetenv", 1, unsetenv_1),
    bif!("os", "getpid", 0, getpid_0),
    bif!("os", "timestamp", 0, timestamp_0),
    bif!("os", "system_time", 0, system_time_0),
    bif!("os", "system_time", 1, system_time_1),
    bif!("os", "perf_counter", 0, perf_counter_0),
    bif!("os", "set_signal", 2, set_signal_2),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips() {
        for secs in [
            0i64,
            86_399,
            951_782_400,
            1_700_000_000,
            -1,
            -86_401,
            4_102_444_800,
        ] {
            let dt = DateTime::from_posix(secs);
            assert_eq!(dt.to_posix(), secs);
        }
        let dt = DateTime::from_posix(1_700_000_000);
        assert_eq!(
            (dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second),
            (2023, 11, 14, 22, 13, 20)
        );
        assert_eq!(civil_from_days(days_from_civil(2000, 2, 29)), (2000, 2, 29));
    }

    #[test]
    fn units_convert_with_floor() {
        assert_eq!(ns_to_unit(-1, 1), -1);
        assert_eq!(ns_to_unit(1_999_999_999, 1), 1);
        assert_eq!(ns_to_unit(1_500, 1_000_000), 1);
        assert_eq!(time_unit_parts(Term::small(0)), None);
        assert_eq!(time_unit_parts(Term::atom(atom::MILLISECOND)), Some(1000));
    }

    #[test]
    fn tzif_parses_transitions() {
        // A minimal version-1 TZif: one transition at t=100 to type 1 (+3600, DST).
        let mut f = b"TZif".to_vec();
        f.extend_from_slice(&[0u8; 16]);
        for c in [0u32, 0, 0, 1, 2, 4] {
            f.extend_from_slice(&c.to_be_bytes());
        }
        f.extend_from_slice(&100i32.to_be_bytes());
        f.push(1);
        f.extend_from_slice(&0i32.to_be_bytes());
        f.extend_from_slice(&[0, 0]);
        f.extend_from_slice(&3600i32.to_be_bytes());
        f.extend_from_slice(&[1, 0]);
        f.extend_from_slice(b"UTC\0");
        let z = parse_tzif(&f).unwrap_or_else(Zone::utc);
        assert_eq!(z.offset_at(50), (0, false));
        assert_eq!(z.offset_at(100), (3600, true));
        assert!(parse_tzif(b"nope").is_none());
    }
}
