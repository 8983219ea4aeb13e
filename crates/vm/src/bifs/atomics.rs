//! BIFs of the `atomics` module (`erts_internal:atomics_new/2` and `atomics:get/put/add/
//! add_get/exchange/compare_exchange/info`), and the table of "magic" references that
//! atomics and counters arrays hide behind.
//!
//! On BEAM such a reference carries a pointer to its native object. Enigma's references are
//! plain words, so the object lives in a global table keyed by the reference's numbers; a
//! reference copied to another process (or stored anywhere) still finds it. Objects are
//! never freed (BEAM frees them when the last reference dies), which leaks one array per
//! `atomics:new/2` or `counters:new/2` a program makes.
//!
//! Values are 64-bit: signed arrays hold `-2^63 .. 2^63-1`, unsigned ones `0 .. 2^64-1`;
//! additions wrap around, as on BEAM.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, OnceLock, RwLock};

use enigma_term::{atom, boxed, integer, map, Term, TermAlloc};

use crate::bif;
use crate::bifs::os::atom_of;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, system_limit, BifResult, Fault};
use crate::process::Process;

/// A native object behind a magic reference.
pub enum Magic {
    Atomics {
        signed: bool,
        cells: Box<[AtomicI64]>,
    },
    Counters {
        cells: Box<[AtomicI64]>,
    },
}

type Key = [u32; 3];

fn table() -> &'static RwLock<HashMap<Key, Arc<Magic>>> {
    static T: OnceLock<RwLock<HashMap<Key, Arc<Magic>>>> = OnceLock::new();
    T.get_or_init(|| RwLock::new(HashMap::new()))
}

/// A new magic reference on `p`'s heap for `obj`.
pub fn new_magic_ref(p: &mut Process, obj: Magic) -> Term {
    let r = crate::bifs::erlang::new_ref(p);
    let key = r.ref_numbers();
    table()
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(key, Arc::new(obj));
    r
}

/// The object behind a magic reference, if `t` is one.
pub fn magic_of(t: Term) -> Option<Arc<Magic>> {
    if !t.is_boxed() || t.header().subtag() != boxed::REF {
        return None;
    }
    table()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&t.ref_numbers())
        .cloned()
}

/// A size argument (`term_to_UWord` on BEAM): a non-negative integer, `system_limit` when
/// too large for the machine.
pub fn size_arg(t: Term) -> Result<usize, Fault> {
    if let Some(n) = t.as_small() {
        return usize::try_from(n).map_err(|_| badarg());
    }
    match t.as_bigint() {
        Some(b) if b.sign() != num_bigint::Sign::Minus => Err(system_limit()),
        _ => Err(badarg()),
    }
}

/// Cells for a new array of `n` elements; arrays beyond what memory could hold are a
/// `system_limit`, as on BEAM.
pub fn new_cells(n: usize) -> Result<Box<[AtomicI64]>, Fault> {
    if n == 0 {
        return Err(badarg());
    }
    if n > (usize::MAX / 8) >> 4 {
        return Err(system_limit());
    }
    let mut v = Vec::new();
    // Memory that cannot be had ends the VM, named as BEAM names it.
    let kind = enigma_heap::allocator::MemoryKind::new("std_alloc", "erl_bif_atomics");
    enigma_heap::allocator::with_kind(kind, || v.try_reserve_exact(n))
        .map_err(|_| system_limit())?;
    v.extend((0..n).map(|_| AtomicI64::new(0)));
    Ok(v.into_boxed_slice())
}

/// A 1-based index argument into `cells`.
pub fn cell(cells: &[AtomicI64], ix: Term) -> Result<&AtomicI64, Fault> {
    let i = ix.as_small().filter(|&i| i >= 1).ok_or_else(badarg)?;
    cells.get(i as usize - 1).ok_or_else(badarg)
}

/// An integer that fits 64 bits signed, or else unsigned (stored as its bit pattern): what
/// `add/3` accepts as an increment.
pub fn incr_arg(t: Term) -> Result<i64, Fault> {
    if let Some(n) = t.as_small() {
        return Ok(n);
    }
    let b = t.as_bigint().ok_or_else(badarg)?;
    if let Ok(v) = i64::try_from(&b) {
        return Ok(v);
    }
    u64::try_from(&b).map(|v| v as i64).map_err(|_| badarg())
}

/// A value for an array of the given signedness.
fn value_arg(signed: bool, t: Term) -> Result<i64, Fault> {
    if let Some(n) = t.as_small() {
        return if signed || n >= 0 {
            Ok(n)
        } else {
            Err(badarg())
        };
    }
    let b = t.as_bigint().ok_or_else(badarg)?;
    if signed {
        i64::try_from(&b).map_err(|_| badarg())
    } else {
        u64::try_from(&b).map(|v| v as i64).map_err(|_| badarg())
    }
}

fn value_term(heap: &mut dyn TermAlloc, signed: bool, v: i64) -> Term {
    if signed {
        integer::from_i64(heap, v)
    } else {
        integer::from_u64(heap, v as u64)
    }
}

/// The atomics array behind `r`: its signedness and cells.
fn atomics_of(r: Term) -> Result<Arc<Magic>, Fault> {
    match magic_of(r) {
        Some(m) if matches!(*m, Magic::Atomics { .. }) => Ok(m),
        _ => Err(badarg()),
    }
}

fn with_cell<R>(
    r: Term,
    ix: Term,
    f: impl FnOnce(bool, &AtomicI64) -> Result<R, Fault>,
) -> Result<R, Fault> {
    let m = atomics_of(r)?;
    match &*m {
        Magic::Atomics { signed, cells } => f(*signed, cell(cells, ix)?),
        Magic::Counters { .. } => Err(badarg()),
    }
}

/// `erts_internal:atomics_new(Arity, EncodedOpts)`: bit 0 of the options is "signed".
fn atomics_new_2(p: &mut Process, a: &[Term]) -> BifResult {
    let n = size_arg(a[0])?;
    let opts = size_arg(a[1])?;
    let cells = new_cells(n)?;
    Ok(new_magic_ref(
        p,
        Magic::Atomics {
            signed: opts & 1 != 0,
            cells,
        },
    ))
}

fn put_3(_p: &mut Process, a: &[Term]) -> BifResult {
    with_cell(a[0], a[1], |signed, c| {
        c.store(value_arg(signed, a[2])?, Ordering::SeqCst);
        Ok(Term::atom(atom::OK))
    })
}

fn get_2(p: &mut Process, a: &[Term]) -> BifResult {
    let (signed, v) = with_cell(a[0], a[1], |signed, c| {
        Ok((signed, c.load(Ordering::SeqCst)))
    })?;
    Ok(value_term(&mut p.heap, signed, v))
}

fn add_3(_p: &mut Process, a: &[Term]) -> BifResult {
    with_cell(a[0], a[1], |_, c| {
        c.fetch_add(incr_arg(a[2])?, Ordering::SeqCst);
        Ok(Term::atom(atom::OK))
    })
}

fn add_get_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (signed, v) = with_cell(a[0], a[1], |signed, c| {
        let d = incr_arg(a[2])?;
        Ok((signed, c.fetch_add(d, Ordering::SeqCst).wrapping_add(d)))
    })?;
    Ok(value_term(&mut p.heap, signed, v))
}

fn exchange_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (signed, v) = with_cell(a[0], a[1], |signed, c| {
        Ok((signed, c.swap(value_arg(signed, a[2])?, Ordering::SeqCst)))
    })?;
    Ok(value_term(&mut p.heap, signed, v))
}

fn compare_exchange_4(p: &mut Process, a: &[Term]) -> BifResult {
    let (signed, r) = with_cell(a[0], a[1], |signed, c| {
        let expected = value_arg(signed, a[2])?;
        let desired = value_arg(signed, a[3])?;
        Ok((
            signed,
            c.compare_exchange(expected, desired, Ordering::SeqCst, Ordering::SeqCst),
        ))
    })?;
    match r {
        Ok(_) => Ok(Term::atom(atom::OK)),
        Err(was) => Ok(value_term(&mut p.heap, signed, was)),
    }
}

/// Bytes BEAM reports for an atomics array: its magic binary header, the array header and
/// eight bytes per element.
fn atomics_memory(n: usize) -> u64 {
    40 + 8 * n as u64
}

fn info_1(p: &mut Process, a: &[Term]) -> BifResult {
    let m = atomics_of(a[0])?;
    let Magic::Atomics { signed, cells } = &*m else {
        return Err(badarg());
    };
    let (max, min) = if *signed {
        (
            integer::from_i64(&mut p.heap, i64::MAX),
            integer::from_i64(&mut p.heap, i64::MIN),
        )
    } else {
        (integer::from_u64(&mut p.heap, u64::MAX), Term::small(0))
    };
    let memory = integer::from_u64(&mut p.heap, atomics_memory(cells.len()));
    let pairs = vec![
        (atom_of("max"), max),
        (atom_of("min"), min),
        (atom_of("size"), Term::small(cells.len() as i64)),
        (atom_of("memory"), memory),
    ];
    Ok(map::from_pairs(&mut p.heap, pairs))
}

pub const BIFS: &[BifEntry] = &[
    bif!("erts_internal", "atomics_new", 2, atomics_new_2),
    bif!("atomics", "put", 3, put_3),
    bif!("atomics", "get", 2, get_2),
    bif!("atomics", "add", 3, add_3),
    bif!("atomics", "add_get", 3, add_get_3),
    bif!("atomics", "exchange", 3, exchange_3),
    bif!("atomics", "compare_exchange", 4, compare_exchange_4),
    bif!("atomics", "info", 1, info_1),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_and_unsigned_arrays() {
        let mut p = crate::test_util::test_process();
        let r = atomics_new_2(&mut p, &[Term::small(3), Term::small(1)])
            .ok()
            .unwrap_or(Term::NIL);
        assert!(r.is_ref());
        put_3(&mut p, &[r, Term::small(1), Term::small(-5)]).ok();
        assert_eq!(
            get_2(&mut p, &[r, Term::small(1)]).ok(),
            Some(Term::small(-5))
        );
        assert!(get_2(&mut p, &[r, Term::small(4)]).is_err());
        assert!(get_2(&mut p, &[r, Term::small(0)]).is_err());
        assert_eq!(
            add_get_3(&mut p, &[r, Term::small(2), Term::small(7)]).ok(),
            Some(Term::small(7))
        );
        assert_eq!(
            compare_exchange_4(&mut p, &[r, Term::small(2), Term::small(7), Term::small(8)]).ok(),
            Some(Term::atom(atom::OK))
        );
        assert_eq!(
            compare_exchange_4(&mut p, &[r, Term::small(2), Term::small(7), Term::small(9)]).ok(),
            Some(Term::small(8))
        );
        let u = atomics_new_2(&mut p, &[Term::small(1), Term::small(0)])
            .ok()
            .unwrap_or(Term::NIL);
        assert!(put_3(&mut p, &[u, Term::small(1), Term::small(-1)]).is_err());
        add_3(&mut p, &[u, Term::small(1), Term::small(-1)]).ok();
        let v = get_2(&mut p, &[u, Term::small(1)])
            .ok()
            .and_then(|t| t.as_bigint());
        assert_eq!(v, Some(num_bigint::BigInt::from(u64::MAX)));
        assert!(atomics_new_2(&mut p, &[Term::small(0), Term::small(0)]).is_err());
        assert!(get_2(&mut p, &[Term::small(1), Term::small(1)]).is_err());
    }
}
