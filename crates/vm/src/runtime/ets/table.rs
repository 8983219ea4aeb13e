//! One ETS table: its options, its owner and fixations, and its objects (a hash table for
//! `set`, `bag` and `duplicate_bag`, a B-tree for `ordered_set`).
//!
//! Methods here work on terms in table memory; the BIF layer copies what it returns onto
//! the caller's heap while it still holds the table's lock.

use enigma_term::{compare, Atom, Term};

use super::hash::{key_hash, Bagness, HashStore, NLOCKS_WITH_ITEM_COUNTERS};
use super::object::{key_of, Obj, Stored};
use super::ordered::OrderedStore;

/// The table type.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Type {
    Set,
    OrderedSet,
    Bag,
    DuplicateBag,
}

impl Type {
    pub fn name(self) -> &'static str {
        match self {
            Type::Set => "set",
            Type::OrderedSet => "ordered_set",
            Type::Bag => "bag",
            Type::DuplicateBag => "duplicate_bag",
        }
    }
}

/// Who may read and write.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Access {
    Public,
    Protected,
    Private,
}

impl Access {
    pub fn name(self) -> &'static str {
        match self {
            Access::Public => "public",
            Access::Protected => "protected",
            Access::Private => "private",
        }
    }
}

/// `write_concurrency` as given.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum WriteConcurrency {
    Off,
    On,
    Auto,
}

/// The options of `ets:new/2`, parsed.
#[derive(Clone, Debug)]
pub struct Options {
    pub ty: Type,
    pub access: Access,
    pub keypos: usize,
    pub named: bool,
    pub read_concurrency: bool,
    pub write_concurrency: WriteConcurrency,
    pub compressed: bool,
    /// `Some(Some(b))` when `{decentralized_counters, b}` was given.
    pub decentralized_option: Option<bool>,
    /// `{heir, Pid, Data}` (`Data` on the caller's heap).
    pub heir: Option<(Term, Term)>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            ty: Type::Set,
            access: Access::Protected,
            keypos: 1,
            named: false,
            read_concurrency: false,
            write_concurrency: WriteConcurrency::Off,
            compressed: false,
            decentralized_option: None,
            heir: None,
        }
    }
}

/// The objects.
pub enum Store {
    Hash(HashStore),
    Ordered(OrderedStore),
}

/// A table.
pub struct Table {
    /// The number in the table's reference.
    pub id: u64,
    pub name: Atom,
    pub named: bool,
    pub ty: Type,
    pub keypos: usize,
    pub access: Access,
    pub owner: Term,
    /// The heir and its data (a private copy).
    pub heir: Option<(Term, Stored)>,
    pub read_concurrency: bool,
    pub write_concurrency: WriteConcurrency,
    pub compressed: bool,
    pub decentralized: bool,
    /// Processes that fixed the table and how many times each.
    pub fixes: Vec<(Term, u64)>,
    /// When the table was first fixed (monotonic and system time, native units).
    pub fixed_at: Option<(i64, i64)>,
    pub store: Store,
    /// Set when the table is deleted (holders of the lock see it gone).
    pub deleted: bool,
}

impl Table {
    pub fn new(id: u64, name: Atom, owner: Term, o: &Options) -> Table {
        let fine = o.write_concurrency != WriteConcurrency::Off && o.access != Access::Private;
        let mut decentralized =
            o.ty == Type::OrderedSet || o.write_concurrency == WriteConcurrency::Auto;
        if o.write_concurrency == WriteConcurrency::On && o.ty != Type::OrderedSet {
            decentralized = false;
        }
        if let Some(d) = o.decentralized_option {
            decentralized = d;
        }
        let decentralized = decentralized && fine;
        let store = match o.ty {
            Type::OrderedSet => Store::Ordered(OrderedStore::new()),
            t => {
                let kind = match t {
                    Type::Bag => Bagness::Bag,
                    Type::DuplicateBag => Bagness::DuplicateBag,
                    _ => Bagness::Set,
                };
                let nlocks = if fine { NLOCKS_WITH_ITEM_COUNTERS } else { 1 };
                Store::Hash(HashStore::new(kind, nlocks, decentralized))
            }
        };
        Table {
            id,
            name,
            named: o.named,
            ty: o.ty,
            keypos: o.keypos,
            access: o.access,
            owner,
            heir: o.heir.map(|(pid, data)| (pid, Stored::new(data))),
            read_concurrency: o.read_concurrency,
            write_concurrency: if o.access == Access::Private {
                WriteConcurrency::Off
            } else {
                o.write_concurrency
            },
            compressed: o.compressed,
            decentralized,
            fixes: Vec::new(),
            fixed_at: None,
            store,
            deleted: false,
        }
    }

    /// Objects in the table.
    pub fn size(&self) -> usize {
        match &self.store {
            Store::Hash(h) => h.len(),
            Store::Ordered(o) => o.len(),
        }
    }

    /// Words the table takes, as BEAM would count them (its fixed part, each object's
    /// header and copy, and for hash tables the slot segments).
    pub fn memory_words(&self) -> usize {
        match &self.store {
            Store::Hash(h) => {
                let objs: usize = h.objects().map(|o| 4 + o.stored.words()).sum();
                let extra_slots = h.nslots().saturating_sub(256);
                305 + objs + extra_slots + if extra_slots > 0 { 262 } else { 0 }
            }
            Store::Ordered(o) => 139 + o.iter().map(|o| 5 + o.stored.words()).sum::<usize>(),
        }
    }

    /// The key of `tuple`, if it is a tuple with at least `keypos` elements.
    pub fn key_of(&self, tuple: Term) -> Option<Term> {
        key_of(tuple, self.keypos)
    }

    fn make_obj(&self, tuple: Term) -> Obj {
        let mut o = Obj::new(tuple, self.keypos, 0);
        if let Store::Hash(_) = self.store {
            o.hval = key_hash(o.key);
        }
        o
    }

    /// Inserts one object (already checked to be a tuple with a key); returns false when
    /// `clash_fail` and the key exists.
    pub fn put(&mut self, tuple: Term, clash_fail: bool) -> bool {
        let o = self.make_obj(tuple);
        match &mut self.store {
            Store::Hash(h) => h.put(o, clash_fail),
            Store::Ordered(s) => s.put(o, clash_fail),
        }
    }

    /// Whether any object of `tuples` has a key that is in the table (`insert_new/2`).
    pub fn any_key_present(&self, tuples: &[Term]) -> bool {
        tuples
            .iter()
            .filter_map(|t| self.key_of(*t))
            .any(|k| self.member(k))
    }

    /// The objects with `key` (terms in table memory), in the order `lookup/2` lists them.
    pub fn lookup(&self, key: Term) -> Vec<Term> {
        let mut v = Vec::new();
        self.lookup_rev(key, |t| v.push(t));
        v.reverse();
        v
    }

    /// Calls `f` with the objects with `key` in reverse `lookup/2` order (consing them
    /// gives the list `lookup/2` returns).
    pub fn lookup_rev(&self, key: Term, mut f: impl FnMut(Term)) {
        match &self.store {
            Store::Hash(h) => {
                for o in h.group(key) {
                    if !o.pseudo_deleted {
                        f(o.term());
                    }
                }
            }
            Store::Ordered(s) => {
                if let Some(o) = s.get(key) {
                    f(o.term());
                }
            }
        }
    }

    pub fn member(&self, key: Term) -> bool {
        match &self.store {
            Store::Hash(h) => h.member(key),
            Store::Ordered(s) => s.get(key).is_some(),
        }
    }

    /// Deletes the objects with `key`.
    pub fn erase(&mut self, key: Term) {
        match &mut self.store {
            Store::Hash(h) => {
                h.erase(key);
            }
            Store::Ordered(s) => {
                s.remove(key);
            }
        }
    }

    /// Deletes objects exactly equal to `tuple`.
    pub fn erase_object(&mut self, tuple: Term) {
        let Some(key) = self.key_of(tuple) else {
            return;
        };
        match &mut self.store {
            Store::Hash(h) => {
                h.erase_object(key, tuple);
            }
            Store::Ordered(s) => {
                if s.get(key).is_some_and(|o| compare::eq(o.term(), tuple)) {
                    s.remove(key);
                }
            }
        }
    }

    /// Calls `f` with the objects with `key` (in `lookup` order), then deletes them.
    pub fn take<R>(&mut self, key: Term, f: impl FnOnce(&[Term]) -> R) -> R {
        match &mut self.store {
            Store::Hash(h) => {
                let (mut terms, removed) = h.take_objects(key);
                terms.reverse();
                let r = f(&terms);
                drop(removed);
                r
            }
            Store::Ordered(s) => match s.remove(key) {
                Some(o) => f(&[o.term()]),
                None => f(&[]),
            },
        }
    }

    /// Deletes every object; returns how many there were.
    pub fn delete_all(&mut self) -> usize {
        let n = self.size();
        match &mut self.store {
            Store::Hash(h) => {
                if h.is_fixed() {
                    h.mark_all_deleted();
                } else {
                    h.reset();
                }
            }
            Store::Ordered(s) => s.clear(),
        }
        n
    }

    /// The first key (`first/1`), in table memory.
    pub fn first(&self) -> Option<Term> {
        match &self.store {
            Store::Hash(h) => h.first().map(|o| o.key),
            Store::Ordered(s) => s.first().map(|o| o.key),
        }
    }

    /// The last key (`last/1`; the first for hash tables).
    pub fn last(&self) -> Option<Term> {
        match &self.store {
            Store::Hash(h) => h.first().map(|o| o.key),
            Store::Ordered(s) => s.last().map(|o| o.key),
        }
    }

    /// The key after `key`: `Err` when a hash table lacks `key` (badarg).
    #[allow(clippy::result_unit_err)]
    pub fn next(&self, key: Term) -> Result<Option<Term>, ()> {
        match &self.store {
            Store::Hash(h) => h.next(key).map(|o| o.map(|o| o.key)),
            Store::Ordered(s) => Ok(s.next(key).map(|o| o.key)),
        }
    }

    /// The key before `key` (`prev/2`; as `next/2` for hash tables).
    #[allow(clippy::result_unit_err)]
    pub fn prev(&self, key: Term) -> Result<Option<Term>, ()> {
        match &self.store {
            Store::Hash(h) => h.next(key).map(|o| o.map(|o| o.key)),
            Store::Ordered(s) => Ok(s.prev(key).map(|o| o.key)),
        }
    }

    /// Replaces the live object with `key` in a set or ordered set by the tuple of `elems`
    /// (with the same key), keeping its place.
    pub fn replace(&mut self, key: Term, elems: &[Term]) {
        let mut o = Obj::from_elems(elems, self.keypos, 0);
        match &mut self.store {
            Store::Hash(h) => {
                if let Some(slot) = h.find_mut(key) {
                    o.hval = slot.hval;
                    *slot = o;
                }
            }
            Store::Ordered(s) => {
                s.put(o, false);
            }
        }
    }

    /// Sets elements of the live object with `key` in place, when every new value is an
    /// immediate (counters, flags): no allocation. False (and nothing changed) otherwise.
    pub fn set_elements(&mut self, key: Term, updates: &[(usize, Term)]) -> bool {
        if updates.iter().any(|(_, v)| v.is_boxed() || v.is_cons()) {
            return false;
        }
        let obj = match &mut self.store {
            Store::Hash(h) => h.find_mut(key),
            Store::Ordered(s) => s.get_mut(key),
        };
        let Some(obj) = obj else { return false };
        let arity = obj.term().as_tuple().map_or(0, |e| e.len());
        if updates.iter().any(|(p, _)| *p == 0 || *p > arity) {
            return false;
        }
        updates.iter().all(|(p, v)| obj.stored.set_element(*p, *v))
    }

    /// Inserts the tuple of `elems` (a new object built by an update).
    pub fn put_elems(&mut self, elems: &[Term]) {
        let mut o = Obj::from_elems(elems, self.keypos, 0);
        match &mut self.store {
            Store::Hash(h) => {
                o.hval = key_hash(o.key);
                h.put(o, false);
            }
            Store::Ordered(s) => {
                s.put(o, false);
            }
        }
    }

    /// The one object with `key` in a set or ordered set.
    pub fn get_one(&self, key: Term) -> Option<Term> {
        match &self.store {
            Store::Hash(h) => h.lookup(key).next().map(|o| o.term()),
            Store::Ordered(s) => s.get(key).map(|o| o.term()),
        }
    }

    // ---- fixing ----

    /// Whether the table is fixed by anyone.
    pub fn is_fixed(&self) -> bool {
        !self.fixes.is_empty()
    }

    /// `safe_fixtable(T, true)` by `pid`.
    pub fn fix(&mut self, pid: Term, now: (i64, i64)) {
        match self.fixes.iter_mut().find(|f| f.0 == pid) {
            Some(f) => f.1 += 1,
            None => self.fixes.insert(0, (pid, 1)),
        }
        if self.fixed_at.is_none() {
            self.fixed_at = Some(now);
        }
        if let Store::Hash(h) = &mut self.store {
            h.set_fixed(true);
        }
    }

    /// `safe_fixtable(T, false)` by `pid`, or all of `pid`'s fixes when `all` (it exited).
    pub fn unfix(&mut self, pid: Term, all: bool) {
        if let Some(i) = self.fixes.iter().position(|f| f.0 == pid) {
            let remove = match self.fixes.get_mut(i) {
                Some(f) if !all && f.1 > 1 => {
                    f.1 -= 1;
                    false
                }
                _ => true,
            };
            if remove {
                self.fixes.remove(i);
            }
        }
        if self.fixes.is_empty() {
            self.fixed_at = None;
            if let Store::Hash(h) = &mut self.store {
                h.set_fixed(false);
            }
        }
    }

    /// The table's type as an atom name, for `info/2`.
    pub fn type_atom(&self) -> &'static str {
        self.ty.name()
    }

    /// Whether `pid` may read.
    pub fn can_read(&self, pid: Term) -> bool {
        self.access != Access::Private || self.owner == pid
    }

    /// Whether `pid` may write.
    pub fn can_write(&self, pid: Term) -> bool {
        self.access == Access::Public || self.owner == pid
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use enigma_term::{atom, build, Atom, VecAlloc};

    fn walk(t: &Table) -> Vec<i64> {
        let mut out = Vec::new();
        let mut k = t.first();
        while let Some(key) = k {
            out.push(key.as_small().unwrap_or(-1));
            k = t.next(key).ok().flatten();
        }
        out
    }

    #[test]
    fn set_walks_in_beams_hash_order() {
        // `[ets:insert(T, {K, K}) || K <- lists:seq(1, 10)]` then first/next on OTP 25.
        let mut t = Table::new(1, atom::UNDEFINED, Term::pid(1), &Options::default());
        let mut a = VecAlloc::new();
        for k in 1..=10 {
            let o = build::tuple(&mut a, &[Term::small(k), Term::small(k)]);
            t.put(o, false);
        }
        assert_eq!(walk(&t), vec![3, 7, 4, 8, 2, 9, 1, 10, 6, 5]);
        assert_eq!(t.size(), 10);
        t.erase(Term::small(7));
        assert_eq!(walk(&t), vec![3, 4, 8, 2, 9, 1, 10, 6, 5]);
        assert!(t.next(Term::small(7)).is_err());
    }

    #[test]
    fn ordered_set_keys_compare_by_value_and_prefixes_select_runs() {
        let o = Options {
            ty: Type::OrderedSet,
            ..Options::default()
        };
        let mut t = Table::new(2, atom::UNDEFINED, Term::pid(1), &o);
        let mut a = VecAlloc::new();
        let one = build::tuple(&mut a, &[Term::small(1), Term::small(0)]);
        let f = build::float(&mut a, 1.0);
        let one_f = build::tuple(&mut a, &[f, Term::small(1)]);
        t.put(one, false);
        t.put(one_f, false);
        assert_eq!(t.size(), 1);
        assert_eq!(t.lookup(Term::small(1)).len(), 1);
        assert!(t.first().is_some_and(|k| k.is_float()));
        let tag = Term::atom(Atom::intern("user").unwrap_or(atom::UNDEFINED));
        for i in 0..50 {
            let k = build::tuple(&mut a, &[tag, Term::small(i)]);
            let obj = build::tuple(&mut a, &[k, Term::small(i)]);
            t.put(obj, false);
        }
        let any = Term::atom(Atom::intern("_").unwrap_or(atom::UNDEFINED));
        let pattern = build::tuple(&mut a, &[tag, any]);
        let bound = [tag];
        let Store::Ordered(s) = &t.store else {
            panic!("not ordered")
        };
        let run = s.prefix_range(&super::super::ordered::Prefix {
            pattern,
            bound: &bound,
        });
        assert_eq!(run.len(), 50);
    }

    #[test]
    fn counters_update_in_place() {
        let mut t = Table::new(3, atom::UNDEFINED, Term::pid(1), &Options::default());
        let mut a = VecAlloc::new();
        let o = build::tuple(&mut a, &[Term::small(1), Term::small(5)]);
        t.put(o, false);
        assert!(t.set_elements(Term::small(1), &[(2, Term::small(6))]));
        let got = t
            .get_one(Term::small(1))
            .and_then(|o| o.as_tuple().map(|e| e.to_vec()));
        assert_eq!(got, Some(vec![Term::small(1), Term::small(6)]));
        assert!(!t.set_elements(Term::small(1), &[(3, Term::small(6))]));
        assert!(!t.set_elements(Term::small(2), &[(2, Term::small(6))]));
    }
}
