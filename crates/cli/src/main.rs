//! The `enigma` binary.
//!
//! ```text
//! enigma [erl flags]                           boot OTP as `erl` does (also when the binary
//!                                              is started under the name `erl`)
//! enigma run [+S N] [-pa DIR]... MOD [FUN [ARG...]]
//!                                              run MOD:FUN() (or MOD:FUN([ARG...])) on N
//!                                              schedulers (default: one per core), no OTP boot
//! enigma check PATH...                         load every .beam (files or directories)
//! ```
//! Flags follow `erl`'s single-dash style (`-pa`), which general-purpose argument parsers do
//! not model, so the few we take are parsed by hand.

#![forbid(unsafe_code)]

mod erl;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use enigma_vm::runtime::boot;
use enigma_vm::runtime::scheduler::VmExit;

const USAGE: &str =
    "usage: enigma run [+S N] [-pa DIR]... MOD [FUN [ARG...]]\n       enigma check PATH...";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if started_as_erl() {
        return boot_erl(&args);
    }
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
        _ => boot_erl(&args),
    }
}

/// Whether the binary was started under a name of `erl`'s (a link in the link directory).
fn started_as_erl() -> bool {
    let Some(arg0) = std::env::args_os().next() else {
        return false;
    };
    let name = Path::new(&arg0)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    matches!(
        name.as_str(),
        "erl" | "erlexec" | "cerl" | "beam" | "beam.smp"
    )
}

/// The number of logical processors (the default number of schedulers).
pub fn logical_processors() -> usize {
    enigma_vm::runtime::scheduler::logical_processors()
}

/// The directory of links to this binary (`erl` -> `enigma`) beside it, if there is one.
fn link_dir() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?;
    // Started through a link in `bin/`, or as `target/release/enigma` with `bin/` beside it.
    if dir.file_name().is_some_and(|n| n == "bin") {
        return Some(dir.to_path_buf());
    }
    let bin = dir.join("bin");
    bin.join("erl").exists().then_some(bin)
}

/// `enigma [erl flags]`: boots OTP as `erl` does.
fn boot_erl(args: &[String]) -> ExitCode {
    let root = enigma_vm::code::path::otp_root();
    let bindir = erl::bindir(&root);
    let cmd = match erl::parse(args, &root, &bindir) {
        Ok(c) => c,
        Err(e) => {
            let me = std::env::current_exe()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| "enigma".into());
            if e.usage {
                // As BEAM: an unknown flag is named with the emulator's path.
                if e.message.starts_with("unknown flag") {
                    eprintln!("{me} {}", e.message);
                } else {
                    eprintln!("{}", e.message);
                }
                eprintln!("{}", erl::USAGE);
            } else {
                eprintln!("{}", e.message);
            }
            return ExitCode::from(1);
        }
    };
    if cmd.print_args_exit {
        return ExitCode::SUCCESS;
    }
    if cmd.emu.print_version {
        // As erl: on stderr, with a carriage return (the terminal may be in raw mode).
        eprint!(
            "Erlang (SMP,ASYNC_THREADS) (BEAM) emulator version {}\r\n",
            enigma_vm::bifs::erlang::system::erts_version()
        );
        return ExitCode::SUCCESS;
    }
    for (k, v) in &cmd.env {
        std::env::set_var(k, v);
    }
    // As erlexec: the emulator's bin directory (port programs such as `inet_gethost`) and
    // the root's `bin` go first on PATH, and Enigma's own links before them, so that an
    // `erl` started from inside runs on Enigma too.
    let mut path: Vec<PathBuf> = Vec::new();
    path.extend(link_dir());
    path.push(bindir.clone());
    path.push(root.join("bin"));
    if let Some(old) = std::env::var_os("PATH") {
        for p in std::env::split_paths(&old) {
            if !path_has(&path, &p) {
                path.push(p);
            }
        }
    }
    if let Ok(joined) = std::env::join_paths(&path) {
        std::env::set_var("PATH", joined);
    }
    if let Some(n) = cmd.emu.atom_limit {
        enigma_term::atom::set_limit(n);
    }
    if let Some(w) = &cmd.emu.warning_map {
        enigma_vm::bifs::error_logger::set_warning_map(w);
    }
    if cmd.emu.no_crash_dump {
        enigma_vm::runtime::fatal::set_no_crash_dump();
    }
    if let Some((n, online)) = cmd.emu.schedulers {
        enigma_vm::runtime::scheduler::configure(n);
        let _ = online;
    }
    // Ctrl-C and the other signals BEAM handles, and the terminal's mode to restore.
    enigma_vm::runtime::os_signals::start(cmd.emu.break_mode);
    match enigma_vm::runtime::otp_boot::boot(&root, &cmd.boot_args) {
        Ok(VmExit::Halt(status)) => ExitCode::from(status.clamp(0, 255) as u8),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("enigma: {e}");
            ExitCode::from(1)
        }
    }
}

fn path_has(list: &[PathBuf], p: &Path) -> bool {
    list.iter().any(|q| q == p)
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
