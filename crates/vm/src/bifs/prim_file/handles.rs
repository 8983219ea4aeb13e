//! Native objects that Erlang code holds through a reference term — BEAM's NIF resources
//! ("magic references"): open files for `prim_file`, buffers for `prim_buffer`.
//!
//! Each kind lives in a [`Registry`]: a table from an id to the object, plus the owning
//! process of each, so that everything a process owned is freed when it exits
//! ([`Registry::owner_exited`]). The reference term carries the id in its first two
//! numbers and the registry's `mark` in the third, which `make_ref/0` never sets (it
//! leaves the third number 0): a reference with the mark but no entry is an object that was
//! closed, one without the mark is not such an object at all.
//!
//! Unlike a BEAM resource, an object is not freed when the last term referring to it is
//! garbage-collected: only by an explicit close or by its owner's exit.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use enigma_term::{build, Term, TermAlloc};

/// Whether a reference term names an object of a registry.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Not a reference this registry made (BEAM: `badarg`).
    Foreign,
    /// A reference this registry made, whose object was closed.
    Closed,
    /// The object's id.
    Id(u64),
}

struct Inner<T> {
    next: u64,
    items: HashMap<u64, (u64, Arc<Mutex<T>>)>,
    by_owner: HashMap<u64, HashSet<u64>>,
}

/// A table of native objects of one kind, owned by processes.
pub struct Registry<T> {
    mark: u32,
    inner: OnceLock<Mutex<Inner<T>>>,
    /// Entries in the table: lets [`Registry::owner_exited`] skip the lock when empty.
    live: AtomicUsize,
}

impl<T> Registry<T> {
    /// An empty registry whose references carry `mark` as their third number (nonzero).
    pub const fn new(mark: u32) -> Registry<T> {
        Registry {
            mark,
            inner: OnceLock::new(),
            live: AtomicUsize::new(0),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner<T>> {
        self.inner
            .get_or_init(|| {
                Mutex::new(Inner {
                    next: 1,
                    items: HashMap::new(),
                    by_owner: HashMap::new(),
                })
            })
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    /// Adds `item`, owned by the process with local pid number `owner`; returns its id.
    pub fn insert(&self, owner: u64, item: T) -> u64 {
        let mut g = self.lock();
        let id = g.next;
        g.next += 1;
        g.items.insert(id, (owner, Arc::new(Mutex::new(item))));
        g.by_owner.entry(owner).or_default().insert(id);
        self.live.fetch_add(1, Ordering::Relaxed);
        id
    }

    /// The reference term for object `id`.
    pub fn reference(&self, heap: &mut dyn TermAlloc, id: u64) -> Term {
        build::reference(heap, [id as u32, (id >> 32) as u32, self.mark])
    }

    /// What a term names in this registry.
    pub fn lookup(&self, t: Term) -> Lookup {
        if !t.is_ref() {
            return Lookup::Foreign;
        }
        let n = t.ref_numbers();
        if n[2] != self.mark {
            return Lookup::Foreign;
        }
        let id = n[0] as u64 | ((n[1] as u64) << 32);
        if self.lock().items.contains_key(&id) {
            Lookup::Id(id)
        } else {
            Lookup::Closed
        }
    }

    /// The object with this id, if still open. The caller locks it for the operation; a
    /// concurrent close or owner exit only drops the table's share, so the object is
    /// released once the operation is done (BEAM's "close pending").
    pub fn get(&self, id: u64) -> Option<Arc<Mutex<T>>> {
        self.lock().items.get(&id).map(|(_, item)| item.clone())
    }

    /// Removes object `id`; returns it if it was there.
    pub fn remove(&self, id: u64) -> Option<Arc<Mutex<T>>> {
        let mut g = self.lock();
        let (owner, item) = g.items.remove(&id)?;
        if let Some(set) = g.by_owner.get_mut(&owner) {
            set.remove(&id);
            if set.is_empty() {
                g.by_owner.remove(&owner);
            }
        }
        self.live.fetch_sub(1, Ordering::Relaxed);
        Some(item)
    }

    /// Frees every object owned by the process with local pid number `owner`.
    pub fn owner_exited(&self, owner: u64) {
        if self.live.load(Ordering::Relaxed) == 0 {
            return;
        }
        let dropped: Vec<Arc<Mutex<T>>> = {
            let mut g = self.lock();
            let Some(ids) = g.by_owner.remove(&owner) else {
                return;
            };
            let items: Vec<_> = ids
                .iter()
                .filter_map(|id| g.items.remove(id))
                .map(|(_, item)| item)
                .collect();
            self.live.fetch_sub(items.len(), Ordering::Relaxed);
            items
        };
        // Dropped outside the table's lock: closing a file may block.
        drop(dropped);
    }

    /// How many objects are open (for tests and statistics).
    pub fn len(&self) -> usize {
        self.live.load(Ordering::Relaxed)
    }

    /// Whether no object is open.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use enigma_term::VecAlloc;

    #[test]
    fn lifecycle_and_owner_exit() {
        static R: Registry<u32> = Registry::new(0x5eed);
        let mut area = VecAlloc::new();
        let a = R.insert(7, 10);
        let b = R.insert(7, 11);
        let c = R.insert(8, 12);
        let ra = R.reference(&mut area, a);
        assert_eq!(R.lookup(ra), Lookup::Id(a));
        assert_eq!(R.lookup(Term::atom(enigma_term::atom::OK)), Lookup::Foreign);
        let plain = build::reference(&mut area, [a as u32, 0, 0]);
        assert_eq!(R.lookup(plain), Lookup::Foreign);
        assert!(R.remove(a).is_some());
        assert_eq!(R.lookup(ra), Lookup::Closed);
        R.owner_exited(7);
        assert!(R.get(b).is_none());
        assert!(R.get(c).is_some());
        assert_eq!(R.len(), 1);
        R.owner_exited(8);
        assert_eq!(R.len(), 0);
    }
}
