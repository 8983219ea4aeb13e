//! BIFs of the `lists` module: the functions BEAM implements natively (`reverse/2`,
//! `member/2`, `keyfind/3`, `keymember/3`, `keysearch/3`); the rest of `lists` is Erlang
//! code in stdlib.
//!
//! The rules for bad input follow BEAM: `reverse/2` needs a proper first list; `member/2`
//! and the key functions walk the list only as far as they must, so an improper tail after
//! the answer is not noticed, and one before it raises `badarg`. `member/2` compares exactly
//! (`=:=`), the key functions by value (`==`, so `1` finds `{1.0, x}`).
//!
//! All of them finish in one call; charging reductions per element (BEAM yields in
//! `reverse/2` and the searches on long lists) belongs to the reduction-accounting work.

use enigma_term::compare;
use enigma_term::{atom, build, Term};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult};
use crate::process::Process;

/// `lists:reverse(List, Tail)`: the elements of `List` in reverse order, ending in `Tail`.
fn reverse_2(p: &mut Process, a: &[Term]) -> BifResult {
    let mut elems = build::list_to_vec(a[0]).ok_or_else(badarg)?;
    if elems.is_empty() {
        return Ok(a[1]);
    }
    elems.reverse();
    Ok(build::list_with_tail(&mut p.heap, &elems, a[1]))
}

/// `lists:member(Elem, List)`.
fn member_2(p: &mut Process, a: &[Term]) -> BifResult {
    let x = a[0];
    let mut l = a[1];
    let mut scanned = 0;
    while let Some((h, t)) = l.as_cons() {
        scanned += 1;
        if compare::eq(h, x) {
            p.charge_work(scanned);
            return Ok(Term::TRUE);
        }
        l = t;
    }
    p.charge_work(scanned);
    if l.is_nil() {
        Ok(Term::FALSE)
    } else {
        Err(badarg())
    }
}

/// The first tuple of `list` whose element `pos` (1-based) equals `key`, or `None`; badarg
/// for a bad position or an improper list before a match.
fn keyfind(
    p: &mut Process,
    key: Term,
    pos: Term,
    list: Term,
) -> Result<Option<Term>, crate::emulator::exception::Fault> {
    let pos = match pos.as_small() {
        Some(n) if n >= 1 => n as usize,
        _ => return Err(badarg()),
    };
    let mut l = list;
    let mut scanned = 0;
    while let Some((h, t)) = l.as_cons() {
        scanned += 1;
        if let Some(el) = h.as_tuple().and_then(|e| e.get(pos - 1)) {
            if key_matches(key, *el) {
                p.charge_work(scanned);
                return Ok(Some(h));
            }
        }
        l = t;
    }
    p.charge_work(scanned);
    if l.is_nil() {
        Ok(None)
    } else {
        Err(badarg())
    }
}

/// Whether a tuple element equals the key as BEAM's key functions test it: a small integer
/// key matches itself or a float of the same value (the key converted to a float), another
/// immediate only itself, and any other key by `==`.
fn key_matches(key: Term, el: Term) -> bool {
    if key.raw() == el.raw() {
        return true;
    }
    if let Some(k) = key.as_small() {
        return el.as_float().is_some_and(|f| f == k as f64);
    }
    !key.is_immediate() && compare::equal(key, el)
}

/// `lists:keyfind(Key, N, TupleList)`: the tuple, or `false`.
fn keyfind_3(p: &mut Process, a: &[Term]) -> BifResult {
    Ok(keyfind(p, a[0], a[1], a[2])?.unwrap_or(Term::FALSE))
}

/// `lists:keymember(Key, N, TupleList)`.
fn keymember_3(p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(keyfind(p, a[0], a[1], a[2])?.is_some()))
}

/// `lists:keysearch(Key, N, TupleList)`: `{value, Tuple}` or `false`.
fn keysearch_3(p: &mut Process, a: &[Term]) -> BifResult {
    match keyfind(p, a[0], a[1], a[2])? {
        Some(t) => Ok(build::tuple(&mut p.heap, &[Term::atom(atom::VALUE), t])),
        None => Ok(Term::FALSE),
    }
}

pub const BIFS: &[BifEntry] = &[
    bif!("lists", "reverse", 2, reverse_2),
    bif!("lists", "member", 2, member_2),
    bif!("lists", "keyfind", 3, keyfind_3),
    bif!("lists", "keymember", 3, keymember_3),
    bif!("lists", "keysearch", 3, keysearch_3),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn proc() -> Process {
        crate::test_util::test_process()
    }

    #[test]
    fn reverse_and_member_follow_beam() {
        let mut p = proc();
        let l = build::list(&mut p.heap, &[Term::small(1), Term::small(2)]);
        let r = reverse_2(&mut p, &[l, Term::atom(atom::OK)])
            .ok()
            .unwrap_or(Term::NIL);
        let (h, t) = r.as_cons().unwrap_or((Term::NIL, Term::NIL));
        assert_eq!(h, Term::small(2));
        assert_eq!(t.as_cons().map(|c| c.1), Some(Term::atom(atom::OK)));
        let improper = build::cons(&mut p.heap, Term::small(1), Term::small(2));
        assert!(reverse_2(&mut p, &[improper, Term::NIL]).is_err());
        assert_eq!(
            member_2(&mut p, &[Term::small(1), improper]).ok(),
            Some(Term::TRUE)
        );
        assert!(member_2(&mut p, &[Term::small(3), improper]).is_err());
        let f = build::float(&mut p.heap, 1.0);
        assert_eq!(member_2(&mut p, &[f, l]).ok(), Some(Term::FALSE));
    }

    #[test]
    fn key_functions_compare_by_value() {
        let mut p = proc();
        let f = build::float(&mut p.heap, 1.0);
        let t1 = build::tuple(&mut p.heap, &[f, Term::atom(atom::OK)]);
        let t0 = build::tuple(&mut p.heap, &[]);
        let l = build::list(&mut p.heap, &[Term::atom(atom::OK), t0, t1]);
        assert_eq!(
            keyfind_3(&mut p, &[Term::small(1), Term::small(1), l]).ok(),
            Some(t1)
        );
        assert_eq!(
            keymember_3(&mut p, &[Term::small(2), Term::small(1), l]).ok(),
            Some(Term::FALSE)
        );
        assert!(keyfind_3(&mut p, &[Term::small(1), Term::small(0), l]).is_err());
        assert!(keyfind_3(
            &mut p,
            &[Term::small(1), Term::small(1), Term::atom(atom::OK)]
        )
        .is_err());
        let r = keysearch_3(&mut p, &[Term::atom(atom::OK), Term::small(2), l])
            .ok()
            .unwrap_or(Term::NIL);
        assert_eq!(
            r.as_tuple().map(|e| e.to_vec()),
            Some(vec![Term::atom(atom::VALUE), t1])
        );
    }
}
