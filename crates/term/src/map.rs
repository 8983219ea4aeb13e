//! Maps, represented and ordered exactly as BEAM 25 does: a flat map up to [`FLAT_LIMIT`]
//! keys, a hash array mapped trie (HAMT) above. What is decided here and nowhere else:
//! which representation a map of `n` keys has, the trie's shape, and therefore the order in
//! which `maps:to_list/1`, `maps:keys/1`, `maps:iterator/1` and the printer see the keys.
//! Term order and equality live in [`crate::compare`], the hashes in [`crate::hash`].
//!
//! # Layout
//!
//! Every map object is a boxed object with the `MAP` subtag whose words after the header are
//! all valid terms (the collector scans them all): counts and bitmaps are small integers.
//! Word 1 is always `small(x << 2 | kind)`:
//!
//! | kind | object                          | words after the header                            |
//! |------|---------------------------------|---------------------------------------------------|
//! | 0    | flat map of `n` keys            | `small(n << 2 | 0), keys, v1 .. vn`               |
//! | 1    | HAMT root of `size` keys        | `small(size << 2 | 1), small(bitmap), c1 .. cm`   |
//! | 2    | HAMT inner node (never a value) | `small(bitmap << 2 | 2), c1 .. cm`                |
//!
//! A flat map's `keys` is a tuple of the keys in ascending term order (exact compare, so `1`
//! sorts before `1.0`), `v1 .. vn` their values in the same order. The keys tuple is shared:
//! updating the value of an existing key reuses it, as BEAM does, so a literal map's keys
//! tuple stays in the literal area.
//!
//! A HAMT node has one child per set bit of its 16-bit bitmap, lowest bit first. A child is
//! either a leaf, a cons cell `[Key | Value]`, or an inner node. At level `l` (the root is
//! level 0) a key's slot is nibble `l % 8` of [`hash::map_hash`]`(key, l / 8)`, so the first
//! eight levels use the key's 32-bit internal hash and deeper levels a re-salted one.
//!
//! # Shape and order
//!
//! The trie is canonical: a leaf sits at the shallowest level where no other key shares its
//! slot path, and a node exists only where two or more keys share a path (a chain of one-child
//! nodes where they share several nibbles). BEAM keeps the same invariant through
//! `maps:put/3`, `maps:remove/2` and `maps:from_list/1` (checked on `erl`), so the same key
//! set gives the same trie whatever the history, and this module reproduces BEAM's key order
//! without replaying BEAM's algorithms step by step. Depth-first, lowest slot first, is the
//! order of `maps:iterator/1`, `maps:next/1`, `maps:fold/3` and `~p`/`~w`
//! ([`iter_next_order`]); `maps:to_list/1`, `maps:keys/1` and `maps:values/1` give the reverse
//! ([`iter`]). Flat maps give ascending key order both ways.
//!
//! Keys are hashed with BEAM's `make_internal_hash`, which hashes an immediate's raw word:
//! maps with more than 32 atom (or fun) keys come out in BEAM's order only when the atoms
//! have the same atom-table indices as on BEAM. Integer, float, binary, list, tuple, pid and
//! map keys do not depend on that.

use crate::alloc::TermAlloc;
use crate::boxed::{self, Header};
use crate::build;
use crate::compare;
use crate::hash;
use crate::term::Term;

/// Largest number of keys kept in a flat map, as BEAM's `MAP_SMALL_MAP_LIMIT` (release
/// builds): above it maps become HAMTs. Fixed by compatibility, not by tuning: it decides
/// the key order that Erlang programs observe.
pub const FLAT_LIMIT: usize = 32;

const KIND_FLAT: i64 = 0;
const KIND_HEAD: i64 = 1;
const KIND_INNER: i64 = 2;

/// Levels (nibbles) of one 32-bit hash.
const LEVELS_PER_HASH: u32 = 8;

/// Depth (in trie levels) at which building gives up separating two keys. Distinct keys
/// always separate long before this (each eight levels re-salt the hash); the bound only
/// keeps a broken hash from recursing without end.
const MAX_LEVEL: u32 = 8 * 64;

/// One map object seen through its layout.
#[derive(Copy, Clone, Debug)]
pub(crate) enum Node<'a> {
    /// A flat map: keys in term order and their values.
    Flat { keys_tuple: Term, keys: &'a [Term], values: &'a [Term] },
    /// The root of a HAMT.
    Head { size: usize, bitmap: u32, children: &'a [Term] },
    /// An inner HAMT node.
    Inner { bitmap: u32, children: &'a [Term] },
}

/// The layout of a map object (a map or an inner HAMT node), or `None` if `t` is not one.
pub(crate) fn node<'a>(t: Term) -> Option<Node<'a>> {
    if !t.is_map() {
        return None;
    }
    let words: &'a [Term] = t.boxed_payload();
    let w1 = words.first()?.as_small()?;
    match w1 & 3 {
        KIND_FLAT => {
            let n = usize::try_from(w1 >> 2).ok()?;
            let keys_tuple = *words.get(1)?;
            let keys = keys_tuple.as_tuple()?;
            let values = words.get(2..)?;
            (keys.len() == n && values.len() == n).then_some(Node::Flat { keys_tuple, keys, values })
        }
        KIND_HEAD => {
            let size = usize::try_from(w1 >> 2).ok()?;
            let bitmap = u32::try_from(words.get(1)?.as_small()?).ok()?;
            let children = words.get(2..)?;
            (children.len() == bitmap.count_ones() as usize).then_some(Node::Head { size, bitmap, children })
        }
        KIND_INNER => {
            let bitmap = u32::try_from(w1 >> 2).ok()?;
            let children = words.get(1..)?;
            (children.len() == bitmap.count_ones() as usize).then_some(Node::Inner { bitmap, children })
        }
        _ => None,
    }
}

/// Whether `t` is a map (a flat map or a HAMT root; inner nodes are not values).
pub fn is_map(t: Term) -> bool {
    matches!(node(t), Some(Node::Flat { .. } | Node::Head { .. }))
}

/// Whether `t` is a flat map.
pub fn is_flat(t: Term) -> bool {
    matches!(node(t), Some(Node::Flat { .. }))
}

/// The shared keys tuple of a flat map.
pub fn keys_tuple(map: Term) -> Option<Term> {
    match node(map)? {
        Node::Flat { keys_tuple, .. } => Some(keys_tuple),
        _ => None,
    }
}

/// Number of keys (0 for a term that is not a map).
pub fn size(map: Term) -> usize {
    match node(map) {
        Some(Node::Flat { keys, .. }) => keys.len(),
        Some(Node::Head { size, .. }) => size,
        _ => 0,
    }
}

/// Words `from_pairs` and friends may allocate for a map of `n` keys (an upper bound: the
/// flat map with its keys tuple, or the HAMT's leaves and at most one node per leaf).
pub fn words_for(n: usize) -> usize {
    if n <= FLAT_LIMIT {
        4 + 2 * n
    } else {
        3 + 2 * n + 2 * n + n
    }
}

// ---- building blocks ----

/// Allocates a map object: the header, then `prefix`, then `rest`.
fn alloc_object(heap: &mut dyn TermAlloc, prefix: &[Term], rest: &[Term]) -> Term {
    let arity = prefix.len() + rest.len();
    let p = heap.alloc(1 + arity);
    // SAFETY: `alloc` returned `1 + arity` writable words; the two copies fill words
    // `1 ..= prefix.len()` and `prefix.len() + 1 ..= arity`.
    unsafe {
        p.write(Header::new(boxed::MAP, arity).as_term());
        core::ptr::copy_nonoverlapping(prefix.as_ptr(), p.add(1), prefix.len());
        core::ptr::copy_nonoverlapping(rest.as_ptr(), p.add(1 + prefix.len()), rest.len());
    }
    Term::from_boxed_ptr(p)
}

fn small_word(v: usize, kind: i64) -> Term {
    Term::small(((v as i64) << 2) | kind)
}

fn alloc_flat(heap: &mut dyn TermAlloc, keys_tuple: Term, values: &[Term]) -> Term {
    alloc_object(heap, &[small_word(values.len(), KIND_FLAT), keys_tuple], values)
}

fn alloc_head(heap: &mut dyn TermAlloc, size: usize, bitmap: u32, children: &[Term]) -> Term {
    alloc_object(heap, &[small_word(size, KIND_HEAD), Term::small(bitmap as i64)], children)
}

fn alloc_inner(heap: &mut dyn TermAlloc, bitmap: u32, children: &[Term]) -> Term {
    alloc_object(heap, &[small_word(bitmap as usize, KIND_INNER)], children)
}

/// A flat map from keys already sorted in term order without duplicates.
fn flat_from_sorted(heap: &mut dyn TermAlloc, pairs: &[(Term, Term)]) -> Term {
    let keys: Vec<Term> = pairs.iter().map(|p| p.0).collect();
    let values: Vec<Term> = pairs.iter().map(|p| p.1).collect();
    let keys_tuple = build::tuple(heap, &keys);
    alloc_flat(heap, keys_tuple, &values)
}

/// The empty map `#{}`.
pub fn empty(heap: &mut dyn TermAlloc) -> Term {
    let keys_tuple = build::tuple(heap, &[]);
    alloc_flat(heap, keys_tuple, &[])
}

/// A flat map over an existing keys tuple (for example a literal one) and the values in key
/// order. `None` if the tuple's arity differs from `values.len()` or exceeds
/// [`FLAT_LIMIT`]. The keys must already be sorted and unique; the caller vouches for that.
pub fn flat_with_keys(heap: &mut dyn TermAlloc, keys_tuple: Term, values: &[Term]) -> Option<Term> {
    let keys = keys_tuple.as_tuple()?;
    (keys.len() == values.len() && keys.len() <= FLAT_LIMIT).then(|| alloc_flat(heap, keys_tuple, values))
}

// ---- hashing helpers ----

/// A key's hash for the block of eight levels containing `level`, cached per key.
#[derive(Copy, Clone)]
struct Hashed {
    key: Term,
    depth: u32,
    hash: u32,
}

impl Hashed {
    fn new(key: Term) -> Hashed {
        Hashed { key, depth: 0, hash: hash::map_hash(key, 0) }
    }

    /// The key's slot at `level` of the block already hashed.
    fn current_slot(&self, level: u32) -> u32 {
        debug_assert_eq!(self.depth, level / LEVELS_PER_HASH);
        (self.hash >> (4 * (level % LEVELS_PER_HASH))) & 0xF
    }

    /// The key's slot at `level`, re-hashing when `level` starts another block.
    fn slot(&mut self, level: u32) -> u32 {
        let depth = level / LEVELS_PER_HASH;
        if depth != self.depth {
            self.depth = depth;
            self.hash = hash::map_hash(self.key, depth);
        }
        (self.hash >> (4 * (level % LEVELS_PER_HASH))) & 0xF
    }
}

/// The hash with its nibbles reversed, so that ascending order is trie order (BEAM's
/// `swizzle32`).
fn swizzle(h: u32) -> u32 {
    let mut out = 0;
    for i in 0..8 {
        out |= ((h >> (4 * i)) & 0xF) << (4 * (7 - i));
    }
    out
}

fn child_pos(bitmap: u32, bit: u32) -> usize {
    (bitmap & (bit - 1)).count_ones() as usize
}

// ---- lookup ----

/// The value under `key` (exact match: `1` and `1.0` are different keys).
pub fn get(map: Term, key: Term) -> Option<Term> {
    match node(map)? {
        Node::Flat { keys, values, .. } => flat_find(keys, key).and_then(|i| values.get(i).copied()),
        Node::Head { bitmap, children, .. } => hamt_get(bitmap, children, key),
        Node::Inner { .. } => None,
    }
}

/// Whether `map` has `key`.
pub fn contains(map: Term, key: Term) -> bool {
    get(map, key).is_some()
}

fn flat_find(keys: &[Term], key: Term) -> Option<usize> {
    if key.is_immediate() {
        keys.iter().position(|k| k.raw() == key.raw())
    } else {
        keys.iter().position(|k| compare::eq(*k, key))
    }
}

fn hamt_get(mut bitmap: u32, mut children: &[Term], key: Term) -> Option<Term> {
    let mut h = Hashed::new(key);
    let mut level = 0;
    loop {
        let bit = 1u32 << h.slot(level);
        if bitmap & bit == 0 {
            return None;
        }
        let child = *children.get(child_pos(bitmap, bit))?;
        if let Some((k, v)) = child.as_cons() {
            return compare::eq(k, key).then_some(v);
        }
        match node(child)? {
            Node::Inner { bitmap: b, children: c } => {
                bitmap = b;
                children = c;
            }
            _ => return None,
        }
        level += 1;
    }
}

// ---- insertion ----

/// `map` with `key` set to `value` (a new map; `map` itself is unchanged). Returns `map`
/// itself when the key already holds exactly this value word.
pub fn put(heap: &mut dyn TermAlloc, map: Term, key: Term, value: Term) -> Term {
    insert(heap, map, key, value, false).unwrap_or(map)
}

/// `map` with the existing `key` set to `value`, or `None` when the key is absent (the
/// caller raises `{badkey, Key}`). A flat map keeps its keys tuple.
pub fn update(heap: &mut dyn TermAlloc, map: Term, key: Term, value: Term) -> Option<Term> {
    insert(heap, map, key, value, true)
}

fn insert(heap: &mut dyn TermAlloc, map: Term, key: Term, value: Term, update_only: bool) -> Option<Term> {
    match node(map)? {
        Node::Flat { keys_tuple, keys, values } => match flat_find(keys, key) {
            Some(i) => {
                if values.get(i).is_some_and(|v| v.raw() == value.raw()) {
                    return Some(map);
                }
                let mut vs = values.to_vec();
                if let Some(slot) = vs.get_mut(i) {
                    *slot = value;
                }
                Some(alloc_flat(heap, keys_tuple, &vs))
            }
            None if update_only => None,
            None if keys.len() < FLAT_LIMIT => {
                let at = keys.iter().position(|k| compare::compare(*k, key, true).is_gt()).unwrap_or(keys.len());
                let mut pairs: Vec<(Term, Term)> = keys.iter().copied().zip(values.iter().copied()).collect();
                pairs.insert(at, (key, value));
                Some(flat_from_sorted(heap, &pairs))
            }
            None => {
                let mut pairs: Vec<(Term, Term)> = keys.iter().copied().zip(values.iter().copied()).collect();
                pairs.push((key, value));
                Some(hamt_from_unique(heap, &pairs))
            }
        },
        Node::Head { size, bitmap, children } => hamt_insert(heap, map, size, bitmap, children, key, value, update_only),
        Node::Inner { .. } => None,
    }
}

/// One step of a path from the root down to the slot being changed.
struct Step<'a> {
    bitmap: u32,
    children: &'a [Term],
    bit: u32,
}

/// Rebuilds the path bottom-up after the deepest node's slot `bit` got `new_child` (which
/// fills a new slot when that bit was clear).
fn rebuild_up(heap: &mut dyn TermAlloc, path: &[Step<'_>], mut new_child: Term, new_size: usize) -> Term {
    let mut result = Term::NIL;
    for (i, step) in path.iter().enumerate().rev() {
        let pos = child_pos(step.bitmap, step.bit);
        let mut children = step.children.to_vec();
        if step.bitmap & step.bit == 0 {
            children.insert(pos.min(children.len()), new_child);
        } else if let Some(c) = children.get_mut(pos) {
            *c = new_child;
        }
        let bitmap = step.bitmap | step.bit;
        result = if i == 0 { alloc_head(heap, new_size, bitmap, &children) } else { alloc_inner(heap, bitmap, &children) };
        new_child = result;
    }
    result
}

#[allow(clippy::too_many_arguments)]
fn hamt_insert(
    heap: &mut dyn TermAlloc,
    map: Term,
    size: usize,
    bitmap: u32,
    children: &[Term],
    key: Term,
    value: Term,
    update_only: bool,
) -> Option<Term> {
    let mut h = Hashed::new(key);
    let mut path: Vec<Step<'_>> = Vec::new();
    let (mut bitmap, mut children) = (bitmap, children);
    let mut level = 0;
    loop {
        let bit = 1u32 << h.slot(level);
        path.push(Step { bitmap, children, bit });
        if bitmap & bit == 0 {
            if update_only {
                return None;
            }
            let leaf = build::cons(heap, key, value);
            return Some(rebuild_up(heap, &path, leaf, size + 1));
        }
        let child = *children.get(child_pos(bitmap, bit))?;
        if let Some((k, v)) = child.as_cons() {
            if compare::eq(k, key) {
                if v.raw() == value.raw() {
                    return Some(map);
                }
                let leaf = build::cons(heap, key, value);
                return Some(rebuild_up(heap, &path, leaf, size));
            }
            if update_only {
                return None;
            }
            let leaf = build::cons(heap, key, value);
            let sub = split_leaves(heap, (child, Hashed::new(k)), (leaf, h), level + 1);
            return Some(rebuild_up(heap, &path, sub, size + 1));
        }
        match node(child)? {
            Node::Inner { bitmap: b, children: c } => {
                bitmap = b;
                children = c;
            }
            _ => return None,
        }
        level += 1;
    }
}

/// The subtree holding two leaves whose keys share the slot path above `level`: a chain of
/// one-child nodes down to the first level where their slots differ, then a two-child node.
fn split_leaves(heap: &mut dyn TermAlloc, a: (Term, Hashed), b: (Term, Hashed), level: u32) -> Term {
    let ((leaf_a, mut ha), (leaf_b, mut hb)) = (a, b);
    let mut diverge = level;
    while ha.slot(diverge) == hb.slot(diverge) && diverge < MAX_LEVEL {
        diverge += 1;
    }
    let (sa, sb) = (ha.slot(diverge), hb.slot(diverge));
    let children = if sa < sb { [leaf_a, leaf_b] } else { [leaf_b, leaf_a] };
    let mut sub = alloc_inner(heap, (1 << sa) | (1 << sb), &children);
    for l in (level..diverge).rev() {
        sub = alloc_inner(heap, 1 << ha.slot(l), &[sub]);
    }
    sub
}

// ---- removal ----

/// `map` without `key` (`map` itself when the key is absent).
pub fn remove(heap: &mut dyn TermAlloc, map: Term, key: Term) -> Term {
    take(heap, map, key).map_or(map, |(_, m)| m)
}

/// The value under `key` and the map without it (`maps:take/2`), or `None` if absent.
pub fn take(heap: &mut dyn TermAlloc, map: Term, key: Term) -> Option<(Term, Term)> {
    match node(map)? {
        Node::Flat { keys, values, .. } => {
            let i = flat_find(keys, key)?;
            let value = *values.get(i)?;
            let pairs: Vec<(Term, Term)> =
                keys.iter().copied().zip(values.iter().copied()).enumerate().filter(|(j, _)| *j != i).map(|(_, p)| p).collect();
            Some((value, flat_from_sorted(heap, &pairs)))
        }
        Node::Head { size, bitmap, children } => hamt_take(heap, map, size, bitmap, children, key),
        Node::Inner { .. } => None,
    }
}

/// What a subtree became after a removal below it.
#[derive(Copy, Clone)]
enum Shrunk {
    /// The subtree is gone.
    Gone,
    /// The subtree is now a single leaf, to be lifted towards the root.
    Leaf(Term),
    /// The subtree is now this node.
    Node(Term),
}

fn hamt_take(heap: &mut dyn TermAlloc, map: Term, size: usize, bitmap: u32, children: &[Term], key: Term) -> Option<(Term, Term)> {
    let mut h = Hashed::new(key);
    let mut path: Vec<Step<'_>> = Vec::new();
    let (mut bitmap, mut children) = (bitmap, children);
    let mut level = 0;
    let value = loop {
        let bit = 1u32 << h.slot(level);
        if bitmap & bit == 0 {
            return None;
        }
        path.push(Step { bitmap, children, bit });
        let child = *children.get(child_pos(bitmap, bit))?;
        if let Some((k, v)) = child.as_cons() {
            if !compare::eq(k, key) {
                return None;
            }
            break v;
        }
        match node(child)? {
            Node::Inner { bitmap: b, children: c } => {
                bitmap = b;
                children = c;
            }
            _ => return None,
        }
        level += 1;
    };
    if size.saturating_sub(1) <= FLAT_LIMIT {
        let mut pairs: Vec<(Term, Term)> = iter(map).filter(|(k, _)| !compare::eq(*k, key)).collect();
        compare::sort_by(&mut pairs, |a, b| compare::compare(a.0, b.0, true));
        return Some((value, flat_from_sorted(heap, &pairs)));
    }
    let mut res = Shrunk::Gone;
    for (i, step) in path.iter().enumerate().rev() {
        let pos = child_pos(step.bitmap, step.bit);
        let n = step.children.len();
        if i == 0 {
            let new_map = match res {
                Shrunk::Gone => {
                    let rest: Vec<Term> = without(step.children, pos);
                    alloc_head(heap, size.saturating_sub(1), step.bitmap ^ step.bit, &rest)
                }
                Shrunk::Leaf(t) | Shrunk::Node(t) => alloc_head(heap, size.saturating_sub(1), step.bitmap, &replaced(step.children, pos, t)),
            };
            return Some((value, new_map));
        }
        res = match res {
            Shrunk::Gone if n <= 1 => Shrunk::Gone,
            Shrunk::Gone if n == 2 => {
                let other = *step.children.get(1 - pos.min(1))?;
                if other.is_cons() {
                    Shrunk::Leaf(other)
                } else {
                    Shrunk::Node(alloc_inner(heap, step.bitmap ^ step.bit, &[other]))
                }
            }
            Shrunk::Gone => Shrunk::Node(alloc_inner(heap, step.bitmap ^ step.bit, &without(step.children, pos))),
            Shrunk::Leaf(leaf) if n == 1 => Shrunk::Leaf(leaf),
            Shrunk::Leaf(t) | Shrunk::Node(t) => Shrunk::Node(alloc_inner(heap, step.bitmap, &replaced(step.children, pos, t))),
        };
    }
    None
}

fn without(children: &[Term], pos: usize) -> Vec<Term> {
    children.iter().enumerate().filter(|(j, _)| *j != pos).map(|(_, c)| *c).collect()
}

fn replaced(children: &[Term], pos: usize, t: Term) -> Vec<Term> {
    let mut v = children.to_vec();
    if let Some(c) = v.get_mut(pos) {
        *c = t;
    }
    v
}

// ---- building from many pairs ----

/// A map of `pairs`; when a key occurs more than once the last occurrence wins
/// (`maps:from_list/1`).
pub fn from_pairs(heap: &mut dyn TermAlloc, pairs: Vec<(Term, Term)>) -> Term {
    if pairs.len() <= 2 * FLAT_LIMIT {
        let unique = dedup_by_sorting(pairs);
        if unique.len() <= FLAT_LIMIT {
            return flat_from_sorted(heap, &unique);
        }
        return hamt_from_unique(heap, &unique);
    }
    let mut items = dedup_by_hash(pairs);
    if items.len() <= FLAT_LIMIT {
        let mut unique: Vec<(Term, Term)> = items.iter().map(|it| (it.0.key, it.1)).collect();
        compare::sort_by(&mut unique, |a, b| compare::compare(a.0, b.0, true));
        return flat_from_sorted(heap, &unique);
    }
    let size = items.len();
    build_root(heap, &mut items, size)
}

/// Sorts by key (stable) and keeps the last of each run of equal keys.
fn dedup_by_sorting(mut pairs: Vec<(Term, Term)>) -> Vec<(Term, Term)> {
    compare::sort_by(&mut pairs, |a, b| compare::compare(a.0, b.0, true));
    let mut out: Vec<(Term, Term)> = Vec::with_capacity(pairs.len());
    for p in pairs {
        match out.last_mut() {
            Some(last) if compare::eq(last.0, p.0) => *last = p,
            _ => out.push(p),
        }
    }
    out
}

/// Hashes and sorts the pairs in trie order, keeping the last occurrence of each key.
/// Equal keys have equal hashes, so duplicates end up in the same run of equal hashes.
fn dedup_by_hash(pairs: Vec<(Term, Term)>) -> Vec<(Hashed, Term)> {
    let mut items: Vec<(Hashed, Term)> = pairs.into_iter().map(|(k, v)| (Hashed::new(k), v)).collect();
    compare::sort_by(&mut items, |a, b| swizzle(a.0.hash).cmp(&swizzle(b.0.hash)));
    let mut out: Vec<(Hashed, Term)> = Vec::with_capacity(items.len());
    let mut run_start = 0;
    for it in items {
        if out.last().is_some_and(|last: &(Hashed, Term)| last.0.hash != it.0.hash) {
            run_start = out.len();
        }
        match out.get_mut(run_start..).and_then(|run| run.iter_mut().find(|o| compare::eq(o.0.key, it.0.key))) {
            Some(dup) => *dup = it,
            None => out.push(it),
        }
    }
    out
}

/// A HAMT of more than [`FLAT_LIMIT`] distinct keys.
fn hamt_from_unique(heap: &mut dyn TermAlloc, pairs: &[(Term, Term)]) -> Term {
    let mut items: Vec<(Hashed, Term)> = pairs.iter().map(|&(k, v)| (Hashed::new(k), v)).collect();
    compare::sort_by(&mut items, |a, b| swizzle(a.0.hash).cmp(&swizzle(b.0.hash)));
    let size = items.len();
    build_root(heap, &mut items, size)
}

/// Splits `items` (sorted in trie order, hashed for `level`'s block) into runs sharing the
/// slot at `level`, and builds a child for each.
fn children_at(heap: &mut dyn TermAlloc, items: &mut [(Hashed, Term)], level: u32) -> (u32, Vec<Term>) {
    let mut bitmap = 0;
    let mut children = Vec::new();
    let mut rest = items;
    while let Some(first) = rest.first() {
        let slot = first.0.current_slot(level);
        let run = rest.iter().take_while(|it| it.0.current_slot(level) == slot).count();
        let (group, tail) = rest.split_at_mut(run);
        bitmap |= 1 << slot;
        children.push(build_subtree(heap, group, level + 1));
        rest = tail;
    }
    (bitmap, children)
}

fn build_root(heap: &mut dyn TermAlloc, items: &mut [(Hashed, Term)], size: usize) -> Term {
    let (bitmap, children) = children_at(heap, items, 0);
    alloc_head(heap, size, bitmap, &children)
}

/// The subtree for `items`, which share their slots above `level`: a leaf for one item, else
/// an inner node.
fn build_subtree(heap: &mut dyn TermAlloc, items: &mut [(Hashed, Term)], level: u32) -> Term {
    if items.len() == 1 || level >= MAX_LEVEL {
        return match items.first() {
            Some(first) => build::cons(heap, first.0.key, first.1),
            None => Term::NIL,
        };
    }
    if level.is_multiple_of(LEVELS_PER_HASH) {
        // A new block of levels: the keys are re-hashed with the next salt, so re-sort.
        for it in items.iter_mut() {
            it.0.slot(level);
        }
        compare::sort_by(items, |a, b| swizzle(a.0.hash).cmp(&swizzle(b.0.hash)));
    }
    let (bitmap, children) = children_at(heap, items, level);
    alloc_inner(heap, bitmap, &children)
}

/// `map` with all of `pairs` put into it, later pairs winning over earlier ones and over the
/// map's own values (the `put_map_assoc` instruction with many keys). When every key already
/// exists in a flat map, the keys tuple is kept.
pub fn put_many(heap: &mut dyn TermAlloc, map: Term, pairs: &[(Term, Term)]) -> Term {
    let n = size(map);
    match node(map) {
        Some(Node::Flat { keys_tuple, keys, values }) => {
            let mut vs = values.to_vec();
            let mut new: Vec<(Term, Term)> = Vec::new();
            for &(k, v) in pairs {
                match flat_find(keys, k) {
                    Some(i) => {
                        if let Some(slot) = vs.get_mut(i) {
                            *slot = v;
                        }
                    }
                    None => new.push((k, v)),
                }
            }
            if new.is_empty() {
                if vs.iter().zip(values).all(|(a, b)| a.raw() == b.raw()) {
                    return map;
                }
                return alloc_flat(heap, keys_tuple, &vs);
            }
            let mut all: Vec<(Term, Term)> = keys.iter().copied().zip(vs).collect();
            all.extend(new);
            from_pairs(heap, all)
        }
        Some(Node::Head { .. }) if pairs.len() * 8 < n => {
            pairs.iter().fold(map, |m, &(k, v)| put(heap, m, k, v))
        }
        Some(Node::Head { .. }) => {
            let mut all: Vec<(Term, Term)> = iter(map).collect();
            all.extend_from_slice(pairs);
            from_pairs(heap, all)
        }
        _ => map,
    }
}

// ---- iteration ----

/// Iterates over a map's pairs; see [`iter`] and [`iter_next_order`] for the two orders.
pub struct MapIter<'a> {
    inner: IterInner<'a>,
}

enum IterInner<'a> {
    Flat { keys: &'a [Term], values: &'a [Term], pos: usize },
    /// A stack of nodes' children still to visit; the next child is taken from the front
    /// (`reverse == false`) or the back.
    Hamt { stack: Vec<&'a [Term]>, reverse: bool },
    Empty,
}

/// The pairs of `map` in the order of `maps:to_list/1`, `maps:keys/1` and `maps:values/1`:
/// ascending keys for a flat map, reverse trie order for a HAMT.
pub fn iter<'a>(map: Term) -> MapIter<'a> {
    make_iter(map, true)
}

/// The pairs of `map` in the order of `maps:iterator/1` + `maps:next/1`, `maps:fold/3`,
/// `maps:foreach/2` and the `~p`/`~w` printer: ascending keys for a flat map, trie order
/// for a HAMT.
pub fn iter_next_order<'a>(map: Term) -> MapIter<'a> {
    make_iter(map, false)
}

fn make_iter<'a>(map: Term, reverse: bool) -> MapIter<'a> {
    let inner = match node(map) {
        Some(Node::Flat { keys, values, .. }) => IterInner::Flat { keys, values, pos: 0 },
        Some(Node::Head { children, .. }) => IterInner::Hamt { stack: vec![children], reverse },
        _ => IterInner::Empty,
    };
    MapIter { inner }
}

impl Iterator for MapIter<'_> {
    type Item = (Term, Term);

    fn next(&mut self) -> Option<(Term, Term)> {
        match &mut self.inner {
            IterInner::Flat { keys, values, pos } => {
                let item = (*keys.get(*pos)?, *values.get(*pos)?);
                *pos += 1;
                Some(item)
            }
            IterInner::Hamt { stack, reverse } => loop {
                let top = stack.last_mut()?;
                let next = if *reverse { top.split_last().map(|(c, rest)| (*c, rest)) } else { top.split_first().map(|(c, rest)| (*c, rest)) };
                let Some((child, rest)) = next else {
                    stack.pop();
                    continue;
                };
                *top = rest;
                if let Some(kv) = child.as_cons() {
                    return Some(kv);
                }
                if let Some(Node::Inner { children, .. }) = node(child) {
                    stack.push(children);
                }
            },
            IterInner::Empty => None,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.inner {
            IterInner::Flat { keys, pos, .. } => {
                let n = keys.len().saturating_sub(*pos);
                (n, Some(n))
            }
            _ => (0, None),
        }
    }
}
