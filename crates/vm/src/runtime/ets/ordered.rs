//! The storage of `ordered_set` tables: objects in a B-tree ordered by key in Erlang term
//! order, where keys are the same when they compare equal (`==`), so `1` and `1.0` are one
//! key, as in BEAM's AVL tree (`erl_db_tree.c`).

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::ops::Bound;

use enigma_term::{compare, Term};

use super::object::Obj;

/// A key compared in term order with `==` equality.
#[repr(transparent)]
pub struct OKey(pub Term);

impl PartialEq for OKey {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for OKey {}
impl PartialOrd for OKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for OKey {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.0, other.0);
        if a.is_small() && b.is_small() {
            return a.small_value().cmp(&b.small_value());
        }
        compare::compare(a, b, false)
    }
}

/// An entry: the key (pointing into the object's memory) and the object.
pub struct Entry {
    key: OKey,
    pub obj: Obj,
}

impl Entry {
    pub fn new(obj: Obj) -> Entry {
        Entry {
            key: OKey(obj.key),
            obj,
        }
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}
impl Borrow<OKey> for Entry {
    fn borrow(&self) -> &OKey {
        &self.key
    }
}

/// An ordered set of objects.
#[derive(Default)]
pub struct OrderedStore {
    set: BTreeSet<Entry>,
}

impl OrderedStore {
    pub fn new() -> OrderedStore {
        OrderedStore::default()
    }

    pub fn len(&self) -> usize {
        self.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    pub fn clear(&mut self) {
        self.set.clear();
    }

    /// The object with a key equal (`==`) to `key`.
    pub fn get(&self, key: Term) -> Option<&Obj> {
        self.set.get(&OKey(key)).map(|e| &e.obj)
    }

    /// Inserts `obj`, replacing an object with an equal key unless `clash_fail`; returns
    /// whether it was inserted.
    pub fn put(&mut self, obj: Obj, clash_fail: bool) -> bool {
        if clash_fail && self.get(obj.key).is_some() {
            return false;
        }
        self.set.replace(Entry::new(obj));
        true
    }

    /// Removes the object with `key`.
    pub fn remove(&mut self, key: Term) -> Option<Obj> {
        self.set.take(&OKey(key)).map(|e| e.obj)
    }

    pub fn first(&self) -> Option<&Obj> {
        self.set.first().map(|e| &e.obj)
    }

    pub fn last(&self) -> Option<&Obj> {
        self.set.last().map(|e| &e.obj)
    }

    /// The first object whose key is greater than `key` (which need not be present).
    pub fn next(&self, key: Term) -> Option<&Obj> {
        self.set
            .range((Bound::Excluded(OKey(key)), Bound::Unbounded))
            .next()
            .map(|e| &e.obj)
    }

    /// The last object whose key is less than `key`.
    pub fn prev(&self, key: Term) -> Option<&Obj> {
        self.set
            .range((Bound::Unbounded, Bound::Excluded(OKey(key))))
            .next_back()
            .map(|e| &e.obj)
    }

    /// All objects in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Obj> {
        self.set.iter().map(|e| &e.obj)
    }

    /// Objects after `key` (exclusive) in ascending order, or all when `key` is `None`.
    pub fn iter_after(&self, key: Option<Term>) -> impl Iterator<Item = &Obj> {
        let lo = match key {
            Some(k) => Bound::Excluded(OKey(k)),
            None => Bound::Unbounded,
        };
        self.set.range((lo, Bound::Unbounded)).map(|e| &e.obj)
    }

    /// Objects before `key` (exclusive) in descending order, or all when `key` is `None`.
    pub fn iter_before(&self, key: Option<Term>) -> impl Iterator<Item = &Obj> {
        let hi = match key {
            Some(k) => Bound::Excluded(OKey(k)),
            None => Bound::Unbounded,
        };
        self.set.range((Bound::Unbounded, hi)).rev().map(|e| &e.obj)
    }

    /// Removes the objects whose keys are in `keys` (collected during a traversal).
    pub fn remove_all(&mut self, keys: &[Term]) -> Vec<Obj> {
        keys.iter().filter_map(|k| self.remove(*k)).collect()
    }
}
