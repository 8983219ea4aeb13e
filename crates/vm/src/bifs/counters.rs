//! The native side of the `counters` module: `erts_internal:counters_new/1`, `_get/2`,
//! `_add/3`, `_put/3` and `_info/1`, used by `counters:new(N, [write_concurrency])`
//! (`counters` with the default `atomics` option goes through `bifs/atomics.rs`).
//!
//! BEAM spreads each counter over one cache line per scheduler so that adds never contend;
//! Enigma keeps one signed 64-bit cell per counter (wrapping adds) and only reports BEAM's
//! memory figure.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use enigma_term::{atom, integer, map, Term};

use crate::bif;
use crate::bifs::atomics::{cell, incr_arg, magic_of, new_cells, new_magic_ref, size_arg, Magic};
use crate::bifs::os::atom_of;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult, Fault};
use crate::process::Process;

fn counters_of(r: Term) -> Result<Arc<Magic>, Fault> {
    match magic_of(r) {
        Some(m) if matches!(*m, Magic::Counters { .. }) => Ok(m),
        _ => Err(badarg()),
    }
}

fn with_cell<R>(
    r: Term,
    ix: Term,
    f: impl FnOnce(&AtomicI64) -> Result<R, Fault>,
) -> Result<R, Fault> {
    let m = counters_of(r)?;
    match &*m {
        Magic::Counters { cells } => f(cell(cells, ix)?),
        Magic::Atomics { .. } => Err(badarg()),
    }
}

fn counters_new_1(p: &mut Process, a: &[Term]) -> BifResult {
    let n = size_arg(a[0])?;
    let cells = new_cells(n)?;
    Ok(new_magic_ref(p, Magic::Counters { cells }))
}

fn counters_get_2(p: &mut Process, a: &[Term]) -> BifResult {
    let v = with_cell(a[0], a[1], |c| Ok(c.load(Ordering::SeqCst)))?;
    Ok(integer::from_i64(&mut p.heap, v))
}

fn counters_add_3(_p: &mut Process, a: &[Term]) -> BifResult {
    with_cell(a[0], a[1], |c| {
        c.fetch_add(incr_arg(a[2])?, Ordering::SeqCst);
        Ok(Term::atom(atom::OK))
    })
}

fn counters_put_3(_p: &mut Process, a: &[Term]) -> BifResult {
    with_cell(a[0], a[1], |c| {
        let v = a[2].as_i64().ok_or_else(badarg)?;
        c.store(v, Ordering::SeqCst);
        Ok(Term::atom(atom::OK))
    })
}

/// Bytes BEAM reports for `n` write-concurrent counters: a 64-byte cache line per eight
/// counters per scheduler (plus one base line), and 32 bytes of headers.
fn counters_memory(n: usize) -> u64 {
    let per_counter = crate::bifs::erlang::system::schedulers().max(1) as u64 + 1;
    32 + per_counter * (n as u64).div_ceil(8) * 64
}

fn counters_info_1(p: &mut Process, a: &[Term]) -> BifResult {
    let m = counters_of(a[0])?;
    let Magic::Counters { cells } = &*m else {
        return Err(badarg());
    };
    let memory = integer::from_u64(&mut p.heap, counters_memory(cells.len()));
    let pairs = vec![
        (atom_of("size"), Term::small(cells.len() as i64)),
        (atom_of("memory"), memory),
    ];
    Ok(map::from_pairs(&mut p.heap, pairs))
}

pub const BIFS: &[BifEntry] = &[
    bif!("erts_internal", "counters_new", 1, counters_new_1),
    bif!("erts_internal", "counters_get", 2, counters_get_2),
    bif!("erts_internal", "counters_add", 3, counters_add_3),
    bif!("erts_internal", "counters_put", 3, counters_put_3),
    bif!("erts_internal", "counters_info", 1, counters_info_1),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_put_get() {
        let mut p = crate::test_util::test_process();
        let r = counters_new_1(&mut p, &[Term::small(2)])
            .ok()
            .unwrap_or(Term::NIL);
        counters_add_3(&mut p, &[r, Term::small(2), Term::small(5)]).ok();
        counters_add_3(&mut p, &[r, Term::small(2), Term::small(-7)]).ok();
        assert_eq!(
            counters_get_2(&mut p, &[r, Term::small(2)]).ok(),
            Some(Term::small(-2))
        );
        counters_put_3(&mut p, &[r, Term::small(1), Term::small(9)]).ok();
        assert_eq!(
            counters_get_2(&mut p, &[r, Term::small(1)]).ok(),
            Some(Term::small(9))
        );
        assert!(counters_get_2(&mut p, &[r, Term::small(3)]).is_err());
        assert_eq!(
            counters_memory(3),
            32 + (crate::bifs::erlang::system::schedulers() as u64 + 1) * 64
        );
    }
}
