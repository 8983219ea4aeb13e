//! The interactive shell on a real terminal, differential: each scripted session is typed
//! into `erl` and into `enigma` running in pseudo-terminals of the same size (tmux, each
//! VM on a private tmux server), and the screens are compared after every step.
//!
//! A step sends keys and then waits until the screen has changed, its last non-blank line
//! is the one expected (a prompt, a menu line) and it has stayed the same for a moment;
//! every wait is bounded (generously: a slow VM is not a failure, a hung one is). The
//! command run in the terminal prints the VM's exit status and the terminal's line mode
//! and echo settings after the VM ends, so those are compared too (the terminal must be
//! given back as it was found). Normalised before comparing: the banner's version line
//! (`[jit:ns]` is BEAM's), and pids.
//!
//! Also here, without a terminal: the shell on a standard input that is a pipe or
//! `/dev/null` (the driver refuses to start, and the line-at-a-time shell takes over).
//!
//! `ENIGMA_SHELL_FILTER=substr` runs a subset. Needs `tmux` (`scripts/install.sh`
//! installs it); without it the suite fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Window size of every terminal.
const COLS: u32 = 100;
const ROWS: u32 = 30;
/// Longest wait for one step's screen (a hang, not a slow machine, exceeds it).
const STEP_LIMIT: Duration = Duration::from_secs(90);
/// How long the screen must stay unchanged to count as settled.
const SETTLE: Duration = Duration::from_millis(400);
/// Longest a single tmux command may take.
const TMUX_LIMIT: Duration = Duration::from_secs(15);
/// Longest a run without a terminal may take.
const RUN_LIMIT: Duration = Duration::from_secs(60);

#[derive(Clone, Copy)]
enum Step {
    /// Text typed as it is.
    Type(&'static str),
    /// A key by tmux's name for it (`Enter`, `Up`, `C-g`, `C-c`).
    Key(&'static str),
    /// Wait until the last non-blank line (trailing blanks ignored) is this.
    Expect(&'static str),
    /// Wait until the VM has ended (the pane's command finished).
    Exit,
}

use Step::*;

struct Session {
    name: &'static str,
    steps: &'static [Step],
    /// Files written into the session's directory first.
    files: &'static [(&'static str, &'static str)],
    /// A tool that starts `erl` (`iex`), run in place of the VM: as installed on one side,
    /// with Enigma's link directory first on `PATH` on the other.
    tool: Option<&'static str>,
}

const BASICS: &[Step] = &[
    Expect("1>"),
    Type("1+2."),
    Key("Enter"),
    Expect("2>"),
    Type("X = 6 * 7."),
    Key("Enter"),
    Expect("3>"),
    Type("X + 1."),
    Key("Enter"),
    Expect("4>"),
    Type("1/0."),
    Key("Enter"),
    Expect("5>"),
    Type("lists:seq(1,"),
    Key("Enter"),
    Expect("5>"),
    Type("5)."),
    Key("Enter"),
    Expect("6>"),
    Type("\"héllo\" ++ [8364]."),
    Key("Enter"),
    Expect("7>"),
    Key("Up"),
    Expect("7> \"héllo\" ++ [8364]."),
    Key("Enter"),
    Expect("8>"),
    Key("C-g"),
    Expect("-->"),
    Type("j"),
    Key("Enter"),
    Expect("-->"),
    Type("c"),
    Key("Enter"),
    Expect("--> c"),
    Type("io:format(\"~s~n\", [lists:duplicate(130, $a)])."),
    Key("Enter"),
    Expect("9>"),
    Type("q()."),
    Key("Enter"),
    Exit,
];

const BREAK: &[Step] = &[
    Expect("1>"),
    Key("C-c"),
    Expect("(l)oaded (v)ersion (k)ill (D)b-tables (d)istribution"),
    Type("v"),
    Key("Enter"),
    Expect("Erlang (BEAM) emulator version 13.1.5"),
    Key("C-c"),
    Expect("(l)oaded (v)ersion (k)ill (D)b-tables (d)istribution"),
    Type("x"),
    Key("Enter"),
    Expect("(l)oaded (v)ersion (k)ill (D)b-tables (d)istribution"),
    Type("c"),
    Key("Enter"),
    Expect("c"),
    Type("1+1."),
    Key("Enter"),
    Expect("2>"),
    Key("C-c"),
    Expect("(l)oaded (v)ersion (k)ill (D)b-tables (d)istribution"),
    Type("a"),
    Key("Enter"),
    Exit,
];

/// The BREAK menu's `A`: "Crash dump requested by user", the dump written, an abort.
const BREAK_DUMP: &[Step] = &[
    Expect("1>"),
    Key("C-c"),
    Expect("(l)oaded (v)ersion (k)ill (D)b-tables (d)istribution"),
    Type("A"),
    Key("Enter"),
    Exit,
];

/// Editing keys across a line that wraps, and the Ctrl-G menu's other jobs.
const EDITING: &[Step] = &[
    Expect("1>"),
    Type("10+20+30"),
    Key("Left"),
    Key("Left"),
    Key("Left"),
    Type("5"),
    Expect("1> 10+205+30"),
    Key("BSpace"),
    Expect("1> 10+20+30"),
    Key("C-e"),
    Type("."),
    Key("Enter"),
    Expect("2>"),
    Type("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""),
    Key("C-a"),
    Type("length("),
    Key("C-e"),
    Type(")."),
    Expect("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\")."),
    Key("Enter"),
    Expect("3>"),
    Type("X = \"tab\there\"."),
    Key("Enter"),
    Expect("4>"),
    Key("C-g"),
    Expect("-->"),
    Type("s"),
    Key("Enter"),
    Expect("-->"),
    Type("j"),
    Key("Enter"),
    Expect("-->"),
    Type("c 2"),
    Key("Enter"),
    Expect("1>"),
    Key("C-g"),
    Expect("-->"),
    Type("q"),
    Key("Enter"),
    Exit,
];

const HALT: &[Step] = &[
    Expect("1>"),
    Type("io:format(\"bye~n\"), halt(3)."),
    Key("Enter"),
    Exit,
];

const C_MODULE: &[Step] = &[
    Expect("1>"),
    Type("c(m)."),
    Key("Enter"),
    Expect("2>"),
    Type("m:f()."),
    Key("Enter"),
    Expect("3>"),
    Type("q()."),
    Key("Enter"),
    Exit,
];

const M_ERL: &str = "-module(m).\n-export([f/0]).\nf() -> hello.\n";

/// Elixir's shell: an expression typed and evaluated, then quitting.
const IEX: &[Step] = &[
    Expect("iex(1)>"),
    Type("Enum.map(1..5, fn x -> x * x end)"),
    Key("Enter"),
    Expect("iex(2)>"),
    Type("s = \"héllo\" <> \" world\"; String.upcase(s)"),
    Key("Enter"),
    Expect("iex(3)>"),
    Type("System.halt(4)"),
    Key("Enter"),
    Exit,
];

fn sessions() -> Vec<Session> {
    vec![
        Session {
            name: "basics",
            steps: BASICS,
            files: &[],
            tool: None,
        },
        Session {
            name: "break_menu",
            steps: BREAK,
            files: &[],
            tool: None,
        },
        Session {
            name: "break_dump",
            steps: BREAK_DUMP,
            files: &[],
            tool: None,
        },
        Session {
            name: "editing",
            steps: EDITING,
            files: &[],
            tool: None,
        },
        Session {
            name: "halt_status",
            steps: HALT,
            files: &[],
            tool: None,
        },
        Session {
            name: "c_module",
            steps: C_MODULE,
            files: &[("m.erl", M_ERL)],
            tool: None,
        },
        Session {
            name: "iex",
            steps: IEX,
            files: &[],
            tool: Some("iex"),
        },
    ]
}

/// Runs `cmd` with `input` on a pipe as its standard input (else whatever `cmd` says),
/// killing it after `limit`; its standard output and status, or `None` if it did not
/// start.
fn run_limited(
    cmd: &mut Command,
    limit: Duration,
    input: Option<&str>,
) -> Option<(String, Option<i32>)> {
    if input.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
        let text = text.to_string();
        std::thread::spawn(move || {
            let _ = std::io::Write::write_all(&mut stdin, text.as_bytes());
        });
    }
    let mut out = child.stdout.take()?;
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out, &mut s);
        s
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break st.code(),
            Ok(None) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let bytes = reader.join().unwrap_or_default();
    Some((String::from_utf8_lossy(&bytes).into_owned(), status))
}

/// A private tmux server (its socket in the session's directory) holding one session;
/// killed, and its socket removed, when dropped.
struct Tmux {
    socket: PathBuf,
    conf: PathBuf,
}

impl Tmux {
    fn new(dir: &Path) -> Tmux {
        let conf = dir.join("tmux.conf");
        // No status line (the whole window is the pane), and the window's size fixed from its
        // creation: a window made at tmux's default 80x24 and resized a moment later
        // re-flows whatever the VM printed first (its banner) differently each time.
        let _ = std::fs::write(
            &conf,
            format!(
                "set -g status off\nset -g history-limit 100\n\
                 set -g default-size {COLS}x{ROWS}\n"
            ),
        );
        let t = Tmux {
            socket: dir.join("tmux.sock"),
            conf,
        };
        t.kill();
        t
    }

    fn cmd(&self, args: &[&str]) -> Option<String> {
        let mut c = Command::new("tmux");
        c.arg("-S")
            .arg(&self.socket)
            .arg("-f")
            .arg(&self.conf)
            .args(args);
        c.stdin(Stdio::null());
        run_limited(&mut c, TMUX_LIMIT, None).and_then(|(out, st)| (st == Some(0)).then_some(out))
    }

    fn kill(&self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_file(&self.socket);
    }

    /// The visible screen; `None` if the server is gone.
    fn screen(&self) -> Option<String> {
        self.cmd(&["capture-pane", "-p", "-t", "t"])
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.kill();
    }
}

fn last_line(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .map(str::trim_end)
        .find(|l| !l.is_empty())
        .unwrap_or("")
}

/// Waits for `done` on a settled screen that differs from `before`.
fn wait(t: &Tmux, before: &str, done: impl Fn(&str) -> bool) -> Result<String, String> {
    let deadline = Instant::now() + STEP_LIMIT;
    let mut prev = String::new();
    let mut since = Instant::now();
    loop {
        let Some(s) = t.screen() else {
            return Err(format!("(the tmux server is gone)\n{prev}"));
        };
        if s != prev {
            prev = s.clone();
            since = Instant::now();
        }
        if s != before && since.elapsed() >= SETTLE && done(&s) {
            return Ok(s);
        }
        if Instant::now() >= deadline {
            return Err(s);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Types `session` into `program` on a fresh terminal; the screen after each wait.
fn play(program: &str, session: &Session, dir: &Path) -> Result<Vec<String>, String> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    for (name, text) in session.files {
        std::fs::write(dir.join(name), text).map_err(|e| e.to_string())?;
    }
    let t = Tmux::new(dir);
    // A tool runs in the VM's place; on Enigma's side with the link directory first on
    // PATH, so the tool's `erl` is Enigma.
    let program = match session.tool {
        Some(tool) if program == "erl" => tool.to_string(),
        Some(tool) => {
            let links = Path::new(program)
                .parent()
                .map(|d| d.join("bin"))
                .unwrap_or_default();
            format!("env PATH={}:$PATH {tool}", links.display())
        }
        None => format!("'{program}'"),
    };
    // After the VM: its exit status and whether the terminal is back in line mode with
    // echo; then the pane stays as it is (tmux's note on a finished pane would scroll the
    // screen) until the server is killed. The shell's own note on a VM that died of a
    // signal (`bash: line 1: PID Aborted ...`, naming the program) goes nowhere: the
    // status says it.
    let shell_cmd = format!(
        "cd '{}' && {{ env -u LC_ALL -u ERL_AFLAGS -u ERL_FLAGS -u ERL_ZFLAGS LANG=C.UTF-8 {program} 2>&3 3>&-; }} 3>&2 2>/dev/null; \
         echo \"[exit $?]\"; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; \
         exec sleep 100000",
        dir.display()
    );
    let (c, r) = (COLS.to_string(), ROWS.to_string());
    t.cmd(&[
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        &c,
        "-y",
        &r,
        &shell_cmd,
    ])
    .ok_or("tmux new-session failed")?;
    let mut shots = Vec::new();
    let mut before = String::new();
    for (i, step) in session.steps.iter().enumerate() {
        match *step {
            Type(text) => {
                t.cmd(&["send-keys", "-t", "t", "-l", text])
                    .ok_or("tmux send-keys failed")?;
            }
            Key(k) => {
                t.cmd(&["send-keys", "-t", "t", k])
                    .ok_or("tmux send-keys failed")?;
            }
            Expect(line) => {
                let s = wait(&t, &before, |s| {
                    last_line(s).trim_start() == line.trim_start()
                })
                .map_err(|s| format!("step {i}: no `{line}` on the screen:\n{s}"))?;
                before = s.clone();
                shots.push(s);
            }
            Exit => {
                // The command prints the exit status, then the terminal's modes.
                let s = wait(&t, &before, |s| {
                    s.contains("[exit") && last_line(&normalise(s)).contains("icanon")
                })
                .map_err(|s| format!("step {i}: the VM did not end:\n{s}"))?;
                before = s.clone();
                shots.push(s);
            }
        }
    }
    Ok(shots)
}

fn normalise(screen: &str) -> String {
    let pid = regex::Regex::new(r"<\d+\.\d+\.\d+>").expect("pid pattern");
    screen
        .lines()
        .map(|l| {
            let l = l.trim_end();
            if l.starts_with("Erlang/OTP ") {
                "Erlang/OTP <version line>".to_string()
            } else {
                pid.replace_all(l, "<pid>").into_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end()
        .to_string()
}

/// The shell without a terminal: standard input from a pipe and from `/dev/null`.
fn no_terminal(enigma: &str, dir: &Path) -> Vec<(String, Result<(), String>)> {
    let _ = std::fs::create_dir_all(dir);
    let mut results = Vec::new();
    for (name, input) in [
        ("stdin_pipe", Some("io:format(\"x~n\").\n1+1.\n")),
        ("stdin_null", None),
    ] {
        let go = |program: &str| {
            let mut c = Command::new(program);
            c.current_dir(dir)
                .env_remove("ERL_AFLAGS")
                .env_remove("ERL_FLAGS")
                .env_remove("ERL_ZFLAGS");
            if input.is_none() {
                c.stdin(Stdio::null());
            }
            run_limited(&mut c, RUN_LIMIT, input)
        };
        let expected = go("erl");
        let actual = go(enigma);
        let r = match (expected, actual) {
            (Some(e), Some(a)) if e == a => Ok(()),
            (e, a) => Err(format!("  erl:    {e:?}\n  enigma: {a:?}")),
        };
        results.push((name.to_string(), r));
    }
    results
}

fn main() {
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("shell: tmux is not installed (apt-get install -y tmux)");
        std::process::exit(1);
    }
    let filter = std::env::var("ENIGMA_SHELL_FILTER").unwrap_or_default();
    let enigma = env!("CARGO_BIN_EXE_enigma");
    let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("shell");
    let (mut passed, mut failed) = (0, 0);

    for session in sessions() {
        if !session.name.contains(&filter) {
            continue;
        }
        // Both VMs at once, each on its own terminal.
        let (erl, enigma_run) = std::thread::scope(|s| {
            let e = s.spawn(|| play("erl", &session, &base.join(session.name).join("erl")));
            let g = s.spawn(|| play(enigma, &session, &base.join(session.name).join("enigma")));
            (
                e.join().unwrap_or_else(|_| Err("panicked".into())),
                g.join().unwrap_or_else(|_| Err("panicked".into())),
            )
        });
        let why = match (erl, enigma_run) {
            (Err(e), _) => Some(format!("erl: {e}")),
            (_, Err(e)) => Some(format!("enigma: {e}")),
            (Ok(a), Ok(b)) => a
                .iter()
                .zip(b.iter())
                .enumerate()
                .find(|(_, (x, y))| normalise(x) != normalise(y))
                .map(|(i, (x, y))| {
                    format!(
                        "screens differ at wait {i}:\n--- erl\n{}\n--- enigma\n{}",
                        normalise(x),
                        normalise(y)
                    )
                }),
        };
        match why {
            None => {
                passed += 1;
                println!("shell {} ... ok", session.name);
            }
            Some(w) => {
                failed += 1;
                println!("shell {} ... FAILED\n{w}\n", session.name);
            }
        }
    }

    for (name, r) in no_terminal(enigma, &base.join("no_terminal")) {
        if !name.contains(&filter) {
            continue;
        }
        match r {
            Ok(()) => {
                passed += 1;
                println!("shell {name} ... ok");
            }
            Err(w) => {
                failed += 1;
                println!("shell {name} ... FAILED\n{w}\n");
            }
        }
    }

    println!("\nshell: {passed} passed, {failed} failed");
    if failed > 0 {
        std::process::exit(1);
    }
}
