//! Traversals that run a match specification over a table: `select` (whole, in chunks, and
//! continued), `select_count`, `select_delete` and `select_replace`, with BEAM's result
//! order and chunk boundaries.
//!
//! Hash tables are walked slot by slot (only the slots of the bound keys when every clause
//! binds the key); BEAM conses each match onto its result, so lists come out in reverse
//! walking order, and a chunk ends after the slot in which it filled up (any surplus is
//! carried in the continuation). Ordered sets are walked in key order; a chunk ends at the
//! object that fills it.
//!
//! Lists are kept here as `Vec`s in Erlang list order (index 0 is the head). Results are
//! copied onto the calling process's heap as they are found.

use enigma_term::{atom, Term};

use super::hash::HashStore;
use super::matchspec::{KeyRange, MatchSpec, Outcome, Runner};
use super::object::Obj;
use super::ordered::{OrderedStore, Prefix};
use super::table::{Store, Table};
use crate::process::Process;

/// Where a chunked select stopped.
pub enum Cont {
    /// Hash table: the next slot (-1 at the end), and matches found beyond the chunk (in
    /// list order) with their count.
    Hash {
        slot: i64,
        rest: Vec<Term>,
        rest_size: i64,
    },
    /// Ordered set: the key of the last object looked at (on the process heap).
    Tree { last_key: Term },
}

/// The answer of a chunked select.
pub enum Chunk {
    /// `'$end_of_table'`.
    Eot,
    /// `{Matches, '$end_of_table'}`, or `{Matches, Continuation}`.
    Items(Vec<Term>, Option<Cont>),
}

/// The result of running the spec on one object, on the process heap (`None`: no match).
fn run_copy(r: &mut Runner<'_>, p: &mut Process, obj: &Obj) -> Option<Term> {
    match r.run(p, obj.term(), false) {
        Outcome::NoMatch => None,
        Outcome::Value(v) => Some(v.to_heap(p)),
        Outcome::Exit => Some(Term::atom(atom::EXIT_UPPER)),
    }
}

/// Whether the spec's body gives `true` for `obj` (select_count, select_delete).
fn run_true(r: &mut Runner<'_>, p: &mut Process, obj: &Obj) -> bool {
    matches!(r.run(p, obj.term(), false), Outcome::Value(v) if v.t == Term::TRUE)
}

/// The slots to visit when every clause binds the key: in clause order, without repeats.
fn bound_slots(h: &HashStore, spec: &MatchSpec, keypos: usize) -> Option<Vec<usize>> {
    let keys = spec.bound_keys(keypos)?;
    let mut slots: Vec<usize> = Vec::new();
    for k in keys {
        let s = h.slot_of(k);
        if !slots.contains(&s) {
            slots.push(s);
        }
    }
    Some(slots)
}

/// For an ordered set whose clauses all bind the key (or a prefix of a tuple key): the
/// objects those keys reach, in key order, each once.
fn bound_objects<'a>(s: &'a OrderedStore, spec: &MatchSpec, keypos: usize) -> Option<Vec<&'a Obj>> {
    let ranges = spec.key_ranges(keypos)?;
    let mut objs: Vec<&Obj> = Vec::new();
    for r in &ranges {
        match r {
            KeyRange::Exact(k) => objs.extend(s.get(*k)),
            KeyRange::Prefix { pattern, bound } => {
                let prefix = Prefix {
                    pattern: *pattern,
                    bound,
                };
                objs.extend(s.prefix_range(&prefix));
            }
        }
    }
    if ranges.len() > 1 {
        objs.sort_by(|a, b| enigma_term::compare::compare(a.key, b.key, false));
        objs.dedup_by(|a, b| std::ptr::eq(*a, *b));
    }
    Some(objs)
}

/// Calls `f` for each live object of the slots visited in order; `f` returns whether to
/// go on (checked between slots only, as BEAM's chunk check).
fn walk_hash(
    h: &HashStore,
    slots: Option<&[usize]>,
    mut f: impl FnMut(&Obj),
    mut stop: impl FnMut() -> bool,
    start: usize,
) -> i64 {
    if let Some(list) = slots {
        for &ix in list {
            for o in h.bucket(ix).iter().filter(|o| !o.pseudo_deleted) {
                f(o);
            }
        }
        return -1;
    }
    let mut ix = start;
    loop {
        for o in h.bucket(ix).iter().filter(|o| !o.pseudo_deleted) {
            f(o);
        }
        ix = h.next_slot(ix);
        if ix == 0 {
            return -1;
        }
        if stop() {
            return ix as i64;
        }
    }
}

/// `select/2` (and `match`, `match_object`, `select_reverse/2`): every result, in list
/// order.
pub fn select_all(t: &Table, p: &mut Process, spec: &MatchSpec, reverse: bool) -> Vec<Term> {
    let mut r = spec.runner();
    let mut out = Vec::new();
    match &t.store {
        Store::Hash(h) => {
            let slots = bound_slots(h, spec, t.keypos);
            walk_hash(
                h,
                slots.as_deref(),
                |o| {
                    if let Some(x) = run_copy(&mut r, p, o) {
                        out.push(x);
                    }
                },
                || false,
                0,
            );
            out.reverse();
        }
        Store::Ordered(s) => {
            match bound_objects(s, spec, t.keypos) {
                Some(objs) => out.extend(objs.into_iter().filter_map(|o| run_copy(&mut r, p, o))),
                None => out.extend(s.iter().filter_map(|o| run_copy(&mut r, p, o))),
            }
            if reverse {
                out.reverse();
            }
        }
    }
    out
}

/// BEAM's end of a first chunked hash traversal: `found` in walking order.
fn hash_chunk_end(found: Vec<Term>, chunk: usize, slot: i64) -> Chunk {
    let got = found.len();
    // The list BEAM built: newest match first.
    let mut list = found;
    list.reverse();
    let mut rest = Vec::new();
    if got > chunk {
        rest = list.drain(..got - chunk).collect();
    }
    let rest_size = rest.len() as i64;
    if !rest.is_empty() || slot >= 0 {
        Chunk::Items(
            list,
            Some(Cont::Hash {
                slot,
                rest,
                rest_size,
            }),
        )
    } else if !list.is_empty() {
        Chunk::Items(list, None)
    } else {
        Chunk::Eot
    }
}

/// `select/3`, `match/3`, `select_reverse/3` (the first chunk).
pub fn select_chunk(
    t: &Table,
    p: &mut Process,
    spec: &MatchSpec,
    chunk: usize,
    reverse: bool,
) -> Chunk {
    let mut r = spec.runner();
    match &t.store {
        Store::Hash(h) => {
            let slots = bound_slots(h, spec, t.keypos);
            if slots.as_ref().is_some_and(|s| s.is_empty()) {
                return Chunk::Eot;
            }
            let mut found = Vec::new();
            let got = std::cell::Cell::new(0usize);
            let slot = walk_hash(
                h,
                slots.as_deref(),
                |o| {
                    if let Some(x) = run_copy(&mut r, p, o) {
                        found.push(x);
                        got.set(got.get() + 1);
                    }
                },
                || got.get() >= chunk,
                0,
            );
            hash_chunk_end(found, chunk, slot)
        }
        Store::Ordered(s) => {
            if let Some(key) = spec.single_bound_key(t.keypos) {
                return match s.get(key).and_then(|o| run_copy(&mut r, p, o)) {
                    Some(x) => Chunk::Items(vec![x], None),
                    None => Chunk::Eot,
                };
            }
            let iter: Box<dyn Iterator<Item = &Obj>> = if reverse {
                Box::new(s.iter().rev())
            } else {
                Box::new(s.iter())
            };
            tree_chunk(iter, &mut r, p, chunk, Vec::new(), 0)
        }
    }
}

/// Walks `objs` until `chunk` matches; `accum` is a list carried in from a continuation.
fn tree_chunk<'a>(
    objs: impl Iterator<Item = &'a Obj>,
    r: &mut Runner<'_>,
    p: &mut Process,
    chunk: usize,
    accum: Vec<Term>,
    got0: usize,
) -> Chunk {
    // BEAM conses matches onto `accum` and reverses the whole list at the end.
    let mut items: Vec<Term> = accum.into_iter().rev().collect();
    let mut got = got0;
    let mut last: Option<&Obj> = None;
    for o in objs {
        last = Some(o);
        if let Some(x) = run_copy(r, p, o) {
            items.push(x);
            got += 1;
        }
        if got == chunk {
            break;
        }
    }
    match last {
        Some(o) if got >= chunk => {
            let last_key = enigma_heap::copy::copy_term(o.key, &mut p.heap);
            Chunk::Items(items, Some(Cont::Tree { last_key }))
        }
        _ if got == 0 => Chunk::Eot,
        _ => Chunk::Items(items, None),
    }
}

/// `select/1` on a hash table's continuation. `Err` for a continuation that does not fit
/// the table (badarg).
#[allow(clippy::result_unit_err, clippy::too_many_arguments)]
pub fn continue_hash(
    t: &Table,
    p: &mut Process,
    spec: &MatchSpec,
    slot: i64,
    chunk: usize,
    rest: Vec<Term>,
    rest_size: i64,
) -> Result<Chunk, ()> {
    let Store::Hash(h) = &t.store else {
        return Err(());
    };
    if rest_size < 0 {
        return Err(());
    }
    // The list so far, newest first; new matches go in front.
    let mut rev: Vec<Term> = rest.into_iter().rev().collect();
    let mut got = rest_size as usize;
    let mut next = slot;
    if slot >= 0 && (chunk == 0 || got < chunk) {
        if slot as usize >= h.nactive() {
            return Err(());
        }
        let mut r = spec.runner();
        let got_cell = std::cell::Cell::new(got);
        next = walk_hash(
            h,
            None,
            |o| {
                if let Some(x) = run_copy(&mut r, p, o) {
                    rev.push(x);
                    got_cell.set(got_cell.get() + 1);
                }
            },
            || chunk > 0 && got_cell.get() >= chunk,
            slot as usize,
        );
        got = got_cell.get();
    }
    let mut list: Vec<Term> = rev.into_iter().rev().collect();
    if chunk == 0 {
        return Ok(Chunk::Items(list, None));
    }
    let mut new_rest = Vec::new();
    if got > chunk {
        let k = got - chunk;
        let k = k.min(list.len());
        new_rest = list.drain(..k).collect();
        new_rest.reverse();
    }
    let rest_size = new_rest.len() as i64;
    Ok(if !new_rest.is_empty() || next >= 0 {
        Chunk::Items(
            list,
            Some(Cont::Hash {
                slot: next,
                rest: new_rest,
                rest_size,
            }),
        )
    } else if !list.is_empty() {
        Chunk::Items(list, None)
    } else {
        Chunk::Eot
    })
}

/// `select/1` on an ordered set's continuation.
#[allow(clippy::result_unit_err, clippy::too_many_arguments)]
pub fn continue_tree(
    t: &Table,
    p: &mut Process,
    spec: &MatchSpec,
    last_key: Term,
    chunk: usize,
    reverse: bool,
    accum: Vec<Term>,
    got: usize,
) -> Result<Chunk, ()> {
    let Store::Ordered(s) = &t.store else {
        return Err(());
    };
    let mut r = spec.runner();
    if chunk == 0 {
        // A trap continuation of a whole select: walk on in the same direction.
        let mut out: Vec<Term> = Vec::new();
        if reverse {
            out.extend(
                s.iter_after(Some(last_key))
                    .filter_map(|o| run_copy(&mut r, p, o)),
            );
            out.reverse();
        } else {
            out.extend(
                s.iter_before(Some(last_key))
                    .filter_map(|o| run_copy(&mut r, p, o)),
            );
            out.reverse();
        }
        out.extend(accum);
        return Ok(Chunk::Items(out, None));
    }
    let iter: Box<dyn Iterator<Item = &Obj>> = if reverse {
        Box::new(s.iter_before(Some(last_key)))
    } else {
        Box::new(s.iter_after(Some(last_key)))
    };
    Ok(tree_chunk(iter, &mut r, p, chunk, accum, got))
}

/// `select_count/2`.
pub fn select_count(t: &Table, p: &mut Process, spec: &MatchSpec) -> usize {
    let mut r = spec.runner();
    let mut n = 0;
    match &t.store {
        Store::Hash(h) => {
            let slots = bound_slots(h, spec, t.keypos);
            walk_hash(
                h,
                slots.as_deref(),
                |o| {
                    if run_true(&mut r, p, o) {
                        n += 1;
                    }
                },
                || false,
                0,
            );
        }
        Store::Ordered(s) => {
            let objs: Vec<&Obj> = match bound_objects(s, spec, t.keypos) {
                Some(v) => v,
                None => s.iter().collect(),
            };
            n = objs.into_iter().filter(|o| run_true(&mut r, p, o)).count();
        }
    }
    n
}

/// The hash slots a spec can match in: those its bound key selects, or every non-empty one.
fn slots_to_visit(h: &HashStore, spec: &MatchSpec, keypos: usize) -> Vec<usize> {
    if let Some(s) = bound_slots(h, spec, keypos) {
        return s;
    }
    let mut v = vec![0];
    let mut ix = 0;
    loop {
        ix = h.next_slot(ix);
        if ix == 0 {
            break;
        }
        v.push(ix);
    }
    v
}

/// `select_delete/2`: deletes the objects for which the spec gives `true`.
pub fn select_delete(t: &mut Table, p: &mut Process, spec: &MatchSpec) -> usize {
    let keypos = t.keypos;
    let mut r = spec.runner();
    match &mut t.store {
        Store::Hash(h) => {
            let visit = slots_to_visit(h, spec, keypos);
            let mut n = 0;
            for ix in visit {
                let hits: Vec<usize> = h
                    .bucket(ix)
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| !o.pseudo_deleted)
                    .filter(|(_, o)| run_true(&mut r, p, o))
                    .map(|(i, _)| i)
                    .collect();
                n += hits.len();
                if !hits.is_empty() {
                    h.delete_positions(ix, &hits);
                }
            }
            if n > 0 {
                h.after_bulk_delete();
            }
            n
        }
        Store::Ordered(s) => {
            let objs: Vec<&Obj> = match bound_objects(s, spec, keypos) {
                Some(v) => v,
                None => s.iter().collect(),
            };
            let keys: Vec<Term> = objs
                .into_iter()
                .filter(|o| run_true(&mut r, p, o))
                .map(|o| o.key)
                .collect();
            let n = keys.len();
            drop(s.remove_all(&keys));
            n
        }
    }
}

/// `select_replace/2`: replaces each object by the spec's result (which keeps the key).
pub fn select_replace(t: &mut Table, p: &mut Process, spec: &MatchSpec) -> usize {
    let keypos = t.keypos;
    let mut r = spec.runner();
    match &mut t.store {
        Store::Hash(h) => {
            let visit = slots_to_visit(h, spec, keypos);
            let mut n = 0;
            for ix in visit {
                let mut new: Vec<(usize, Obj)> = Vec::new();
                for (i, o) in h.bucket(ix).iter().enumerate() {
                    if o.pseudo_deleted {
                        continue;
                    }
                    if let Outcome::Value(v) = r.run(p, o.term(), false) {
                        let mut obj = Obj::new(v.t, keypos, o.hval);
                        obj.hval = o.hval;
                        new.push((i, obj));
                    }
                }
                n += new.len();
                if let Some(b) = h.bucket_mut(ix) {
                    for (i, obj) in new {
                        if let Some(slot) = b.get_mut(i) {
                            *slot = obj;
                        }
                    }
                }
            }
            n
        }
        Store::Ordered(s) => {
            let objs: Vec<&Obj> = match bound_objects(s, spec, keypos) {
                Some(v) => v,
                None => s.iter().collect(),
            };
            let mut new: Vec<Obj> = Vec::new();
            for o in objs {
                if let Outcome::Value(v) = r.run(p, o.term(), false) {
                    new.push(Obj::new(v.t, keypos, 0));
                }
            }
            let n = new.len();
            for o in new {
                s.put(o, false);
            }
            n
        }
    }
}
