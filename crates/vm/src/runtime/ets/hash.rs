//! The storage of `set`, `bag` and `duplicate_bag` tables: a linear hash table laid out as
//! BEAM's (`erl_db_hash.c`), so that `first/next`, `tab2list`, `select` and `slot` see the
//! objects in the same order as on BEAM.
//!
//! What BEAM does, and this mirrors:
//! - a key hashes to `atom_hash(name)` for atoms and `make_internal_hash(Key, 0)` otherwise;
//!   its slot is `hash & szm`, folded once (`& szm >> 1`) when that slot is not active yet;
//! - a table starts with 256 active slots; after an insert that leaves more objects than
//!   active slots, the next slot is split off (up to five per insert), allocating slots in
//!   segments of 2048; past two extra segments, deletes that leave fewer objects than half
//!   the slots of all but the last segment join the top slot back into its buddy;
//! - a new key goes to the end of its slot's chain; in a bag a new object goes in front of
//!   the objects with its key, and lookups list a key's objects from the back of that group,
//!   so they come out oldest first;
//! - traversals go slot by slot, in strides of the lock count for `write_concurrency`
//!   tables, and `select` conses its results, so they come out in reverse traversal order;
//! - while a table is fixed (`safe_fixtable`), deleted objects stay in place, invisible
//!   ("pseudo-deleted"), and the table neither grows nor shrinks.
//!
//! Each slot is a `Vec` of objects in chain order. The split and join steps keep the
//! relative order of objects the way BEAM's pointer juggling does.

use enigma_term::{compare, hash, Term};

use super::object::Obj;

/// Slots in the first segment.
const FIRST_SEGSZ: usize = 256;
/// Slots in each further segment.
const EXT_SEGSZ: usize = 2048;
/// Locks (and item counters) of a `write_concurrency` table.
pub const NLOCKS_WITH_ITEM_COUNTERS: usize = 64;
/// Most slots split (or joined) after one operation.
const RESIZE_LOOP_LIMIT: usize = 5;

/// BEAM's hash of an ETS key (`MAKE_HASH`).
#[inline]
pub fn key_hash(key: Term) -> u32 {
    match key.as_atom() {
        Some(a) => hash::atom_hash(a.name()),
        None => hash::internal_hash(key, 0),
    }
}

/// Where an object with a given key goes when it is inserted.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Bagness {
    Set,
    Bag,
    DuplicateBag,
}

/// A linear hash table of objects.
pub struct HashStore {
    /// Every allocated slot (`nslots`); the first `nactive` are in use.
    buckets: Vec<Vec<Obj>>,
    nactive: usize,
    szm: usize,
    /// Live objects.
    nitems: usize,
    shrink_limit: usize,
    /// Iteration stride: 1, or the number of locks of a `write_concurrency` table.
    nlocks: usize,
    /// Per-lock item counters of a table with decentralized counters (BEAM estimates the
    /// size from one of them when it decides to grow or shrink).
    counters: Option<Box<[i64; NLOCKS_WITH_ITEM_COUNTERS]>>,
    /// Whether the table is fixed (no resizing; deletes leave pseudo-deleted objects).
    fixed: bool,
    /// Whether any pseudo-deleted object may exist.
    has_pseudo: bool,
    pub kind: Bagness,
}

/// One object found by a traversal: its slot and its position in the slot.
pub type Pos = (usize, usize);

impl HashStore {
    /// An empty table. `nlocks` is 1 for plain tables, the lock count for fine-locked ones.
    pub fn new(kind: Bagness, nlocks: usize, decentralized: bool) -> HashStore {
        let mut s = HashStore {
            buckets: Vec::new(),
            nactive: FIRST_SEGSZ,
            szm: FIRST_SEGSZ - 1,
            nitems: 0,
            shrink_limit: 0,
            nlocks: nlocks.max(1),
            counters: decentralized.then(|| Box::new([0; NLOCKS_WITH_ITEM_COUNTERS])),
            fixed: false,
            has_pseudo: false,
            kind,
        };
        s.buckets.resize_with(FIRST_SEGSZ, Vec::new);
        while s.nlocks > s.buckets.len() {
            s.alloc_seg(true);
        }
        s
    }

    /// Empties the table and gives it its initial size (`delete_all_objects` when not fixed).
    pub fn reset(&mut self) {
        let fresh = HashStore::new(self.kind, self.nlocks, self.counters.is_some());
        *self = HashStore {
            fixed: self.fixed,
            ..fresh
        };
    }

    /// Live objects.
    pub fn len(&self) -> usize {
        self.nitems
    }

    pub fn is_empty(&self) -> bool {
        self.nitems == 0
    }

    /// Active slots (`slot/2` accepts `0..=nactive`).
    pub fn nactive(&self) -> usize {
        self.nactive
    }

    /// Allocated slots (for the memory estimate).
    pub fn nslots(&self) -> usize {
        self.buckets.len()
    }

    /// Every live object, in no particular order (for memory accounting and deletion).
    pub fn objects(&self) -> impl Iterator<Item = &Obj> {
        self.buckets
            .iter()
            .take(self.nactive)
            .flatten()
            .filter(|o| !o.pseudo_deleted)
    }

    // ---- counting ----

    fn inc(&mut self, hval: u32) {
        self.nitems += 1;
        if let Some(c) = self.counters.as_mut() {
            if let Some(x) = c.get_mut(hval as usize % NLOCKS_WITH_ITEM_COUNTERS) {
                *x += 1;
            }
        }
    }

    fn dec(&mut self, hval: u32) {
        self.nitems = self.nitems.saturating_sub(1);
        if let Some(c) = self.counters.as_mut() {
            if let Some(x) = c.get_mut(hval as usize % NLOCKS_WITH_ITEM_COUNTERS) {
                *x -= 1;
            }
        }
    }

    /// The item count BEAM bases resizing on (exact, or one counter times the lock count).
    fn estimate(&self, hval: u32) -> i64 {
        match &self.counters {
            Some(c) => {
                c.get(hval as usize % NLOCKS_WITH_ITEM_COUNTERS)
                    .copied()
                    .unwrap_or(0)
                    * NLOCKS_WITH_ITEM_COUNTERS as i64
            }
            None => self.nitems as i64,
        }
    }

    // ---- slots ----

    #[inline]
    fn hash_to_ix(&self, hval: u32) -> usize {
        let mut ix = hval as usize & self.szm;
        if ix >= self.nactive {
            ix &= self.szm >> 1;
        }
        ix
    }

    /// The slot after `ix` in traversal order, or 0 at the end.
    #[inline]
    pub fn next_slot(&self, ix: usize) -> usize {
        let ix = ix + self.nlocks;
        if ix < self.nactive {
            return ix;
        }
        (ix + 1) & (self.nlocks - 1)
    }

    /// The objects of slot `ix` (pseudo-deleted ones included).
    #[inline]
    pub fn bucket(&self, ix: usize) -> &[Obj] {
        self.buckets.get(ix).map_or(&[], |b| b.as_slice())
    }

    fn has_key(o: &Obj, key: Term, hval: u32) -> bool {
        o.hval == hval && compare::eq(o.key, key)
    }

    /// Slot and position of the first object with `key` (pseudo-deleted or not).
    fn find_group(&self, key: Term, hval: u32) -> (usize, Option<usize>) {
        let ix = self.hash_to_ix(hval);
        let pos = self
            .bucket(ix)
            .iter()
            .position(|o| Self::has_key(o, key, hval));
        (ix, pos)
    }

    /// The live objects with `key`, in chain order (newest first in bags).
    pub fn lookup(&self, key: Term) -> impl Iterator<Item = &Obj> {
        let hval = key_hash(key);
        let (ix, pos) = self.find_group(key, hval);
        let b = self.bucket(ix);
        let start = pos.unwrap_or(b.len());
        b.get(start..)
            .unwrap_or(&[])
            .iter()
            .take_while(move |o| Self::has_key(o, key, hval))
            .filter(|o| !o.pseudo_deleted)
    }

    /// The objects with `key` (pseudo-deleted ones included), in chain order.
    pub fn group(&self, key: Term) -> &[Obj] {
        let hval = key_hash(key);
        let (ix, pos) = self.find_group(key, hval);
        let b = self.bucket(ix);
        let Some(first) = pos else { return &[] };
        let rest = b.get(first..).unwrap_or(&[]);
        let n = rest
            .iter()
            .take_while(|o| Self::has_key(o, key, hval))
            .count();
        rest.get(..n).unwrap_or(&[])
    }

    /// The first live object with `key`, mutable (sets: `update_counter`, `update_element`).
    pub fn find_mut(&mut self, key: Term) -> Option<&mut Obj> {
        let hval = key_hash(key);
        let ix = self.hash_to_ix(hval);
        self.buckets
            .get_mut(ix)?
            .iter_mut()
            .find(|o| !o.pseudo_deleted && Self::has_key(o, key, hval))
    }

    pub fn member(&self, key: Term) -> bool {
        self.lookup(key).next().is_some()
    }

    // ---- inserting ----

    /// Inserts `obj` (whose `hval` is set). With `clash_fail` (`insert_new`), fails when a
    /// live object with the key exists. Returns whether the table changed or accepted it.
    pub fn put(&mut self, mut obj: Obj, clash_fail: bool) -> bool {
        let hval = obj.hval;
        let (ix, pos) = self.find_group(obj.key, hval);
        let Some(bucket) = self.buckets.get_mut(ix) else {
            return false;
        };
        let Some(first) = pos else {
            bucket.reserve_exact(1);
            bucket.push(obj);
            self.after_new(hval);
            return true;
        };
        match self.kind {
            Bagness::Set => {
                let Some(old) = bucket.get_mut(first) else {
                    return false;
                };
                if old.pseudo_deleted {
                    obj.pseudo_deleted = false;
                    *old = obj;
                    self.inc(hval);
                } else if clash_fail {
                    return false;
                } else {
                    *old = obj;
                }
                true
            }
            _ if clash_fail => {
                let key = obj.key;
                let live = bucket
                    .get(first..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|o| Self::has_key(o, key, hval))
                    .any(|o| !o.pseudo_deleted);
                if live {
                    return false;
                }
                bucket.reserve_exact(1);
                bucket.insert(first, obj);
                self.after_new(hval);
                true
            }
            Bagness::Bag => {
                let key = obj.key;
                let term = obj.term();
                let same = bucket
                    .get(first..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|o| Self::has_key(o, key, hval))
                    .position(|o| compare::eq(o.term(), term));
                match same {
                    Some(j) => {
                        let j = first + j;
                        if bucket.get(j).is_some_and(|o| o.pseudo_deleted) {
                            if let Some(o) = bucket.get_mut(j) {
                                o.pseudo_deleted = false;
                            }
                            if j != first {
                                let o = bucket.remove(j);
                                bucket.insert(first, o);
                            }
                            self.inc(hval);
                        }
                    }
                    None => {
                        bucket.reserve_exact(1);
                        bucket.insert(first, obj);
                        self.after_new(hval);
                    }
                }
                true
            }
            Bagness::DuplicateBag => {
                bucket.reserve_exact(1);
                bucket.insert(first, obj);
                self.after_new(hval);
                true
            }
        }
    }

    fn after_new(&mut self, hval: u32) {
        self.inc(hval);
        let n = self.estimate(hval);
        if n > self.nactive as i64 && !self.fixed {
            self.grow(n);
        }
    }

    // ---- deleting ----

    /// Removes (or, while fixed, pseudo-deletes) the objects at `positions` of slot `ix`
    /// (ascending). BEAM pseudo-deletes only the first object of a run and frees the rest.
    fn remove_positions(
        &mut self,
        ix: usize,
        positions: &[usize],
        pseudo_first_only: bool,
    ) -> Vec<Obj> {
        let fixed = self.fixed;
        let mut removed = Vec::new();
        let Some(bucket) = self.buckets.get_mut(ix) else {
            return removed;
        };
        let mut hvals = Vec::with_capacity(positions.len());
        let mut pseudo_done = false;
        // Decide which become pseudo-deleted (the first in order, when fixed).
        let mut drop_list = Vec::new();
        for (n, &p) in positions.iter().enumerate() {
            let pseudo = fixed && (!pseudo_first_only || n == 0) && !pseudo_done;
            if pseudo {
                if let Some(o) = bucket.get_mut(p) {
                    o.pseudo_deleted = true;
                    hvals.push(o.hval);
                }
                if pseudo_first_only {
                    pseudo_done = true;
                }
            } else {
                drop_list.push(p);
            }
        }
        for &p in drop_list.iter().rev() {
            if p < bucket.len() {
                let o = bucket.remove(p);
                hvals.push(o.hval);
                removed.push(o);
            }
        }
        removed.reverse();
        if bucket.is_empty() {
            bucket.shrink_to_fit();
        }
        if fixed {
            self.has_pseudo = true;
        }
        for h in hvals {
            self.dec(h);
        }
        removed
    }

    fn try_shrink(&mut self, hval: u32) {
        let n = self.estimate(hval);
        if n < self.shrink_limit as i64 && !self.fixed {
            self.shrink(n);
        }
    }

    /// Deletes every object with `key`; returns how many.
    pub fn erase(&mut self, key: Term) -> usize {
        let hval = key_hash(key);
        let (ix, positions) = self.live_group(key, hval);
        let n = positions.len();
        if n > 0 {
            self.remove_positions(ix, &positions, true);
            self.try_shrink(hval);
        }
        n
    }

    /// Live positions of `key`'s objects in its slot.
    fn live_group(&self, key: Term, hval: u32) -> (usize, Vec<usize>) {
        let (ix, pos) = self.find_group(key, hval);
        let mut v = Vec::new();
        if let Some(first) = pos {
            for (i, o) in self.bucket(ix).iter().enumerate().skip(first) {
                if !Self::has_key(o, key, hval) {
                    break;
                }
                if !o.pseudo_deleted {
                    v.push(i);
                }
            }
        }
        (ix, v)
    }

    /// Removes the objects with `key`, handing them to the caller (still alive, so their
    /// terms can be copied), in chain order. While fixed, the first stays in place as
    /// pseudo-deleted and is not returned: the caller gets its term through `peek`.
    pub fn take_objects(&mut self, key: Term) -> (Vec<Term>, Vec<Obj>) {
        let hval = key_hash(key);
        let (ix, positions) = self.live_group(key, hval);
        if positions.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let terms: Vec<Term> = positions
            .iter()
            .filter_map(|&p| self.bucket(ix).get(p))
            .map(|o| o.term())
            .collect();
        let removed = self.remove_positions(ix, &positions, true);
        self.try_shrink(hval);
        (terms, removed)
    }

    /// Deletes objects equal (`=:=`) to `tuple` with `key`: all of them in a duplicate bag,
    /// the one otherwise. Returns the removed objects (to drop after any copying).
    pub fn erase_object(&mut self, key: Term, tuple: Term) -> Vec<Obj> {
        let hval = key_hash(key);
        let (ix, positions) = self.live_group(key, hval);
        let mut hits = Vec::new();
        for p in positions {
            if self
                .bucket(ix)
                .get(p)
                .is_some_and(|o| compare::eq(o.term(), tuple))
            {
                hits.push(p);
                if self.kind != Bagness::DuplicateBag {
                    break;
                }
            }
        }
        if hits.is_empty() {
            return Vec::new();
        }
        let removed = self.remove_positions(ix, &hits, true);
        self.try_shrink(hval);
        removed
    }

    /// Marks everything deleted (`delete_all_objects` on a fixed table).
    pub fn mark_all_deleted(&mut self) {
        for b in self.buckets.iter_mut().take(self.nactive) {
            for o in b.iter_mut() {
                o.pseudo_deleted = true;
            }
        }
        self.has_pseudo = true;
        self.nitems = 0;
        if let Some(c) = self.counters.as_mut() {
            c.fill(0);
        }
    }

    // ---- fixing ----

    /// Fixes or unfixes the table; unfixing purges pseudo-deleted objects.
    pub fn set_fixed(&mut self, fixed: bool) {
        self.fixed = fixed;
        if !fixed && self.has_pseudo {
            for b in self.buckets.iter_mut() {
                b.retain(|o| !o.pseudo_deleted);
                if b.is_empty() {
                    b.shrink_to_fit();
                }
            }
            self.has_pseudo = false;
        }
    }

    // ---- traversal ----

    /// The first live object at or after slot `ix` (in traversal order) and where it is.
    fn live_from(&self, mut ix: usize, mut pos: usize) -> Option<Pos> {
        loop {
            let b = self.bucket(ix);
            if let Some(off) = b
                .get(pos..)
                .and_then(|r| r.iter().position(|o| !o.pseudo_deleted))
            {
                return Some((ix, pos + off));
            }
            ix = self.next_slot(ix);
            if ix == 0 {
                return None;
            }
            pos = 0;
        }
    }

    pub fn get(&self, p: Pos) -> Option<&Obj> {
        self.bucket(p.0).get(p.1)
    }

    /// The first object in traversal order (`first/1`).
    pub fn first(&self) -> Option<&Obj> {
        self.live_from(0, 0).and_then(|p| self.get(p))
    }

    /// The object after the last one with `key` (`next/2`): `Err(())` when `key` is not in
    /// the table (BEAM raises badarg), `Ok(None)` at the end.
    #[allow(clippy::result_unit_err)]
    pub fn next(&self, key: Term) -> Result<Option<&Obj>, ()> {
        let hval = key_hash(key);
        let (ix, pos) = self.find_group(key, hval);
        let first = pos.ok_or(())?;
        let mut p = first + 1;
        if self.kind != Bagness::Set {
            let b = self.bucket(ix);
            while b.get(p).is_some_and(|o| Self::has_key(o, key, hval)) {
                p += 1;
            }
        }
        Ok(self.live_from(ix, p).and_then(|p| self.get(p)))
    }

    /// The live objects of slot `ix` (for `slot/2`), in chain order.
    pub fn slot(&self, ix: usize) -> impl Iterator<Item = &Obj> {
        self.bucket(ix).iter().filter(|o| !o.pseudo_deleted)
    }

    /// The slots a match on bound key `key` must visit (BEAM's `analyze_pattern`).
    pub fn slot_of(&self, key: Term) -> usize {
        self.hash_to_ix(key_hash(key))
    }

    /// Mutable access to a slot's chain (for `select_delete` and `select_replace`).
    pub fn bucket_mut(&mut self, ix: usize) -> Option<&mut Vec<Obj>> {
        self.buckets.get_mut(ix)
    }

    /// Deletes (or, while fixed, pseudo-deletes) the live objects at `positions` (ascending)
    /// of slot `ix` (`select_delete`).
    pub fn delete_positions(&mut self, ix: usize, positions: &[usize]) {
        drop(self.remove_positions(ix, positions, false));
    }

    /// After `select_delete` removed objects: BEAM tries to shrink once (with the exact
    /// count; BEAM asks a random lock's counter when counters are decentralized).
    pub fn after_bulk_delete(&mut self) {
        let n = self.nitems as i64;
        if n < self.shrink_limit as i64 && !self.fixed {
            self.shrink(n);
        }
    }

    pub fn is_fixed(&self) -> bool {
        self.fixed
    }

    // ---- resizing ----

    fn alloc_seg(&mut self, activate: bool) {
        let n = self.buckets.len() + EXT_SEGSZ;
        self.buckets.resize_with(n, Vec::new);
        if activate {
            let now = self.nactive + EXT_SEGSZ;
            let floor = 1usize << (usize::BITS - 1 - now.leading_zeros());
            self.szm = if floor != now {
                (floor << 1) - 1
            } else {
                floor - 1
            };
            self.nactive = now;
        }
        self.calc_shrink_limit();
    }

    fn calc_shrink_limit(&mut self) {
        let nslots = self.buckets.len();
        let sample_ok = self.counters.is_none() || nslots >= 100 * NLOCKS_WITH_ITEM_COUNTERS;
        self.shrink_limit =
            if sample_ok && nslots >= (self.nlocks + EXT_SEGSZ).max(FIRST_SEGSZ + 2 * EXT_SEGSZ) {
                (nslots - EXT_SEGSZ) / 2
            } else {
                0
            };
    }

    fn grow(&mut self, nitems: i64) {
        for _ in 0..RESIZE_LOOP_LIMIT {
            if nitems <= self.nactive as i64 {
                return;
            }
            if self.nactive == self.buckets.len() {
                self.alloc_seg(false);
            }
            let mut szm = self.szm;
            let from_ix = if self.nactive <= szm {
                self.nactive & (szm >> 1)
            } else {
                szm = (szm << 1) | 1;
                0
            };
            let to_ix = self.nactive;
            self.nactive += 1;
            if from_ix == 0 {
                self.szm = szm;
            }
            let chain = self
                .buckets
                .get_mut(from_ix)
                .map(std::mem::take)
                .unwrap_or_default();
            let (mut stay, mut moved) = (Vec::new(), Vec::new());
            for o in chain {
                if o.pseudo_deleted {
                    continue;
                }
                if o.hval as usize & szm == from_ix {
                    stay.push(o);
                } else {
                    moved.push(o);
                }
            }
            if let Some(b) = self.buckets.get_mut(from_ix) {
                stay.shrink_to_fit();
                *b = stay;
            }
            if let Some(b) = self.buckets.get_mut(to_ix) {
                moved.shrink_to_fit();
                *b = moved;
            }
        }
    }

    fn shrink(&mut self, nitems: i64) {
        for _ in 0..RESIZE_LOOP_LIMIT {
            if nitems >= self.shrink_limit as i64 || self.nactive <= FIRST_SEGSZ {
                return;
            }
            let src_ix = self.nactive - 1;
            let low_szm = self.szm >> 1;
            let dst_ix = src_ix & low_szm;
            let src = self
                .buckets
                .get_mut(src_ix)
                .map(std::mem::take)
                .unwrap_or_default();
            self.nactive = src_ix;
            if dst_ix == 0 {
                self.szm = low_szm;
            }
            if self.buckets.len() - src_ix >= EXT_SEGSZ {
                let n = self.buckets.len() - EXT_SEGSZ;
                self.buckets.truncate(n);
                self.calc_shrink_limit();
            }
            if let Some(dst) = self.buckets.get_mut(dst_ix) {
                let old = std::mem::take(dst);
                let mut joined: Vec<Obj> = src.into_iter().filter(|o| !o.pseudo_deleted).collect();
                joined.extend(old);
                joined.shrink_to_fit();
                *dst = joined;
            }
        }
    }
}
