//! The `enigma` binary.
//!
//! ```text
//! enigma run [+S N] [-pa DIR]... MOD [FUN [ARG...]]
//!                                              run MOD:FUN() (or MOD:FUN([ARG...])) on N
//!                                              schedulers (default: one per core), no OTP boot
//! enigma check PATH...                         load every .beam (files or directories)
//! ```
//! Flags follow `erl`'s single-dash style (`-pa`), which general-purpose argument parsers do
//! not model, so the few we take are parsed by hand.

#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use enigma_vm::runtime::boot;
use enigma_vm::runtime::scheduler::VmExit;

const USAGE: &str =
    "usage: enigma run [+S N] [-pa DIR]... MOD [FUN [ARG...]]\n       enigma check PATH...";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("run") => run(&args[1..]),
        Some("check") => check(&args[1..]),
        Some("coverage") => {
            print!("{}", enigma_vm::code::coverage::report());
            ExitCode::SUCCESS
        }
        Some("-h") | Some("--help") | Some("help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> ExitCode {
    let mut path = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            // `+S N` (erl's form, also `+S N:M`) or `--schedulers N`.
            "+S" | "--schedulers" => {
                let n = args
                    .get(i + 1)
                    .and_then(|v| v.split(':').next())
                    .and_then(|v| v.parse::<usize>().ok())
                    .filter(|&n| (1..=1024).contains(&n));
                let Some(n) = n else {
                    eprintln!("enigma: {} needs a number of schedulers (1-1024)", args[i]);
                    return ExitCode::from(2);
                };
                enigma_vm::runtime::scheduler::configure(n);
                i += 2;
            }
            "-pa" | "-pz" => {
                i += 1;
                while i < args.len() && !args[i].starts_with('-') && Path::new(&args[i]).is_dir() {
                    path.push(PathBuf::from(&args[i]));
                    i += 1;
                }
            }
            _ => break,
        }
    }
    let Some(module) = args.get(i) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let function = args.get(i + 1).map(String::as_str).unwrap_or("main");
    let rest: Vec<String> = args.iter().skip(i + 2).cloned().collect();
    let call_args = (args.len() > i + 2).then_some(rest.as_slice());
    match boot::run_main(&path, module, function, call_args) {
        Ok(VmExit::Normal) => ExitCode::SUCCESS,
        Ok(VmExit::Crashed) => ExitCode::from(1),
        Ok(VmExit::Halt(status)) => ExitCode::from(status.clamp(0, 255) as u8),
        Ok(VmExit::Deadlock) => {
            eprintln!("enigma: every process is waiting forever (the main process never returned)");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("enigma: {e}");
            ExitCode::from(1)
        }
    }
}

fn check(paths: &[String]) -> ExitCode {
    let mut files = Vec::new();
    for p in paths {
        let p = Path::new(p);
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map(|rd| {
                    rd.filter_map(|e| e.ok())
                        .map(|e| e.path())
                        .filter(|f| f.extension().is_some_and(|x| x == "beam"))
                        .collect()
                })
                .unwrap_or_default();
            found.sort();
            files.extend(found);
        } else {
            files.push(p.to_path_buf());
        }
    }
    let mut ok = 0;
    let mut lacking: std::collections::BTreeMap<&'static str, usize> = Default::default();
    for f in &files {
        let result = std::fs::read(f)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                enigma_vm::code::load::load_bytes(&bytes, false).map_err(|e| e.to_string())
            });
        match result {
            Ok(m) => {
                ok += 1;
                for name in m.unimplemented_ops() {
                    *lacking.entry(name).or_default() += 1;
                }
            }
            Err(reason) => eprintln!("enigma: cannot load {}: {reason}", f.display()),
        }
    }
    if !lacking.is_empty() {
        let list: Vec<String> = lacking.iter().map(|(n, c)| format!("{n} ({c})")).collect();
        eprintln!(
            "instructions or BIFs Enigma lacks, with the number of modules using them: {}",
            list.join(", ")
        );
    }
    println!("loaded {ok} of {} modules", files.len());
    if ok == files.len() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
