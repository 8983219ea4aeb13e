//! BIFs of the `persistent_term` module: a global key-value store whose values processes
//! read without copying.
//!
//! `put/2` copies the key and value into one global, append-only area that is never freed,
//! so a term `get/1` returns is, to a process, like a module literal: the collector leaves
//! it in place (it points outside the process heap). BEAM reclaims an erased or replaced
//! value once no process refers to it; Enigma keeps it (a small leak per `put` of a new
//! value, bounded by what the program stores). The heap verifier must accept pointers into
//! this area: see [`is_persistent_address`].
//!
//! Entries are kept sorted by key in exact term order, so lookups are O(log n) comparisons.

use std::sync::{Mutex, OnceLock};

use enigma_heap::copy::{copy_term, size_of};
use enigma_term::{atom, build, compare, map, Term, VecAlloc};

use crate::bif;
use crate::bifs::os::atom_of;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult};
use crate::process::Process;

/// Words BEAM charges per entry besides the key and value (its hash-table slot and the
/// literal area header), for `info/0`'s `memory`.
const ENTRY_OVERHEAD_WORDS: usize = 5;

struct Store {
    /// Where every stored key and value lives; only ever grows.
    area: VecAlloc,
    /// `(key, value)` sorted by key (exact order, so `1` and `1.0` are different keys).
    entries: Vec<(Term, Term)>,
    /// `(start, end)` address ranges of the area's blocks, for the heap verifier.
    ranges: Vec<(usize, usize)>,
}

fn state() -> &'static Mutex<Store> {
    static S: OnceLock<Mutex<Store>> = OnceLock::new();
    S.get_or_init(|| {
        Mutex::new(Store {
            area: VecAlloc::new(),
            entries: Vec::new(),
            ranges: Vec::new(),
        })
    })
}

fn lock() -> std::sync::MutexGuard<'static, Store> {
    state().lock().unwrap_or_else(|e| e.into_inner())
}

impl Store {
    fn find(&self, key: Term) -> Result<usize, usize> {
        self.entries
            .binary_search_by(|e| compare::compare(e.0, key, true))
    }

    fn refresh_ranges(&mut self) {
        self.ranges = self
            .area
            .block_ranges()
            .map(|(p, n)| (p as usize, p as usize + n * 8))
            .collect();
    }
}

/// Whether `addr` points into the persistent term area (a valid target for process terms,
/// like a module's literals).
pub fn is_persistent_address(addr: usize) -> bool {
    lock().ranges.iter().any(|&(s, e)| addr >= s && addr < e)
}

/// The value stored under `key`, if any (a term in the persistent area).
pub fn lookup(key: Term) -> Option<Term> {
    let s = lock();
    s.find(key).ok().and_then(|i| s.entries.get(i)).map(|e| e.1)
}

/// Stores `value` under `key` (both copied into the persistent area), as
/// `persistent_term:put/2` does: for the VM's own code (boot) to seed entries.
pub fn store(key: Term, value: Term) {
    let mut s = lock();
    match s.find(key) {
        Ok(i) => {
            if s.entries.get(i).is_some_and(|e| compare::eq(e.1, value)) {
                return;
            }
            let v = copy_term(value, &mut s.area);
            if let Some(e) = s.entries.get_mut(i) {
                e.1 = v;
            }
        }
        Err(i) => {
            let k = copy_term(key, &mut s.area);
            let v = copy_term(value, &mut s.area);
            s.entries.insert(i, (k, v));
        }
    }
    s.refresh_ranges();
}

fn get_1(_p: &mut Process, a: &[Term]) -> BifResult {
    lookup(a[0]).ok_or_else(badarg)
}

fn get_2(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(lookup(a[0]).unwrap_or(a[1]))
}

fn get_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let entries = lock().entries.clone();
    let tuples: Vec<Term> = entries
        .iter()
        .map(|&(k, v)| build::tuple(&mut p.heap, &[k, v]))
        .collect();
    Ok(build::list(&mut p.heap, &tuples))
}

fn put_2(_p: &mut Process, a: &[Term]) -> BifResult {
    store(a[0], a[1]);
    Ok(Term::atom(atom::OK))
}

fn erase_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let mut s = lock();
    match s.find(a[0]) {
        Ok(i) => {
            s.entries.remove(i);
            Ok(Term::TRUE)
        }
        Err(_) => Ok(Term::FALSE),
    }
}

fn info_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let (count, words) = {
        let s = lock();
        let words: usize = s
            .entries
            .iter()
            .map(|&(k, v)| size_of(k) + size_of(v) + ENTRY_OVERHEAD_WORDS)
            .sum();
        (s.entries.len(), words)
    };
    let pairs = vec![
        (atom_of("count"), Term::small(count as i64)),
        (atom_of("memory"), Term::small((words * 8) as i64)),
    ];
    Ok(map::from_pairs(&mut p.heap, pairs))
}

/// `erts_internal:erase_persistent_terms/0` (used by `init` on restart): removes all.
fn erase_persistent_terms_0(_p: &mut Process, _a: &[Term]) -> BifResult {
    lock().entries.clear();
    Ok(Term::TRUE)
}

/// Orders entries for tests.
#[cfg(test)]
fn keys_sorted() -> bool {
    let s = lock();
    s.entries
        .windows(2)
        .all(|w| compare::compare(w[0].0, w[1].0, true) == std::cmp::Ordering::Less)
}

pub const BIFS: &[BifEntry] = &[
    bif!("persistent_term", "get", 1, get_1),
    bif!("persistent_term", "get", 2, get_2),
    bif!("persistent_term", "get", 0, get_0),
    bif!("persistent_term", "put", 2, put_2),
    bif!("persistent_term", "erase", 1, erase_1),
    bif!("persistent_term", "info", 0, info_0),
    bif!(
        "erts_internal",
        "erase_persistent_terms",
        0,
        erase_persistent_terms_0
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_get_erase() {
        let mut p = crate::test_util::test_process();
        let key = build::tuple(&mut p.heap, &[atom_of("pt_test_key"), Term::small(1)]);
        let val = build::list(&mut p.heap, &[Term::small(1), Term::small(2)]);
        assert!(get_1(&mut p, &[key]).is_err());
        assert_eq!(put_2(&mut p, &[key, val]).ok(), Some(Term::atom(atom::OK)));
        let got = get_1(&mut p, &[key]).ok().unwrap_or(Term::NIL);
        assert!(compare::eq(got, val));
        assert!(is_persistent_address(got.cons_ptr() as usize));
        assert!(!p.heap.owns(got.cons_ptr()));
        let other = build::tuple(&mut p.heap, &[atom_of("pt_test_key"), Term::small(0)]);
        put_2(&mut p, &[other, Term::small(5)]).ok();
        assert!(keys_sorted());
        assert_eq!(
            get_2(&mut p, &[Term::small(-77), Term::NIL]).ok(),
            Some(Term::NIL)
        );
        assert_eq!(erase_1(&mut p, &[key]).ok(), Some(Term::TRUE));
        assert_eq!(erase_1(&mut p, &[key]).ok(), Some(Term::FALSE));
        erase_1(&mut p, &[other]).ok();
    }
}
