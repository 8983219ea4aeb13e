//! Starting the VM for `enigma run`: the code path, the I/O server, the main process.

use std::path::PathBuf;

use enigma_term::{atom, build, Atom, Term, VecAlloc};

use super::scheduler::{self, VmExit};
use super::spawn::{spawn, SpawnOpts};
use super::table;
use crate::code;

/// Enigma's own I/O server module, compiled from `crates/vm/erl` at build time.
static IO_SERVER_BEAM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/enigma_io_server.beam"));
/// The stand-in for OTP's `code_server` (the `code` module's requests).
static CODE_SERVER_BEAM: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/enigma_code_server.beam"));
/// The stand-in for OTP's `init` process (argument and status requests).
static INIT_BEAM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/enigma_init.beam"));
/// Starts OTP's file server (`file_server_2`, the `file` module's requests), or a stand-in.
static FILE_SERVER_BEAM: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/enigma_file_server.beam"));

/// Why `enigma run` could not start.
#[derive(Debug)]
pub enum BootError {
    NoIoServer(String),
    UnknownModule(String),
    UnknownFunction(String),
}

impl std::fmt::Display for BootError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BootError::NoIoServer(e) => write!(f, "cannot start the I/O server: {e}"),
            BootError::UnknownModule(m) => write!(f, "{m}"),
            BootError::UnknownFunction(m) => write!(f, "{m}"),
        }
    }
}

/// Loads one of Enigma's own modules and starts `module:start()` registered as `name`.
fn start_registered(
    beam: &[u8],
    module: &str,
    name: Atom,
    group_leader: Term,
) -> Result<Term, BootError> {
    if beam.is_empty() {
        return Err(BootError::NoIoServer(format!(
            "{module} was built without erlc"
        )));
    }
    code::load::load_bytes(beam, true).map_err(|e| BootError::NoIoServer(e.to_string()))?;
    let m = Atom::intern(module).map_err(|_| BootError::NoIoServer("atom".into()))?;
    let start = Atom::intern("start").map_err(|_| BootError::NoIoServer("atom".into()))?;
    let pid = spawn(m, start, Term::NIL, group_leader, &SpawnOpts::default())
        .map_err(|e| BootError::NoIoServer(format!("{e:?}")))?;
    table::register(name, pid);
    Ok(pid)
}

/// Starts the file server, `file_server_2`, before the main process: OTP's own (kernel's
/// `file_server`, a gen_server) if it starts, else Enigma's stand-in. It runs
/// `enigma_file_server:boot/0` to completion, so the name is registered before main runs.
fn start_file_server(io: Term) -> Result<(), BootError> {
    let name = Atom::intern("file_server_2").map_err(|_| BootError::NoIoServer("atom".into()))?;
    if FILE_SERVER_BEAM.is_empty() {
        return Err(BootError::NoIoServer(
            "enigma_file_server was built without erlc".into(),
        ));
    }
    code::load::load_bytes(FILE_SERVER_BEAM, true)
        .map_err(|e| BootError::NoIoServer(e.to_string()))?;
    let m = Atom::intern("enigma_file_server").map_err(|_| BootError::NoIoServer("atom".into()))?;
    let boot = Atom::intern("boot").map_err(|_| BootError::NoIoServer("atom".into()))?;
    let watched = SpawnOpts {
        watched: true,
        ..SpawnOpts::default()
    };
    spawn(m, boot, Term::NIL, io, &watched).map_err(|e| BootError::NoIoServer(format!("{e:?}")))?;
    let ran = scheduler::run_until();
    if !matches!(ran, VmExit::Normal) || table::whereis(name).is_none() {
        let start = Atom::intern("start").map_err(|_| BootError::NoIoServer("atom".into()))?;
        let pid = spawn(m, start, Term::NIL, io, &SpawnOpts::default())
            .map_err(|e| BootError::NoIoServer(format!("{e:?}")))?;
        table::register(name, pid);
    }
    Ok(())
}

/// Runs `module:function(args)` (or `module:function()` when `args` is `None`) in a fresh
/// process whose group leader is the native I/O server, until it ends.
pub fn run_main(
    code_path: &[PathBuf],
    module: &str,
    function: &str,
    args: Option<&[String]>,
) -> Result<VmExit, BootError> {
    code::path::init(code_path);
    super::fatal::install();
    if IO_SERVER_BEAM.is_empty() {
        return Err(BootError::NoIoServer("built without erlc".into()));
    }
    code::load::load_bytes(IO_SERVER_BEAM, true)
        .map_err(|e| BootError::NoIoServer(e.to_string()))?;
    let io_mod =
        Atom::intern("enigma_io_server").map_err(|_| BootError::NoIoServer("atom".into()))?;
    let start = Atom::intern("start").map_err(|_| BootError::NoIoServer("atom".into()))?;
    let io = spawn(io_mod, start, Term::NIL, Term::NIL, &SpawnOpts::default())
        .map_err(|e| BootError::NoIoServer(format!("{e:?}")))?;
    table::register(atom::USER, io);
    let start_error =
        Atom::intern("start_error").map_err(|_| BootError::NoIoServer("atom".into()))?;
    let stderr = spawn(io_mod, start_error, Term::NIL, io, &SpawnOpts::default())
        .map_err(|e| BootError::NoIoServer(format!("{e:?}")))?;
    table::register(atom::STANDARD_ERROR, stderr);
    start_registered(INIT_BEAM, "enigma_init", atom::INIT, io)?;
    let code_server =
        Atom::intern("code_server").map_err(|_| BootError::NoIoServer("atom".into()))?;
    start_registered(CODE_SERVER_BEAM, "enigma_code_server", code_server, io)?;
    start_file_server(io)?;

    let m = Atom::intern(module)
        .map_err(|_| BootError::UnknownModule(format!("bad module name {module}")))?;
    let f = Atom::intern(function)
        .map_err(|_| BootError::UnknownFunction(format!("bad function name {function}")))?;
    let loaded = code::load::ensure_loaded(m)
        .map_err(|e| BootError::UnknownModule(format!("cannot load module {module}: {e}")))?;
    let arity = if args.is_some() { 1 } else { 0 };
    if !loaded.exports.contains(&(f, arity)) {
        return Err(BootError::UnknownFunction(format!(
            "undefined function {module}:{function}/{arity}"
        )));
    }
    let mut area = VecAlloc::new();
    let argv = match args {
        Some(list) => {
            let strs: Vec<Term> = list.iter().map(|s| build::str_list(&mut area, s)).collect();
            let l = build::list(&mut area, &strs);
            build::list(&mut area, &[l])
        }
        None => Term::NIL,
    };
    let watched = SpawnOpts {
        watched: true,
        ..SpawnOpts::default()
    };
    spawn(m, f, argv, io, &watched).map_err(|e| BootError::UnknownFunction(format!("{e:?}")))?;
    Ok(scheduler::run_until())
}
