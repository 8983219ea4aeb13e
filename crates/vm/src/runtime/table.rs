//! The process table (pid → handle) and the name registry.
//!
//! The table is split into shards by pid so that spawning and exiting on different
//! schedulers rarely meet on one lock; lookups (every send) take a shard's read lock.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use enigma_term::{Atom, Term};

use super::mailbox::Inbox;
use crate::process::Process;

/// Scheduling priorities, highest first (BEAM's `max`, `high`, `normal`, `low`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum Priority {
    Max = 0,
    High = 1,
    Normal = 2,
    Low = 3,
}

impl Priority {
    pub fn from_u8(v: u8) -> Priority {
        match v {
            0 => Priority::Max,
            1 => Priority::High,
            3 => Priority::Low,
            _ => Priority::Normal,
        }
    }

    pub fn from_name(name: &str) -> Option<Priority> {
        Some(match name {
            "max" => Priority::Max,
            "high" => Priority::High,
            "normal" => Priority::Normal,
            "low" => Priority::Low,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Priority::Max => "max",
            Priority::High => "high",
            Priority::Normal => "normal",
            Priority::Low => "low",
        }
    }
}

/// What the table keeps for each live process: what other processes and schedulers need
/// without touching the process itself.
pub struct Handle {
    pub pid: Term,
    /// The signal queue senders push to.
    pub inbox: Arc<Inbox>,
    /// The process whenever no scheduler is running it (`None` while running or dead).
    slot: Mutex<Option<Box<Process>>>,
    priority: AtomicU8,
    /// A system process (the ones the VM starts at boot, and those of
    /// `erts_internal:spawn_system_process/3`): `init:restart/0` leaves it running
    /// (`erts_internal:is_system_process/1`), and its death ends the VM ("System process
    /// ... terminated", `runtime::fatal`). BEAM marks both with one flag; killing
    /// `prim_file`'s helper or `socket_registry` ends erl too.
    pub system: bool,
}

impl Handle {
    pub fn new(pid: Term, inbox: Arc<Inbox>, p: Box<Process>, priority: Priority) -> Handle {
        Handle {
            pid,
            inbox,
            slot: Mutex::new(Some(p)),
            priority: AtomicU8::new(priority as u8),
            system: false,
        }
    }

    pub fn priority(&self) -> Priority {
        Priority::from_u8(self.priority.load(Ordering::Relaxed))
    }

    pub fn set_priority(&self, p: Priority) {
        self.priority.store(p as u8, Ordering::Relaxed);
    }

    /// Takes the process out to run it (or to end it).
    pub fn take(&self) -> Option<Box<Process>> {
        self.slot.lock().unwrap_or_else(|e| e.into_inner()).take()
    }

    /// Puts a switched-out process back.
    pub fn put(&self, p: Box<Process>) {
        *self.slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(p);
    }

    /// As [`Handle::with_slot`], unless another thread holds the slot right now (`None`
    /// then): a crash dump must not wait for a thread it stopped, or for itself.
    pub fn try_with_slot<R>(&self, f: impl FnOnce(&mut Option<Box<Process>>) -> R) -> Option<R> {
        match self.slot.try_lock() {
            Ok(mut slot) => Some(f(&mut slot)),
            Err(std::sync::TryLockError::Poisoned(e)) => Some(f(&mut e.into_inner())),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }

    /// Runs `f` on the slot: the process while it is switched out (`None` while it runs or
    /// once it is gone); `f` may take it out (to end it) or put it back.
    pub fn with_slot<R>(&self, f: impl FnOnce(&mut Option<Box<Process>>) -> R) -> R {
        let mut slot = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut slot)
    }
}

const SHARDS: usize = 64;

/// Hashes a pid number: they are sequential, so one multiplication spreads them (SipHash
/// showed up in profiles of message passing; no untrusted input chooses pid numbers).
#[derive(Default)]
struct PidHasher(u64);

impl std::hash::Hasher for PidHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type PidMap = HashMap<u64, Arc<Handle>, std::hash::BuildHasherDefault<PidHasher>>;

/// The registry, both ways.
#[derive(Default)]
struct Names {
    by_name: HashMap<Atom, Term>,
    by_pid: HashMap<Term, Atom>,
}

struct Table {
    shards: Vec<RwLock<PidMap>>,
    names: RwLock<Names>,
    next_id: AtomicU64,
    count: AtomicU64,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table {
        shards: (0..SHARDS)
            .map(|_| RwLock::new(PidMap::default()))
            .collect(),
        names: RwLock::new(Names::default()),
        // Pids start above BEAM's first few system processes, as <0.80.0>-like numbers.
        next_id: AtomicU64::new(80),
        count: AtomicU64::new(0),
    })
}

fn shard(id: u64) -> &'static RwLock<PidMap> {
    let t = table();
    &t.shards[(id as usize) % SHARDS]
}

/// Numbers the next process `id` (the real boot starts at 0, as BEAM's `init` is
/// `<0.0.0>`); only before the first spawn.
pub fn start_ids_at(id: u64) {
    table().next_id.store(id, Ordering::Relaxed);
}

/// A fresh pid number.
pub fn next_id() -> u64 {
    table().next_id.fetch_add(1, Ordering::Relaxed)
}

/// Adds a new process's handle.
pub fn insert(h: Arc<Handle>) {
    let Some(id) = h.pid.as_local_pid() else {
        return;
    };
    shard(id)
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(id, h);
    table().count.fetch_add(1, Ordering::Relaxed);
}

/// Removes an exited process and every name registered for it.
pub fn remove(pid: Term) {
    let Some(id) = pid.as_local_pid() else { return };
    let removed = shard(id)
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&id);
    if removed.is_some() {
        table().count.fetch_sub(1, Ordering::Relaxed);
    }
    let mut n = table().names.write().unwrap_or_else(|e| e.into_inner());
    if let Some(name) = n.by_pid.remove(&pid) {
        n.by_name.remove(&name);
    }
}

/// The handle of a live local pid.
pub fn lookup(pid: Term) -> Option<Arc<Handle>> {
    let id = pid.as_local_pid()?;
    shard(id)
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&id)
        .cloned()
}

/// Whether a local pid is alive.
pub fn is_alive(pid: Term) -> bool {
    let Some(id) = pid.as_local_pid() else {
        return false;
    };
    shard(id)
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .contains_key(&id)
}

/// How many processes are alive.
pub fn count() -> usize {
    table().count.load(Ordering::Relaxed) as usize
}

/// Every live pid, in creation order.
pub fn processes() -> Vec<Term> {
    let mut v: Vec<u64> = Vec::new();
    for s in &table().shards {
        v.extend(s.read().unwrap_or_else(|e| e.into_inner()).keys().copied());
    }
    v.sort_unstable();
    v.into_iter().map(Term::pid).collect()
}

/// The pid registered under `name`.
pub fn whereis(name: Atom) -> Option<Term> {
    let n = table().names.read().unwrap_or_else(|e| e.into_inner());
    n.by_name.get(&name).copied()
}

/// The name `pid` is registered under.
pub fn name_of(pid: Term) -> Option<Atom> {
    let n = table().names.read().unwrap_or_else(|e| e.into_inner());
    n.by_pid.get(&pid).copied()
}

/// Registers `name` for the live `pid` (or open port); false if the name is taken, the pid
/// already has a name, or the pid is dead.
pub fn register(name: Atom, pid: Term) -> bool {
    let alive = if pid.is_local_port() {
        super::ports::is_open(pid)
    } else {
        is_alive(pid)
    };
    let mut n = table().names.write().unwrap_or_else(|e| e.into_inner());
    if n.by_name.contains_key(&name) || n.by_pid.contains_key(&pid) || !alive {
        return false;
    }
    n.by_name.insert(name, pid);
    n.by_pid.insert(pid, name);
    true
}

/// Removes the name of a port that closed.
pub fn unregister_port(port: Term) {
    let mut n = table().names.write().unwrap_or_else(|e| e.into_inner());
    if let Some(name) = n.by_pid.remove(&port) {
        n.by_name.remove(&name);
    }
}

/// Removes a registration; false if the name was not registered.
pub fn unregister(name: Atom) -> bool {
    let mut n = table().names.write().unwrap_or_else(|e| e.into_inner());
    match n.by_name.remove(&name) {
        Some(pid) => {
            n.by_pid.remove(&pid);
            true
        }
        None => false,
    }
}

/// Every registered name.
pub fn registered() -> Vec<Atom> {
    let n = table().names.read().unwrap_or_else(|e| e.into_inner());
    n.by_name.keys().copied().collect()
}
