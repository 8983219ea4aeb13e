//! Differential tests of the real boot: each case in `tests/boot/cases.txt` is an `erl`
//! command line, run as `erl ARGS` and as `enigma ARGS` in the same directory with the same
//! environment; standard output, standard error and the exit status must agree once what
//! must differ is normalised (timestamps, pids, heap sizes and reduction counts in reports).
//!
//! Every other `tests/boot/*.erl` program (besides `boot_helper`) is a case of its own,
//! run as `-noshell -pa . -s Module main -s init stop`: programs that need the real code
//! server, application controller or logger.
//!
//! `tests/boot/tools.txt` lists tools that start `erl` (`erlc`, `escript`, `rebar3`,
//! `elixir`): each runs once as installed and once with Enigma's link directory first on
//! `PATH`, as a user would try Enigma.
//!
//! A run that writes a crash dump (`erl_crash.dump`, or the file `ERL_CRASH_DUMP` names) is
//! checked too: Enigma must write one exactly when erl does, with the same slogan, and OTP's
//! own reader (`crashdump_viewer`, through `tests/boot/crash_dump_check.erl` on erl) must
//! read Enigma's without a warning; a dump cut short by `ERL_CRASH_DUMP_BYTES` must be as
//! long as erl's. `ulimit N` before a case's arguments (like `env`) runs both VMs with
//! `ulimit -v N`.
//!
//! Cases listed in `tests/boot/KNOWN_FAILURES` are run but do not fail the suite.
//! `ENIGMA_BOOT_FILTER=substr` runs a subset.

#[allow(dead_code)] // each test binary uses part of the shared helpers
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
    /// `ulimit -v` for both runs, in kilobytes.
    ulimit: Option<u64>,
    args: Vec<String>,
}

/// What a run left in its crash dump.
#[derive(Debug, PartialEq)]
struct Dump {
    /// The `Slogan:` line (and the lines of a slogan that spans several, up to `System
    /// version:`), normalised as the output is.
    slogan: String,
    /// The size of a dump cut short by `ERL_CRASH_DUMP_BYTES`.
    cut_at: Option<u64>,
}

/// Reads the dump a run of `vm` wrote in `dir`, and moves it aside for the next run.
fn take_dump(dir: &Path, case: &Case, vm: &str) -> Option<(Dump, std::path::PathBuf)> {
    let name = case
        .env
        .iter()
        .find(|(k, _)| k == "ERL_CRASH_DUMP")
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| "erl_crash.dump".into());
    let path = dir.join(name);
    let bytes = std::fs::read(&path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let mut slogan = String::new();
    for line in text.lines().skip(2) {
        if line.starts_with("System version:") || line.starts_with("Taints:") {
            break;
        }
        slogan.push_str(line);
        slogan.push('\n');
    }
    let cut = text.ends_with("\n=abort:CRASH DUMP SIZE LIMIT REACHED\n");
    let kept = dir.join(format!("{}.{vm}.dump", case.name));
    let _ = std::fs::rename(&path, &kept);
    Some((
        Dump {
            slogan: normalise(slogan.as_bytes()),
            cut_at: cut.then_some(bytes.len() as u64),
        },
        kept,
    ))
}

/// Reads Enigma's dump with OTP's crash dump viewer (on erl); `Err` with what it said.
fn read_back(dir: &Path, dump: &Path) -> Result<(), String> {
    let out = run(
        Command::new("erl")
            .args(["-noshell", "-pa", ".", "-eval"])
            .arg(format!(
                "crash_dump_check:main([\"{}\"]), halt().",
                dump.display()
            ))
            .current_dir(dir),
        RUN_LIMIT,
    );
    if out.stdout == b"ok\n" && out.status == Some(0) {
        Ok(())
    } else {
        let mut why = String::from_utf8_lossy(&out.stdout).into_owned();
        why.push_str(&String::from_utf8_lossy(&out.stderr));
        Err(why.lines().take(6).collect::<Vec<_>>().join("\n      "))
    }
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
        let mut ulimit = None;
        while w.len() > 1 && matches!(w[0].as_str(), "env" | "ulimit") {
            if w[0] == "ulimit" {
                ulimit = w[1].parse().ok();
            } else if let Some((k, v)) = w[1].split_once('=') {
                env.push((k.to_string(), v.to_string()));
            }
            w.drain(..2);
        }
        cases.push(Case {
            name: name.trim().to_string(),
            env,
            ulimit,
            args: w,
        });
    }
    cases
}

/// Replaces what differs between two correct runs: report timestamps, pids, the heap,
/// stack and reduction counts that crash and max-heap reports print, and the size and kind
/// of a process heap that could not be allocated (the two VMs' heaps grow differently).
fn normalise(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes);
    let timestamp =
        regex::Regex::new(r"\d{1,2}-[A-Z][a-z]{2}-\d{4}::\d\d:\d\d:\d\d\.\d+").expect("regex");
    let pid = regex::Regex::new(r"<0\.\d+\.\d+>").expect("regex");
    let counts = regex::Regex::new(r"(heap_size|stack_size|reductions): \d+").expect("regex");
    let heap_report = regex::Regex::new(r"(Total Heap Size: +)\d+").expect("regex");
    let gc_info = regex::Regex::new(r"\{([a-z_]+),\d+\}").expect("regex");
    let no_heap = regex::Regex::new(
        r#"eheap_alloc: Cannot allocate \d+ bytes of memory \(of type "(heap|old_heap|heap_frag)"\)"#,
    )
    .expect("regex");
    // erl prints reports that find no logger from a thread of its own: when the VM ends
    // right after one, the line comes before or after the VM's message, or in the middle
    // of it ("Crash dump is being written to: ...(no logger present) ...\ndone"), or not
    // at all.
    let no_logger = regex::Regex::new(r"\(no logger present\) [^\n]*\n").expect("regex");
    let s = no_logger.replace_all(&s, "");
    let s = timestamp.replace_all(&s, "<TIME>");
    let s = pid.replace_all(&s, "<PID>");
    let s = counts.replace_all(&s, "$1: <N>");
    let s = heap_report.replace_all(&s, "$1<N>");
    let s = gc_info.replace_all(&s, "{$1,<N>}");
    no_heap
        .replace_all(
            &s,
            "eheap_alloc: Cannot allocate <N> bytes of memory (of type <HEAP>)",
        )
        .into_owned()
}

fn main() {
    let root = repo_root();
    let src = root.join("tests/boot");
    let filter = std::env::var("ENIGMA_BOOT_FILTER").unwrap_or_default();
    let mut cases =
        parse_cases(&std::fs::read_to_string(src.join("cases.txt")).unwrap_or_default());
    let mut programs: Vec<String> = std::fs::read_dir(&src)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| {
                    e.file_name()
                        .to_str()
                        .and_then(|n| n.strip_suffix(".erl"))
                        .map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    programs.sort();
    for m in programs.iter().filter(|m| {
        !matches!(
            m.as_str(),
            "boot_helper" | "hello" | "hello_escript" | "crash_dump_check"
        )
    }) {
        cases.push(Case {
            name: m.clone(),
            env: Vec::new(),
            ulimit: None,
            args: [
                "-noshell", "-pa", ".", "-s", m, "main", "-s", "init", "stop",
            ]
            .map(String::from)
            .to_vec(),
        });
    }
    let known: Vec<String> = std::fs::read_to_string(src.join("KNOWN_FAILURES"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("boot");
    let _ = std::fs::create_dir_all(&dir);
    for f in ["sys.config", "args.txt", "bad_args.txt"] {
        let _ = std::fs::copy(src.join(f), dir.join(f));
    }
    let sources: Vec<_> = programs
        .iter()
        .map(|m| src.join(format!("{m}.erl")))
        .collect();
    if let Err(e) = common::erlc(&sources, &dir) {
        eprintln!("boot: {e}");
        std::process::exit(1);
    }
    let enigma = env!("CARGO_BIN_EXE_enigma");
    let (mut passed, mut failed, mut known_failed) = (0, 0, 0);
    // Tools: the same command, with and without Enigma's links first on PATH.
    for f in ["hello.erl", "hello.escript"] {
        let _ = std::fs::copy(src.join(f), dir.join(f));
    }
    let escripts = "{ok, B} = file:read_file(\"hello_escript.beam\"), \
        ok = escript:create(\"hello_compiled.escript\", [shebang, {beam, B}]), \
        ok = escript:create(\"hello_archive.escript\", \
             [shebang, {archive, [{\"hello_escript.beam\", B}], []}]), halt().";
    let made = Command::new("erl")
        .args(["-noshell", "-eval", escripts])
        .current_dir(&dir)
        .status();
    if !matches!(made, Ok(s) if s.success()) {
        eprintln!("boot: could not make the test escripts with erl");
        std::process::exit(1);
    }
    let links = Path::new(enigma)
        .parent()
        .map(|d| d.join("bin"))
        .unwrap_or_default();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut enigma_path = vec![links];
    enigma_path.extend(std::env::split_paths(&path));
    let enigma_path = std::env::join_paths(enigma_path).unwrap_or_default();
    let tools: Vec<Case> =
        parse_cases(&std::fs::read_to_string(src.join("tools.txt")).unwrap_or_default());
    let tool_names: Vec<String> = tools.iter().map(|c| c.name.clone()).collect();
    cases.extend(tools);
    for case in cases.iter().filter(|c| c.name.contains(&filter)) {
        let is_tool = tool_names.contains(&case.name);
        let go = |program: &str| -> (Outcome, Option<(Dump, std::path::PathBuf)>) {
            let mut cmd = if is_tool {
                let mut c = Command::new(&case.args[0]);
                c.args(&case.args[1..]);
                if program != "erl" {
                    c.env("PATH", &enigma_path);
                }
                c
            } else if let Some(kb) = case.ulimit {
                let mut c = Command::new("sh");
                c.arg("-c")
                    .arg(format!("ulimit -v {kb} && exec \"$0\" \"$@\""))
                    .arg(program)
                    .args(&case.args);
                c
            } else {
                let mut c = Command::new(program);
                c.args(&case.args);
                c
            };
            cmd.current_dir(&dir);
            for (k, v) in &case.env {
                cmd.env(k, v);
            }
            let out = run(&mut cmd, RUN_LIMIT);
            let vm = if program == "erl" { "erl" } else { "enigma" };
            let dump = take_dump(&dir, case, vm);
            (out, dump)
        };
        let (expected, erl_dump) = go("erl");
        let (actual, enigma_dump) = go(enigma);
        let mut why = String::new();
        match (&erl_dump, &enigma_dump) {
            (None, None) => {}
            (Some((e, _)), Some((a, path))) => {
                if e != a {
                    why.push_str(&format!(
                        "  crash dump differs:\n    erl:    {e:?}\n    enigma: {a:?}\n"
                    ));
                } else if a.cut_at.is_none() {
                    if let Err(e) = read_back(&dir, path) {
                        why.push_str(&format!("  crashdump_viewer cannot read it:\n      {e}\n"));
                    }
                }
            }
            (e, a) => why.push_str(&format!(
                "  crash dump written: erl {}, enigma {}\n",
                e.is_some(),
                a.is_some()
            )),
        }
        for (_, path) in erl_dump.iter().chain(enigma_dump.iter()) {
            let _ = std::fs::remove_file(path);
        }
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
