//! Stress and fairness tests, run differentially like the conformance suite: the programs in
//! `tests/stress/*.erl` are compiled once with `erlc`, each is run on `erl` and on
//! `enigma run`, and standard output and exit status are compared byte for byte.
//!
//! * `stress_messages` (default scheduler count): 100,000 processes exchange 10,000,000
//!   messages; none may be lost, duplicated, reordered or corrupted.
//! * `fairness` (`+S 1`): busy-looping processes must not starve the others; a VM without
//!   preemption hangs, which the per-run time limit turns into a failure.
//! * `priorities` (`+S 1`): runnable processes run in priority order; a busy `high` process
//!   goes before `normal` ones, a busy `low` one does not starve them.
//! * `million`: 1,000,000 processes alive at once, each answering once.
//!
//! Each program is also checked to end its reference (erl) output with its success line, so
//! a broken program cannot pass by failing the same way on both VMs. The two tests take the
//! same lock, so they never load the machine at the same time.

mod common;

use std::path::{Path, PathBuf};

use common::{differences, push_tail, repo_root, run, Outcome};
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

/// A run that takes longer than this on either VM is a failure (a hang), not a slow pass.
const RUN_LIMIT: Duration = Duration::from_secs(300);

/// Serializes the tests: each one starts 100,000 processes or relies on timing.
static SERIAL: Mutex<()> = Mutex::new(());

/// The directory holding the compiled programs, or why compiling them failed.
static BUILD: OnceLock<Result<PathBuf, String>> = OnceLock::new();

/// Compiles every `tests/stress/*.erl` once per test binary run.
fn build_dir() -> &'static Path {
    let built = BUILD.get_or_init(|| {
        let src_dir = repo_root().join("tests/stress");
        let mut sources: Vec<PathBuf> = std::fs::read_dir(&src_dir)
            .map_err(|e| format!("cannot read {}: {e}", src_dir.display()))?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "erl"))
            .collect();
        sources.sort();
        let build = Path::new(env!("CARGO_TARGET_TMPDIR")).join("stress");
        std::fs::create_dir_all(&build)
            .map_err(|e| format!("cannot create {}: {e}", build.display()))?;
        common::erlc(&sources, &build)?;
        Ok(build)
    });
    match built {
        Ok(dir) => dir,
        Err(why) => panic!("stress: {why}"),
    }
}

/// Runs `module:main()` on erl and on Enigma, with `+S schedulers` on both when given, and
/// panics unless both give the same stdout and exit status and erl's stdout ends with
/// `last_line`.
fn differential(module: &str, schedulers: Option<u32>, last_line: &str) {
    differential_erl_args(module, schedulers, &[], last_line);
}

/// As [`differential`], with extra emulator flags for erl (such as `+P`, which Enigma does
/// not need).
fn differential_erl_args(
    module: &str,
    schedulers: Option<u32>,
    erl_args: &[&str],
    last_line: &str,
) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = build_dir();

    let mut erl = Command::new("erl");
    if let Some(n) = schedulers {
        erl.arg("+S").arg(n.to_string());
    }
    erl.args(erl_args)
        .arg("-noshell")
        .arg("-pa")
        .arg(dir)
        .arg("-eval")
        .arg(format!("{module}:main(), halt()."))
        .env("ERL_CRASH_DUMP_SECONDS", "0");
    let expected = run(&mut erl, RUN_LIMIT);

    let mut enigma = Command::new(env!("CARGO_BIN_EXE_enigma"));
    enigma.arg("run");
    if let Some(n) = schedulers {
        enigma.arg("+S").arg(n.to_string());
    }
    enigma
        .arg("-pa")
        .arg(dir)
        .arg(module)
        .env("ERL_CRASH_DUMP_SECONDS", "0");
    let actual = run(&mut enigma, RUN_LIMIT);

    if let Err(why) = compare(&expected, &actual, last_line) {
        panic!("stress program {module} (schedulers: {schedulers:?}) failed:\n{why}");
    }
}

fn compare(expected: &Outcome, actual: &Outcome, last_line: &str) -> Result<(), String> {
    let e = String::from_utf8_lossy(&expected.stdout);
    if expected.timed_out {
        return Err(format!("  erl did not finish within {RUN_LIMIT:?}\n"));
    }
    if expected.status != Some(0) || e.lines().last() != Some(last_line) {
        let mut why = format!(
            "  the reference run is broken: erl exit status {:?}, last line {:?} (want {last_line:?})\n",
            expected.status,
            e.lines().last().unwrap_or("<none>")
        );
        push_tail(&mut why, "erl stderr", &expected.stderr);
        return Err(why);
    }
    if actual.timed_out {
        return Err(format!(
            "  enigma did not finish within {RUN_LIMIT:?} (a hang?)\n"
        ));
    }
    let why = differences(expected, actual);
    if why.is_empty() {
        Ok(())
    } else {
        Err(why)
    }
}

#[test]
fn stress_messages_default_schedulers() {
    differential("stress_messages", None, "verdict ok");
}

#[test]
fn fairness_one_scheduler() {
    differential("fairness", Some(1), "done");
}

#[test]
fn priorities_one_scheduler() {
    differential("priorities", Some(1), "done");
}

#[test]
fn million_processes_alive() {
    differential_erl_args("million", None, &["+P", "2000000"], "done");
}
