//! The real OTP boot (`enigma [erl flags]`, or the binary started as `erl`): the installed
//! OTP's preloaded modules, then `erl_init:start(init, BootArgs)` as the first process, and
//! the system processes BEAM starts beside it. Everything after that — `init` reading the
//! boot script, `erl_prim_loader`, `code_server`, the kernel application, `user` or the
//! shell — is OTP's own code, unchanged.

use std::path::{Path, PathBuf};

use enigma_term::{build, Atom, Term, VecAlloc};

use super::scheduler::{self, VmExit};
use super::spawn::{spawn, SpawnOpts};
use super::table::{self, Priority};
use crate::code;

/// Why the VM could not start booting.
#[derive(Debug)]
pub enum BootError {
    /// The preloaded modules could not be found or loaded.
    Preloaded(String),
    /// The first process could not be spawned.
    Spawn(String),
}

impl std::fmt::Display for BootError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BootError::Preloaded(e) => write!(f, "cannot load the preloaded modules: {e}"),
            BootError::Spawn(e) => write!(f, "cannot start the first process: {e}"),
        }
    }
}

/// The directory of the preloaded modules: `<root>/lib/erts-*/ebin` (or, in a source
/// tree, `<root>/erts/preloaded/ebin`).
pub fn preloaded_dir(root: &Path) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(root.join("lib"))
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("erts-"))
                && p.join("ebin").is_dir()
        })
        .map(|p| p.join("ebin"))
        .collect();
    found.sort();
    found.pop().or_else(|| {
        let src = root.join("erts/preloaded/ebin");
        src.is_dir().then_some(src)
    })
}

/// Loads every preloaded module (as BEAM does before the first process runs).
fn load_preloaded(dir: &Path) -> Result<(), BootError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| BootError::Preloaded(format!("{}: {e}", dir.display())))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "beam"))
        .collect();
    files.sort();
    for f in files {
        let bytes =
            std::fs::read(&f).map_err(|e| BootError::Preloaded(format!("{}: {e}", f.display())))?;
        let m = code::load::load_preloaded(&bytes)
            .map_err(|e| BootError::Preloaded(format!("{}: {}", f.display(), e.0)))?;
        code::module::mark_preloaded(m.name);
    }
    Ok(())
}

fn atom(name: &str) -> Result<Atom, BootError> {
    Atom::intern(name).map_err(|_| BootError::Spawn(format!("bad atom {name}")))
}

/// Boots OTP with `boot_args` (what `erlexec` passes `init:boot/1`: `-root R -bindir B
/// -progname P -- -home H -- user flags...`) and runs until the VM halts.
pub fn boot(root: &Path, boot_args: &[String]) -> Result<VmExit, BootError> {
    let dir = preloaded_dir(root).ok_or_else(|| {
        BootError::Preloaded(format!("no lib/erts-*/ebin under {}", root.display()))
    })?;
    // No loading behind OTP's back: a call to a module that is not loaded goes to the
    // process's error handler, and from there to the code server, as on BEAM.
    code::load::set_autoload(false);
    code::path::init(&[]);
    super::fatal::install();
    table::start_ids_at(0);
    load_preloaded(&dir)?;

    let mut area = VecAlloc::new();
    let bins: Vec<Term> = boot_args
        .iter()
        .map(|a| build::binary(&mut area, a.as_bytes()))
        .collect();
    let argv = build::list(&mut area, &bins);
    let args = build::list(&mut area, &[Term::atom(atom("init")?), argv]);
    let erl_init = atom("erl_init")?;
    // The first process (pid 0, as on BEAM) is its own group leader, and that of the
    // system processes.
    let first = Term::pid(0);
    let init_pid = spawn(
        erl_init,
        atom("start")?,
        args,
        first,
        &SpawnOpts {
            system: true,
            ..SpawnOpts::default()
        },
    )
    .map_err(|e| BootError::Spawn(format!("{e:?}")))?;

    let system = [
        ("erts_code_purger", Priority::High),
        ("erts_literal_area_collector", Priority::High),
        ("erts_dirty_process_signal_handler", Priority::Normal),
        ("erts_dirty_process_signal_handler", Priority::High),
        ("erts_dirty_process_signal_handler", Priority::Max),
    ];
    for (module, priority) in system {
        let opts = SpawnOpts {
            priority,
            off_heap_messages: true,
            system: true,
            parent: Some(init_pid),
            ..SpawnOpts::default()
        };
        spawn(atom(module)?, atom("start")?, Term::NIL, init_pid, &opts)
            .map_err(|e| BootError::Spawn(format!("{module}: {e:?}")))?;
    }
    scheduler::never_deadlock();
    let how = scheduler::run_until();
    // As BEAM's halt: what ports queued is written out (a shell's last output; not with
    // `halt(S, [{flush, false}])`), and the terminal gets back the mode the VM found it in.
    super::ports::flush_before_exit(std::time::Instant::now() + std::time::Duration::from_secs(30));
    super::terminal::restore();
    Ok(how)
}
