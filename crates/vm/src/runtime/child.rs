//! Child processes of ports: starting them (`std::process::Command`, pipes from `std::io`,
//! descriptors 3 and 4 for `nouse_stdio` through `command-fds`) and reaping them
//! (`waitpid` when their pidfd says they exited), so that no zombie is left behind.

use std::os::fd::OwnedFd;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use rustix::process::{Pid, WaitOptions};

/// What to start and how.
pub struct Spec {
    /// The program, or (for `{spawn, Cmd}`) the shell command line.
    pub program: String,
    /// `{spawn, Cmd}`: run `exec Cmd` with `/bin/sh -c`.
    pub shell: bool,
    /// `{args, Args}`: the arguments after argv\[0\].
    pub args: Vec<String>,
    /// `{arg0, A}`.
    pub arg0: Option<String>,
    /// `{env, Env}`: set (`Some`) or unset (`None`).
    pub env: Vec<(String, Option<String>)>,
    pub cd: Option<PathBuf>,
    /// Descriptors 0/1 (`use_stdio`) or 3/4 (`nouse_stdio`).
    pub use_stdio: bool,
    pub stderr_to_stdout: bool,
    /// Which directions the port uses (`in`, `out`, or both).
    pub read: bool,
    pub write: bool,
}

/// A started child: its pid, the pipe ends the port uses (non-blocking), and a pidfd that
/// becomes readable when it exits.
pub struct Started {
    pub pid: u32,
    /// The child's output, which the port reads.
    pub from_child: Option<OwnedFd>,
    /// The child's input, which the port writes.
    pub to_child: Option<OwnedFd>,
    pub pidfd: Option<OwnedFd>,
}

fn nonblocking(fd: &OwnedFd) -> std::io::Result<()> {
    let flags = rustix::fs::fcntl_getfl(fd)?;
    rustix::fs::fcntl_setfl(fd, flags | rustix::fs::OFlags::NONBLOCK)?;
    Ok(())
}

/// Starts the child described by `spec`.
pub fn start(spec: &Spec) -> std::io::Result<Started> {
    let mut cmd = if spec.shell {
        let mut c = Command::new("/bin/sh");
        c.arg("-c").arg(format!("exec {}", spec.program));
        c
    } else {
        // A name without a slash is a path relative to the working directory, as for
        // BEAM's `spawn_executable` (no search of PATH).
        let path = if spec.program.contains('/') {
            spec.program.clone()
        } else {
            format!("./{}", spec.program)
        };
        let mut c = Command::new(path);
        c.args(&spec.args);
        c
    };
    if let Some(a0) = &spec.arg0 {
        std::os::unix::process::CommandExt::arg0(&mut cmd, a0);
    }
    for (k, v) in &spec.env {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    if let Some(d) = &spec.cd {
        cmd.current_dir(d);
    }
    let (child_reads, we_write) = std::io::pipe()?;
    let (we_read, child_writes) = std::io::pipe()?;
    let child_writes_err = if spec.stderr_to_stdout {
        Some(child_writes.try_clone()?)
    } else {
        None
    };
    if spec.use_stdio {
        cmd.stdin(Stdio::from(child_reads));
        cmd.stdout(Stdio::from(child_writes));
        if let Some(e) = child_writes_err {
            cmd.stderr(Stdio::from(e));
        }
    } else {
        use command_fds::{CommandFdExt, FdMapping};
        cmd.fd_mappings(vec![
            FdMapping {
                parent_fd: OwnedFd::from(child_reads),
                child_fd: 3,
            },
            FdMapping {
                parent_fd: OwnedFd::from(child_writes),
                child_fd: 4,
            },
        ])
        .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
    }
    let child = cmd.spawn()?;
    // The Command still holds the child's ends: drop it so that the child's exit closes
    // the pipe.
    drop(cmd);
    let pid = child.id();
    // The Child handle would not reap on drop; the pidfd does the waiting.
    drop(child);
    let from_child = OwnedFd::from(we_read);
    let to_child = OwnedFd::from(we_write);
    nonblocking(&from_child)?;
    nonblocking(&to_child)?;
    let pidfd = Pid::from_raw(pid as i32)
        .and_then(|p| rustix::process::pidfd_open(p, rustix::process::PidfdFlags::empty()).ok());
    Ok(Started {
        pid,
        from_child: spec.read.then_some(from_child),
        to_child: spec.write.then_some(to_child),
        pidfd,
    })
}

/// Reaps child `pid` if it has exited: its exit status as BEAM reports it (the code, or
/// 128 + the signal number).
pub fn try_reap(pid: u32) -> Option<i32> {
    let p = Pid::from_raw(pid as i32)?;
    match rustix::process::waitpid(Some(p), WaitOptions::NOHANG) {
        Ok(Some((_, status))) => Some(exit_code(status)),
        Ok(None) => None,
        // Already reaped (or not ours): report it as gone.
        Err(_) => Some(0),
    }
}

fn exit_code(status: rustix::process::WaitStatus) -> i32 {
    if let Some(code) = status.exit_status() {
        code
    } else if let Some(sig) = status.terminating_signal() {
        128 + sig
    } else {
        0
    }
}

/// Reaps `pid` when it exits, from a thread of its own (when no pidfd could be opened).
pub fn reap_in_background(pid: u32) {
    let _ = std::thread::Builder::new()
        .name("enigma-reaper".into())
        .spawn(move || {
            if let Some(p) = Pid::from_raw(pid as i32) {
                let _ = rustix::process::waitpid(Some(p), WaitOptions::empty());
            }
        });
}
