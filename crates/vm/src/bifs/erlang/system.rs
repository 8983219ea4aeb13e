//! BIFs of the `erlang` module about the system and processes: `system_info/1`,
//! `system_flag/2`, `statistics/1`, time, the rest of the process dictionary, process
//! information and signals (`link/1`, `exit/2`, `send/2,3`, `spawn_link/3`, `spawn_opt/4`),
//! and what `code` and every module's `module_info/0,1` ask about loaded code.
//!
//! Clocks and the calendar are shared with the `os` module (`bifs/os.rs`).
//!
//! Known gaps, each waiting on the runtime: `spawn_opt/4`'s `monitor` returns a reference that no `'DOWN'` message
//! follows yet; `get/0` lists the dictionary newest key first rather than in BEAM's hash
//! order (the same for a run of ascending small-integer keys, different in general).

use std::sync::atomic::{AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::sync::OnceLock;

use enigma_term::{atom, build, compare, integer, map, Atom, Term, TermAlloc};

use crate::bif;
use crate::bifs::os::{self, atom_of, DateTime};
use crate::bifs::BifEntry;
use crate::code;
use crate::emulator::exception::{badarg, BifResult, Exception, Fault};
use crate::process::Process;
use crate::runtime::scheduler;

// ---- system_info/1 ----

/// The OTP release Enigma presents itself as (the release its loader and BIFs follow).
const OTP_RELEASE: &str = "25";

/// BEAM's process table size limit (`+P` default).
const PROCESS_LIMIT: i64 = 262_144;
/// BEAM's port table size limit (`+Q` default).
const PORT_LIMIT: i64 = 65_536;
/// BEAM's ETS table limit as reported by `system_info(ets_limit)`.
const ETS_LIMIT: i64 = 8_192;
/// Default minimum heap size of a process, in words.
const MIN_HEAP_SIZE: i64 = 233;
/// Default minimum binary virtual heap size, in words.
const MIN_BIN_VHEAP_SIZE: i64 = 46_422;
/// Default `fullsweep_after`.
const FULLSWEEP_AFTER: i64 = 65_535;

/// The version of the installed erts: the `erts-*` directory of the OTP root, else the
/// first field of `releases/start_erl.data`.
/// `erlang:system_info(system_version)`: the banner line, newline included.
pub fn system_version() -> String {
    let n = schedulers();
    format!(
        "Erlang/OTP {OTP_RELEASE} [erts-{}] [source] [64-bit] [smp:{n}:{n}] [ds:{n}:{n}:10] [async-threads:1]\n",
        erts_version()
    )
}

pub fn erts_version() -> &'static str {
    static V: OnceLock<String> = OnceLock::new();
    V.get_or_init(|| {
        let root = code::path::otp_root();
        let from_dir = |dir: std::path::PathBuf| -> Option<String> {
            let mut found: Vec<String> = std::fs::read_dir(dir)
                .ok()?
                .filter_map(|e| e.ok())
                .filter_map(|e| {
                    e.file_name()
                        .to_str()
                        .and_then(|n| n.strip_prefix("erts-"))
                        .map(str::to_string)
                })
                .collect();
            found.sort();
            found.pop()
        };
        from_dir(root.clone())
            .or_else(|| from_dir(root.join("lib")))
            .or_else(|| {
                let data =
                    std::fs::read_to_string(root.join("releases").join("start_erl.data")).ok()?;
                data.split_whitespace().next().map(str::to_string)
            })
            .unwrap_or_else(|| "13.1.5".to_string())
    })
}

/// `system_info(multi_scheduling)`: `disabled` with one scheduler, else `blocked` or
/// `enabled`.
fn multi_scheduling_state(blocked: bool) -> &'static str {
    if scheduler::count() == 1 {
        "disabled"
    } else if blocked {
        "blocked"
    } else {
        "enabled"
    }
}

/// Number of schedulers (one per logical processor).
pub fn schedulers() -> i64 {
    scheduler::count() as i64
}

/// BEAM's heap size series: two seeds, a Fibonacci-like growth to about a million words,
/// then 20 % steps, up to what a 64-bit word can count.
fn heap_sizes() -> Vec<i64> {
    let mut v: Vec<i64> = vec![12, 38];
    while v.len() < 23 {
        let n = v.len();
        v.push(v[n - 1] + v[n - 2] + 1);
    }
    while v.len() < 137 {
        let last = v[v.len() - 1];
        v.push(last + last / 5);
    }
    v
}

fn str_term(p: &mut Process, s: &str) -> Term {
    build::str_list(&mut p.heap, s)
}

fn tuple2(p: &mut Process, a: Term, b: Term) -> Term {
    build::tuple(&mut p.heap, &[a, b])
}

/// `system_info(check_io)`: one poll set, the poller thread's epoll set, in the shape of
/// BEAM's list of poll sets. Its user-space memory is none (the set lives in the kernel),
/// and nothing is pending: registrations go to the kernel at once.
fn check_io(p: &mut Process) -> Term {
    let watched = Term::small(crate::runtime::poller::watched_fds() as i64);
    let active = Term::small(crate::runtime::poller::active_fds() as i64);
    let max_fds = rustix::process::getrlimit(rustix::process::Resource::Nofile)
        .current
        .map_or(i64::MAX, |n| n.min(i64::MAX as u64) as i64);
    let epoll = atom_of("epoll");
    let items = [
        ("name", atom_of("erts_poll")),
        ("primary", epoll),
        ("kernel_poll", epoll),
        ("memory_size", Term::small(0)),
        ("total_poll_set_size", watched),
        ("lazy_updates", Term::FALSE),
        ("pending_updates", Term::small(0)),
        ("batch_updates", Term::FALSE),
        ("concurrent_updates", Term::TRUE),
        ("fallback", Term::FALSE),
        ("max_fds", Term::small(max_fds)),
        ("active_fds", active),
        ("poll_threads", Term::small(1)),
    ];
    let props: Vec<Term> = items
        .into_iter()
        .map(|(k, v)| tuple2(p, atom_of(k), v))
        .collect();
    let set = build::list(&mut p.heap, &props);
    build::list(&mut p.heap, &[set])
}

/// `system_info(ethread_info)`: what the atomics and locks are built on. BEAM lists its
/// ethread library's native implementations; Enigma's are Rust's `core::sync::atomic`
/// (native 32- and 64-bit atomics on every platform it builds for) and `std::sync`.
fn ethread_info(p: &mut Process) -> Term {
    let atomic_ops = [
        "load",
        "store",
        "swap",
        "compare_exchange",
        "fetch_add",
        "fetch_sub",
    ];
    let mut entries = Vec::new();
    for bits in ["32", "64"] {
        let ops: Vec<Term> = atomic_ops
            .iter()
            .map(|op| str_term(p, &format!("AtomicI{bits}::{op}()")))
            .collect();
        let ops = build::list(&mut p.heap, &ops);
        let name = str_term(p, &format!("{bits}-bit native atomics"));
        let lib = str_term(p, "core::sync::atomic");
        entries.push(build::tuple(&mut p.heap, &[name, lib, ops]));
    }
    let name = str_term(p, "Native mutexes and rw-locks");
    let lib = str_term(p, "std::sync");
    entries.push(build::tuple(&mut p.heap, &[name, lib]));
    build::list(&mut p.heap, &entries)
}

/// `system_info(snifs)`: every BIF as `{M, F, A}`. BEAM lists its BIF table (bif.tab's
/// order, reversed); Enigma has an entry for each of those, implemented or raising
/// `enigma_unimplemented`, so it lists the same table. OTP's `error_info` tests take from it
/// which functions of a module are BIFs.
fn snifs(p: &mut Process) -> Term {
    let items: Vec<Term> = crate::bifs::beam_bifs::BEAM_BIFS
        .iter()
        .rev()
        .map(|&(m, f, a)| {
            let (m, f) = (atom_of(m), atom_of(f));
            build::tuple(&mut p.heap, &[m, f, Term::small(i64::from(a))])
        })
        .collect();
    build::list(&mut p.heap, &items)
}

fn max_heap_size_map(p: &mut Process) -> Term {
    let pairs = vec![
        (atom_of("error_logger"), Term::TRUE),
        (atom_of("kill"), Term::TRUE),
        (atom_of("size"), Term::small(0)),
    ];
    map::from_pairs(&mut p.heap, pairs)
}

fn system_info_1(p: &mut Process, a: &[Term]) -> BifResult {
    let item = a[0];
    if let Some(&[tag, arg]) = item.as_tuple() {
        return match (tag.as_atom().map(Atom::name), arg.as_atom().map(Atom::name)) {
            (Some("wordsize"), Some("internal" | "external")) => Ok(Term::small(8)),
            _ => Err(badarg()),
        };
    }
    let Some(name) = item.as_atom() else {
        return Err(badarg());
    };
    let n = schedulers();
    Ok(match name.name() {
        "otp_release" => str_term(p, OTP_RELEASE),
        "machine" => str_term(p, "BEAM"),
        "wordsize" => Term::small(8),
        "version" => str_term(p, erts_version()),
        "system_version" => str_term(p, &system_version()),
        "system_architecture" => str_term(p, &format!("{}-pc-linux-gnu", std::env::consts::ARCH)),
        "schedulers" => Term::small(n),
        "schedulers_online" => Term::small(scheduler::online() as i64),
        "multi_scheduling" => {
            atom_of(multi_scheduling_state(scheduler::multi_scheduling_blocked()))
        }
        "logical_processors" | "logical_processors_available" | "logical_processors_online" => {
            Term::small(scheduler::logical_processors() as i64)
        }
        "dirty_cpu_schedulers" | "dirty_cpu_schedulers_online" => {
            Term::small(scheduler::logical_processors() as i64)
        }
        "dirty_io_schedulers" => Term::small(10),
        "scheduler_id" => Term::small(scheduler::current_id().unwrap_or(1) as i64),
        "process_count" => Term::small(crate::runtime::table::count() as i64),
        "process_limit" => Term::small(PROCESS_LIMIT),
        "atom_count" => Term::small(Atom::count() as i64),
        "atom_limit" => Term::small(enigma_term::atom::limit() as i64),
        "port_count" => Term::small(crate::runtime::ports::all().len() as i64),
        "port_limit" => Term::small(PORT_LIMIT),
        "ets_count" => Term::small(crate::runtime::ets::all_ids().len() as i64),
        "check_io" => check_io(p),
        "snifs" => snifs(p),
        "ethread_info" => ethread_info(p),
        // BEAM counts the thread-specific events its threads took; each thread of Enigma
        // (schedulers, the poller, dirty and port I/O threads) stands for one. OTP's
        // a_SUITE and z_SUITE compare it before and after all tests to find leaked threads.
        "ethread_used_tse" => {
            Term::small(std::fs::read_dir("/proc/self/task").map_or(0, |d| d.count()) as i64)
        }
        "ets_limit" => Term::small(ETS_LIMIT),
        "thread_pool_size" => Term::small(1),
        "smp_support" | "threads" | "time_correction" | "eager_check_io" | "kernel_poll" => {
            Term::TRUE
        }
        "debug_compiled"
        | "lock_checking"
        | "lock_counting"
        | "ets_always_compress"
        | "dynamic_trace_probes" => Term::FALSE,
        "build_type" | "emu_type" => atom_of("opt"),
        "emu_flavor" => atom_of("emu"),
        "break_ignored" => Term::bool(crate::runtime::os_signals::break_ignored()),
        "endian" => atom_of("little"),
        "hipe_architecture" | "modified_timing_level" => Term::atom(atom::UNDEFINED),
        "heap_type" => atom_of("private"),
        "heap_sizes" => {
            let sizes: Vec<Term> = heap_sizes()
                .into_iter()
                .map(|s| integer::from_i64(&mut p.heap, s))
                .collect();
            build::list(&mut p.heap, &sizes)
        }
        "min_heap_size" => tuple2(p, atom_of("min_heap_size"), Term::small(MIN_HEAP_SIZE)),
        "min_bin_vheap_size" => tuple2(
            p,
            atom_of("min_bin_vheap_size"),
            Term::small(MIN_BIN_VHEAP_SIZE),
        ),
        "fullsweep_after" => tuple2(p, atom_of("fullsweep_after"), Term::small(FULLSWEEP_AFTER)),
        "max_heap_size" => max_heap_size_map(p),
        "message_queue_data" => atom_of("on_heap"),
        "multi_scheduling_blockers" | "normal_multi_scheduling_blockers" => {
            let pids = scheduler::multi_scheduling_blockers();
            build::list(&mut p.heap, &pids)
        }
        "nif_version" => str_term(p, "2.16"),
        "driver_version" => str_term(p, "3.3"),
        "creation" | "trace_control_word" => Term::small(0),
        "os_type" => {
            let family = if cfg!(unix) { "unix" } else { "win32" };
            let name = if cfg!(target_os = "linux") {
                "linux"
            } else {
                std::env::consts::OS
            };
            tuple2(p, atom_of(family), atom_of(name))
        }
        "os_version" => os_version(p),
        "compat_rel" => Term::small(25),
        "port_parallelism" => Term::FALSE,
        "scheduler_bind_type" => atom_of("unbound"),
        "scheduler_bindings" => {
            let v: Vec<Term> = (0..n).map(|_| atom_of("unbound")).collect();
            build::tuple(&mut p.heap, &v)
        }
        "time_warp_mode" => atom_of("no_time_warp"),
        "tolerant_timeofday" => atom_of("enabled"),
        "start_time" => integer::from_i64(&mut p.heap, os::MONOTONIC_START),
        "dynamic_trace" => atom_of("none"),
        "dist_buf_busy_limit" => Term::small(1_048_576),
        "outstanding_system_requests_limit" => {
            Term::small(OUTSTANDING_LIMIT.load(Ordering::Relaxed) as i64)
        }
        "delayed_node_table_gc" => Term::small(60),
        "sequential_tracer" => tuple2(p, atom_of("sequential_tracer"), Term::FALSE),
        "update_cpu_info" => atom_of("unchanged"),
        "cpu_topology" => Term::atom(atom::UNDEFINED),
        "backtrace_depth" => Term::small(backtrace_depth() as i64),
        "c_compiler_used" => {
            let v = build::tuple(
                &mut p.heap,
                &[Term::small(0), Term::small(0), Term::small(0)],
            );
            tuple2(p, atom_of("undefined"), v)
        }
        "dist_ctrl" | "dist" => Term::NIL,
        "info" | "procs" | "loaded" => build::binary(&mut p.heap, b""),
        _ => return Err(badarg()),
    })
}

/// `{Major, Minor, Release}` of the running kernel (from `/proc/sys/kernel/osrelease`).
fn os_version(p: &mut Process) -> Term {
    let text = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let mut parts = text
        .trim()
        .split(['.', '-'])
        .map(|s| s.parse::<i64>().unwrap_or(0));
    let v = [
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    ];
    build::tuple(
        &mut p.heap,
        &[Term::small(v[0]), Term::small(v[1]), Term::small(v[2])],
    )
}

// ---- system_flag/2 ----

/// The stack trace depth (`system_flag(backtrace_depth, N)`), BEAM's default 8.
static BACKTRACE_DEPTH: AtomicUsize = AtomicUsize::new(8);
/// `outstanding_system_requests_limit` (BEAM's default for two schedulers).
static OUTSTANDING_LIMIT: AtomicUsize = AtomicUsize::new(4);

/// How many frames a stack trace keeps (`erlang:system_flag(backtrace_depth, N)`).
pub fn backtrace_depth() -> usize {
    BACKTRACE_DEPTH.load(Ordering::Relaxed)
}

fn system_flag_2(p: &mut Process, a: &[Term]) -> BifResult {
    let Some(flag) = a[0].as_atom() else {
        return Err(badarg());
    };
    let v = a[1];
    let n = schedulers();
    match flag.name() {
        "backtrace_depth" => {
            let d = v.as_small().filter(|&d| d >= 0).ok_or_else(badarg)?;
            let old = BACKTRACE_DEPTH.swap(d.min(1 << 20) as usize, Ordering::Relaxed);
            Ok(Term::small(old as i64))
        }
        "schedulers_online" => {
            let want = v.as_small().ok_or_else(badarg)?;
            if want < 1 || want > n {
                return Err(badarg());
            }
            Ok(Term::small(scheduler::set_online(want as usize) as i64))
        }
        "multi_scheduling" => {
            let block = match v.as_atom().map(Atom::name) {
                Some("block" | "block_normal") => true,
                Some("unblock" | "unblock_normal") => false,
                _ => return Err(badarg()),
            };
            Ok(atom_of(multi_scheduling_state(
                scheduler::block_multi_scheduling(p.pid, block),
            )))
        }
        "min_heap_size" | "min_bin_vheap_size" | "fullsweep_after" => {
            v.as_small().filter(|&x| x >= 0).ok_or_else(badarg)?;
            let old = match flag.name() {
                "min_heap_size" => MIN_HEAP_SIZE,
                "min_bin_vheap_size" => MIN_BIN_VHEAP_SIZE,
                _ => FULLSWEEP_AFTER,
            };
            Ok(Term::small(old))
        }
        "max_heap_size" => {
            if !(v.is_map() || v.as_small().is_some_and(|x| x >= 0)) {
                return Err(badarg());
            }
            Ok(max_heap_size_map(p))
        }
        "trace_control_word" => {
            v.as_small().filter(|&x| x >= 0).ok_or_else(badarg)?;
            Ok(Term::small(0))
        }
        "time_offset" if v.as_atom().is_some_and(|x| x.name() == "finalize") => {
            Ok(atom_of("final"))
        }
        "outstanding_system_requests_limit" => {
            let x = v
                .as_small()
                .filter(|&x| (1..=(1 << 27)).contains(&x))
                .ok_or_else(badarg)?;
            let old = OUTSTANDING_LIMIT.swap(x as usize, Ordering::Relaxed);
            Ok(Term::small(old as i64))
        }
        "system_logger" if v.is_atom() || v.is_pid() => Ok(v),
        "scheduler_bind_type" => Ok(atom_of("unbound")),
        "cpu_topology" => Ok(Term::atom(atom::UNDEFINED)),
        _ => Err(badarg()),
    }
}

// ---- time ----

/// The time unit argument of the `_time/1` BIFs, as parts per second.
fn unit_arg(t: Term) -> Result<i64, Fault> {
    os::time_unit_parts(t).ok_or_else(badarg)
}

fn monotonic_time_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(integer::from_i64(&mut p.heap, os::monotonic_ns()))
}

fn monotonic_time_1(p: &mut Process, a: &[Term]) -> BifResult {
    let parts = unit_arg(a[0])?;
    Ok(integer::from_i128(
        &mut p.heap,
        os::ns_to_unit(os::monotonic_ns(), parts),
    ))
}

fn system_time_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(integer::from_i64(&mut p.heap, os::system_ns()))
}

fn system_time_1(p: &mut Process, a: &[Term]) -> BifResult {
    let parts = unit_arg(a[0])?;
    Ok(integer::from_i128(
        &mut p.heap,
        os::ns_to_unit(os::system_ns(), parts),
    ))
}

/// System time minus monotonic time, in nanoseconds. Fixed at the first call, as with
/// BEAM's default `no_time_warp` mode.
fn time_offset_ns() -> i64 {
    static OFFSET: OnceLock<i64> = OnceLock::new();
    *OFFSET.get_or_init(|| os::system_ns() - os::monotonic_ns())
}

fn time_offset_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(integer::from_i64(&mut p.heap, time_offset_ns()))
}

fn time_offset_1(p: &mut Process, a: &[Term]) -> BifResult {
    let parts = unit_arg(a[0])?;
    Ok(integer::from_i128(
        &mut p.heap,
        os::ns_to_unit(time_offset_ns(), parts),
    ))
}

fn timestamp_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(os::timestamp_tuple(&mut p.heap, os::system_ns()))
}

/// `erlang:now/0`: a timestamp strictly greater than any returned before.
fn now_0(p: &mut Process, _a: &[Term]) -> BifResult {
    static LAST_US: AtomicI64 = AtomicI64::new(i64::MIN);
    let now = os::system_ns().div_euclid(1_000);
    let mut prev = LAST_US.load(Ordering::Relaxed);
    let us = loop {
        let next = if now <= prev { prev + 1 } else { now };
        match LAST_US.compare_exchange(prev, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => break next,
            Err(p) => prev = p,
        }
    };
    Ok(os::timestamp_tuple(&mut p.heap, us.saturating_mul(1_000)))
}

/// Smallest small integer: where BEAM's non-positive unique integers start.
const MIN_SMALL: i64 = -(1 << 59);

fn unique_integer_0(p: &mut Process, _a: &[Term]) -> BifResult {
    unique_integer(p, false, false)
}

fn unique_integer_1(p: &mut Process, a: &[Term]) -> BifResult {
    let (mut positive, mut monotonic) = (false, false);
    let mut l = a[0];
    while let Some((h, t)) = l.as_cons() {
        match h.as_atom() {
            Some(atom::POSITIVE) => positive = true,
            Some(atom::MONOTONIC) => monotonic = true,
            _ => return Err(badarg()),
        }
        l = t;
    }
    if !l.is_nil() {
        return Err(badarg());
    }
    unique_integer(p, positive, monotonic)
}

fn unique_integer(p: &mut Process, positive: bool, monotonic: bool) -> BifResult {
    static UNIQUE: AtomicI64 = AtomicI64::new(0);
    static MONO: AtomicI64 = AtomicI64::new(0);
    let n = if monotonic {
        MONO.fetch_add(1, Ordering::Relaxed)
    } else {
        UNIQUE.fetch_add(1, Ordering::Relaxed)
    };
    let v = if positive {
        n as i128 + 1
    } else {
        MIN_SMALL as i128 + n as i128
    };
    Ok(integer::from_i128(&mut p.heap, v))
}

fn now_secs() -> i64 {
    os::system_ns().div_euclid(os::NATIVE_UNITS_PER_SEC)
}

fn localtime_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(os::utc_to_local(now_secs()).to_term(&mut p.heap))
}

fn universaltime_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(DateTime::from_posix(now_secs()).to_term(&mut p.heap))
}

fn date_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(os::utc_to_local(now_secs()).date_term(&mut p.heap))
}

fn time_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(os::utc_to_local(now_secs()).time_term(&mut p.heap))
}

fn localtime_to_universaltime_2(p: &mut Process, a: &[Term]) -> BifResult {
    let local = DateTime::from_term(a[0]).ok_or_else(badarg)?;
    let is_dst = match a[1].as_atom() {
        Some(atom::TRUE) => Some(true),
        Some(atom::FALSE) => Some(false),
        Some(atom::UNDEFINED) => None,
        _ => return Err(badarg()),
    };
    Ok(DateTime::from_posix(os::local_to_utc(&local, is_dst)).to_term(&mut p.heap))
}

fn universaltime_to_localtime_1(p: &mut Process, a: &[Term]) -> BifResult {
    let utc = DateTime::from_term(a[0]).ok_or_else(badarg)?;
    Ok(os::utc_to_local(utc.to_posix()).to_term(&mut p.heap))
}

/// `erlang:universaltime_to_posixtime/1`: valid dates from 1600 on, as BEAM accepts.
fn universaltime_to_posixtime_1(p: &mut Process, a: &[Term]) -> BifResult {
    let utc = DateTime::from_term_since(a[0], 1600).ok_or_else(badarg)?;
    Ok(integer::from_i64(&mut p.heap, utc.to_posix()))
}

/// `erlang:posixtime_to_universaltime/1` for any 64-bit number of seconds. The civil date
/// comes from BEAM's own arithmetic (`seconds_to_univ`), whose divisions truncate toward
/// zero: far before year 0 that is a day off the proleptic calendar, and erl shows that day.
fn posixtime_to_universaltime_1(p: &mut Process, a: &[Term]) -> BifResult {
    let secs = a[0].as_i64().ok_or_else(badarg)?;
    Ok(seconds_to_univ(secs).to_term(&mut p.heap))
}

/// The UTC date and time of `time` seconds after the epoch, computed as BEAM does.
fn seconds_to_univ(time: i64) -> DateTime {
    const DAY: i64 = 86_400;
    let mut days = time / DAY;
    let mut secs = time % DAY;
    if secs < 0 {
        days -= 1;
        secs += DAY;
    }
    // Days from 0000-03-01; |time| < 2^63 keeps every product below in range.
    days += 719_468;
    let before = |y: i64| 365 * y + y / 4 - y / 100 + y / 400;
    let mut y = (10_000 * days + 14_780) / 3_652_425;
    let mut rest = days - before(y);
    if rest < 0 {
        y -= 1;
        rest = days - before(y);
    }
    let mi = (100 * rest + 52) / 3060;
    DateTime {
        year: y + (mi + 2) / 12,
        month: (mi + 2) % 12 + 1,
        day: rest - (mi * 306 + 5) / 10 + 1,
        hour: secs / 3600,
        minute: secs % 3600 / 60,
        second: secs % 60,
    }
}

// ---- statistics/1 ----

/// CPU time of the whole OS process in milliseconds (user + system, from `/proc`), or the
/// time since VM start where that is unavailable.
fn cpu_time_ms() -> i64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may contain spaces) start after the last ')'.
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 11 and 12 after the name.
    match (
        fields.get(11).and_then(|s| s.parse::<i64>().ok()),
        fields.get(12).and_then(|s| s.parse::<i64>().ok()),
    ) {
        // Clock ticks are 1/100 s on Linux (USER_HZ).
        (Some(u), Some(s)) => (u + s) * 10,
        _ => wall_ms(),
    }
}

fn wall_ms() -> i64 {
    (os::monotonic_ns() - os::MONOTONIC_START) / 1_000_000
}

/// Reductions of every process so far: the schedulers' count of finished time slices, plus
/// the slice the caller is in.
fn total_reductions(p: &Process) -> u64 {
    scheduler::total_reductions() + p.reductions_now().saturating_sub(p.slice_start_reductions)
}

/// `{Total, SinceLastCall}` with the "last call" value kept in `last`.
fn since_last(p: &mut Process, last: &AtomicU64, total: u64) -> Term {
    let prev = last.swap(total, Ordering::Relaxed);
    let t = integer::from_u64(&mut p.heap, total);
    let d = integer::from_u64(&mut p.heap, total.saturating_sub(prev));
    tuple2(p, t, d)
}

fn statistics_1(p: &mut Process, a: &[Term]) -> BifResult {
    static LAST_RUNTIME: AtomicU64 = AtomicU64::new(0);
    static LAST_WALL: AtomicU64 = AtomicU64::new(0);
    static LAST_REDS: AtomicU64 = AtomicU64::new(0);
    static LAST_EXACT_REDS: AtomicU64 = AtomicU64::new(0);
    let Some(item) = a[0].as_atom() else {
        return Err(badarg());
    };
    Ok(match item.name() {
        "runtime" => since_last(p, &LAST_RUNTIME, cpu_time_ms().max(0) as u64),
        "wall_clock" => since_last(p, &LAST_WALL, wall_ms().max(0) as u64),
        "reductions" => {
            let r = total_reductions(p);
            since_last(p, &LAST_REDS, r)
        }
        "exact_reductions" => {
            let r = total_reductions(p);
            since_last(p, &LAST_EXACT_REDS, r)
        }
        "run_queue" | "total_run_queue_lengths" | "total_run_queue_lengths_all" => {
            Term::small(scheduler::run_queue_lengths().iter().sum::<usize>() as i64)
        }
        // The caller is active; every runnable process is too.
        "total_active_tasks" | "total_active_tasks_all" => {
            Term::small(1 + scheduler::run_queue_lengths().iter().sum::<usize>() as i64)
        }
        "run_queue_lengths" | "active_tasks" => {
            let v: Vec<Term> = scheduler::run_queue_lengths()
                .into_iter()
                .map(|l| Term::small(l as i64))
                .collect();
            build::list(&mut p.heap, &v)
        }
        "run_queue_lengths_all" | "active_tasks_all" => {
            let mut v: Vec<Term> = scheduler::run_queue_lengths()
                .into_iter()
                .map(|l| Term::small(l as i64))
                .collect();
            // The dirty CPU and dirty I/O run queues (no dirty work runs yet).
            v.push(Term::small(0));
            v.push(Term::small(0));
            build::list(&mut p.heap, &v)
        }
        "context_switches" => tuple2(p, Term::small(0), Term::small(0)),
        "garbage_collection" => build::tuple(
            &mut p.heap,
            &[Term::small(0), Term::small(0), Term::small(0)],
        ),
        "io" => {
            let i = tuple2(p, atom_of("input"), Term::small(0));
            let o = tuple2(p, atom_of("output"), Term::small(0));
            tuple2(p, i, o)
        }
        "scheduler_wall_time" | "scheduler_wall_time_all" => {
            if !scheduler::wall_time::enabled() {
                Term::atom(atom::UNDEFINED)
            } else {
                let mut items = Vec::new();
                for i in 0..scheduler::count() {
                    if let Some((active, total)) = scheduler::wall_time::read(i) {
                        let a = enigma_term::integer::from_i64(&mut p.heap, active as i64);
                        let t = enigma_term::integer::from_i64(&mut p.heap, total as i64);
                        items.push(build::tuple(
                            &mut p.heap,
                            &[Term::small(i as i64 + 1), a, t],
                        ));
                    }
                }
                build::list(&mut p.heap, &items)
            }
        }
        "microstate_accounting" => Term::atom(atom::UNDEFINED),
        _ => return Err(badarg()),
    })
}

// ---- process dictionary ----

/// The dictionary's entries in the order `get/0` lists them (see the module note).
pub(crate) fn dict_order(p: &Process) -> Vec<(Term, Term)> {
    p.dict.entries()
}

fn get_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let entries = dict_order(p);
    let tuples: Vec<Term> = entries
        .iter()
        .map(|&(k, v)| build::tuple(&mut p.heap, &[k, v]))
        .collect();
    Ok(build::list(&mut p.heap, &tuples))
}

fn get_keys_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let keys: Vec<Term> = dict_order(p).into_iter().map(|(k, _)| k).collect();
    Ok(build::list(&mut p.heap, &keys))
}

fn get_keys_1(p: &mut Process, a: &[Term]) -> BifResult {
    let keys: Vec<Term> = dict_order(p)
        .into_iter()
        .filter(|&(_, v)| compare::eq(v, a[0]))
        .map(|(k, _)| k)
        .collect();
    Ok(build::list(&mut p.heap, &keys))
}

fn erase_0(p: &mut Process, a: &[Term]) -> BifResult {
    let all = get_0(p, a)?;
    p.dict.clear();
    Ok(all)
}

// ---- loaded code ----

fn module_arg(t: Term) -> Result<&'static code::Module, Fault> {
    let m = t.as_atom().ok_or_else(badarg)?;
    code::find_module(m).ok_or_else(badarg)
}

/// `[{F, A}]` of `funs`.
fn fa_list(heap: &mut dyn TermAlloc, funs: impl Iterator<Item = (Atom, u32)>) -> Term {
    let tuples: Vec<Term> = funs
        .map(|(f, a)| build::tuple(heap, &[Term::atom(f), Term::small(a as i64)]))
        .collect();
    build::list(heap, &tuples)
}

fn module_info_item(p: &mut Process, m: &'static code::Module, item: &str) -> Option<Term> {
    Some(match item {
        "module" => Term::atom(m.name),
        "exports" => {
            // Code order, as BEAM lists them.
            let funs = m
                .functions
                .iter()
                .map(|f| (f.mfa.function, f.mfa.arity))
                .filter(|fa| m.exports.contains(fa));
            fa_list(&mut p.heap, funs)
        }
        "functions" => fa_list(
            &mut p.heap,
            m.functions.iter().map(|f| (f.mfa.function, f.mfa.arity)),
        ),
        "attributes" => m.attributes,
        "compile" => m.compile_info,
        "md5" => build::binary(&mut p.heap, &m.md5),
        "nifs" => Term::NIL,
        "native" => Term::FALSE,
        _ => return None,
    })
}

fn get_module_info_1(p: &mut Process, a: &[Term]) -> BifResult {
    let m = module_arg(a[0])?;
    let mut tuples = Vec::new();
    for item in ["module", "exports", "attributes", "compile", "md5"] {
        let v = module_info_item(p, m, item).ok_or_else(badarg)?;
        tuples.push(tuple2(p, atom_of(item), v));
    }
    Ok(build::list(&mut p.heap, &tuples))
}

fn get_module_info_2(p: &mut Process, a: &[Term]) -> BifResult {
    let m = module_arg(a[0])?;
    let item = a[1].as_atom().ok_or_else(badarg)?;
    module_info_item(p, m, item.name()).ok_or_else(badarg)
}

fn function_exported_3(_p: &mut Process, a: &[Term]) -> BifResult {
    let (Some(m), Some(f), Some(arity)) = (a[0].as_atom(), a[1].as_atom(), a[2].as_small()) else {
        return Err(badarg());
    };
    let arity = u32::try_from(arity).map_err(|_| badarg())?;
    let loaded = code::find_module(m).is_some_and(|md| md.exports.contains(&(f, arity)));
    Ok(Term::bool(loaded || crate::bifs::is_beam_bif(m, f, arity)))
}

fn is_builtin_3(_p: &mut Process, a: &[Term]) -> BifResult {
    let (Some(m), Some(f), Some(arity)) = (a[0].as_atom(), a[1].as_atom(), a[2].as_small()) else {
        return Err(badarg());
    };
    let arity = u32::try_from(arity).map_err(|_| badarg())?;
    // apply/2,3 and yield/0 are instructions in BEAM, not in its BIF table, and built in
    // all the same.
    let instruction = m == atom::ERLANG
        && matches!(
            (f.name(), arity),
            ("apply", 2) | ("apply", 3) | ("yield", 0)
        );
    Ok(Term::bool(
        instruction || crate::bifs::is_beam_bif(m, f, arity),
    ))
}

/// The modules BEAM has preloaded, in the order `erlang:pre_loaded/0` lists them.
const PRE_LOADED: &[&str] = &[
    "persistent_term",
    "counters",
    "atomics",
    "erts_dirty_process_signal_handler",
    "erts_literal_area_collector",
    "erl_tracer",
    "erts_internal",
    "erlang",
    "erl_prim_loader",
    "prim_zip",
    "prim_net",
    "prim_socket",
    "socket_registry",
    "zlib",
    "prim_file",
    "prim_inet",
    "prim_eval",
    "prim_buffer",
    "init",
    "erl_init",
    "erts_code_purger",
];

fn pre_loaded_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let booted = code::module::preloaded_modules();
    let mods: Vec<Term> = if booted.is_empty() {
        PRE_LOADED.iter().map(|m| atom_of(m)).collect()
    } else {
        booted.iter().rev().map(|m| Term::atom(*m)).collect()
    };
    Ok(build::list(&mut p.heap, &mods))
}

/// `erlang:load_nif(Path, LoadInfo)` from module M: binds M's NIFs to Enigma's own Rust
/// implementation of that library when there is one (`zlib`, `prim_file`, ...). A library
/// Enigma lacks fails as a missing shared object does on BEAM, and is reported once.
fn load_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    let path: String = build::list_to_vec(a[0])
        .ok_or_else(badarg)?
        .iter()
        .map(|c| {
            c.as_small()
                .and_then(|c| char::from_u32(c as u32))
                .ok_or_else(badarg)
        })
        .collect::<Result<_, _>>()?;
    let caller = code::module_for_address(p.pc as usize).map(|(m, _)| m.name);
    let tracer_or_native = caller
        .is_some_and(|m| crate::bifs::registry::has_natives(m) || matches!(m.name(), "erl_tracer"));
    if tracer_or_native {
        return Ok(Term::atom(atom::OK));
    }
    let module = caller.map(|m| m.name()).unwrap_or("?");
    // Sockets come with their own issue; until then OTP runs as with esock disabled,
    // which its code expects and handles quietly.
    if !matches!(module, "prim_socket" | "prim_net") {
        crate::report_unimplemented(&format!("NIF library of {module} ({path})"));
    }
    let msg = format!(
        "Failed to load NIF library {path}: '{path}.so: cannot open shared object file: No such file or directory'"
    );
    let text = str_term(p, &msg);
    let inner = tuple2(p, atom_of("load_failed"), text);
    Ok(tuple2(p, Term::atom(atom::ERROR), inner))
}

fn nif_error_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Err(Fault::Raise(Exception::error(a[0])))
}

fn nif_error_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let mut e = Exception::error(a[0]);
    e.args = a[1];
    Err(Fault::Raise(e))
}

// ---- output ----

fn display_string_1(_p: &mut Process, a: &[Term]) -> BifResult {
    // A flat list of Unicode characters, written as UTF-8.
    let chars = build::list_to_vec(a[0]).ok_or_else(badarg)?;
    let mut s = String::new();
    for c in chars {
        s.push(
            c.as_small()
                .and_then(|c| char::from_u32(u32::try_from(c).ok()?))
                .ok_or_else(badarg)?,
        );
    }
    let bytes = s.into_bytes();
    use std::io::Write;
    crate::drivers::fd::sync_stderr();
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(&bytes);
    let _ = err.flush();
    Ok(Term::TRUE)
}

// ---- dynamic trace tags ----
//
// Enigma has no DTrace/SystemTap probes; these behave as BEAM built without them.

fn dt_put_tag_1(_p: &mut Process, a: &[Term]) -> BifResult {
    if a[0] != Term::atom(atom::UNDEFINED) && !a[0].is_binary() {
        return Err(badarg());
    }
    Ok(Term::atom(atom::UNDEFINED))
}

fn dt_get_tag_0(_p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(Term::atom(atom::UNDEFINED))
}

fn dt_vm_tag_data_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(a[0])
}

fn dt_spread_tag_1(_p: &mut Process, a: &[Term]) -> BifResult {
    if a[0].is_boolean() {
        Ok(Term::TRUE)
    } else {
        Err(badarg())
    }
}

fn dt_restore_tag_1(_p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(Term::TRUE)
}

fn display_nl_0(_p: &mut Process, _a: &[Term]) -> BifResult {
    eprintln!();
    Ok(Term::TRUE)
}

pub const BIFS: &[BifEntry] = &[
    bif!("erlang", "system_info", 1, system_info_1),
    bif!("erlang", "system_flag", 2, system_flag_2),
    bif!("erlang", "statistics", 1, statistics_1),
    bif!("erlang", "monotonic_time", 0, monotonic_time_0),
    bif!("erlang", "monotonic_time", 1, monotonic_time_1),
    bif!("erlang", "system_time", 0, system_time_0),
    bif!("erlang", "system_time", 1, system_time_1),
    bif!("erlang", "time_offset", 0, time_offset_0),
    bif!("erlang", "time_offset", 1, time_offset_1),
    bif!("erlang", "timestamp", 0, timestamp_0),
    bif!("erlang", "now", 0, now_0),
    bif!("erlang", "unique_integer", 0, unique_integer_0),
    bif!("erlang", "unique_integer", 1, unique_integer_1),
    bif!("erlang", "localtime", 0, localtime_0),
    bif!("erlang", "universaltime", 0, universaltime_0),
    bif!("erlang", "date", 0, date_0),
    bif!("erlang", "time", 0, time_0),
    bif!(
        "erlang",
        "localtime_to_universaltime",
        2,
        localtime_to_universaltime_2
    ),
    bif!(
        "erlang",
        "universaltime_to_localtime",
        1,
        universaltime_to_localtime_1
    ),
    bif!(
        "erlang",
        "universaltime_to_posixtime",
        1,
        universaltime_to_posixtime_1
    ),
    bif!(
        "erlang",
        "posixtime_to_universaltime",
        1,
        posixtime_to_universaltime_1
    ),
    bif!("erlang", "get", 0, get_0),
    bif!("erlang", "get_keys", 0, get_keys_0),
    bif!("erlang", "get_keys", 1, get_keys_1),
    bif!("erlang", "erase", 0, erase_0),
    bif!("erlang", "get_module_info", 1, get_module_info_1),
    bif!("erlang", "get_module_info", 2, get_module_info_2),
    bif!("erlang", "function_exported", 3, function_exported_3),
    bif!("erlang", "is_builtin", 3, is_builtin_3),
    bif!("erlang", "pre_loaded", 0, pre_loaded_0),
    bif!("erlang", "load_nif", 2, load_nif_2),
    bif!("erlang", "nif_error", 1, nif_error_1),
    bif!("erlang", "nif_error", 2, nif_error_2),
    bif!("erlang", "display_string", 1, display_string_1),
    bif!("erlang", "display_nl", 0, display_nl_0),
    bif!("erlang", "dt_put_tag", 1, dt_put_tag_1),
    bif!("erlang", "dt_get_tag", 0, dt_get_tag_0),
    bif!("erlang", "dt_get_tag_data", 0, dt_get_tag_0),
    bif!("erlang", "dt_prepend_vm_tag_data", 1, dt_vm_tag_data_1),
    bif!("erlang", "dt_append_vm_tag_data", 1, dt_vm_tag_data_1),
    bif!("erlang", "dt_spread_tag", 1, dt_spread_tag_1),
    bif!("erlang", "dt_restore_tag", 1, dt_restore_tag_1),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn proc() -> Process {
        crate::test_util::test_process()
    }

    fn show(t: Term) -> String {
        let mut s = String::new();
        enigma_term::print::write_term(&mut s, t);
        s
    }

    #[test]
    fn system_info_items() {
        let mut p = proc();
        let r = system_info_1(&mut p, &[atom_of("otp_release")])
            .ok()
            .map(show);
        assert_eq!(r.as_deref(), Some("[50,53]"));
        let wi = build::tuple(&mut p.heap, &[atom_of("wordsize"), atom_of("internal")]);
        assert_eq!(system_info_1(&mut p, &[wi]).ok(), Some(Term::small(8)));
        assert!(system_info_1(&mut p, &[atom_of("no_such_item")]).is_err());
        let sizes = heap_sizes();
        assert_eq!(
            (sizes[0], sizes[5], sizes[22], sizes[23]),
            (12, 233, 833_026, 999_631)
        );
        assert_eq!(sizes.last().copied(), Some(885_767_171_276_247));
        assert!(erts_version().contains('.'));
    }

    #[test]
    fn calendar_bifs() {
        let mut p = proc();
        let t = posixtime_to_universaltime_1(&mut p, &[Term::small(1_700_000_000)])
            .ok()
            .unwrap_or(Term::NIL);
        assert_eq!(show(t), "{{2023,11,14},{22,13,20}}");
        assert_eq!(
            universaltime_to_posixtime_1(&mut p, &[t]).ok(),
            Some(Term::small(1_700_000_000))
        );
        let d = build::tuple(
            &mut p.heap,
            &[Term::small(2023), Term::small(2), Term::small(29)],
        );
        let tm = build::tuple(
            &mut p.heap,
            &[Term::small(0), Term::small(0), Term::small(0)],
        );
        let bad = build::tuple(&mut p.heap, &[d, tm]);
        assert!(universaltime_to_localtime_1(&mut p, &[bad]).is_err());
        assert!(unique_integer_1(&mut p, &[Term::atom(atom::OK)]).is_err());
    }

    #[test]
    fn dictionary() {
        let mut p = proc();
        p.dict.put(Term::small(1), Term::atom(atom::OK));
        p.dict.put(Term::small(2), Term::atom(atom::ERROR));
        let all = get_0(&mut p, &[]).ok().map(show);
        assert_eq!(all.as_deref(), Some("[{2,error},{1,ok}]"));
        let ks = get_keys_1(&mut p, &[Term::atom(atom::OK)]).ok().map(show);
        assert_eq!(ks.as_deref(), Some("[1]"));
        erase_0(&mut p, &[]).ok();
        assert!(p.dict.is_empty());
    }
}
