//! The differential conformance suite: every `tests/conformance/*.erl` program is compiled
//! once with `erlc`, run on `erl` and on `enigma run`, and its standard output and exit
//! status compared byte for byte. The reference run is part of the test, so a wrong
//! expectation cannot slip in.
//!
//! Programs listed in `tests/conformance/KNOWN_FAILURES` (one module per line, `#` comments)
//! are run but do not fail the suite; one that starts passing is reported so the list
//! shrinks. `ENIGMA_CONFORMANCE_FILTER=substr` runs a subset, `ENIGMA_CONFORMANCE_SKIP=a,b`
//! leaves out programs whose names contain any of the substrings; `ENIGMA_GC_STRESS=1` is
//! passed through to Enigma (collect at every collection point).

mod common;

use std::path::{Path, PathBuf};

use common::{differences, repo_root, run, Outcome};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// A program that runs longer than this on either VM is a failure (a hang), not a slow pass.
const RUN_LIMIT: Duration = Duration::from_secs(120);

fn main() {
    let root = repo_root();
    let src_dir = root.join("tests/conformance");
    let filter = std::env::var("ENIGMA_CONFORMANCE_FILTER").unwrap_or_default();
    let skip: Vec<String> = std::env::var("ENIGMA_CONFORMANCE_SKIP")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let mut programs: Vec<String> = std::fs::read_dir(&src_dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| {
                    e.file_name()
                        .to_str()
                        .and_then(|n| n.strip_suffix(".erl"))
                        .map(str::to_owned)
                })
                .filter(|n| n.contains(&filter) && !skip.iter().any(|s| n.contains(s.as_str())))
                .collect()
        })
        .unwrap_or_default();
    programs.sort();
    let known: Vec<String> = std::fs::read_to_string(src_dir.join("KNOWN_FAILURES"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();

    let build = Path::new(env!("CARGO_TARGET_TMPDIR")).join("conformance");
    let _ = std::fs::create_dir_all(&build);
    let sources: Vec<PathBuf> = programs
        .iter()
        .map(|p| src_dir.join(format!("{p}.erl")))
        .collect();
    if let Err(e) = common::erlc(&sources, &build) {
        eprintln!("conformance: {e}");
        std::process::exit(1);
    }
    let enigma = env!("CARGO_BIN_EXE_enigma");

    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, Result<(), String>)>> = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(name) = programs.get(i) else { break };
                let expected = run(
                    Command::new("erl")
                        .arg("-noshell")
                        .arg("-pa")
                        .arg(&build)
                        .arg("-eval")
                        .arg(format!("{name}:main(), halt()."))
                        .env("ERL_CRASH_DUMP_SECONDS", "0"),
                    RUN_LIMIT,
                );
                let actual = run(
                    Command::new(enigma)
                        .arg("run")
                        .arg("-pa")
                        .arg(&build)
                        .arg(name)
                        .env("ERL_CRASH_DUMP_SECONDS", "0"),
                    RUN_LIMIT,
                );
                let verdict = compare(&expected, &actual);
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((name.clone(), verdict));
            });
        }
    });

    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let (mut passed, mut failed, mut known_failed, mut newly_passing) = (0, 0, 0, Vec::new());
    for (name, verdict) in &results {
        let is_known = known.contains(name);
        match (verdict, is_known) {
            (Ok(()), false) => {
                passed += 1;
                println!("test conformance::{name} ... ok");
            }
            (Ok(()), true) => {
                passed += 1;
                newly_passing.push(name.clone());
                println!("test conformance::{name} ... ok (listed in KNOWN_FAILURES: remove it)");
            }
            (Err(why), true) => {
                known_failed += 1;
                println!("test conformance::{name} ... known failure");
                if std::env::var_os("ENIGMA_CONFORMANCE_VERBOSE").is_some() {
                    println!("{why}");
                }
            }
            (Err(why), false) => {
                failed += 1;
                println!("test conformance::{name} ... FAILED\n{why}");
            }
        }
    }
    if !newly_passing.is_empty() {
        println!(
            "\nnow passing, remove from KNOWN_FAILURES: {}",
            newly_passing.join(" ")
        );
    }
    println!("\nconformance: {passed} passed, {failed} failed, {known_failed} skipped");
    if failed > 0 {
        std::process::exit(1);
    }
}

fn compare(expected: &Outcome, actual: &Outcome) -> Result<(), String> {
    if expected.timed_out {
        return Err("erl timed out".into());
    }
    if actual.timed_out {
        return Err(format!("enigma did not finish within {RUN_LIMIT:?}"));
    }
    let why = differences(expected, actual);
    if why.is_empty() {
        Ok(())
    } else {
        Err(why)
    }
}
