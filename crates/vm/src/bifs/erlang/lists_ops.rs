//! BIFs of the `erlang` module that operate on whole lists: `++` (`append/2`) and `--`
//! (`subtract/2`). `length/1` lives in `erlang.rs`; the `lists` module's BIFs in
//! `bifs/lists.rs`.
//!
//! `A -- B` removes, for each element of `B`, the first element of `A` that is exactly equal
//! (`=:=`) to it. Like BEAM, a long `B` is turned into a sorted multiset first, so the
//! operation costs O((|A| + |B|) log |B|) rather than O(|A| * |B|).
//!
//! Both BIFs do all their work in one call; charging reductions in proportion to the list
//! lengths (BEAM yields inside them) is left to the reduction-accounting work.

use std::cmp::Ordering;

use enigma_term::compare;
use enigma_term::{build, Term};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult};
use crate::process::Process;

/// Below this many elements in the right-hand list, `--` scans linearly (as BEAM does with
/// its small-list limit): building a sorted multiset costs more than it saves.
const SUBTRACT_LINEAR_LIMIT: usize = 16;

/// The elements of the proper list `l`, or `None` when it is improper.
fn proper(l: Term) -> Option<Vec<Term>> {
    build::list_to_vec(l)
}

/// `A ++ B`: a copy of the proper list `A` ending in `B` (any term).
pub fn append(p: &mut Process, a: Term, b: Term) -> BifResult {
    if a.is_nil() {
        return Ok(b);
    }
    let elems = proper(a).ok_or_else(badarg)?;
    if b.is_nil() {
        // `L ++ []` is `L` itself, as on BEAM (no copy needed).
        return Ok(a);
    }
    Ok(build::list_with_tail(&mut p.heap, &elems, b))
}

fn plusplus_2(p: &mut Process, a: &[Term]) -> BifResult {
    append(p, a[0], a[1])
}

/// `A -- B` for two proper lists.
pub fn subtract(p: &mut Process, a: Term, b: Term) -> BifResult {
    let left = proper(a).ok_or_else(badarg)?;
    let right = proper(b).ok_or_else(badarg)?;
    p.charge_work(left.len() + right.len());
    if left.is_empty() || right.is_empty() {
        return Ok(a);
    }
    let kept = if right.len() <= SUBTRACT_LINEAR_LIMIT {
        subtract_linear(&left, right)
    } else {
        subtract_sorted(&left, right)
    };
    if kept.len() == left.len() {
        return Ok(a);
    }
    Ok(build::list(&mut p.heap, &kept))
}

/// `--` with a short right-hand side: each element of `left` is checked against the
/// elements still to remove.
fn subtract_linear(left: &[Term], mut remove: Vec<Term>) -> Vec<Term> {
    let mut kept = Vec::with_capacity(left.len());
    for (i, &x) in left.iter().enumerate() {
        if remove.is_empty() {
            kept.extend_from_slice(left.get(i..).unwrap_or(&[]));
            break;
        }
        match remove.iter().position(|&r| compare::eq(r, x)) {
            Some(j) => {
                remove.remove(j);
            }
            None => kept.push(x),
        }
    }
    kept
}

/// `--` with a long right-hand side: the elements to remove become a sorted multiset
/// (distinct terms in exact term order with their counts), searched by bisection.
fn subtract_sorted(left: &[Term], mut remove: Vec<Term>) -> Vec<Term> {
    compare::sort(&mut remove, true);
    let mut set: Vec<(Term, usize)> = Vec::with_capacity(remove.len());
    for r in remove {
        match set.last_mut() {
            Some(last) if compare::compare(last.0, r, true) == Ordering::Equal => last.1 += 1,
            _ => set.push((r, 1)),
        }
    }
    let mut pending: usize = set.iter().map(|e| e.1).sum();
    let mut kept = Vec::with_capacity(left.len());
    for (i, &x) in left.iter().enumerate() {
        if pending == 0 {
            kept.extend_from_slice(left.get(i..).unwrap_or(&[]));
            break;
        }
        let found = set.binary_search_by(|e| compare::compare(e.0, x, true));
        match found.ok().and_then(|k| set.get_mut(k)) {
            Some(entry) if entry.1 > 0 => {
                entry.1 -= 1;
                pending -= 1;
            }
            _ => kept.push(x),
        }
    }
    kept
}

fn minusminus_2(p: &mut Process, a: &[Term]) -> BifResult {
    subtract(p, a[0], a[1])
}

pub const BIFS: &[BifEntry] = &[
    bif!("erlang", "++", 2, plusplus_2),
    bif!("erlang", "append", 2, plusplus_2),
    bif!("erlang", "--", 2, minusminus_2),
    bif!("erlang", "subtract", 2, minusminus_2),
];

#[cfg(test)]
mod tests {
    use super::*;

    use enigma_term::atom;

    fn proc() -> Process {
        crate::test_util::test_process()
    }

    fn ints(p: &mut Process, v: &[i64]) -> Term {
        let t: Vec<Term> = v.iter().map(|&i| Term::small(i)).collect();
        build::list(&mut p.heap, &t)
    }

    fn to_ints(t: Term) -> Vec<i64> {
        build::list_to_vec(t)
            .unwrap_or_default()
            .iter()
            .map(|e| e.as_small().unwrap_or(-999))
            .collect()
    }

    #[test]
    fn append_copies_the_left_list() {
        let mut p = proc();
        let a = ints(&mut p, &[1, 2]);
        let b = ints(&mut p, &[3]);
        let r = append(&mut p, a, b).ok().unwrap_or(Term::NIL);
        assert_eq!(to_ints(r), vec![1, 2, 3]);
        let r = append(&mut p, a, Term::small(3)).ok().unwrap_or(Term::NIL);
        assert_eq!(r.as_cons().map(|(h, _)| h), Some(Term::small(1)));
        assert_eq!(
            append(&mut p, Term::NIL, Term::small(3)).ok(),
            Some(Term::small(3))
        );
        let improper = build::cons(&mut p.heap, Term::small(1), Term::small(2));
        assert!(append(&mut p, improper, b).is_err());
        assert!(append(&mut p, Term::atom(atom::OK), b).is_err());
    }

    #[test]
    fn subtract_removes_first_occurrences() {
        let mut p = proc();
        let a = ints(&mut p, &[1, 2, 3, 1, 2]);
        let b = ints(&mut p, &[2, 1]);
        let r = subtract(&mut p, a, b).ok().unwrap_or(Term::NIL);
        assert_eq!(to_ints(r), vec![3, 1, 2]);
        let improper = build::cons(&mut p.heap, Term::small(1), Term::small(2));
        assert!(subtract(&mut p, improper, Term::NIL).is_err());
        assert!(subtract(&mut p, Term::NIL, improper).is_err());
        assert!(subtract(&mut p, Term::NIL, Term::atom(atom::OK)).is_err());
    }

    #[test]
    fn subtract_is_exact_and_scales() {
        let mut p = proc();
        let one_f = build::float(&mut p.heap, 1.0);
        let a = build::list(&mut p.heap, &[Term::small(1), one_f, Term::small(2)]);
        let b = build::list(&mut p.heap, &[one_f]);
        let r = subtract(&mut p, a, b).ok().unwrap_or(Term::NIL);
        assert_eq!(to_ints(r), vec![1, 2]);
        let big: Vec<i64> = (0..20_000).map(|i| i % 1000).collect();
        let a = ints(&mut p, &big);
        let rem: Vec<i64> = (0..500).chain(0..100).collect();
        let b = ints(&mut p, &rem);
        let r = to_ints(subtract(&mut p, a, b).ok().unwrap_or(Term::NIL));
        let mut expect = big.clone();
        for x in rem {
            if let Some(i) = expect.iter().position(|&e| e == x) {
                expect.remove(i);
            }
        }
        assert_eq!(r, expect);
    }
}
