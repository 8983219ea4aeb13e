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
    Flat {
        keys_tuple: Term,
        keys: &'a [Term],
        values: &'a [Term],
    },
    /// The root of a HAMT.
    Head {
        size: usize,
        bitmap: u32,
        children: &'a [Term],
    },
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
            (keys.len() == n && values.len() == n).then_some(Node::Flat {
                keys_tuple,
                keys,
                values,
            })
        }
        KIND_HEAD => {
            let size = usize::try_from(w1 >> 2).ok()?;
            let bitmap = u32::try_from(words.get(1)?.as_small()?).ok()?;
            let children = words.get(2..)?;
            (children.len() == bitmap.count_ones() as usize).then_some(Node::Head {
                size,
                bitmap,
                children,
            })
        }
        KIND_INNER => {
            let bitmap = u32::try_from(w1 >> 2).ok()?;
            let children = words.get(1..)?;
            (children.len() == bitmap.count_ones() as usize)
                .then_some(Node::Inner { bitmap, children })
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

/// A piece of a HAMT: its root or one of its inner nodes.
#[derive(Copy, Clone, Debug)]
pub struct TrieNode<'a> {
    /// Whether this is the root (the map itself) rather than an inner node.
    pub is_root: bool,
    /// The children, lowest slot first: leaves (`[Key | Value]` cons cells) and inner nodes.
    pub children: &'a [Term],
}

/// `t` as a HAMT root or inner node, for code that walks the trie itself
/// (`erts_debug:flat_size/1`, `erts_internal:map_hashmap_children/1`); `None` for flat
/// maps and other terms.
pub fn trie_node<'a>(t: Term) -> Option<TrieNode<'a>> {
    match node(t)? {
        Node::Head { children, .. } => Some(TrieNode {
            is_root: true,
            children,
        }),
        Node::Inner { children, .. } => Some(TrieNode {
            is_root: false,
            children,
        }),
        Node::Flat { .. } => None,
    }
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
    alloc_object(
        heap,
        &[small_word(values.len(), KIND_FLAT), keys_tuple],
        values,
    )
}

fn alloc_head(heap: &mut dyn TermAlloc, size: usize, bitmap: u32, children: &[Term]) -> Term {
    alloc_object(
        heap,
        &[small_word(size, KIND_HEAD), Term::small(bitmap as i64)],
        children,
    )
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
    (keys.len() == values.len() && keys.len() <= FLAT_LIMIT)
        .then(|| alloc_flat(heap, keys_tuple, values))
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
        Hashed {
            key,
            depth: 0,
            hash: hash::map_hash(key, 0),
        }
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
        Node::Flat { keys, values, .. } => {
            flat_find(keys, key).and_then(|i| values.get(i).copied())
        }
        Node::Head {
            bitmap, children, ..
        } => hamt_get(bitmap, children, key),
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
            Node::Inner {
                bitmap: b,
                children: c,
            } => {
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

fn insert(
    heap: &mut dyn TermAlloc,
    map: Term,
    key: Term,
    value: Term,
    update_only: bool,
) -> Option<Term> {
    match node(map)? {
        Node::Flat {
            keys_tuple,
            keys,
            values,
        } => match flat_find(keys, key) {
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
                let at = keys
                    .iter()
                    .position(|k| compare::compare(*k, key, true).is_gt())
                    .unwrap_or(keys.len());
                let mut pairs: Vec<(Term, Term)> =
                    keys.iter().copied().zip(values.iter().copied()).collect();
                pairs.insert(at, (key, value));
                Some(flat_from_sorted(heap, &pairs))
            }
            None => {
                let mut pairs: Vec<(Term, Term)> =
                    keys.iter().copied().zip(values.iter().copied()).collect();
                pairs.push((key, value));
                Some(hamt_from_unique(heap, &pairs))
            }
        },
        Node::Head {
            size,
            bitmap,
            children,
        } => hamt_insert(heap, map, size, bitmap, children, key, value, update_only),
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
fn rebuild_up(
    heap: &mut dyn TermAlloc,
    path: &[Step<'_>],
    mut new_child: Term,
    new_size: usize,
) -> Term {
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
        result = if i == 0 {
            alloc_head(heap, new_size, bitmap, &children)
        } else {
            alloc_inner(heap, bitmap, &children)
        };
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
        path.push(Step {
            bitmap,
            children,
            bit,
        });
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
            Node::Inner {
                bitmap: b,
                children: c,
            } => {
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
fn split_leaves(
    heap: &mut dyn TermAlloc,
    a: (Term, Hashed),
    b: (Term, Hashed),
    level: u32,
) -> Term {
    let ((leaf_a, mut ha), (leaf_b, mut hb)) = (a, b);
    let mut diverge = level;
    while ha.slot(diverge) == hb.slot(diverge) && diverge < MAX_LEVEL {
        diverge += 1;
    }
    let (sa, sb) = (ha.slot(diverge), hb.slot(diverge));
    let children = if sa < sb {
        [leaf_a, leaf_b]
    } else {
        [leaf_b, leaf_a]
    };
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
            let pairs: Vec<(Term, Term)> = keys
                .iter()
                .copied()
                .zip(values.iter().copied())
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, p)| p)
                .collect();
            Some((value, flat_from_sorted(heap, &pairs)))
        }
        Node::Head {
            size,
            bitmap,
            children,
        } => hamt_take(heap, map, size, bitmap, children, key),
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

fn hamt_take(
    heap: &mut dyn TermAlloc,
    map: Term,
    size: usize,
    bitmap: u32,
    children: &[Term],
    key: Term,
) -> Option<(Term, Term)> {
    let mut h = Hashed::new(key);
    let mut path: Vec<Step<'_>> = Vec::new();
    let (mut bitmap, mut children) = (bitmap, children);
    let mut level = 0;
    let value = loop {
        let bit = 1u32 << h.slot(level);
        if bitmap & bit == 0 {
            return None;
        }
        path.push(Step {
            bitmap,
            children,
            bit,
        });
        let child = *children.get(child_pos(bitmap, bit))?;
        if let Some((k, v)) = child.as_cons() {
            if !compare::eq(k, key) {
                return None;
            }
            break v;
        }
        match node(child)? {
            Node::Inner {
                bitmap: b,
                children: c,
            } => {
                bitmap = b;
                children = c;
            }
            _ => return None,
        }
        level += 1;
    };
    if size.saturating_sub(1) <= FLAT_LIMIT {
        let mut pairs: Vec<(Term, Term)> =
            iter(map).filter(|(k, _)| !compare::eq(*k, key)).collect();
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
                Shrunk::Leaf(t) | Shrunk::Node(t) => alloc_head(
                    heap,
                    size.saturating_sub(1),
                    step.bitmap,
                    &replaced(step.children, pos, t),
                ),
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
            Shrunk::Gone => Shrunk::Node(alloc_inner(
                heap,
                step.bitmap ^ step.bit,
                &without(step.children, pos),
            )),
            Shrunk::Leaf(leaf) if n == 1 => Shrunk::Leaf(leaf),
            Shrunk::Leaf(t) | Shrunk::Node(t) => Shrunk::Node(alloc_inner(
                heap,
                step.bitmap,
                &replaced(step.children, pos, t),
            )),
        };
    }
    None
}

fn without(children: &[Term], pos: usize) -> Vec<Term> {
    children
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != pos)
        .map(|(_, c)| *c)
        .collect()
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
    let mut items: Vec<(Hashed, Term)> = pairs
        .into_iter()
        .map(|(k, v)| (Hashed::new(k), v))
        .collect();
    compare::sort_by(&mut items, |a, b| swizzle(a.0.hash).cmp(&swizzle(b.0.hash)));
    let mut out: Vec<(Hashed, Term)> = Vec::with_capacity(items.len());
    let mut run_start = 0;
    for it in items {
        if out
            .last()
            .is_some_and(|last: &(Hashed, Term)| last.0.hash != it.0.hash)
        {
            run_start = out.len();
        }
        match out
            .get_mut(run_start..)
            .and_then(|run| run.iter_mut().find(|o| compare::eq(o.0.key, it.0.key)))
        {
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
fn children_at(
    heap: &mut dyn TermAlloc,
    items: &mut [(Hashed, Term)],
    level: u32,
) -> (u32, Vec<Term>) {
    let mut bitmap = 0;
    let mut children = Vec::new();
    let mut rest = items;
    while let Some(first) = rest.first() {
        let slot = first.0.current_slot(level);
        let run = rest
            .iter()
            .take_while(|it| it.0.current_slot(level) == slot)
            .count();
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
        Some(Node::Flat {
            keys_tuple,
            keys,
            values,
        }) => {
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
    Flat {
        keys: &'a [Term],
        values: &'a [Term],
        pos: usize,
    },
    /// The nodes on the way down to the next leaf with, for each, the index of the next child
    /// to visit (forward) or the number of children still to visit (`reverse`).
    Hamt {
        stack: Vec<(&'a [Term], usize)>,
        reverse: bool,
    },
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
        Some(Node::Flat { keys, values, .. }) => IterInner::Flat {
            keys,
            values,
            pos: 0,
        },
        Some(Node::Head { children, .. }) => {
            let start = if reverse { children.len() } else { 0 };
            IterInner::Hamt {
                stack: vec![(children, start)],
                reverse,
            }
        }
        _ => IterInner::Empty,
    };
    MapIter { inner }
}

/// An [`iter_next_order`] iterator resumed at `position`, a value that
/// [`MapIter::position`] returned for the same map (the cursor behind `maps:next/1`).
/// `None` if `position` does not fit the map.
pub fn iter_next_order_at<'a>(map: Term, position: &[usize]) -> Option<MapIter<'a>> {
    let inner = match node(map)? {
        Node::Flat { keys, values, .. } => {
            let pos = match position {
                [] => 0,
                [p] if *p <= keys.len() => *p,
                _ => return None,
            };
            IterInner::Flat { keys, values, pos }
        }
        Node::Head { mut children, .. } => {
            let mut stack = Vec::with_capacity(position.len());
            let (last, parents) = position.split_last().unwrap_or((&0, &[]));
            for &p in parents {
                stack.push((children, p + 1));
                match node(*children.get(p)?)? {
                    Node::Inner { children: c, .. } => children = c,
                    _ => return None,
                }
            }
            if *last > children.len() {
                return None;
            }
            stack.push((children, *last));
            IterInner::Hamt {
                stack,
                reverse: false,
            }
        }
        Node::Inner { .. } => return None,
    };
    Some(MapIter { inner })
}

impl MapIter<'_> {
    /// Where the iterator stands, for [`iter_next_order_at`]: the index in a flat map, or the
    /// child index at each trie level down to the next leaf (each below 16). `None` once a
    /// HAMT iterator has run out.
    pub fn position(&self) -> Option<Vec<usize>> {
        match &self.inner {
            IterInner::Flat { pos, .. } => Some(vec![*pos]),
            IterInner::Hamt { stack, .. } if !stack.is_empty() => {
                let n = stack.len();
                let parent_or_next = |(i, (_, next)): (usize, &(&[Term], usize))| {
                    if i + 1 < n {
                        next.saturating_sub(1)
                    } else {
                        *next
                    }
                };
                Some(stack.iter().enumerate().map(parent_or_next).collect())
            }
            IterInner::Hamt { .. } | IterInner::Empty => None,
        }
    }
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
                let (children, next) = stack.last_mut()?;
                let children: &[Term] = children;
                let picked = if *reverse {
                    next.checked_sub(1).inspect(|i| *next = *i)
                } else {
                    (*next < children.len()).then(|| {
                        *next += 1;
                        *next - 1
                    })
                };
                let Some(child) = picked.and_then(|i| children.get(i).copied()) else {
                    stack.pop();
                    continue;
                };
                if let Some(kv) = child.as_cons() {
                    return Some(kv);
                }
                if let Some(Node::Inner { children, .. }) = node(child) {
                    let start = if *reverse { children.len() } else { 0 };
                    stack.push((children, start));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alloc::VecAlloc;
    use crate::atom::Atom;
    use crate::hash::phash2;
    use crate::hash::testing::term;
    use crate::integer;
    use num_bigint::BigInt;

    /// Printed by `erl` (OTP 25) for the maps built by [`oracle_maps`], in order:
    /// `maps:size(M)`, `phash2(maps:keys(M), 1 bsl 32)` and the same for the keys in
    /// `maps:iterator/1` + `maps:next/1` order. Then `maps:keys/1` of the first map and of
    /// the map with 32-bit hash collisions, in full.
    const ORACLE: &str = r##"
33	1792750609	3845242237
100	135979257	2052875535
1000	3668291181	2171875308
151	1229296555	1012072053
61	1672001394	2425978722
200	2372483168	1322431743
100	2630103591	387097143
90	4209135318	1166807865
160	616134164	14138138
80	1220077822	1002772689
40	1500889406	4095080462
35	2087161302	3680902894
43	2564583612	2901706090
50	3259821131	1215514097
37	1581255491	2470277957
140	2880184713	1354473485
35	3614037123	3584068181
54	2485601920	2189235415
50	1706970910	2613640215
50	1408422389	1217814053
60	1573187088	807021343
[33,12,23,29,30,26,31,11,9,32,25,28,6,13,20,15,14,2,7,1,8,3,17,22,21,4,24,10,27,19,5,18,16]
[12,23,29,30,26,40660,59671,31,11,9,25,28,119693,22575,6,13,20,15,14,2,7,1,8,3,17,22,21,4,24,10,167527,121236,27,19,5,18,16]
"##;

    fn m(heap: &mut VecAlloc, keys: Vec<Term>) -> Term {
        let pairs = keys.into_iter().map(|k| (k, k)).collect();
        from_pairs(heap, pairs)
    }

    fn ints(range: core::ops::RangeInclusive<i64>) -> Vec<Term> {
        range.map(Term::small).collect()
    }

    fn bin(heap: &mut VecAlloc, bytes: &[u8]) -> Term {
        build::binary(heap, bytes)
    }

    fn itob(heap: &mut VecAlloc, i: i64) -> Term {
        bin(heap, i.to_string().as_bytes())
    }

    /// The same maps as the `erl` program that printed [`ORACLE`] builds.
    fn oracle_maps(heap: &mut VecAlloc) -> Vec<Term> {
        let mut out = Vec::new();
        out.push(m(heap, ints(1..=33)));
        out.push(m(heap, ints(1..=100)));
        out.push(m(heap, ints(1..=1000)));
        let mut keys = ints(-500..=-400);
        for i in 1..=40 {
            keys.push(integer::from_bigint(
                heap,
                &((BigInt::from(1) << 64u32) + BigInt::from(i)),
            ));
        }
        for i in 1..=10 {
            keys.push(integer::from_bigint(
                heap,
                &(-(BigInt::from(1) << 70u32) - BigInt::from(i)),
            ));
        }
        out.push(m(heap, keys));
        let keys = (-30..=30)
            .map(|i| build::float(heap, i as f64 * 0.5))
            .collect();
        out.push(m(heap, keys));
        let keys = (1..=200).map(|i| itob(heap, i)).collect();
        out.push(m(heap, keys));
        let keys = (1..=100)
            .map(|i| build::tuple(heap, &[Term::small(i), Term::small(i * i)]))
            .collect();
        out.push(m(heap, keys));
        let mut keys: Vec<Term> = (1..=60)
            .map(|i| build::list(heap, &[Term::small(i), Term::small(i + 1)]))
            .collect();
        keys.extend((1..=30).map(|i| build::str_list(heap, &format!("key{i}"))));
        out.push(m(heap, keys));
        let mut keys = ints(1..=40);
        keys.extend((1..=40).map(|i| itob(heap, i)));
        keys.extend((1..=40).map(|i| build::tuple(heap, &[Term::small(i)])));
        keys.extend((1..=40).map(|i| build::float(heap, i as f64)));
        out.push(m(heap, keys));
        out.push(m(heap, (1..=80).map(|i| Term::pid(i as u64)).collect()));
        let keys = (1..=40)
            .map(|i| {
                let pairs = vec![(Term::small(i), Term::small(i))];
                from_pairs(heap, pairs)
            })
            .collect();
        out.push(m(heap, keys));
        let keys = (1..=35).map(|i| m(heap, ints(i..=i + 33))).collect();
        out.push(m(heap, keys));
        let keys = (1..=34)
            .chain(62..=70)
            .map(|i| bin(heap, &vec![b'x'; i]))
            .collect();
        out.push(m(heap, keys));
        let mut keys = Vec::new();
        for n in [3u32, 7, 12] {
            for i in 0..=20u32 {
                let v = (i & ((1 << n) - 1)) << (16 - n);
                let whole = bin(heap, &[(v >> 8) as u8, v as u8]);
                keys.push(build::sub_binary(heap, whole, 0, n as usize));
            }
        }
        out.push(m(heap, keys));
        let collide = |heap: &mut VecAlloc| {
            let mut keys = ints(1..=31);
            keys.splice(
                0..0,
                [40660, 59671, 22575, 119693, 121236, 167527].map(Term::small),
            );
            m(heap, keys)
        };
        out.push(collide(heap));
        let mut map = m(heap, ints(1..=200));
        for k in 50..=150 {
            map = remove(heap, map, Term::small(k));
        }
        for k in 1000..=1040 {
            map = put(heap, map, Term::small(k), Term::small(k));
        }
        for k in 1..=10 {
            map = update(
                heap,
                map,
                Term::small(k),
                Term::atom(Atom::intern("x").unwrap()),
            )
            .unwrap();
        }
        out.push(map);
        let map = collide(heap);
        let map = remove(heap, map, Term::small(59671));
        out.push(remove(heap, map, Term::small(22575)));
        let mut keys: Vec<Term> = (1..=50)
            .map(|i| {
                let l = build::list(heap, &[Term::small(i)]);
                let b = bin(heap, &[i as u8]);
                build::tuple(heap, &[Term::small(i), l, b])
            })
            .collect();
        let (t, b, e) = (build::tuple(heap, &[]), bin(heap, &[]), empty(heap));
        keys.extend([Term::NIL, t, b, e]);
        out.push(m(heap, keys));
        let keys = (1..=50)
            .map(|i| build::reference(heap, [i, 2, 1]))
            .collect();
        out.push(m(heap, keys));
        out.push(m(heap, (1..=50).map(|i| Term::port(i as u64)).collect()));
        let mut keys: Vec<Term> = (1..=40).map(|i| build::list(heap, &ints(1..=i))).collect();
        keys.extend((1..=20).map(|i| build::list(heap, &ints(250..=250 + i))));
        out.push(m(heap, keys));
        out
    }

    fn key_list(heap: &mut VecAlloc, pairs: impl Iterator<Item = (Term, Term)>) -> Term {
        let keys: Vec<Term> = pairs.map(|(k, _)| k).collect();
        build::list(heap, &keys)
    }

    #[test]
    fn large_maps_iterate_in_beams_order() {
        let mut heap = VecAlloc::new();
        let maps = oracle_maps(&mut heap);
        let lines: Vec<&str> = ORACLE.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(maps.len(), lines.len() - 2);
        let mut failures = Vec::new();
        for (i, (map, line)) in maps.iter().zip(&lines).enumerate() {
            let cols: Vec<u64> = line.split('\t').map(|c| c.parse().unwrap()).collect();
            let to_list = key_list(&mut heap, iter(*map));
            let next_order = key_list(&mut heap, iter_next_order(*map));
            let got = [
                size(*map) as u64,
                phash2(to_list) as u64,
                phash2(next_order) as u64,
            ];
            if got[..] != cols[..] {
                failures.push(format!("map #{i}: got {got:?}, erl {cols:?}"));
            }
            assert_eq!(is_flat(*map), size(*map) <= FLAT_LIMIT, "map #{i}");
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        for (map, line) in [
            (maps[0], lines[lines.len() - 2]),
            (maps[14], lines[lines.len() - 1]),
        ] {
            let expected = build::list_to_vec(term(&mut heap, line)).unwrap();
            let got: Vec<Term> = iter(map).map(|(k, _)| k).collect();
            assert_eq!(got, expected);
            let mut rev: Vec<Term> = iter_next_order(map).map(|(k, _)| k).collect();
            rev.reverse();
            assert_eq!(rev, expected);
        }
    }

    /// Atom keys hash by atom-table index. `erl` printed the BEAM indices of 68 atoms
    /// (`key_1` .. `key_60`, then `ok, error, true, false, undefined, badarg, lists, erlang`)
    /// and of the keys of `maps:from_list([{A, A} || A <- Atoms])` in `maps:keys/1` order.
    #[test]
    fn atom_keys_follow_beam_when_indices_agree() {
        let input: Vec<u32> = (8370..=8429)
            .chain([478, 12, 1, 0, 14, 74, 929, 229])
            .collect();
        let expected: [u32; 68] = [
            8417, 8384, 8425, 8394, 8395, 8429, 8420, 8413, 8398, 8405, 229, 8383, 8380, 0, 8411,
            8428, 478, 8391, 8396, 8377, 8406, 8422, 8400, 8427, 8390, 8389, 8374, 8414, 8421,
            8382, 12, 8385, 8424, 8410, 8397, 8409, 8404, 8402, 8379, 8376, 74, 8375, 8378, 8373,
            8370, 8386, 8392, 8418, 8371, 8416, 8401, 8387, 8393, 8388, 14, 8412, 8407, 1, 8408,
            8372, 8423, 8419, 8403, 8426, 8381, 929, 8415, 8399,
        ];
        let mut heap = VecAlloc::new();
        let keys: Vec<Term> = input.iter().map(|i| Term::atom(Atom(*i))).collect();
        let map = m(&mut heap, keys);
        let got: Vec<u32> = iter(map).map(|(k, _)| k.atom_value().0).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn any_build_history_gives_the_same_trie() {
        let mut heap = VecAlloc::new();
        let keys: Vec<Term> = (1..=300).map(|i| Term::small(i * 7919 % 1000)).collect();
        let direct = m(&mut heap, keys.clone());
        let mut grown = empty(&mut heap);
        for k in keys.iter().rev() {
            grown = put(&mut heap, grown, *k, *k);
        }
        assert!(crate::compare::eq(direct, grown));
        let mut shrunk = m(&mut heap, ints(-100..=1100));
        for k in -100..=1100 {
            if !keys.iter().any(|t| t.small_value() == k) {
                shrunk = remove(&mut heap, shrunk, Term::small(k));
            }
        }
        assert!(crate::compare::eq(direct, shrunk));
        let start = m(&mut heap, keys[..40].to_vec());
        let pairs: Vec<(Term, Term)> = keys.iter().map(|k| (*k, *k)).collect();
        let many = put_many(&mut heap, start, &pairs);
        assert!(crate::compare::eq(direct, many));
    }

    #[test]
    fn iteration_resumes_from_a_position() {
        let mut heap = VecAlloc::new();
        for map in [m(&mut heap, ints(1..=20)), m(&mut heap, ints(1..=700))] {
            let all: Vec<(Term, Term)> = iter_next_order(map).collect();
            let mut it = iter_next_order(map);
            let mut resumed = Vec::new();
            while let Some(pos) = it.position() {
                let mut again = iter_next_order_at(map, &pos).unwrap();
                let Some(kv) = again.next() else { break };
                resumed.push(kv);
                assert_eq!(it.next(), Some(kv));
            }
            assert_eq!(resumed, all);
            assert_eq!(it.next(), None);
        }
        let map = m(&mut heap, ints(1..=100));
        assert!(iter_next_order_at(map, &[99]).is_none());
        assert!(iter_next_order_at(map, &[0, 0, 0, 0, 0, 0, 0]).is_none());
    }

    #[test]
    fn get_put_update_remove() {
        let mut heap = VecAlloc::new();
        let a = Term::atom(Atom::intern("a").unwrap());
        let one_f = build::float(&mut heap, 1.0);
        let e = empty(&mut heap);
        assert_eq!(size(e), 0);
        assert!(is_map(e));
        let m1 = put(&mut heap, e, one_f, a);
        let m2 = put(&mut heap, m1, Term::small(1), Term::NIL);
        assert_eq!(size(m2), 2);
        // Exact keys: 1 sorts before 1.0 and they are different keys.
        let keys: Vec<Term> = iter(m2).map(|(k, _)| k).collect();
        assert_eq!(keys, [Term::small(1), one_f]);
        assert_eq!(get(m2, Term::small(1)), Some(Term::NIL));
        let one_f_again = build::float(&mut heap, 1.0);
        assert_eq!(get(m2, one_f_again), Some(a));
        assert_eq!(get(m2, Term::small(2)), None);
        // Same value: the same map. New value: the keys tuple is shared.
        assert_eq!(put(&mut heap, m2, Term::small(1), Term::NIL), m2);
        let m3 = update(&mut heap, m2, Term::small(1), a).unwrap();
        assert_eq!(keys_tuple(m3), keys_tuple(m2));
        assert_eq!(get(m3, Term::small(1)), Some(a));
        assert_eq!(update(&mut heap, m2, Term::small(5), a), None);
        let m4 = put_many(&mut heap, m2, &[(Term::small(1), a), (one_f, Term::NIL)]);
        assert_eq!(keys_tuple(m4), keys_tuple(m2));
        assert_eq!(remove(&mut heap, m2, Term::small(7)), m2);
        let m5 = remove(&mut heap, m2, Term::small(1));
        assert_eq!(size(m5), 1);
        assert_eq!(
            take(&mut heap, m5, one_f).map(|(v, m)| (v, size(m))),
            Some((a, 0))
        );
        assert!(!is_map(Term::small(1)));
        assert_eq!(size(Term::NIL), 0);
        assert_eq!(get(Term::NIL, a), None);
    }

    #[test]
    fn flat_and_hamt_switch_at_32_keys() {
        let mut heap = VecAlloc::new();
        let flat = m(&mut heap, ints(1..=32));
        assert!(is_flat(flat));
        let hamt = put(&mut heap, flat, Term::small(33), Term::small(33));
        assert!(!is_flat(hamt) && is_map(hamt));
        assert_eq!(size(hamt), 33);
        for k in 1..=33 {
            assert_eq!(get(hamt, Term::small(k)), Some(Term::small(k)));
            assert_eq!(
                update(&mut heap, hamt, Term::small(k), Term::NIL).map(|t| get(t, Term::small(k))),
                Some(Some(Term::NIL))
            );
        }
        assert_eq!(get(hamt, Term::small(34)), None);
        assert_eq!(update(&mut heap, hamt, Term::small(34), Term::NIL), None);
        let back = remove(&mut heap, hamt, Term::small(7));
        assert!(is_flat(back));
        let keys: Vec<i64> = iter(back).map(|(k, _)| k.small_value()).collect();
        assert_eq!(keys, (1..=33).filter(|k| *k != 7).collect::<Vec<_>>());
        let (v, rest) = take(&mut heap, hamt, Term::small(33)).unwrap();
        assert_eq!(v, Term::small(33));
        assert!(crate::compare::eq(rest, flat));
    }

    #[test]
    fn from_pairs_keeps_the_last_duplicate() {
        let mut heap = VecAlloc::new();
        let zero = build::float(&mut heap, 0.0);
        let neg_zero = build::float(&mut heap, -0.0);
        // erl: maps:from_list([{0.0,a},{-0.0,b}]) =:= #{-0.0 => b} (OTP 25: 0.0 =:= -0.0).
        let small = from_pairs(
            &mut heap,
            vec![(zero, Term::small(1)), (neg_zero, Term::small(2))],
        );
        assert_eq!(size(small), 1);
        assert_eq!(iter(small).next(), Some((neg_zero, Term::small(2))));
        let mut pairs: Vec<(Term, Term)> = (0..100)
            .map(|i| (Term::small(i % 40), Term::small(i)))
            .collect();
        let large = from_pairs(&mut heap, pairs.clone());
        assert_eq!(size(large), 40);
        for k in 0..40 {
            let last = if k < 20 { k + 80 } else { k + 40 };
            assert_eq!(get(large, Term::small(k)), Some(Term::small(last)));
        }
        pairs.truncate(30);
        pairs.extend((0..40).map(|i| (Term::small(i % 30), Term::small(-i))));
        let flat = from_pairs(&mut heap, pairs);
        assert!(is_flat(flat) && size(flat) == 30);
        for k in 0..30 {
            let last = if k < 10 { -(k + 30) } else { -k };
            assert_eq!(get(flat, Term::small(k)), Some(Term::small(last)));
        }
    }

    /// Every word after a map object's header is a term a collector can scan.
    #[test]
    fn every_map_word_is_a_term() {
        let mut heap = VecAlloc::new();
        let map = m(&mut heap, ints(1..=500));
        let mut stack = vec![map];
        let mut objects = 0;
        while let Some(t) = stack.pop() {
            objects += 1;
            for w in t.boxed_payload() {
                assert!(w.is_small() || w.is_cons() || w.is_boxed(), "{w:?}");
                if w.is_boxed() && w.is_map() {
                    stack.push(*w);
                }
            }
        }
        assert!(objects > 30);
    }
}
