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

fn key_cmp(a: Term, b: Term) -> Ordering {
    if a.is_small() && b.is_small() {
        return a.small_value().cmp(&b.small_value());
    }
    compare::compare(a, b, false)
}

/// A key tuple of a match pattern whose first elements are bound (`{user, '_'}`): the keys
/// it can match are the tuples of its size that start with those elements, a contiguous
/// run in term order. Used as a search probe for both ends of that run.
pub struct Prefix<'a> {
    /// The key pattern (a tuple).
    pub pattern: Term,
    /// Its bound leading elements.
    pub bound: &'a [Term],
}

/// What a B-tree search compares with stored keys: an exact key, or one end of a prefix
/// run (the trait-object form lets `BTreeMap::range` take either).
pub trait Probe {
    /// The exact key, if this is one.
    fn exact(&self) -> Option<Term>;
    /// How this probe orders against the stored key `k`.
    fn probe_cmp(&self, k: Term) -> Ordering;
    /// 0 for exact keys, 1 for a run's lower end, 2 for its upper end.
    fn rank(&self) -> u8;
}

impl Probe for OKey {
    fn exact(&self) -> Option<Term> {
        Some(self.0)
    }
    fn probe_cmp(&self, k: Term) -> Ordering {
        key_cmp(self.0, k)
    }
    fn rank(&self) -> u8 {
        0
    }
}

/// One end of a prefix run: it sorts just below (`upper == false`) or just above every key
/// the prefix matches.
struct PrefixEnd<'a> {
    prefix: &'a Prefix<'a>,
    upper: bool,
}

impl Probe for PrefixEnd<'_> {
    fn exact(&self) -> Option<Term> {
        None
    }
    fn probe_cmp(&self, k: Term) -> Ordering {
        let p = self.prefix;
        let (Some(pe), Some(ke)) = (p.pattern.as_tuple(), k.as_tuple()) else {
            // Different types: the type order decides, whatever the elements.
            return compare::compare(p.pattern, k, false);
        };
        if pe.len() != ke.len() {
            return pe.len().cmp(&ke.len());
        }
        for (b, x) in p.bound.iter().zip(ke) {
            let o = key_cmp(*b, *x);
            if o.is_ne() {
                return o;
            }
        }
        if self.upper {
            Ordering::Greater
        } else {
            Ordering::Less
        }
    }
    fn rank(&self) -> u8 {
        if self.upper {
            2
        } else {
            1
        }
    }
}

impl<'a> std::borrow::Borrow<dyn Probe + 'a> for OKey {
    fn borrow(&self) -> &(dyn Probe + 'a) {
        self
    }
}

impl PartialEq for dyn Probe + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for dyn Probe + '_ {}
impl PartialOrd for dyn Probe + '_ {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for dyn Probe + '_ {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.exact(), other.exact()) {
            (_, Some(k)) => self.probe_cmp(k),
            (Some(k), None) => other.probe_cmp(k).reverse(),
            // Two ends of runs (the range check of `BTreeMap::range`).
            (None, None) => self.rank().cmp(&other.rank()),
        }
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
        self.map
            .range((Bound::Excluded(OKey(key)), Bound::Unbounded))
            .next()
            .map(|e| e.1)
    }

    /// The last object whose key is less than `key`.
    pub fn prev(&self, key: Term) -> Option<&Obj> {
        self.map
            .range((Bound::Unbounded, Bound::Excluded(OKey(key))))
            .next_back()
            .map(|e| e.1)
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

    /// The objects whose keys `prefix` matches, in key order.
    pub fn prefix_range(&self, prefix: &Prefix<'_>) -> Vec<&Obj> {
        let lo = PrefixEnd {
            prefix,
            upper: false,
        };
        let hi = PrefixEnd {
            prefix,
            upper: true,
        };
        let lo: &dyn Probe = &lo;
        let hi: &dyn Probe = &hi;
        self.map
            .range::<dyn Probe, _>((Bound::Excluded(lo), Bound::Excluded(hi)))
            .map(|e| e.1)
            .collect()
    }

    /// Removes the objects whose keys are in `keys` (collected during a traversal).
    pub fn remove_all(&mut self, keys: &[Term]) -> Vec<Obj> {
        keys.iter().filter_map(|k| self.remove(*k)).collect()
    }
}
