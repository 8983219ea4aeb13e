//! BIFs of the `erts_internal` module that stdlib and the preloaded `erlang` module call:
//! `map_next/3` (behind `maps:iterator/1`, `maps:next/1`, `maps:to_list/1`, `maps:fold/3`
//! and friends), the time units, `garbage_collect/1`, `cmp_term/2`, `term_type/1`,
//! `map_to_tuple_keys/1`, `is_system_process/1`, `group_leader/2,3`. The atomics, counters
//! and persistent-term helpers of this module are registered in their own files.
//!
//! # `map_next(Path, Map, Acc)`
//!
//! A flat map is returned whole. A HAMT map is walked depth first, lowest child first (the
//! order `enigma_term::map::iter_next_order` defines); `Path` says where to resume: nibble
//! `i` of the integer (least significant first) is the child index to take at level `i`,
//! zeros past its end (so `0` starts at the first leaf). After a batch the path of the next
//! unvisited child is returned with the map, exactly as BEAM encodes it, so a path taken
//! from BEAM resumes at the same place here.
//!
//! With `Acc = iterator` the result is the chain `{K1, V1, {K2, V2, ... Tail}}` with `Tail`
//! either `[Path | Map]` or `none`; with a list `Acc` it is `[Path, Map, {Kn, Vn}, ...,
//! {K1, V1} | Acc]`, or just `[{Kn, Vn}, ..., {K1, V1} | Acc]` at the end (a flat map's
//! list is in key order instead: `[{K1, V1}, ..., {Kn, Vn} | Acc]`). Batch sizes
//! follow BEAM: at most [`FIRST_BATCH`] pairs from path 0, at most [`BATCH`] after (BEAM
//! derives this from the reductions left; the exact count is not observable by `maps`).

use enigma_term::integer::Int;
use enigma_term::{atom, boxed, build, compare, integer, map, Term, TermAlloc};
use num_bigint::{BigInt, Sign};

use crate::bif;
use crate::bifs::os::{atom_of, NATIVE_UNITS_PER_SEC};
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult};
use crate::process::Process;

/// Pairs returned by the first `map_next` call on a large map (BEAM's
/// `MAP_SMALL_MAP_LIMIT`): an iterator that is used for only a few keys stays cheap.
const FIRST_BATCH: usize = 32;
/// Pairs per later call (BEAM: a quarter of a full reduction budget).
const BATCH: usize = 1000;

/// The children of a HAMT node (root or inner), per `enigma_term::map`'s documented layout:
/// word 1 is `small(x << 2 | kind)`; a root (kind 1) has its bitmap in word 2 and children
/// after it, an inner node (kind 2) has its children right after word 1.
fn hamt_children<'a>(t: Term) -> Option<&'a [Term]> {
    if !t.is_boxed() || t.header().subtag() != boxed::MAP {
        return None;
    }
    let words: &'a [Term] = t.boxed_payload();
    match words.first()?.as_small()? & 3 {
        1 => words.get(2..),
        2 => words.get(1..),
        _ => None,
    }
}

/// A path integer as its nibbles, least significant first; `None` if negative or not an
/// integer. A negative small reads as BEAM reads it (its 60-bit two's complement).
fn path_nibbles(path: Term) -> Option<Vec<u8>> {
    let mut bytes = match path.as_int()? {
        Int::Small(v) if v >= 0 => (v as u64).to_le_bytes().to_vec(),
        Int::Small(v) => ((v as u64) & ((1u64 << 60) - 1)).to_le_bytes().to_vec(),
        Int::Big(b) => {
            let (sign, bytes) = b.to_bytes_le();
            if sign == Sign::Minus {
                return None;
            }
            bytes
        }
    };
    while bytes.last() == Some(&0) {
        bytes.pop();
    }
    Some(bytes.iter().flat_map(|b| [b & 0xF, b >> 4]).collect())
}

/// The path integer of the child indices `idx` (root level first).
fn path_term(heap: &mut dyn TermAlloc, idx: &[usize]) -> Term {
    if idx.len() <= 15 {
        let v = idx
            .iter()
            .rev()
            .fold(0i64, |acc, &i| (acc << 4) | (i as i64 & 0xF));
        return Term::small(v);
    }
    let mut bytes = vec![0u8; idx.len().div_ceil(2)];
    for (level, &i) in idx.iter().enumerate() {
        if let Some(b) = bytes.get_mut(level / 2) {
            *b |= ((i & 0xF) as u8) << (4 * (level % 2));
        }
    }
    integer::from_bigint(heap, &BigInt::from_bytes_le(Sign::Plus, &bytes))
}

/// A batch of pairs in walk order, and the child indices of the next unvisited entry.
type Walk = (Vec<(Term, Term)>, Option<Vec<usize>>);

/// One level of the walk: a node's children and the index of the next child to visit.
struct Level<'a> {
    children: &'a [Term],
    next: usize,
}

/// Walks a HAMT from `path`, collecting at most `limit` pairs. Returns the pairs in walk
/// order and the child indices leading to the next unvisited entry (`None` at the end).
/// `None` overall for a path that leads nowhere.
fn hamt_walk(root: Term, nibbles: &[u8], limit: usize) -> Option<Walk> {
    let mut stack: Vec<Level<'_>> = Vec::new();
    let mut out = Vec::new();
    let mut children = hamt_children(root)?;
    let mut level = 0usize;
    // Descend along the path to its first leaf.
    loop {
        let i = nibbles.get(level).copied().unwrap_or(0) as usize;
        let child = *children.get(i)?;
        stack.push(Level {
            children,
            next: i + 1,
        });
        if let Some(kv) = child.as_cons() {
            out.push(kv);
            break;
        }
        children = hamt_children(child)?;
        level += 1;
    }
    let mut left = limit.saturating_sub(1);
    while let Some(mut top) = stack.pop() {
        while left > 0 {
            let Some(kv) = top.children.get(top.next).and_then(|c| c.as_cons()) else {
                break;
            };
            out.push(kv);
            left -= 1;
            top.next += 1;
        }
        if left == 0 {
            if top.next < top.children.len() {
                top.next += 1;
                stack.push(top);
            } else {
                while let Some(mut up) = stack.pop() {
                    if up.next < up.children.len() {
                        up.next += 1;
                        stack.push(up);
                        break;
                    }
                }
            }
            break;
        }
        if let Some(&child) = top.children.get(top.next) {
            top.next += 1;
            stack.push(top);
            stack.push(Level {
                children: hamt_children(child)?,
                next: 0,
            });
        }
    }
    // Each level's `next` is one past the child to take next time.
    let path =
        (!stack.is_empty()).then(|| stack.iter().map(|l| l.next.saturating_sub(1)).collect());
    Some((out, path))
}

fn map_next_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (path, m, acc) = (a[0], a[1], a[2]);
    if !map::is_map(m) {
        return Err(badarg());
    }
    let iterator = acc == Term::atom(atom::ITERATOR);
    if !iterator && !acc.is_list() {
        return Err(badarg());
    }
    let (pairs, next) = if map::is_flat(m) {
        match path.as_small() {
            Some(n) if n >= 0 && n as usize <= map::size(m) => {}
            _ => return Err(badarg()),
        }
        (map::iter_next_order(m).collect::<Vec<_>>(), None)
    } else {
        let nibbles = path_nibbles(path).ok_or_else(badarg)?;
        let at_start = nibbles.is_empty();
        let limit = if !iterator {
            usize::MAX
        } else if at_start {
            FIRST_BATCH
        } else {
            BATCH
        };
        hamt_walk(m, &nibbles, limit).ok_or_else(badarg)?
    };
    let heap = &mut p.heap;
    if iterator {
        let mut tail = match &next {
            Some(idx) => {
                let pt = path_term(heap, idx);
                build::cons(heap, pt, m)
            }
            None => Term::atom(atom::NONE),
        };
        for &(k, v) in pairs.iter().rev() {
            tail = build::tuple(heap, &[k, v, tail]);
        }
        return Ok(tail);
    }
    // A HAMT's pairs go onto the accumulator one by one, so the list reads in reverse walk
    // order; a flat map's list is built back to front, in key order.
    let ordered: Vec<(Term, Term)> = if map::is_flat(m) {
        pairs
    } else {
        pairs.into_iter().rev().collect()
    };
    let tuples: Vec<Term> = ordered
        .iter()
        .map(|&(k, v)| build::tuple(heap, &[k, v]))
        .collect();
    let mut res = build::list_with_tail(heap, &tuples, acc);
    if let Some(idx) = &next {
        let pt = path_term(heap, idx);
        res = build::cons(heap, m, res);
        res = build::cons(heap, pt, res);
    }
    Ok(res)
}

/// `erts_internal:map_to_tuple_keys/1`: the keys tuple of a flat map.
fn map_to_tuple_keys_1(_p: &mut Process, a: &[Term]) -> BifResult {
    map::keys_tuple(a[0]).ok_or_else(badarg)
}

/// `erts_internal:term_type/1`: the emulator's name for a term's representation.
fn term_type_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let t = a[0];
    let name = if t.is_small() {
        "fixnum"
    } else if t.is_atom() {
        "atom"
    } else if t.is_nil() {
        "nil"
    } else if t.is_cons() {
        "list"
    } else if t.is_local_pid() {
        "pid"
    } else if t.is_local_port() {
        "port"
    } else if t.is_boxed() {
        match t.header().subtag() {
            boxed::TUPLE => "tuple",
            boxed::POS_BIG | boxed::NEG_BIG => "bignum",
            boxed::REF => "reference",
            boxed::FUN => "fun",
            boxed::EXPORT => "export",
            boxed::FLOAT => "hfloat",
            boxed::REFC_BIN => "refc_binary",
            boxed::HEAP_BIN => "heap_binary",
            boxed::SUB_BIN => "sub_binary",
            boxed::EXTERNAL_PID => "external_pid",
            boxed::EXTERNAL_PORT => "external_port",
            boxed::EXTERNAL_REF => "external_reference",
            boxed::MAP if map::is_flat(t) => "flatmap",
            boxed::MAP => "hashmap",
            _ => "unknown",
        }
    } else {
        "unknown"
    };
    Ok(atom_of(name))
}

/// `erts_internal:cmp_term/2`: -1, 0 or 1 by exact term order.
fn cmp_term_2(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::small(match compare::compare(a[0], a[1], true) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }))
}

/// `erts_internal:garbage_collect(major | minor)`: the emulator collects on its own
/// schedule; nothing is forced yet.
fn garbage_collect_1(_p: &mut Process, a: &[Term]) -> BifResult {
    match a[0].as_atom().map(|x| x.name()) {
        Some("major" | "minor") => Ok(Term::TRUE),
        _ => Err(badarg()),
    }
}

fn time_unit_0(_p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(Term::small(NATIVE_UNITS_PER_SEC))
}

fn perf_counter_unit_0(_p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(Term::small(NATIVE_UNITS_PER_SEC))
}

/// `erts_internal:is_system_process/1`: the processes the VM started at boot and those
/// spawned with `spawn_system_process/3`.
fn is_system_process_1(_p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_pid() {
        return Err(badarg());
    }
    Ok(Term::bool(
        crate::runtime::table::lookup(a[0]).is_some_and(|h| h.system),
    ))
}

/// `erts_internal:scheduler_wall_time(Enable)`: turns the measurement on or off; every
/// scheduler acknowledges with the returned reference as a message, as on BEAM.
fn scheduler_wall_time_1(p: &mut Process, a: &[Term]) -> BifResult {
    let on = match a[0] {
        Term::TRUE => true,
        Term::FALSE => false,
        _ => return Err(badarg()),
    };
    crate::runtime::scheduler::wall_time::set(on);
    let r = crate::bifs::erlang::new_ref(p);
    for _ in 0..crate::runtime::scheduler::count() {
        p.queue.push_back(r);
    }
    Ok(r)
}

/// `erts_internal:request_system_task(Pid, Prio, Request)`: the target does the work
/// (a collection, a check of old code, copying literals) and answers the caller with
/// `{Kind, RequestId, Result}`. `Request` is `{garbage_collect, ReqId, major | minor}`,
/// `{check_process_code, ReqId, Module}` or `{copy_literals, ReqId, Bool}`.
fn request_system_task_3(p: &mut Process, a: &[Term]) -> BifResult {
    system_task(p.pid, a[0], a[1], a[2])
}

/// `erts_internal:request_system_task(Requester, Pid, Prio, Request)`.
fn request_system_task_4(_p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_local_pid() {
        return Err(badarg());
    }
    system_task(a[0], a[1], a[2], a[3])
}

fn system_task(from: Term, target: Term, prio: Term, request: Term) -> BifResult {
    use crate::runtime::mailbox::{Signal, SystemTask};
    if !target.is_local_pid() {
        return Err(badarg());
    }
    if !prio
        .as_atom()
        .is_some_and(|a| matches!(a.name(), "max" | "high" | "normal" | "low" | "inherit"))
    {
        return Err(badarg());
    }
    let parts = request.as_tuple().ok_or_else(badarg)?;
    let (&kind, &req_id) = (
        parts.first().ok_or_else(badarg)?,
        parts.get(1).ok_or_else(badarg)?,
    );
    let arg = parts.get(2).copied().unwrap_or(Term::NIL);
    let task = match kind.as_atom().map(|a| a.name()) {
        Some("garbage_collect") => SystemTask::GarbageCollect {
            major: match arg.as_atom().map(|a| a.name()) {
                Some("major") => true,
                Some("minor") => false,
                _ => return Err(badarg()),
            },
        },
        Some("check_process_code") => SystemTask::CheckProcessCode {
            module: arg.as_atom().ok_or_else(badarg)?,
        },
        Some("copy_literals") => SystemTask::CopyLiterals,
        _ => return Err(badarg()),
    };
    let (request_id, fragment) = crate::runtime::send::to_fragment(req_id);
    crate::runtime::signals::send(
        target,
        Signal::SystemTask {
            from,
            task,
            request_id,
            fragment,
        },
    );
    Ok(Term::atom(atom::OK))
}

/// `erts_internal:spawn_system_process(M, F, Args)`: a process `init:restart/0` spares.
fn spawn_system_process_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (Some(m), Some(f)) = (a[0].as_atom(), a[1].as_atom()) else {
        return Err(badarg());
    };
    let opts = crate::runtime::spawn::SpawnOpts {
        system: true,
        ..Default::default()
    };
    crate::runtime::spawn::spawn(m, f, a[2], p.group_leader, &opts).map_err(|_| badarg())
}

/// `erts_internal:group_leader(GroupLeader, Pid)`.
fn group_leader_2(p: &mut Process, a: &[Term]) -> BifResult {
    crate::bifs::erlang::processes::set_group_leader(p, a[0], a[1])
}

/// `erts_internal:group_leader(GroupLeader, Pid, Ref)`: the answer comes as `{Ref, Result}`.
fn group_leader_3(p: &mut Process, a: &[Term]) -> BifResult {
    let r = crate::bifs::erlang::processes::set_group_leader(p, a[0], a[1])?;
    // Through the signal queue, behind any signal already sent to this process.
    crate::runtime::send::deliver_tuple(p.pid, &[a[2], r]);
    Ok(Term::TRUE)
}

pub const BIFS: &[BifEntry] = &[
    bif!(
        "erts_internal",
        "request_system_task",
        3,
        request_system_task_3
    ),
    bif!(
        "erts_internal",
        "request_system_task",
        4,
        request_system_task_4
    ),
    bif!(
        "erts_internal",
        "scheduler_wall_time",
        1,
        scheduler_wall_time_1
    ),
    bif!(
        "erts_internal",
        "spawn_system_process",
        3,
        spawn_system_process_3
    ),
    bif!("erts_internal", "group_leader", 2, group_leader_2),
    bif!("erts_internal", "group_leader", 3, group_leader_3),
    bif!("erts_internal", "map_next", 3, map_next_3),
    bif!("erts_internal", "map_to_tuple_keys", 1, map_to_tuple_keys_1),
    bif!("erts_internal", "term_type", 1, term_type_1),
    bif!("erts_internal", "cmp_term", 2, cmp_term_2),
    bif!("erts_internal", "garbage_collect", 1, garbage_collect_1),
    bif!("erts_internal", "time_unit", 0, time_unit_0),
    bif!("erts_internal", "perf_counter_unit", 0, perf_counter_unit_0),
    bif!("erts_internal", "is_system_process", 1, is_system_process_1),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn proc() -> Process {
        crate::test_util::test_process()
    }

    fn big_map(p: &mut Process, n: i64) -> Term {
        let pairs = (1..=n).map(|k| (Term::small(k), Term::small(k))).collect();
        map::from_pairs(&mut p.heap, pairs)
    }

    /// Follows an iterator chain to its end, calling map_next for each continuation.
    fn walk(p: &mut Process, m: Term) -> Vec<Term> {
        let mut keys = Vec::new();
        let mut it = map_next_3(p, &[Term::small(0), m, Term::atom(atom::ITERATOR)])
            .ok()
            .unwrap_or(Term::NIL);
        loop {
            if let Some(&[k, _, rest]) = it.as_tuple() {
                keys.push(k);
                it = rest;
            } else if let Some((path, m)) = it.as_cons() {
                it = map_next_3(p, &[path, m, Term::atom(atom::ITERATOR)])
                    .ok()
                    .unwrap_or(Term::NIL);
            } else {
                break;
            }
        }
        keys
    }

    #[test]
    fn iterator_walk_matches_trie_order() {
        let mut p = proc();
        for n in [3, 40, 1000] {
            let m = big_map(&mut p, n);
            let keys = walk(&mut p, m);
            let expect: Vec<Term> = map::iter_next_order(m).map(|kv| kv.0).collect();
            assert_eq!(keys, expect, "map of {n}");
        }
    }

    #[test]
    fn first_batch_and_path_match_beam() {
        let mut p = proc();
        let m = big_map(&mut p, 40);
        let it = map_next_3(&mut p, &[Term::small(0), m, Term::atom(atom::ITERATOR)])
            .ok()
            .unwrap_or(Term::NIL);
        let mut n = 0;
        let mut t = it;
        while let Some(&[_, _, rest]) = t.as_tuple() {
            n += 1;
            t = rest;
        }
        assert_eq!(n, 32);
        // On BEAM the 40-key map resumes at root child 11 after the first 32 pairs.
        assert_eq!(t.as_cons().map(|c| c.0), Some(Term::small(11)));
    }

    #[test]
    fn list_mode_is_reverse_walk_order() {
        let mut p = proc();
        let m = big_map(&mut p, 100);
        let l = map_next_3(&mut p, &[Term::small(0), m, Term::NIL])
            .ok()
            .unwrap_or(Term::NIL);
        let got: Vec<Term> = build::list_to_vec(l)
            .unwrap_or_default()
            .iter()
            .filter_map(|t| t.as_tuple().map(|e| e[0]))
            .collect();
        let expect: Vec<Term> = map::iter(m).map(|kv| kv.0).collect();
        assert_eq!(got, expect);
        assert!(map_next_3(&mut p, &[Term::small(-1), Term::NIL, Term::NIL]).is_err());
        let small = big_map(&mut p, 2);
        assert!(map_next_3(&mut p, &[Term::small(3), small, Term::atom(atom::ITERATOR)]).is_err());
        assert!(map_next_3(&mut p, &[Term::small(0), small, Term::atom(atom::OK)]).is_err());
    }
}
