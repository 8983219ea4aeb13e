//! The storage of `ordered_set` tables: objects in a B-tree ordered by key in Erlang term
//! order, where keys are the same when they compare equal (`==`), so `1` and `1.0` are one
//! key, as in BEAM's AVL tree (`erl_db_tree.c`).

use std::cmp::Ordering;
use std::collections::BTreeMap;
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

/// An ordered set of objects. Each map key points into its own object's memory, so an
/// object is only ever replaced together with its key (remove, then insert).
#[derive(Default)]
pub struct OrderedStore {
    map: BTreeMap<OKey, Obj>,
}

impl OrderedStore {
    pub fn new() -> OrderedStore {
        OrderedStore::default()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn clear(&mut self) {
        self.map.clear();
    }

    /// The object with a key equal (`==`) to `key`.
    pub fn get(&self, key: Term) -> Option<&Obj> {
        self.map.get(&OKey(key))
    }

    /// The object with `key`, to update in place (never its key).
    pub fn get_mut(&mut self, key: Term) -> Option<&mut Obj> {
        self.map.get_mut(&OKey(key))
    }

    /// Inserts `obj`, replacing an object with an equal key unless `clash_fail`; returns
    /// whether it was inserted.
    pub fn put(&mut self, obj: Obj, clash_fail: bool) -> bool {
        let k = OKey(obj.key);
        if self.map.contains_key(&k) {
            if clash_fail {
                return false;
            }
            // The old key points into the old object: drop both before inserting.
            self.map.remove(&k);
        }
        self.map.insert(OKey(obj.key), obj);
        true
    }

    /// Removes the object with `key`.
    pub fn remove(&mut self, key: Term) -> Option<Obj> {
        self.map.remove(&OKey(key))
    }

    pub fn first(&self) -> Option<&Obj> {
        self.map.first_key_value().map(|e| e.1)
    }

    pub fn last(&self) -> Option<&Obj> {
        self.map.last_key_value().map(|e| e.1)
    }

    /// The first object whose key is greater than `key` (which need not be present).
    pub fn next(&self, key: Term) -> Option<&Obj> {
        self.map.range((Bound::Excluded(OKey(key)), Bound::Unbounded)).next().map(|e| e.1)
    }

    /// The last object whose key is less than `key`.
    pub fn prev(&self, key: Term) -> Option<&Obj> {
        self.map.range((Bound::Unbounded, Bound::Excluded(OKey(key)))).next_back().map(|e| e.1)
    }

    /// All objects in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Obj> {
        self.map.values()
    }

    /// Objects after `key` (exclusive) in ascending order, or all when `key` is `None`.
    pub fn iter_after(&self, key: Option<Term>) -> impl Iterator<Item = &Obj> {
        let lo = match key {
            Some(k) => Bound::Excluded(OKey(k)),
            None => Bound::Unbounded,
        };
        self.map.range((lo, Bound::Unbounded)).map(|e| e.1)
    }

    /// Objects before `key` (exclusive) in descending order, or all when `key` is `None`.
    pub fn iter_before(&self, key: Option<Term>) -> impl Iterator<Item = &Obj> {
        let hi = match key {
            Some(k) => Bound::Excluded(OKey(k)),
            None => Bound::Unbounded,
        };
        self.map.range((Bound::Unbounded, hi)).rev().map(|e| e.1)
    }

    /// Removes the objects whose keys are in `keys` (collected during a traversal).
    pub fn remove_all(&mut self, keys: &[Term]) -> Vec<Obj> {
        keys.iter().filter_map(|k| self.remove(*k)).collect()
    }
}
