//! The global atom table and the atoms the VM names in its own code.
//!
//! Atoms are never freed (as in BEAM), so a name is stored once as a leaked `&'static str`
//! and an atom is its index in the table. Lookup by name takes a read lock; creating an atom
//! takes the write lock once per new name. The well-known atoms of [`well_known`] have fixed
//! indices, so `atom::OK` is a constant usable in `match` arms.

use std::collections::HashMap;
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};
use std::sync::{OnceLock, RwLock};

/// BEAM's default atom table limit (`+t`). Like BEAM, the VM stops when the table is full
/// (see [`set_full_handler`]); without a handler, [`Atom::intern`] fails instead.
pub const MAX_ATOMS: usize = 1_048_576;
/// The smallest limit `+t` accepts (BEAM's `MIN_ATOM_TABLE_SIZE`).
pub const MIN_ATOM_LIMIT: usize = 8192;
/// The largest limit `+t` accepts (BEAM's `MAX_ATOM_TABLE_SIZE` on 64-bit systems: the
/// largest signed 32-bit integer).
pub const MAX_ATOM_LIMIT: usize = (1 << 31) - 1;

/// The atom table's limit now (`+t`, `erlang:system_info(atom_limit)`).
static LIMIT: AtomicUsize = AtomicUsize::new(MAX_ATOMS);

/// What runs when an atom is asked for and the table is full (BEAM ends the VM with a crash
/// dump there); called with the limit, after the table's lock is released.
static FULL_HANDLER: OnceLock<fn(usize)> = OnceLock::new();

/// Sets the atom table's limit (`+t N`), clamped to BEAM's range; only before the VM runs.
pub fn set_limit(n: usize) {
    LIMIT.store(n.clamp(MIN_ATOM_LIMIT, MAX_ATOM_LIMIT), Ordering::Relaxed);
}

/// The atom table's limit (`erlang:system_info(atom_limit)`).
pub fn limit() -> usize {
    LIMIT.load(Ordering::Relaxed)
}

/// Makes `f` run when the table is full: the VM installs its fatal exit (which does not
/// return), so that a full table ends the VM as on BEAM rather than failing quietly in
/// whatever part of the VM wanted the atom.
pub fn set_full_handler(f: fn(usize)) {
    let _ = FULL_HANDLER.set(f);
}
/// Longest atom name in characters, as in BEAM.
pub const MAX_ATOM_CHARS: usize = 255;

/// An index into the atom table.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Atom(pub u32);

struct Table {
    names: Vec<&'static str>,
    index: HashMap<&'static str, u32>,
}

/// Names by index, readable without a lock: comparing and printing atoms reads names
/// constantly (atoms past [`MAX_ATOMS`], under a larger `+t`, are read under the lock).
/// Each slot is written once (under the table's write lock, before the atom's
/// index is handed out) with a pointer to a leaked `&'static str`, and never changes.
fn names() -> &'static [AtomicPtr<&'static str>] {
    static NAMES: OnceLock<Box<[AtomicPtr<&'static str>]>> = OnceLock::new();
    NAMES.get_or_init(|| {
        (0..MAX_ATOMS)
            .map(|_| AtomicPtr::new(core::ptr::null_mut()))
            .collect()
    })
}

fn publish(idx: u32, name: &'static str) {
    if let Some(slot) = names().get(idx as usize) {
        slot.store(Box::leak(Box::new(name)), Ordering::Release);
    }
}

fn table() -> &'static RwLock<Table> {
    static TABLE: OnceLock<RwLock<Table>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            names: Vec::with_capacity(WELL_KNOWN.len() * 2),
            index: HashMap::with_capacity(WELL_KNOWN.len() * 2),
        };
        for name in WELL_KNOWN {
            let idx = t.names.len() as u32;
            publish(idx, name);
            t.names.push(name);
            t.index.insert(name, idx);
        }
        RwLock::new(t)
    })
}

/// Why an atom could not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtomError {
    /// The name has more than 255 characters.
    TooLong,
    /// The table is full.
    TableFull,
}

impl Atom {
    /// The atom with this name, created if new.
    pub fn intern(name: &str) -> Result<Atom, AtomError> {
        if name.chars().count() > MAX_ATOM_CHARS {
            return Err(AtomError::TooLong);
        }
        if let Some(a) = Atom::existing(name) {
            return Ok(a);
        }
        let mut t = table().write().unwrap_or_else(|e| e.into_inner());
        if let Some(&idx) = t.index.get(name) {
            return Ok(Atom(idx));
        }
        let limit = limit();
        if t.names.len() >= limit {
            drop(t);
            if let Some(full) = FULL_HANDLER.get() {
                full(limit);
            }
            return Err(AtomError::TableFull);
        }
        let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
        let idx = t.names.len() as u32;
        publish(idx, leaked);
        t.names.push(leaked);
        t.index.insert(leaked, idx);
        Ok(Atom(idx))
    }

    /// The atom with this name if it already exists (`list_to_existing_atom`).
    pub fn existing(name: &str) -> Option<Atom> {
        let t = table().read().unwrap_or_else(|e| e.into_inner());
        t.index.get(name).map(|&i| Atom(i))
    }

    /// The atom's name.
    pub fn name(self) -> &'static str {
        if let Some(slot) = names().get(self.0 as usize) {
            let p = slot.load(Ordering::Acquire);
            if !p.is_null() {
                // SAFETY: a non-null slot points to a leaked, never-freed `&'static str`
                // written once by `publish`.
                return unsafe { *p };
            }
        }
        // Not published yet (the well-known atoms before first use): take the lock.
        let t = table().read().unwrap_or_else(|e| e.into_inner());
        t.names.get(self.0 as usize).copied().unwrap_or("")
    }

    /// Number of atoms, unless the table is locked right now: a crash dump may be written
    /// by a thread that failed while holding the lock, and must not wait for itself. Atoms
    /// `0..count` are `Atom(0)..Atom(count - 1)`, in the order they were made.
    pub fn try_count() -> Option<usize> {
        match table().try_read() {
            Ok(t) => Some(t.names.len()),
            Err(std::sync::TryLockError::Poisoned(e)) => Some(e.into_inner().names.len()),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }

    /// Number of atoms in the table (`erlang:system_info(atom_count)`).
    pub fn count() -> usize {
        table()
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .names
            .len()
    }
}

macro_rules! well_known_atoms {
    ($($id:ident = $name:literal),* $(,)?) => {
        /// Names of the well-known atoms, in index order.
        pub const WELL_KNOWN: &[&str] = &[$($name),*];
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u32)]
        enum Index { $($id),* }
        $(
            #[doc = concat!("The atom `", $name, "` (well known, fixed index).")]
            pub const $id: Atom = Atom(Index::$id as u32);
        )*
    };
}

well_known_atoms! {
    FALSE = "false", TRUE = "true", EMPTY = "", OK = "ok", ERROR = "error", EXIT = "exit",
    THROW = "throw", UNDEFINED = "undefined", NORMAL = "normal", KILL = "kill",
    KILLED = "killed", NOPROC = "noproc", BADARG = "badarg", BADARITH = "badarith",
    BADMATCH = "badmatch", CASE_CLAUSE = "case_clause", IF_CLAUSE = "if_clause",
    TRY_CLAUSE = "try_clause", FUNCTION_CLAUSE = "function_clause", UNDEF = "undef",
    BADFUN = "badfun", BADARITY = "badarity", BADKEY = "badkey", BADMAP = "badmap",
    BADRECORD = "badrecord", SYSTEM_LIMIT = "system_limit", NOTSUP = "notsup",
    TIMEOUT_VALUE = "timeout_value", NOCATCH = "nocatch", BAD_GENERATOR = "bad_generator",
    BAD_FILTER = "bad_filter", ERLANG = "erlang", EXIT_UPPER = "EXIT", DOWN = "DOWN",
    FILE = "file", LINE = "line", ERROR_INFO = "error_info", INFINITY = "infinity",
    MODULE = "module", FUNCTION = "function", ARITY = "arity", NAME = "name", ENV = "env",
    TYPE = "type", LOCAL = "local", EXTERNAL = "external", INDEX = "index",
    NEW_INDEX = "new_index", UNIQ = "uniq", NEW_UNIQ = "new_uniq", PID = "pid",
    NIL = "nil", CALL = "call", APPLY = "apply", MAIN = "main", MAX = "max", HIGH = "high",
    LOW = "low", LATIN1 = "latin1", UNICODE = "unicode", UTF8 = "utf8", UTF16 = "utf16",
    UTF32 = "utf32", BIG = "big", LITTLE = "little", INCOMPLETE = "incomplete",
    COMPRESSED = "compressed", MINOR_VERSION = "minor_version", DETERMINISTIC = "deterministic",
    SAFE = "safe", USED = "used", DECIMALS = "decimals", SCIENTIFIC = "scientific",
    COMPACT = "compact", SHORT = "short", IO_REQUEST = "io_request", IO_REPLY = "io_reply",
    PUT_CHARS = "put_chars", GET_LINE = "get_line", GET_CHARS = "get_chars",
    GET_UNTIL = "get_until", GET_GEOMETRY = "get_geometry", GETOPTS = "getopts",
    SETOPTS = "setopts", REQUESTS = "requests", EOF = "eof", ENOTSUP = "enotsup",
    ENCODING = "encoding", BINARY = "binary", LIST = "list", NOMATCH = "nomatch",
    GLOBAL = "global", ALL = "all", FIRST = "first", VALUE = "value", CAUSE = "cause",
    GENERAL = "general", ARGS = "args", REASON = "reason", STACKTRACE = "stacktrace",
    OTP_RELEASE = "otp_release", MACHINE = "machine", WORDSIZE = "wordsize",
    VERSION = "version", SCHEDULERS = "schedulers", MESSAGE_QUEUE_LEN = "message_queue_len",
    LINKS = "links", MONITORS = "monitors", DICTIONARY = "dictionary",
    HEAP_SIZE = "heap_size", REDUCTIONS = "reductions", STATUS = "status",
    REGISTERED_NAME = "registered_name", GROUP_LEADER = "group_leader",
    TRAP_EXIT = "trap_exit", PRIORITY = "priority", PROCESS = "process", PORT = "port",
    MONITOR = "monitor", LINK = "link", ALIAS = "alias", FLUSH = "flush", INFO = "info",
    NOCONNECTION = "noconnection", NONODE_NOHOST = "nonode@nohost", MICROSECOND = "microsecond",
    MILLISECOND = "millisecond", NANOSECOND = "nanosecond", SECOND = "second",
    NATIVE = "native", PERF_COUNTER = "perf_counter", POSITIVE = "positive",
    MONOTONIC = "monotonic", ENIGMA_UNIMPLEMENTED = "enigma_unimplemented",
    BADOPT = "badopt", STANDARD_IO = "standard_io", USER = "user", INIT = "init",
    ERROR_LOGGER = "error_logger", DEFAULT = "default", REPLY = "reply", GET = "get",
    PUT = "put", BIT = "bit", BYTE = "byte", FLOAT = "float", INTEGER = "integer",
    SIGNED = "signed", UNSIGNED = "unsigned", NATIVE_ENDIAN = "native_endian",
    ITERATOR = "iterator", NONE = "none", STD = "std", WAITING = "waiting",
    RUNNING = "running", RUNNABLE = "runnable", EXITING = "exiting",
    CURRENT_FUNCTION = "current_function", INITIAL_CALL = "initial_call",
    TOTAL_HEAP_SIZE = "total_heap_size", STACK_SIZE = "stack_size", MESSAGES = "messages",
    MEMORY = "memory", SPAWN = "spawn", FUN = "fun", CODE = "code", BADFILE = "badfile",
    NOT_PURGED = "not_purged", ON_LOAD = "on_load", EMBEDDED = "embedded",
    INTERACTIVE = "interactive", UNDEFINED_FUNCTION = "undefined_function",
    UNDEFINED_LAMBDA = "undefined_lambda", ERROR_HANDLER = "error_handler",
    SET_ON_FIRST_WRITE = "set_on_first_write", CAUGHT = "caught", ENOENT = "enoent",
    TIMEOUT = "timeout", ABS = "abs", ASYNC = "async", STDOUT = "stdout", STDERR = "stderr",
    STANDARD_ERROR = "standard_error", SPAWN_REPLY = "spawn_reply",
    SUSPENDED = "suspended",
}

/// The well-known atoms, by name.
pub mod well_known {
    pub use super::WELL_KNOWN;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_atoms_have_fixed_indices() {
        assert_eq!(Atom::intern("true"), Ok(TRUE));
        assert_eq!(OK.name(), "ok");
        assert_eq!(ENOENT.name(), "enoent");
        assert_eq!(Atom::intern("EXIT"), Ok(EXIT_UPPER));
    }

    #[test]
    fn interning_is_idempotent_and_bounded() {
        let a = Atom::intern("some_new_atom_for_test").unwrap_or(UNDEFINED);
        assert_eq!(Atom::intern("some_new_atom_for_test"), Ok(a));
        assert_eq!(Atom::existing("surely_never_interned_xyz"), None);
        let long: String = "x".repeat(256);
        assert_eq!(Atom::intern(&long), Err(AtomError::TooLong));
        let ok_long: String = "é".repeat(255);
        assert!(Atom::intern(&ok_long).is_ok());
    }
}
