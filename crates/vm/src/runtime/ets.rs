//! ETS: global tables of tuples that any process may reach, owned by one process.
//!
//! Every table lives in [`TableRef`]: a reader-writer lock around a [`table::Table`], which
//! keeps each object as a private copy ([`object`]) in a linear hash table laid out as
//! BEAM's ([`hash`]) or a B-tree ([`ordered`]). A table is named by a reference (its "tid",
//! a reference whose third number is [`TID_MARK`]) and, for `named_table`, also by an atom.
//! [`matchspec`] compiles and runs match specifications; [`select`] walks tables with them.
//!
//! Terms never cross between a table and a process heap by reference: inserting copies into
//! the table, reading copies out while the lock is held. The lock order is "table, then
//! registry maps"; lookups take a registry map only to clone the table's `Arc`.
//!
//! The BIFs are in `bifs/ets.rs`. When a process exits, the scheduler calls
//! [`owner_exited`]: its tables go to their heirs or are deleted, and its fixations end.

#![deny(unsafe_code)]

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock, RwLockReadGuard, RwLockWriteGuard};

use enigma_term::{build, Atom, Term, TermAlloc, VecAlloc};

pub mod hash;
pub mod matchspec;
pub mod object;
pub mod ordered;
pub mod select;
pub mod table;

use matchspec::MatchSpec;
use table::{Options, Table};

/// The third number of every table reference (`make_ref/0` leaves it 0), so a tid can be
/// told from other references.
pub const TID_MARK: u32 = 0x4554_5300;
/// The third number of every compiled match specification reference.
pub const MS_MARK: u32 = 0x4d53_5000;

/// Why a table operation failed: the `cause` of BEAM's extended error information.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Cause {
    /// Not an atom or a table reference.
    Type,
    /// No such table.
    Id,
    /// Not allowed for this process.
    Access,
    TableType,
    BadKey,
    KeyPos,
    Position,
    Owner,
    NotOwner,
    AlreadyExists,
    /// A plain `badarg`.
    None,
}

impl Cause {
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Cause::Type => "type",
            Cause::Id => "id",
            Cause::Access => "access",
            Cause::TableType => "table_type",
            Cause::BadKey => "badkey",
            Cause::KeyPos => "keypos",
            Cause::Position => "position",
            Cause::Owner => "owner",
            Cause::NotOwner => "not_owner",
            Cause::AlreadyExists => "already_exists",
            Cause::None => return None,
        })
    }
}

/// A table behind its lock.
pub struct TableRef {
    pub id: u64,
    lock: RwLock<Table>,
}

impl TableRef {
    pub fn read(&self) -> RwLockReadGuard<'_, Table> {
        self.lock.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn write(&self) -> RwLockWriteGuard<'_, Table> {
        self.lock.write().unwrap_or_else(|e| e.into_inner())
    }

    /// The table, unless it is being written right now (a crash dump must not wait for
    /// the thread that failed, which may hold it).
    pub fn try_read(&self) -> Option<RwLockReadGuard<'_, Table>> {
        match self.lock.try_read() {
            Ok(t) => Some(t),
            Err(std::sync::TryLockError::Poisoned(e)) => Some(e.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }
}

/// A multiplicative hasher for the registry's integer keys (table ids, atom indexes): the
/// keys are small and unique, so SipHash's protection buys nothing on this hot path.
#[derive(Default, Clone, Copy)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ *b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type IdMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<IdHasher>>;

#[derive(Default)]
struct Registry {
    tables: RwLock<IdMap<u64, Arc<TableRef>>>,
    names: RwLock<IdMap<Atom, Arc<TableRef>>>,
    /// Tables each process owns or has fixed (by pid number), for [`owner_exited`].
    owned: Mutex<IdMap<u64, Vec<u64>>>,
    fixed: Mutex<IdMap<u64, Vec<u64>>>,
    next_id: AtomicU64,
    /// Compiled match specifications kept for references (`match_spec_compile/1` and
    /// select continuations): an identical spec is compiled once.
    specs: Mutex<SpecStore>,
}

#[derive(Default)]
struct SpecStore {
    by_id: HashMap<u64, Arc<MatchSpec>>,
    by_hash: HashMap<u32, Vec<u64>>,
    next_id: u64,
}

fn reg() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(|| Registry {
        next_id: AtomicU64::new(1),
        ..Default::default()
    })
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn read<T>(m: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    m.read().unwrap_or_else(|e| e.into_inner())
}

fn write<T>(m: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    m.write().unwrap_or_else(|e| e.into_inner())
}

/// The numbers of a reference that carries `id` and `mark`: as in `make_ref/0`, the first
/// number stays below 2^18 (the external term format relies on it).
fn ref_numbers(id: u64, mark: u32) -> [u32; 3] {
    [(id & 0x3_FFFF) as u32, (id >> 18) as u32, mark]
}

/// A reference term for table `id`.
pub fn tid_term(heap: &mut dyn TermAlloc, id: u64) -> Term {
    build::reference(heap, ref_numbers(id, TID_MARK))
}

fn ref_id(t: Term, mark: u32) -> Option<u64> {
    if !t.is_boxed() || t.header().subtag() != enigma_term::boxed::REF {
        return None;
    }
    let [a, b, m] = t.ref_numbers();
    (m == mark && a < 0x4_0000).then_some(a as u64 | (b as u64) << 18)
}

/// Bumped whenever a table name comes or goes, so that cached name lookups can tell they
/// are stale. Table ids are never reused, so cached id lookups never are (a deleted table
/// is seen as deleted once locked).
static NAMES_GEN: AtomicU64 = AtomicU64::new(0);

#[derive(Copy, Clone, PartialEq, Eq)]
enum CacheKey {
    Id(u64),
    Name(Atom, u64),
}

thread_local! {
    /// The table this scheduler thread resolved last: most code works on one table at a
    /// time, and this skips the registry's lock and map.
    static LAST: std::cell::RefCell<Option<(CacheKey, Arc<TableRef>)>> = const { std::cell::RefCell::new(None) };
}

/// The table `t` names (a tid or a table name).
pub fn resolve(t: Term) -> Result<Arc<TableRef>, Cause> {
    let key = if let Some(name) = t.as_atom() {
        CacheKey::Name(name, NAMES_GEN.load(Ordering::Acquire))
    } else if t.is_ref() {
        CacheKey::Id(ref_id(t, TID_MARK).ok_or(Cause::Type)?)
    } else {
        return Err(Cause::Type);
    };
    let hit = LAST.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|e| e.0 == key)
            .map(|e| e.1.clone())
    });
    if let Some(tr) = hit {
        return Ok(tr);
    }
    let tr = match key {
        CacheKey::Name(name, _) => read(&reg().names).get(&name).cloned(),
        CacheKey::Id(id) => read(&reg().tables).get(&id).cloned(),
    }
    .ok_or(Cause::Id)?;
    LAST.with(|c| *c.borrow_mut() = Some((key, tr.clone())));
    Ok(tr)
}

fn pid_key(pid: Term) -> u64 {
    pid.as_local_pid().unwrap_or(u64::MAX)
}

/// Creates a table owned by `owner`.
pub fn create(name: Atom, owner: Term, opts: &Options) -> Result<Arc<TableRef>, Cause> {
    let r = reg();
    let id = r.next_id.fetch_add(1, Ordering::Relaxed);
    let tr = Arc::new(TableRef {
        id,
        lock: RwLock::new(Table::new(id, name, owner, opts)),
    });
    if opts.named {
        let mut names = write(&r.names);
        if names.contains_key(&name) {
            return Err(Cause::AlreadyExists);
        }
        names.insert(name, tr.clone());
        NAMES_GEN.fetch_add(1, Ordering::Release);
    }
    write(&r.tables).insert(id, tr.clone());
    lock(&r.owned).entry(pid_key(owner)).or_default().push(id);
    Ok(tr)
}

/// Deletes a table whose write lock the caller holds.
pub fn delete_locked(tr: &TableRef, t: &mut Table) {
    if t.deleted {
        return;
    }
    t.deleted = true;
    let r = reg();
    if t.named {
        let mut names = write(&r.names);
        if names.get(&t.name).is_some_and(|x| x.id == tr.id) {
            names.remove(&t.name);
        }
        NAMES_GEN.fetch_add(1, Ordering::Release);
    }
    write(&r.tables).remove(&tr.id);
    if let Some(v) = lock(&r.owned).get_mut(&pid_key(t.owner)) {
        v.retain(|&x| x != tr.id);
    }
    {
        let mut fixed = lock(&r.fixed);
        for (pid, _) in &t.fixes {
            if let Some(v) = fixed.get_mut(&pid_key(*pid)) {
                v.retain(|&x| x != tr.id);
            }
        }
    }
    t.fixes.clear();
    // Free the objects now; holders of the Arc only see a deleted table.
    t.delete_all();
    if let table::Store::Hash(h) = &mut t.store {
        h.set_fixed(false);
    }
    t.heir = None;
}

/// Records that `t` changed owner from `from` to `to`.
pub fn note_owner_change(id: u64, from: Term, to: Term) {
    let mut owned = lock(&reg().owned);
    if let Some(v) = owned.get_mut(&pid_key(from)) {
        v.retain(|&x| x != id);
    }
    owned.entry(pid_key(to)).or_default().push(id);
}

/// Records that `pid` fixed (or no longer fixes) table `id`.
pub fn note_fix(id: u64, pid: Term, fixed: bool) {
    let mut f = lock(&reg().fixed);
    let v = f.entry(pid_key(pid)).or_default();
    if fixed {
        if !v.contains(&id) {
            v.push(id);
        }
    } else {
        v.retain(|&x| x != id);
    }
}

/// Renames table `tr` (named tables also change their registered name).
pub fn rename(tr: &TableRef, t: &mut Table, name: Atom) -> Result<(), Cause> {
    if t.named {
        let r = reg();
        let mut names = write(&r.names);
        if names.contains_key(&name) {
            return Err(Cause::None);
        }
        if let Some(me) = names.remove(&t.name) {
            names.insert(name, me);
        } else if let Some(me) = read(&r.tables).get(&tr.id).cloned() {
            names.insert(name, me);
        }
        NAMES_GEN.fetch_add(1, Ordering::Release);
    }
    t.name = name;
    Ok(())
}

/// Every live table (ids, in creation order).
pub fn all_ids() -> Vec<u64> {
    let mut v: Vec<u64> = read(&reg().tables).keys().copied().collect();
    v.sort_unstable();
    v
}

/// The table with id `id`, if it lives.
pub fn by_id(id: u64) -> Option<Arc<TableRef>> {
    read(&reg().tables).get(&id).cloned()
}

/// Called when process `pid` exits: each table it owns goes to its heir (if one is set and
/// alive), with an `{'ETS-TRANSFER', Tab, FromPid, HeirData}` message, or is deleted; and
/// the fixations the process held are released.
///
/// The scheduler calls this from `exit_process`, after the process left the process table.
pub fn owner_exited(pid: Term) {
    let r = reg();
    let owned = lock(&r.owned).remove(&pid_key(pid)).unwrap_or_default();
    for id in owned {
        let Some(tr) = by_id(id) else { continue };
        let mut t = tr.write();
        if t.deleted || t.owner != pid {
            continue;
        }
        let heir = t.heir.as_ref().map(|(h, _)| *h).filter(|h| *h != pid);
        let alive = heir.is_some_and(crate::runtime::table::is_alive);
        match heir {
            Some(h) if alive => {
                t.owner = h;
                lock(&r.owned).entry(pid_key(h)).or_default().push(id);
                let mut area = VecAlloc::new();
                let tab = if t.named {
                    Term::atom(t.name)
                } else {
                    tid_term(&mut area, id)
                };
                let data = t.heir.as_ref().map_or(Term::NIL, |(_, d)| d.term());
                let tag = Term::atom(
                    Atom::intern("ETS-TRANSFER").unwrap_or(enigma_term::atom::UNDEFINED),
                );
                let msg = build::tuple(&mut area, &[tag, tab, pid, data]);
                drop(t);
                crate::runtime::send::deliver(h, msg);
            }
            _ => delete_locked(&tr, &mut t),
        }
    }
    let fixed = lock(&r.fixed).remove(&pid_key(pid)).unwrap_or_default();
    for id in fixed {
        if let Some(tr) = by_id(id) {
            tr.write().unfix(pid, true);
        }
    }
}

// ---- compiled match specifications ----

/// A reference for a kept compiled spec: an identical spec (same terms) gets the same one,
/// so the store grows with the number of distinct specs, not of calls.
pub fn keep_spec(
    heap: &mut dyn TermAlloc,
    ms: Term,
) -> Result<(Term, Arc<MatchSpec>), matchspec::BadSpec> {
    let h = enigma_term::hash::internal_hash(ms, 0);
    let mut s = lock(&reg().specs);
    let found = s.by_hash.get(&h).and_then(|ids| {
        ids.iter()
            .find(|id| {
                s.by_id
                    .get(id)
                    .is_some_and(|m| enigma_term::compare::eq(m.source, ms))
            })
            .copied()
    });
    let id = match found {
        Some(id) => id,
        None => {
            let spec = MatchSpec::compile_kept(ms)?;
            s.next_id += 1;
            let id = s.next_id;
            s.by_id.insert(id, Arc::new(spec));
            s.by_hash.entry(h).or_default().push(id);
            id
        }
    };
    let spec = s
        .by_id
        .get(&id)
        .cloned()
        .ok_or_else(|| matchspec::BadSpec(String::new()))?;
    Ok((build::reference(heap, ref_numbers(id, MS_MARK)), spec))
}

/// The compiled spec a reference stands for.
pub fn kept_spec(t: Term) -> Option<Arc<MatchSpec>> {
    let id = ref_id(t, MS_MARK)?;
    lock(&reg().specs).by_id.get(&id).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use enigma_term::atom;

    fn a(s: &str) -> Atom {
        Atom::intern(s).unwrap_or(atom::UNDEFINED)
    }

    #[test]
    fn owner_exit_deletes_tables_and_releases_fixes() {
        let owner = Term::pid(900_001);
        let other = Term::pid(900_002);
        let named = Options {
            named: true,
            ..Options::default()
        };
        let t1 = create(a("ets_rt_test_named"), owner, &named)
            .ok()
            .unwrap_or_else(|| panic!("create"));
        let t2 = create(a("ets_rt_test"), owner, &Options::default())
            .ok()
            .unwrap_or_else(|| panic!("create"));
        let t3 = create(a("ets_rt_test3"), other, &Options::default())
            .ok()
            .unwrap_or_else(|| panic!("create"));
        assert_eq!(
            create(a("ets_rt_test_named"), other, &named).err(),
            Some(Cause::AlreadyExists)
        );
        let mut area = VecAlloc::new();
        let tid = tid_term(&mut area, t2.id);
        assert!(resolve(tid).is_ok());
        assert!(resolve(Term::atom(a("ets_rt_test_named"))).is_ok());
        t3.write().fix(owner, (0, 0));
        note_fix(t3.id, owner, true);
        owner_exited(owner);
        assert!(t1.read().deleted && t2.read().deleted);
        assert_eq!(resolve(tid).err(), Some(Cause::Id));
        assert_eq!(
            resolve(Term::atom(a("ets_rt_test_named"))).err(),
            Some(Cause::Id)
        );
        assert!(!t3.read().deleted);
        assert!(!t3.read().is_fixed());
        assert_eq!(resolve(Term::small(1)).err(), Some(Cause::Type));
        let plain_ref = build::reference(&mut area, [1, 0, 0]);
        assert_eq!(resolve(plain_ref).err(), Some(Cause::Type));
        delete_locked(&t3, &mut t3.write());
    }

    #[test]
    fn hash_table_grows_and_keeps_order_stable() {
        let t = create(a("ets_rt_grow"), Term::pid(900_003), &Options::default())
            .ok()
            .unwrap_or_else(|| panic!("create"));
        let mut area = VecAlloc::new();
        let mut g = t.write();
        for i in 0..3000 {
            let obj = build::tuple(&mut area, &[Term::small(i), Term::small(i * 2)]);
            assert!(g.put(obj, false));
        }
        assert_eq!(g.size(), 3000);
        for i in 0..3000 {
            assert_eq!(g.lookup(Term::small(i)).len(), 1);
        }
        // Walking first/next visits every key once.
        let mut seen = 0;
        let mut k = g.first();
        while let Some(key) = k {
            seen += 1;
            k = g.next(key).ok().flatten();
        }
        assert_eq!(seen, 3000);
        for i in 0..3000 {
            g.erase(Term::small(i));
        }
        assert_eq!(g.size(), 0);
        assert!(g.first().is_none());
        delete_locked(&t, &mut g);
    }

    #[test]
    fn kept_specs_are_shared() {
        let mut area = VecAlloc::new();
        let head = build::tuple(&mut area, &[Term::atom(a("$1"))]);
        let body = build::list(&mut area, &[Term::atom(a("$1"))]);
        let clause = build::tuple(&mut area, &[head, Term::NIL, body]);
        let ms = build::list(&mut area, &[clause]);
        let (r1, _) = keep_spec(&mut area, ms)
            .ok()
            .unwrap_or_else(|| panic!("compile"));
        let (r2, _) = keep_spec(&mut area, ms)
            .ok()
            .unwrap_or_else(|| panic!("compile"));
        assert_eq!(r1.ref_numbers(), r2.ref_numbers());
        assert!(kept_spec(r1).is_some());
        assert!(kept_spec(Term::NIL).is_none());
    }
}
