//! `enigma` as `erl`: what OTP's `erlexec` and the emulator's own flag parsing do with a
//! command line, so that the real `init:boot/1` gets the argument list it gets on BEAM.
//!
//! `erlexec` merges `ERL_AFLAGS`, the command line, `ERL_FLAGS` and `ERL_ZFLAGS`, expands
//! `-args_file`, moves everything after `-extra` to the end, turns `+X` flags into
//! emulator flags and keeps the rest for `init`, adding `-home`. Then the emulator takes
//! its flags and passes `-root R -bindir B -progname P -- -home H -- init args...` to
//! `init:boot/1`. Emulator flags Enigma has no use for (allocator tuning, scheduler
//! binding, async threads...) are accepted and ignored, as `docs/STATUS.md` lists.

use std::path::{Path, PathBuf};

/// The emulator flags Enigma acts on; `erl`'s others are accepted and ignored.
pub const USAGE: &str = "Usage: enigma [flags] [ -- [init_args] ]
The emulator flags Enigma acts on (given as +Flag to erl, -Flag here):
-S n1:n2       number of schedulers (and schedulers online), at most 1024
-B[c|d|i]      Ctrl-C behaviour: c interrupts the shell, d (or none) disables the
               break handler, i ignores break signals
-P number      maximum number of processes
-t size        maximum number of atoms
-hmax size     default maximum heap size in words
-d             no crash dump for internally detected errors
-V             print the emulator version
Every other flag erl's emulator accepts (allocators, scheduler binding, async threads,
...) is accepted and ignored; see docs/STATUS.md.";

/// What the command line asks of the emulator.
#[derive(Debug, Default)]
pub struct EmuOptions {
    /// `+S N[:M]`: schedulers (and schedulers online).
    pub schedulers: Option<(usize, usize)>,
    /// `+V`: print the version and exit.
    pub print_version: bool,
    /// `+t N`: the largest number of atoms.
    pub atom_limit: Option<usize>,
    /// `+P N`: the largest number of processes.
    pub process_limit: Option<usize>,
    /// `+B[c|d|i]`: how Ctrl-C is handled (`None`: the break menu).
    pub break_mode: Option<char>,
    /// `+hmax N`: the default `max_heap_size` in words.
    pub max_heap_size: Option<usize>,
    /// `+d`: no crash dump for internal errors.
    pub no_crash_dump: bool,
    /// `+W w|e|i`: the level warning reports are logged at (`error_logger:warning_map/0`).
    pub warning_map: Option<String>,
}

/// The result of reading a command line as `erl` would.
#[derive(Debug, Default)]
pub struct ErlCommand {
    pub emu: EmuOptions,
    /// The list `init:boot/1` receives.
    pub boot_args: Vec<String>,
    /// `-emu_args_exit`: print the emulator's arguments and exit.
    pub print_args_exit: bool,
    /// `-emu_args`: print them and go on.
    pub print_args: bool,
    /// `-env NAME VALUE` settings, to apply before booting.
    pub env: Vec<(String, String)>,
}

/// An error in the command line, printed as `erl` prints it; `usage` adds the usage text.
#[derive(Debug)]
pub struct ArgError {
    pub message: String,
    pub usage: bool,
}

fn arg_error(message: impl Into<String>) -> ArgError {
    ArgError {
        message: message.into(),
        usage: false,
    }
}

/// Splits an `ERL_*FLAGS` value or an `-args_file` into words as `erlexec` does: blanks
/// separate, `"..."` and `'...'` quote, `\\` escapes the next character, and in files `#`
/// starts a comment that runs to the end of the line.
pub fn split_words(s: &str, comments: bool) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur: Option<String> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '#' if comments && cur.is_none() => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '#' if comments => {
                if let Some(w) = cur.take() {
                    words.push(w);
                }
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' => {
                if let Some(w) = cur.take() {
                    words.push(w);
                }
            }
            '"' | '\'' => {
                let w = cur.get_or_insert_with(String::new);
                for d in chars.by_ref() {
                    if d == c {
                        break;
                    }
                    w.push(d);
                }
            }
            '\\' => {
                let w = cur.get_or_insert_with(String::new);
                if let Some(d) = chars.next() {
                    w.push(d);
                }
            }
            _ => cur.get_or_insert_with(String::new).push(c),
        }
    }
    if let Some(w) = cur {
        words.push(w);
    }
    words
}

fn env_words(name: &str) -> Option<Vec<String>> {
    let v = std::env::var(name).ok()?;
    let mut w = split_words(&v, false);
    if w.is_empty() {
        return None;
    }
    // erlexec ends each source with `--`, so that flags from one cannot take another's
    // words as their values.
    w.push("--".into());
    Some(w)
}

/// Reads `-args_file` files (which may name further files), adding their words to `out`
/// and what follows an `-extra` in them to `extra`.
fn args_file(
    name: &str,
    out: &mut Vec<String>,
    extra: &mut Vec<String>,
    depth: u32,
) -> Result<(), ArgError> {
    if depth > 64 {
        return Err(arg_error(format!(
            "erlexec: Too deep nesting of -args_file {name}"
        )));
    }
    let text = std::fs::read_to_string(name).map_err(|e| {
        arg_error(format!(
            "erlexec: Failed to open arguments file \"{name}\": {}",
            io_reason(&e)
        ))
    })?;
    // As erlexec, each file's words end with `--` (which an `-extra` in it takes along).
    let mut words = split_words(&text, true);
    if !words.is_empty() {
        words.push("--".into());
    }
    let mut i = 0;
    while i < words.len() {
        match words[i].as_str() {
            "-args_file" => {
                let Some(f) = words.get(i + 1) else {
                    return Err(usage_error("-args_file"));
                };
                args_file(f, out, extra, depth + 1)?;
                i += 2;
            }
            "-extra" => {
                extra.extend(words[i + 1..].iter().cloned());
                break;
            }
            w => {
                out.push(w.to_string());
                i += 1;
            }
        }
    }
    Ok(())
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

fn usage_error(flag: &str) -> ArgError {
    ArgError {
        message: format!("Missing argument(s) for '{flag}'."),
        usage: true,
    }
}

/// `initial_argv_massage`: the environment's flags around the command line, `-args_file`
/// expanded, every `-extra` part moved to the end.
fn massage(cmdline: &[String]) -> Result<Vec<String>, ArgError> {
    let mut sources: Vec<Vec<String>> = Vec::new();
    sources.extend(env_words("ERL_OTP25_FLAGS"));
    sources.extend(env_words("ERL_AFLAGS"));
    let env_before = sources.len();
    if !cmdline.is_empty() {
        sources.push(cmdline.to_vec());
        // The command line ends with `--` too (a source of its own, so an `-extra` in the
        // command line does not take it), unless it is all there is.
        sources.push(vec!["--".into()]);
    }
    sources.extend(env_words("ERL_FLAGS"));
    sources.extend(env_words("ERL_ZFLAGS"));
    let only_cmdline = env_before == 0 && sources.len() == usize::from(!cmdline.is_empty()) * 2;
    if only_cmdline
        && !cmdline
            .iter()
            .take_while(|a| *a != "-extra")
            .any(|a| a == "-args_file")
    {
        return Ok(cmdline.to_vec());
    }
    let mut out = Vec::new();
    let mut extra = Vec::new();
    for src in sources {
        let mut i = 0;
        while i < src.len() {
            match src[i].as_str() {
                "-args_file" => {
                    let Some(f) = src.get(i + 1) else {
                        return Err(usage_error("-args_file"));
                    };
                    args_file(f, &mut out, &mut extra, 0)?;
                    i += 2;
                }
                "-extra" => {
                    extra.extend(src[i + 1..].iter().cloned());
                    break;
                }
                w => {
                    out.push(w.to_string());
                    i += 1;
                }
            }
        }
    }
    if !extra.is_empty() {
        out.push("-extra".into());
        out.extend(extra);
    }
    Ok(out)
}

/// Emulator flags that take a value (after `+` became `-`), as `erlexec` knows them.
fn emu_flag_takes_value(flag: &str) -> bool {
    let f = &flag[1..];
    let first = f.chars().next().unwrap_or(' ');
    match first {
        'a' | 'A' | 'C' | 'e' | 'i' | 'n' | 'P' | 'Q' | 't' | 'T' | 'R' | 'W' | 'K' => f.len() == 1,
        'I' => matches!(f, "IOt" | "IOp" | "IOPt" | "IOPp" | "IOs"),
        'J' => true,
        'S' => matches!(f, "S" | "SP" | "SDcpu" | "SDPcpu" | "SDio"),
        'M' => f.len() > 1,
        'h' => matches!(
            f,
            "hms" | "hmbs" | "hmax" | "hmaxk" | "hmaxel" | "hpds" | "hmqd"
        ),
        'r' => matches!(f, "rg"),
        's' => {
            matches!(
                f,
                "sbt"
                    | "sbtu"
                    | "sbwt"
                    | "sbwtdcpu"
                    | "sbwtdio"
                    | "scl"
                    | "sct"
                    | "secio"
                    | "sub"
                    | "sws"
                    | "swct"
                    | "swt"
                    | "swtdcpu"
                    | "swtdio"
                    | "sss"
                    | "sssdcpu"
                    | "sssdio"
                    | "spp"
                    | "stbt"
                    | "sbtdcpu"
                    | "sbtdio"
                    | "sbusy"
            ) && f != "sbtu"
        }
        'p' => f == "pc",
        'z' => matches!(f, "zdbbl" | "zdntgc" | "zosrl"),
        'c' => false,
        _ => false,
    }
}

/// Reads a command line (without the program name) as `erl` would.
pub fn parse(cmdline: &[String], root: &Path, bindir: &Path) -> Result<ErlCommand, ArgError> {
    let argv = massage(cmdline)?;
    let mut cmd = ErlCommand::default();
    let mut emu: Vec<String> = Vec::new();
    let mut init: Vec<String> = Vec::new();
    if let Some(home) = std::env::var_os("HOME") {
        init.push("-home".into());
        init.push(home.to_string_lossy().into_owned());
    }
    init.push("--".into());
    let mut i = 0;
    let mut halt_after = false;
    while i < argv.len() {
        let a = argv[i].as_str();
        let next = argv.get(i + 1);
        let need = |name: &str| -> Result<String, ArgError> {
            match next {
                Some(v) if v != "--" => Ok(v.clone()),
                _ => Err(usage_error(name)),
            }
        };
        if let Some(rest) = a.strip_prefix('+') {
            let flag = format!("-{rest}");
            match rest {
                "B" => {
                    if let Some(v) = next.filter(|v| matches!(v.as_str(), "c" | "d" | "i")) {
                        emu.push(flag);
                        emu.push(v.clone());
                        i += 2;
                        continue;
                    }
                    emu.push(flag);
                }
                "c" => {
                    if let Some(v) = next.filter(|v| matches!(v.as_str(), "true" | "false")) {
                        emu.push(flag);
                        emu.push(v.clone());
                        i += 2;
                        continue;
                    }
                    emu.push(flag);
                }
                _ if emu_flag_takes_value(&flag) => {
                    let v = need(a)?;
                    emu.push(flag);
                    emu.push(v);
                    i += 2;
                    continue;
                }
                _ => emu.push(flag),
            }
            i += 1;
            continue;
        }
        match a {
            "-extra" => {
                init.extend(argv[i..].iter().cloned());
                break;
            }
            "-smp" => {
                if let Some(v) = next.filter(|v| matches!(v.as_str(), "auto" | "enable")) {
                    let _ = v;
                    i += 1;
                } else if next.is_some_and(|v| v == "disable") {
                    return Err(arg_error(
                        "erlexec: -smp disable is not supported. Use \"+S 1\" instead.",
                    ));
                }
            }
            "-smpenable" | "-smpauto" => {}
            "-smpdisable" => {
                return Err(arg_error(
                    "erlexec: -smpdisable is not supported. Use \"+S 1\" instead.",
                ))
            }
            "-emu_type" | "-emu_flavor" | "-epmd" => {
                need(a)?;
                i += 1;
            }
            "-emu_args" => cmd.print_args = true,
            "-emu_args_exit" => cmd.print_args_exit = true,
            "-env" => {
                let name = need(a)?;
                let value = match argv.get(i + 2) {
                    Some(v) => v.clone(),
                    None => return Err(usage_error("-env")),
                };
                cmd.env.push((name, value));
                i += 3;
                continue;
            }
            "-compile" => {
                init.extend(["-noshell", "-noinput", "-s", "c", "lc_batch"].map(String::from));
                emu.push("-B".into());
            }
            "-make" => {
                init.extend(
                    ["-noshell", "-noinput", "-s", "make", "all_or_nothing"].map(String::from),
                );
                emu.push("-B".into());
                halt_after = true;
                break;
            }
            "-detached" => init.extend(["-noshell", "-noinput"].map(String::from)),
            "-noinput" => init.extend(["-noshell", "-noinput"].map(String::from)),
            "-keep_window" => {}
            "-version" => emu.push("-V".into()),
            "-name" | "-sname" | "-proto_dist" | "-start_epmd" => {
                let v = need(a)?;
                init.push(a.to_string());
                init.push(v);
                i += 2;
                continue;
            }
            "-configfd" => {
                let v = need(a)?;
                if v == "0" {
                    init.extend(["-noshell", "-noinput"].map(String::from));
                }
                init.push(a.to_string());
            }
            _ => init.push(a.to_string()),
        }
        i += 1;
    }
    if halt_after {
        init.extend(["-s", "erlang", "halt"].map(String::from));
    }
    cmd.emu = read_emu_flags(&emu)?;
    let mut boot = vec![
        "-root".to_string(),
        root.to_string_lossy().into_owned(),
        "-bindir".to_string(),
        bindir.to_string_lossy().into_owned(),
        "-progname".to_string(),
        std::env::var("PROGNAME").unwrap_or_else(|_| "erl".into()),
        "--".to_string(),
    ];
    boot.extend(init);
    if cmd.print_args || cmd.print_args_exit {
        let mut all = emu.clone();
        all.push("--".into());
        all.extend(boot.iter().cloned());
        for a in &all {
            println!("{a}");
        }
    }
    cmd.boot_args = boot;
    Ok(cmd)
}

fn number<T: std::str::FromStr>(flag: &str, v: &str, what: &str) -> Result<T, ArgError> {
    v.parse::<T>().map_err(|_| ArgError {
        message: format!("bad {what} {v}"),
        usage: flag.is_empty(),
    })
}

/// `+t N`, read as BEAM reads it: C's `strtol` into an `int` (so a number too large for
/// one wraps, and one that is no number reads as 0), then BEAM's range check.
fn atom_table_size(v: &str) -> Result<usize, ArgError> {
    let t = v.trim_start();
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let digits: String = digits.chars().take_while(char::is_ascii_digit).collect();
    // `strtol` saturates (with ERANGE, which BEAM rejects) past the range of a `long`.
    let long = match digits.parse::<i64>() {
        Ok(n) if neg => Some(-n),
        Ok(n) => Some(n),
        Err(_) if digits.is_empty() => Some(0),
        Err(_) => None,
    };
    let size = long.map(|n| n as i32 as i64);
    match size {
        Some(n)
            if (enigma_term::atom::MIN_ATOM_LIMIT as i64
                ..=enigma_term::atom::MAX_ATOM_LIMIT as i64)
                .contains(&n) =>
        {
            Ok(n as usize)
        }
        _ => Err(ArgError {
            message: format!("bad atom table size {v}"),
            usage: true,
        }),
    }
}

/// The emulator's own reading of its flags (`erl_init.c`): the few Enigma acts on, the
/// rest checked for a value and ignored.
fn read_emu_flags(emu: &[String]) -> Result<EmuOptions, ArgError> {
    // A value may be attached to its flag (`+S1`, `+A0`, `+P1000000`): split it off.
    let mut split = Vec::with_capacity(emu.len());
    for f in emu {
        let attached = ["-S", "-A", "-P", "-t", "-a", "-Q", "-T", "-R"]
            .iter()
            .find(|p| {
                f.len() > p.len()
                    && f.starts_with(*p)
                    && f[p.len()..].starts_with(|c: char| c.is_ascii_digit() || c == ':')
            });
        match attached {
            Some(p) => {
                split.push(p.to_string());
                split.push(f[p.len()..].to_string());
            }
            // `+Ww`, `+We`, `+Wi`: the warning map's letter attached.
            None if f.len() > 2 && f.starts_with("-W") => {
                split.push("-W".to_string());
                split.push(f[2..].to_string());
            }
            None => split.push(f.clone()),
        }
    }
    let emu = &split[..];
    let mut o = EmuOptions::default();
    let mut i = 0;
    while i < emu.len() {
        let f = emu[i].as_str();
        let v = emu.get(i + 1).map(String::as_str).unwrap_or("");
        let mut took = emu_flag_takes_value(f) || matches!(f, "-B" | "-c") && !v.is_empty();
        match f {
            "-S" => {
                let mut parts = v.splitn(2, ':');
                let n: usize = match parts.next().filter(|s| !s.is_empty()) {
                    Some(s) => number("", s, "amount of schedulers")?,
                    None => crate::logical_processors(),
                };
                let online: usize = match parts.next().filter(|s| !s.is_empty()) {
                    Some(s) => number("", s, "amount of schedulers online")?,
                    None => n,
                };
                if !(1..=1024).contains(&n) {
                    return Err(ArgError {
                        message: format!("bad amount of schedulers {n}"),
                        usage: true,
                    });
                }
                if online == 0 || online > n {
                    return Err(ArgError {
                        message: format!("bad amount of schedulers online {online}"),
                        usage: true,
                    });
                }
                o.schedulers = Some((n, online));
            }
            "-V" => o.print_version = true,
            "-t" => o.atom_limit = Some(atom_table_size(v)?),
            "-P" => o.process_limit = Some(number("", v, "number of processes")?),
            "-hmax" => o.max_heap_size = Some(number("", v, "max heap size")?),
            "-d" => o.no_crash_dump = true,
            "-W" => {
                if !matches!(v.chars().next(), Some('w' | 'e' | 'i')) {
                    return Err(ArgError {
                        message: format!("unrecognized warning_map option {v}"),
                        usage: true,
                    });
                }
                o.warning_map = Some(v.to_string());
            }
            "-B" => {
                o.break_mode = Some(match v {
                    "c" | "d" | "i" => v.chars().next().unwrap_or('d'),
                    _ => {
                        took = false;
                        'd'
                    }
                })
            }
            "-Bc" => o.break_mode = Some('c'),
            "-Bd" => o.break_mode = Some('d'),
            "-Bi" => o.break_mode = Some('i'),
            _ if !known_emu_flag(f) => {
                return Err(ArgError {
                    message: format!("unknown flag {f}"),
                    usage: true,
                })
            }
            _ => {}
        }
        i += if took { 2 } else { 1 };
    }
    Ok(o)
}

/// Flags the emulator knows besides those it acts on (all ignored by Enigma).
fn known_emu_flag(f: &str) -> bool {
    emu_flag_takes_value(f)
        || matches!(
            f,
            "-c" | "-r"
                | "-v"
                | "-d"
                | "-dcg"
                | "-sbtu"
                | "-ssrct"
                | "-fnl"
                | "-fnu"
                | "-fna"
                | "-fnue"
                | "-fnui"
                | "-fnuw"
                | "-fnae"
                | "-fnai"
                | "-fnaw"
                | "-W"
                | "-Wi"
                | "-Ww"
                | "-We"
                | "-ns"
                | "-na"
                | "-nd"
                | "-e"
                | "-L"
                | "-A0"
                | "-S1"
        )
        || f.starts_with("-M")
        || f.starts_with("-A")
        || f.starts_with("-S")
        || f.starts_with("-sbt")
        || f.starts_with("-sbwt")
}

/// The `erts-*` directory's `bin` of an OTP root (what `erl` passes as `-bindir`).
pub fn bindir(root: &Path) -> PathBuf {
    let mut erts: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("erts-"))
                })
                .collect()
        })
        .unwrap_or_default();
    erts.sort();
    erts.pop()
        .map(|e| e.join("bin"))
        .unwrap_or_else(|| root.join("bin"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atom_table_size_reads_as_beam() {
        assert_eq!(atom_table_size("8192").ok(), Some(8192));
        assert_eq!(atom_table_size("10000").ok(), Some(10000));
        assert!(atom_table_size("100").is_err());
        assert!(atom_table_size("abc").is_err());
        assert!(atom_table_size("-10000").is_err());
        // Past an `int`, the number wraps as C's conversion does (99999999999 mod 2^32).
        assert_eq!(atom_table_size("99999999999").ok(), Some(1_215_752_191));
    }

    #[test]
    fn words_split_as_erlexec_splits_them() {
        assert_eq!(
            split_words("-a 'b c' \"d e\" f\\ g", false),
            vec!["-a", "b c", "d e", "f g"]
        );
        assert_eq!(split_words("-x # comment\n-y", true), vec!["-x", "-y"]);
    }

    #[test]
    fn boot_args_keep_erl_order() {
        let args: Vec<String> = ["-noshell", "+S", "1", "-pa", "/tmp", "-extra", "a", "+S"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let c = parse(&args, Path::new("/r"), Path::new("/r/b")).unwrap_or_default_for_test();
        assert_eq!(c.emu.schedulers, Some((1, 1)));
        let tail: Vec<&str> = c.boot_args.iter().map(String::as_str).collect();
        assert_eq!(
            &tail[..6],
            &["-root", "/r", "-bindir", "/r/b", "-progname", "erl"]
        );
        assert!(tail.ends_with(&["-noshell", "-pa", "/tmp", "-extra", "a", "+S"]));
    }

    trait OrDefault {
        fn unwrap_or_default_for_test(self) -> ErlCommand;
    }
    impl OrDefault for Result<ErlCommand, ArgError> {
        fn unwrap_or_default_for_test(self) -> ErlCommand {
            match self {
                Ok(c) => c,
                Err(e) => panic!("{}", e.message),
            }
        }
    }
}
