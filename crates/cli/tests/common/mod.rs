//! What the differential test binaries share: running a VM with a time limit, and where
//! the repository is.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run of a VM produced.
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub status: Option<i32>,
    pub stderr: Vec<u8>,
    pub timed_out: bool,
}

/// Runs `cmd` to the end, or kills it after `limit` (a hang is a failure, not a slow pass).
pub fn run(cmd: &mut Command, limit: Duration) -> Outcome {
    let mut child = match cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                stdout: Vec::new(),
                status: None,
                stderr: e.to_string().into_bytes(),
                timed_out: false,
            }
        }
    };
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(o) = out.as_mut() {
            let _ = o.read_to_end(&mut v);
        }
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(e) = err.as_mut() {
            let _ = e.read_to_end(&mut v);
        }
        v
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s.code(),
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                timed_out = true;
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Outcome {
        stdout,
        status,
        stderr,
        timed_out,
    }
}

/// Compiles `sources` into `build` with `erlc`, or says why it could not.
pub fn erlc(sources: &[PathBuf], build: &Path) -> Result<(), String> {
    let status = Command::new("erlc")
        .arg("-o")
        .arg(build)
        .args(sources)
        .status();
    if matches!(status, Ok(s) if s.success()) {
        Ok(())
    } else {
        Err("erlc failed or is missing (install Erlang/OTP 25: apt-get install erlang-nox)".into())
    }
}

/// The repository's root directory.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// How `actual` differs from `expected` in stdout (the first differing line) and exit
/// status, followed by the tail of Enigma's stderr; empty when they agree.
// Each test binary compiles this module on its own, and not all of them compare outputs.
#[allow(dead_code)]
pub fn differences(expected: &Outcome, actual: &Outcome) -> String {
    let mut why = String::new();
    if expected.stdout != actual.stdout {
        let e = String::from_utf8_lossy(&expected.stdout);
        let a = String::from_utf8_lossy(&actual.stdout);
        let line = e
            .lines()
            .zip(a.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(e.lines().count().min(a.lines().count()));
        why.push_str(&format!(
            "  stdout differs at line {}:\n    erl:    {:?}\n    enigma: {:?}\n",
            line + 1,
            e.lines().nth(line).unwrap_or("<end>"),
            a.lines().nth(line).unwrap_or("<end>")
        ));
    }
    if expected.status != actual.status {
        why.push_str(&format!(
            "  exit status: erl {:?}, enigma {:?}\n",
            expected.status, actual.status
        ));
    }
    if !why.is_empty() {
        push_tail(&mut why, "enigma stderr", &actual.stderr);
    }
    why
}

/// Appends the last few lines of `stderr` to `why`.
pub fn push_tail(why: &mut String, label: &str, stderr: &[u8]) {
    let err = String::from_utf8_lossy(stderr);
    let tail: Vec<&str> = err.lines().rev().take(5).collect();
    for l in tail.into_iter().rev() {
        why.push_str(&format!("  {label}: {l}\n"));
    }
}
