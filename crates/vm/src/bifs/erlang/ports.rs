//! Port BIFs: `erts_internal:open_port/2` (the options and errors of BEAM's
//! `open_port/2`), `port_command`, `port_control`, `port_call`, `port_close`,
//! `port_connect`, `port_info`, `erlang:ports/0`, `port_set_data`/`port_get_data`.
//! The `erlang` module's wrappers turn the atoms these return (`badarg`, `badopt`, an
//! errno name) into the exceptions BEAM raises.

use enigma_term::{atom, build, Term};

use crate::bif;
use crate::bifs::os::atom_of;
use crate::bifs::BifEntry;
use crate::drivers;
use crate::emulator::exception::{badarg, BifResult, Fault};
use crate::process::Process;
use crate::runtime::child::Spec;
use crate::runtime::ports::{self, Command, Driver, DriverError, IoMode, SendMode};

/// BEAM's default output-queue limits of a port (`busy_limits_port`), in bytes.
const HIGH_WATERMARK: usize = 8192;

/// The characters of a string or binary argument (a file name, a command), as UTF-8.
fn string_arg(t: Term) -> Option<String> {
    if let Some(b) = t.binary_bytes() {
        if !t.is_binary() {
            return None;
        }
        return String::from_utf8(b.to_vec()).ok();
    }
    let mut s = String::new();
    let mut l = t;
    while let Some((h, tl)) = l.as_cons() {
        if let Some(c) = h.as_small() {
            s.push(char::from_u32(u32::try_from(c).ok()?)?);
        } else if h.is_list() || h.is_binary() {
            s.push_str(&string_arg(h)?);
        } else {
            return None;
        }
        l = tl;
    }
    l.is_nil().then_some(s)
}

/// A command or file name to spawn: as a file name, an atom is taken too (`user_drv`
/// opens `{spawn, 'tty_sl -c -e'}`).
fn name_arg(t: Term) -> Option<String> {
    match t.as_atom() {
        Some(a) => Some(a.name().to_string()),
        None => string_arg(t),
    }
}

/// A flat string (only characters; what BEAM's `is_string` accepts for a port name).
fn flat_string(t: Term) -> Option<String> {
    let mut s = String::new();
    let mut l = t;
    while let Some((h, tl)) = l.as_cons() {
        let c = h.as_small().filter(|c| (0..=255).contains(c))?;
        s.push(c as u8 as char);
        l = tl;
    }
    (l.is_nil() && !s.is_empty()).then_some(s)
}

struct Options {
    mode: IoMode,
    use_stdio: bool,
    stderr_to_stdout: bool,
    read: bool,
    write: bool,
    env: Vec<(String, Option<String>)>,
    args: Option<Vec<String>>,
    arg0: Option<String>,
    cd: Option<Term>,
}

enum OptError {
    /// Invalid settings: `badopt`.
    BadOpt,
}

fn parse_options(settings: Term) -> Result<Options, OptError> {
    let mut o = Options {
        mode: IoMode {
            high_watermark: HIGH_WATERMARK,
            low_watermark: HIGH_WATERMARK / 2,
            ..IoMode::default()
        },
        use_stdio: true,
        stderr_to_stdout: false,
        read: false,
        write: false,
        env: Vec::new(),
        args: None,
        arg0: None,
        cd: None,
    };
    let mut l = settings;
    if !l.is_list() {
        return Err(OptError::BadOpt);
    }
    while let Some((opt, rest)) = l.as_cons() {
        if let Some(&[k, v]) = opt.as_tuple() {
            match k.as_atom().map(|a| a.name()) {
                Some("packet") => match v.as_small() {
                    Some(n @ (1 | 2 | 4)) => o.mode.packet = n as u8,
                    _ => return Err(OptError::BadOpt),
                },
                Some("line") => match v.as_small() {
                    Some(n) if n > 0 => o.mode.line = Some(n as usize),
                    _ => return Err(OptError::BadOpt),
                },
                Some("env") => {
                    // A later `env` replaces an earlier one.
                    o.env.clear();
                    let items = build::list_to_vec(v).ok_or(OptError::BadOpt)?;
                    for item in items {
                        let Some(&[name, value]) = item.as_tuple() else {
                            return Err(OptError::BadOpt);
                        };
                        let name = string_arg(name).ok_or(OptError::BadOpt)?;
                        if name.is_empty() || name.contains('=') || name.contains('\0') {
                            return Err(OptError::BadOpt);
                        }
                        let value = if value == Term::FALSE {
                            None
                        } else {
                            Some(string_arg(value).ok_or(OptError::BadOpt)?)
                        };
                        o.env.push((name, value));
                    }
                }
                Some("args") => {
                    let items = build::list_to_vec(v).ok_or(OptError::BadOpt)?;
                    let args = items
                        .into_iter()
                        .map(string_arg)
                        .collect::<Option<Vec<_>>>()
                        .ok_or(OptError::BadOpt)?;
                    o.args = Some(args);
                }
                Some("arg0") => o.arg0 = Some(string_arg(v).ok_or(OptError::BadOpt)?),
                Some("cd") => o.cd = Some(v),
                Some("parallelism") if v.is_boolean() => {}
                Some("busy_limits_port") | Some("busy_limits_msgq") => {
                    let port_limits = k.as_atom().is_some_and(|a| a.name() == "busy_limits_port");
                    if v.as_atom().is_some_and(|a| a.name() == "disabled") {
                        if port_limits {
                            o.mode.high_watermark = usize::MAX;
                            o.mode.low_watermark = usize::MAX;
                        }
                    } else {
                        let Some(&[low, high]) = v.as_tuple() else {
                            return Err(OptError::BadOpt);
                        };
                        let (Some(low), Some(high)) = (low.as_small(), high.as_small()) else {
                            return Err(OptError::BadOpt);
                        };
                        if !(1..(1 << 46)).contains(&low) || !(1..(1 << 46)).contains(&high) {
                            return Err(OptError::BadOpt);
                        }
                        if port_limits {
                            o.mode.high_watermark = high as usize;
                            o.mode.low_watermark = low.min(high) as usize;
                        }
                    }
                }
                _ => return Err(OptError::BadOpt),
            }
        } else {
            match opt.as_atom().map(|a| a.name()) {
                Some("stream") => o.mode.packet = 0,
                Some("use_stdio") => o.use_stdio = true,
                Some("nouse_stdio") => o.use_stdio = false,
                Some("stderr_to_stdout") => o.stderr_to_stdout = true,
                Some("line") => o.mode.line = Some(512),
                Some("binary") => o.mode.binary = true,
                Some("in") => o.read = true,
                Some("out") => o.write = true,
                Some("eof") => o.mode.soft_eof = true,
                Some("hide") | Some("overlapped_io") => {}
                Some("exit_status") => o.mode.exit_status = true,
                _ => return Err(OptError::BadOpt),
            }
        }
        l = rest;
    }
    if !l.is_nil() {
        return Err(OptError::BadOpt);
    }
    if !o.read && !o.write {
        o.read = true;
        o.write = true;
    }
    if (o.mode.line.is_some() && o.mode.packet > 0) || (o.stderr_to_stdout && !o.use_stdio) {
        return Err(OptError::BadOpt);
    }
    Ok(o)
}

/// What the `erlang` wrapper turns into the exception: `badarg`, `badopt`, an errno atom.
fn fail(name: &str) -> BifResult {
    Ok(atom_of(name))
}

/// `erts_internal:open_port(PortName, PortSettings)`: a port, or an atom saying why not.
fn open_port_2(p: &mut Process, a: &[Term]) -> BifResult {
    let opts = match parse_options(a[1]) {
        Ok(o) => o,
        Err(OptError::BadOpt) => return fail("badopt"),
    };
    let name = a[0];
    enum Kind {
        Spawn(String),
        SpawnDriver(String),
        SpawnExecutable(String),
        Fd(i32, i32),
    }
    let kind = if let Some(t) = name.as_tuple() {
        match t {
            [k, cmd] if k.as_atom().is_some_and(|x| x.name() == "spawn") => match name_arg(*cmd) {
                Some(s) => Kind::Spawn(s),
                None => return fail("badarg"),
            },
            [k, cmd] if k.as_atom().is_some_and(|x| x.name() == "spawn_driver") => {
                match name_arg(*cmd) {
                    Some(s) => Kind::SpawnDriver(s),
                    None => return fail("badarg"),
                }
            }
            [k, cmd] if k.as_atom().is_some_and(|x| x.name() == "spawn_executable") => {
                match name_arg(*cmd) {
                    Some(s) => Kind::SpawnExecutable(s),
                    None => return fail("badarg"),
                }
            }
            [k, i, o] if k.as_atom().is_some_and(|x| x.name() == "fd") => {
                match (i.as_small(), o.as_small()) {
                    (Some(i), Some(o))
                        if (0..=i32::MAX as i64).contains(&i)
                            && (0..=i32::MAX as i64).contains(&o) =>
                    {
                        Kind::Fd(i as i32, o as i32)
                    }
                    _ => return fail("badarg"),
                }
            }
            _ => return fail("badarg"),
        }
    } else if name.is_atom() || flat_string(name).is_some() {
        // A "vanilla" port: a file opened as a port.
        crate::report_unimplemented("open_port/2 of a file name (the vanilla driver)");
        return fail("badarg");
    } else {
        return fail("badarg");
    };
    let is_spawn = matches!(
        kind,
        Kind::Spawn(_) | Kind::SpawnExecutable(_) | Kind::SpawnDriver(_)
    );
    if (opts.args.is_some() || opts.arg0.is_some()) && !matches!(kind, Kind::SpawnExecutable(_)) {
        return fail("badarg");
    }
    let cd = match opts.cd {
        Some(t) => match string_arg(t) {
            Some(s) => Some(std::path::PathBuf::from(s)),
            None => return fail("badarg"),
        },
        None => None,
    };
    if !is_spawn && opts.mode.exit_status {
        return fail("badarg");
    }
    let id = ports::next_id();
    let (port_name, driver): (String, Result<Box<dyn Driver>, DriverError>) = match kind {
        Kind::Fd(i, o) => (
            format!("{i}/{o}"),
            drivers::fd::Fd::open(i, o, opts.read, opts.write)
                .map(|d| Box::new(d) as Box<dyn Driver>),
        ),
        Kind::SpawnDriver(cmd) => {
            let (first, rest) = cmd.split_once(' ').unwrap_or((cmd.as_str(), ""));
            match drivers::named(first, rest) {
                Some(d) => (cmd.clone(), d),
                None => return fail("badarg"),
            }
        }
        Kind::Spawn(cmd) => {
            let (first, rest) = cmd.split_once(' ').unwrap_or((cmd.as_str(), ""));
            match drivers::named(first, rest) {
                Some(d) => (cmd.clone(), d),
                None => {
                    let spec = spec(&cmd, true, &opts, cd);
                    (
                        cmd.clone(),
                        drivers::spawn::Spawn::start(&spec).map(|d| Box::new(d) as Box<dyn Driver>),
                    )
                }
            }
        }
        Kind::SpawnExecutable(file) => {
            let spec = spec(&file, false, &opts, cd);
            (
                file.clone(),
                drivers::spawn::Spawn::start(&spec).map(|d| Box::new(d) as Box<dyn Driver>),
            )
        }
    };
    let driver = match driver {
        Ok(d) => d,
        Err(e) => return fail(e.0),
    };
    let port = ports::open(id, port_name, p.pid, opts.mode, driver);
    if !p.links.contains(&port) {
        p.links.push(port);
    }
    Ok(port)
}

fn spec(program: &str, shell: bool, o: &Options, cd: Option<std::path::PathBuf>) -> Spec {
    Spec {
        program: program.to_string(),
        shell,
        args: o.args.clone().unwrap_or_default(),
        arg0: o.arg0.clone(),
        env: o.env.clone(),
        cd,
        use_stdio: o.use_stdio,
        stderr_to_stdout: o.stderr_to_stdout,
        read: o.read,
        write: o.write,
    }
}

/// A port argument: a port or the name one is registered under. `None`: not a port.
fn port_of(t: Term) -> Option<Term> {
    if t.is_local_port() {
        return Some(t);
    }
    let name = t.as_atom()?;
    crate::runtime::table::whereis(name).filter(|p| p.is_local_port())
}

/// `erts_internal:port_command(Port, Data, Options)`.
fn port_command_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (mut force, mut nosuspend) = (false, false);
    let mut l = a[2];
    while let Some((o, rest)) = l.as_cons() {
        match o.as_atom().map(|x| x.name()) {
            Some("force") => force = true,
            Some("nosuspend") => nosuspend = true,
            _ => return fail("badopt"),
        }
        l = rest;
    }
    if !l.is_nil() {
        return fail("badopt");
    }
    let Some(target) = port_of(a[0]) else {
        return fail("badarg");
    };
    let Some(bytes) = ports::iodata_bytes(a[1]) else {
        return fail("badarg");
    };
    let Some(port) = ports::lookup(target) else {
        return fail("badarg");
    };
    let how = if force {
        SendMode::Force
    } else if nosuspend {
        SendMode::NoSuspend
    } else {
        SendMode::Suspend
    };
    p.waiting_on_port = false;
    match port.command(p.pid, &bytes, how) {
        Command::Done => Ok(Term::TRUE),
        Command::Busy => Ok(Term::FALSE),
        Command::Wait => {
            // Suspended (as `process_info` shows) until the port drains.
            p.waiting_on_port = true;
            Err(Fault::Wait)
        }
        Command::Closed => fail("badarg"),
        Command::NotSupported => fail("notsup"),
    }
}

/// `erts_internal:port_control(Port, Operation, Data)`: the reply as a byte list (or a
/// binary if the driver asks for one), or `badarg`.
fn port_control_3(p: &mut Process, a: &[Term]) -> BifResult {
    let Some(target) = port_of(a[0]) else {
        return fail("badarg");
    };
    let Some(op) = a[1].as_small().and_then(|n| u32::try_from(n).ok()) else {
        return fail("badarg");
    };
    let Some(bytes) = ports::iodata_bytes(a[2]) else {
        return fail("badarg");
    };
    let Some(port) = ports::lookup(target) else {
        return fail("badarg");
    };
    match port.with_driver(|d, cx| d.control(cx, op, &bytes)) {
        Some(Ok(reply)) => {
            let items: Vec<Term> = reply.iter().map(|&b| Term::small(b as i64)).collect();
            Ok(build::list(&mut p.heap, &items))
        }
        _ => fail("badarg"),
    }
}

/// `erts_internal:port_call(Port, Operation, Data)`: `{ok, Term}` or `badarg`.
fn port_call_3(p: &mut Process, a: &[Term]) -> BifResult {
    let Some(target) = port_of(a[0]) else {
        return fail("badarg");
    };
    let Some(op) = a[1].as_small().and_then(|n| u32::try_from(n).ok()) else {
        return fail("badarg");
    };
    let Some(port) = ports::lookup(target) else {
        return fail("badarg");
    };
    let data = enigma_term::etf::encode(a[2], &Default::default()).map_err(|_| badarg())?;
    match port.with_driver(|d, cx| d.call(cx, op, &data)) {
        Some(Ok(reply)) => {
            let (t, _) = enigma_term::etf::decode(&reply, &mut p.heap, &Default::default())
                .map_err(|_| badarg())?;
            Ok(build::tuple(&mut p.heap, &[Term::atom(atom::OK), t]))
        }
        _ => fail("badarg"),
    }
}

/// `erts_internal:port_close(Port)`.
fn port_close_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let Some(target) = port_of(a[0]) else {
        return fail("badarg");
    };
    let Some(port) = ports::lookup(target) else {
        return fail("badarg");
    };
    // Linked processes, the caller too, get the port's exit signal (reason normal): a
    // caller that traps exits sees {'EXIT', Port, normal}, as on BEAM.
    port.close(Term::atom(atom::NORMAL));
    Ok(Term::TRUE)
}

/// `erts_internal:port_connect(Port, Pid)`.
fn port_connect_2(p: &mut Process, a: &[Term]) -> BifResult {
    let Some(target) = port_of(a[0]) else {
        return fail("badarg");
    };
    if !a[1].is_local_pid() || !crate::runtime::table::is_alive(a[1]) && a[1] != p.pid {
        return fail("badarg");
    }
    let Some(port) = ports::lookup(target) else {
        return fail("badarg");
    };
    port.connect(a[1]);
    if a[1] == p.pid {
        if !p.links.contains(&target) {
            p.links.push(target);
        }
    } else {
        crate::runtime::signals::send(a[1], crate::runtime::mailbox::Signal::Link { from: target });
    }
    Ok(Term::TRUE)
}

/// `port_info/1`'s items, in BEAM's order.
const INFO_ITEMS: &[&str] = &[
    "registered_name",
    "name",
    "links",
    "id",
    "connected",
    "input",
    "output",
    "os_pid",
];

fn info_item(p: &mut Process, port: Term, item: &str) -> Option<Term> {
    let port_arc = ports::lookup(port)?;
    let info = port_arc.info();
    let v = match item {
        "registered_name" => match crate::runtime::table::name_of(port) {
            Some(n) => Term::atom(n),
            None => return Some(Term::NIL),
        },
        "id" => Term::small(port.as_local_port().unwrap_or(0) as i64),
        "connected" => info.owner,
        "links" => build::list(&mut p.heap, &info.links),
        "monitored_by" => build::list(&mut p.heap, &info.monitored_by),
        "monitors" => Term::NIL,
        "name" => build::str_list(&mut p.heap, &port_arc.name),
        "input" => enigma_term::integer::from_i64(&mut p.heap, info.input as i64),
        "output" => enigma_term::integer::from_i64(&mut p.heap, info.output as i64),
        "os_pid" => match info.os_pid {
            Some(n) => Term::small(n as i64),
            None => Term::atom(atom::UNDEFINED),
        },
        "queue_size" => Term::small(info.queue_size as i64),
        "memory" => Term::small(256 + info.queue_size as i64),
        "parallelism" => Term::FALSE,
        "locking" => atom_of("port_level"),
        _ => return None,
    };
    let k = atom_of(item);
    Some(build::tuple(&mut p.heap, &[k, v]))
}

/// `erts_internal:port_info(Port)`: the default items, or `undefined` for a closed port.
fn port_info_1(p: &mut Process, a: &[Term]) -> BifResult {
    let Some(target) = port_of(a[0]) else {
        return fail("badarg");
    };
    if !ports::is_open(target) {
        return Ok(Term::atom(atom::UNDEFINED));
    }
    let mut items = Vec::new();
    for item in INFO_ITEMS {
        if *item == "registered_name" && crate::runtime::table::name_of(target).is_none() {
            continue;
        }
        match info_item(p, target, item) {
            Some(t) => items.push(t),
            None => return Ok(Term::atom(atom::UNDEFINED)),
        }
    }
    Ok(build::list(&mut p.heap, &items))
}

/// `erts_internal:port_info(Port, Item)`.
fn port_info_2(p: &mut Process, a: &[Term]) -> BifResult {
    let Some(target) = port_of(a[0]) else {
        return fail("badarg");
    };
    let Some(item) = a[1].as_atom() else {
        return fail("badarg");
    };
    let known = INFO_ITEMS.contains(&item.name())
        || matches!(
            item.name(),
            "monitored_by" | "monitors" | "queue_size" | "memory" | "parallelism" | "locking"
        );
    if !known {
        return fail("badtype");
    }
    if !ports::is_open(target) {
        return Ok(Term::atom(atom::UNDEFINED));
    }
    Ok(info_item(p, target, item.name()).unwrap_or(Term::atom(atom::UNDEFINED)))
}

/// `erlang:ports()`.
fn ports_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let all = ports::all();
    Ok(build::list(&mut p.heap, &all))
}

fn port_set_data_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let port = port_of(a[0]).and_then(ports::lookup).ok_or_else(badarg)?;
    port.set_data(a[1]);
    Ok(Term::TRUE)
}

fn port_get_data_1(p: &mut Process, a: &[Term]) -> BifResult {
    let port = port_of(a[0]).and_then(ports::lookup).ok_or_else(badarg)?;
    Ok(port.get_data(&mut p.heap))
}

pub const BIFS: &[BifEntry] = &[
    bif!("erts_internal", "open_port", 2, open_port_2),
    bif!("erts_internal", "port_command", 3, port_command_3),
    bif!("erts_internal", "port_control", 3, port_control_3),
    bif!("erts_internal", "port_call", 3, port_call_3),
    bif!("erts_internal", "port_close", 1, port_close_1),
    bif!("erts_internal", "port_connect", 2, port_connect_2),
    bif!("erts_internal", "port_info", 1, port_info_1),
    bif!("erts_internal", "port_info", 2, port_info_2),
    bif!("erlang", "ports", 0, ports_0),
    bif!("erlang", "port_set_data", 2, port_set_data_2),
    bif!("erlang", "port_get_data", 1, port_get_data_1),
];
