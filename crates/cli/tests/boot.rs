//! Differential tests of the real boot: each case in `tests/boot/cases.txt` is an `erl`
//! command line, run as `erl ARGS` and as `enigma ARGS` in the same directory with the same
//! environment; standard output, standard error and the exit status must agree once what
//! must differ is normalised (timestamps, pids, heap sizes and reduction counts in reports).
//!
//! Cases listed in `tests/boot/KNOWN_FAILURES` are run but do not fail the suite.
//! `ENIGMA_BOOT_FILTER=substr` runs a subset.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{push_tail, repo_root, run, Outcome};

/// A boot that takes longer than this is a hang.
const RUN_LIMIT: Duration = Duration::from_secs(60);

struct Case {
    name: String,
    env: Vec<(String, String)>,
    args: Vec<String>,
}

/// Splits a command line as a shell would for these cases: blanks separate, '...' and
/// "..." quote.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' => {
                if let Some(w) = cur.take() {
                    out.push(w);
                }
            }
            '\'' | '"' => {
                let w = cur.get_or_insert_with(String::new);
                for d in chars.by_ref() {
                    if d == c {
                        break;
                    }
                    w.push(d);
                }
            }
            _ => cur.get_or_insert_with(String::new).push(c),
        }
    }
    out.extend(cur);
    out
}

fn parse_cases(text: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((name, rest)) = line.split_once(':') else {
            continue;
        };
        let mut w = words(rest);
        let mut env = Vec::new();
        while w.first().is_some_and(|x| x == "env") && w.len() > 1 {
            if let Some((k, v)) = w[1].split_once('=') {
                env.push((k.to_string(), v.to_string()));
            }
            w.drain(..2);
        }
        cases.push(Case {
            name: name.trim().to_string(),
            env,
            args: w,
        });
    }
    cases
}

/// Replaces what differs between two correct runs: report timestamps, pids, and the
/// heap, stack and reduction counts that crash reports print.
fn normalise(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes);
    let timestamp =
        regex::Regex::new(r"\d{1,2}-[A-Z][a-z]{2}-\d{4}::\d\d:\d\d:\d\d\.\d+").expect("regex");
    let pid = regex::Regex::new(r"<0\.\d+\.\d+>").expect("regex");
    let counts = regex::Regex::new(r"(heap_size|stack_size|reductions): \d+").expect("regex");
    let s = timestamp.replace_all(&s, "<TIME>");
    let s = pid.replace_all(&s, "<PID>");
    counts.replace_all(&s, "$1: <N>").into_owned()
}

fn main() {
    let root = repo_root();
    let src = root.join("tests/boot");
    let filter = std::env::var("ENIGMA_BOOT_FILTER").unwrap_or_default();
    let cases = parse_cases(&std::fs::read_to_string(src.join("cases.txt")).unwrap_or_default());
    let known: Vec<String> = std::fs::read_to_string(src.join("KNOWN_FAILURES"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("boot");
    let _ = std::fs::create_dir_all(&dir);
    for f in ["sys.config", "args.txt"] {
        let _ = std::fs::copy(src.join(f), dir.join(f));
    }
    if let Err(e) = common::erlc(&[src.join("boot_helper.erl")], &dir) {
        eprintln!("boot: {e}");
        std::process::exit(1);
    }
    let enigma = env!("CARGO_BIN_EXE_enigma");
    let (mut passed, mut failed, mut known_failed) = (0, 0, 0);
    for case in cases.iter().filter(|c| c.name.contains(&filter)) {
        let go = |program: &str| -> Outcome {
            let mut cmd = Command::new(program);
            cmd.args(&case.args).current_dir(&dir);
            for (k, v) in &case.env {
                cmd.env(k, v);
            }
            let out = run(&mut cmd, RUN_LIMIT);
            let _ = std::fs::remove_file(dir.join("erl_crash.dump"));
            out
        };
        let expected = go("erl");
        let actual = go(enigma);
        let mut why = String::new();
        for (what, e, a) in [
            ("stdout", &expected.stdout, &actual.stdout),
            ("stderr", &expected.stderr, &actual.stderr),
        ] {
            let (e, a) = (normalise(e), normalise(a));
            if e != a {
                let line = e
                    .lines()
                    .zip(a.lines())
                    .position(|(x, y)| x != y)
                    .unwrap_or(e.lines().count().min(a.lines().count()));
                why.push_str(&format!(
                    "  {what} differs at line {}:\n    erl:    {:?}\n    enigma: {:?}\n",
                    line + 1,
                    e.lines().nth(line).unwrap_or("<end>"),
                    a.lines().nth(line).unwrap_or("<end>")
                ));
            }
        }
        if expected.status != actual.status || actual.timed_out {
            why.push_str(&format!(
                "  exit status: erl {:?}, enigma {:?}{}\n",
                expected.status,
                actual.status,
                if actual.timed_out { " (timed out)" } else { "" }
            ));
        }
        let is_known = known.contains(&case.name);
        if why.is_empty() {
            passed += 1;
            if is_known {
                println!(
                    "boot {} ... ok (listed in KNOWN_FAILURES: remove it)",
                    case.name
                );
            } else {
                println!("boot {} ... ok", case.name);
            }
        } else {
            push_tail(&mut why, "enigma stderr", &actual.stderr);
            if is_known {
                known_failed += 1;
                println!("boot {} ... known failure", case.name);
            } else {
                failed += 1;
                println!("boot {} ... FAILED\n{why}", case.name);
            }
        }
    }
    println!("\nboot: {passed} passed, {failed} failed, {known_failed} known failures");
    if failed > 0 {
        std::process::exit(1);
    }
}
