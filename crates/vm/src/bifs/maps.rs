//! BIFs of the `maps` module: the functions BEAM implements natively. The rest of `maps`
//! (`fold/3`, `map/2`, `iterator/1`, `next/1`, `to_list/1`, ...) is Erlang code in stdlib
//! built on `erts_internal:map_next/3` (in `bifs/erts_internal.rs`).
//!
//! Representation, key order and the trie shape are `enigma_term::map`'s business; this file
//! adds BEAM's argument checks and exceptions: `{badmap, Term}` when an argument that must be
//! a map is not one, `{badkey, Key}` for a missing key where one is required, and `badarg`
//! for malformed lists.

use enigma_term::{atom, build, map, Term};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, error_tuple, BifResult, Fault};
use crate::process::Process;

/// `error:{badmap, T}`.
pub fn badmap(p: &mut Process, t: Term) -> Fault {
    Fault::Raise(error_tuple(&mut p.heap, atom::BADMAP, t))
}

/// `error:{badkey, K}`.
pub fn badkey(p: &mut Process, k: Term) -> Fault {
    Fault::Raise(error_tuple(&mut p.heap, atom::BADKEY, k))
}

/// `m` if it is a map, else `{badmap, m}`.
fn need_map(p: &mut Process, m: Term) -> Result<Term, Fault> {
    if m.is_map() {
        Ok(m)
    } else {
        Err(badmap(p, m))
    }
}

/// `maps:find(Key, Map)`: `{ok, Value}` or `error`.
fn find_2(p: &mut Process, a: &[Term]) -> BifResult {
    let m = need_map(p, a[1])?;
    match map::get(m, a[0]) {
        Some(v) => Ok(build::tuple(&mut p.heap, &[Term::atom(atom::OK), v])),
        None => Ok(Term::atom(atom::ERROR)),
    }
}

/// `maps:get(Key, Map)`.
fn get_2(p: &mut Process, a: &[Term]) -> BifResult {
    let m = need_map(p, a[1])?;
    match map::get(m, a[0]) {
        Some(v) => Ok(v),
        None => Err(badkey(p, a[0])),
    }
}

/// `maps:from_list([{K, V}])`: later pairs win.
fn from_list_1(p: &mut Process, a: &[Term]) -> BifResult {
    let mut pairs = Vec::new();
    let mut l = a[0];
    while let Some((h, t)) = l.as_cons() {
        match h.as_tuple() {
            Some(&[k, v]) => pairs.push((k, v)),
            _ => return Err(badarg()),
        }
        l = t;
    }
    if !l.is_nil() {
        return Err(badarg());
    }
    Ok(map::from_pairs(&mut p.heap, pairs))
}

/// `maps:from_keys(Keys, Value)`.
fn from_keys_2(p: &mut Process, a: &[Term]) -> BifResult {
    let keys = build::list_to_vec(a[0]).ok_or_else(badarg)?;
    let pairs = keys.into_iter().map(|k| (k, a[1])).collect();
    Ok(map::from_pairs(&mut p.heap, pairs))
}

/// `maps:is_key(Key, Map)`.
fn is_key_2(p: &mut Process, a: &[Term]) -> BifResult {
    let m = need_map(p, a[1])?;
    Ok(Term::bool(map::contains(m, a[0])))
}

/// `maps:keys(Map)`, in BEAM's `maps:to_list/1` order.
fn keys_1(p: &mut Process, a: &[Term]) -> BifResult {
    let m = need_map(p, a[0])?;
    let keys: Vec<Term> = map::iter(m).map(|(k, _)| k).collect();
    Ok(build::list(&mut p.heap, &keys))
}

/// `maps:values(Map)`, in the same order as `keys/1`.
fn values_1(p: &mut Process, a: &[Term]) -> BifResult {
    let m = need_map(p, a[0])?;
    let values: Vec<Term> = map::iter(m).map(|(_, v)| v).collect();
    Ok(build::list(&mut p.heap, &values))
}

/// `maps:merge(Map1, Map2)`: the keys of both, `Map2`'s values winning.
fn merge_2(p: &mut Process, a: &[Term]) -> BifResult {
    let m1 = need_map(p, a[0])?;
    // A map merged with itself is itself, the same term, as on BEAM (`erts_debug:same/2`
    // tells; OTP's maps_SUITE checks it).
    if a[0].raw() == a[1].raw() {
        return Ok(m1);
    }
    let m2 = need_map(p, a[1])?;
    if map::size(m2) == 0 {
        return Ok(m1);
    }
    if map::size(m1) == 0 {
        return Ok(m2);
    }
    let pairs: Vec<(Term, Term)> = map::iter_next_order(m2).collect();
    Ok(map::put_many(&mut p.heap, m1, &pairs))
}

/// `maps:put(Key, Value, Map)`.
fn put_3(p: &mut Process, a: &[Term]) -> BifResult {
    let m = need_map(p, a[2])?;
    Ok(map::put(&mut p.heap, m, a[0], a[1]))
}

/// `maps:remove(Key, Map)`.
fn remove_2(p: &mut Process, a: &[Term]) -> BifResult {
    let m = need_map(p, a[1])?;
    Ok(map::remove(&mut p.heap, m, a[0]))
}

/// `maps:take(Key, Map)`: `{Value, MapWithoutKey}` or `error`.
fn take_2(p: &mut Process, a: &[Term]) -> BifResult {
    let m = need_map(p, a[1])?;
    match map::take(&mut p.heap, m, a[0]) {
        Some((v, rest)) => Ok(build::tuple(&mut p.heap, &[v, rest])),
        None => Ok(Term::atom(atom::ERROR)),
    }
}

/// `maps:update(Key, Value, Map)`: the key must exist.
fn update_3(p: &mut Process, a: &[Term]) -> BifResult {
    let m = need_map(p, a[2])?;
    match map::update(&mut p.heap, m, a[0], a[1]) {
        Some(r) => Ok(r),
        None => Err(badkey(p, a[0])),
    }
}

pub const BIFS: &[BifEntry] = &[
    bif!("maps", "find", 2, find_2),
    bif!("maps", "get", 2, get_2),
    bif!("maps", "from_list", 1, from_list_1),
    bif!("maps", "from_keys", 2, from_keys_2),
    bif!("maps", "is_key", 2, is_key_2),
    bif!("maps", "keys", 1, keys_1),
    bif!("maps", "merge", 2, merge_2),
    bif!("maps", "put", 3, put_3),
    bif!("maps", "remove", 2, remove_2),
    bif!("maps", "take", 2, take_2),
    bif!("maps", "update", 3, update_3),
    bif!("maps", "values", 1, values_1),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::exception::Exception;

    fn proc() -> Process {
        crate::test_util::test_process()
    }

    fn reason(r: BifResult) -> Option<Term> {
        match r {
            Err(Fault::Raise(Exception { reason, .. })) => Some(reason),
            _ => None,
        }
    }

    fn pairs(p: &mut Process, kvs: &[(i64, i64)]) -> Term {
        let ts: Vec<Term> = kvs
            .iter()
            .map(|&(k, v)| build::tuple(&mut p.heap, &[Term::small(k), Term::small(v)]))
            .collect();
        build::list(&mut p.heap, &ts)
    }

    #[test]
    fn basic_operations_and_errors() {
        let mut p = proc();
        let l = pairs(&mut p, &[(1, 10), (2, 20), (1, 11)]);
        let m = from_list_1(&mut p, &[l]).ok().unwrap_or(Term::NIL);
        assert_eq!(map::size(m), 2);
        assert_eq!(
            get_2(&mut p, &[Term::small(1), m]).ok(),
            Some(Term::small(11))
        );
        let r = reason(get_2(&mut p, &[Term::small(3), m]))
            .and_then(|t| t.as_tuple().map(|e| e.to_vec()));
        assert_eq!(r, Some(vec![Term::atom(atom::BADKEY), Term::small(3)]));
        let r = reason(keys_1(&mut p, &[Term::NIL])).and_then(|t| t.as_tuple().map(|e| e.to_vec()));
        assert_eq!(r, Some(vec![Term::atom(atom::BADMAP), Term::NIL]));
        let bad = build::list(&mut p.heap, &[Term::atom(atom::OK)]);
        assert_eq!(
            reason(from_list_1(&mut p, &[bad])),
            Some(Term::atom(atom::BADARG))
        );
        let keys = keys_1(&mut p, &[m]).ok().unwrap_or(Term::NIL);
        assert_eq!(
            build::list_to_vec(keys),
            Some(vec![Term::small(1), Term::small(2)])
        );
        assert_eq!(
            take_2(&mut p, &[Term::small(5), m]).ok(),
            Some(Term::atom(atom::ERROR))
        );
        let m2 = put_3(&mut p, &[Term::small(5), Term::small(50), m])
            .ok()
            .unwrap_or(Term::NIL);
        let merged = merge_2(&mut p, &[m, m2]).ok().unwrap_or(Term::NIL);
        assert_eq!(map::size(merged), 3);
        assert_eq!(
            is_key_2(&mut p, &[Term::small(5), merged]).ok(),
            Some(Term::TRUE)
        );
    }

    #[test]
    fn large_maps_round_trip() {
        let mut p = proc();
        let kvs: Vec<(i64, i64)> = (0..200).map(|i| (i, i * 2)).collect();
        let l = pairs(&mut p, &kvs);
        let m = from_list_1(&mut p, &[l]).ok().unwrap_or(Term::NIL);
        assert_eq!(map::size(m), 200);
        let vals = values_1(&mut p, &[m])
            .ok()
            .and_then(build::list_to_vec)
            .unwrap_or_default();
        assert_eq!(vals.len(), 200);
        let m = remove_2(&mut p, &[Term::small(7), m])
            .ok()
            .unwrap_or(Term::NIL);
        assert_eq!(
            find_2(&mut p, &[Term::small(7), m]).ok(),
            Some(Term::atom(atom::ERROR))
        );
        let m = update_3(&mut p, &[Term::small(8), Term::NIL, m])
            .ok()
            .unwrap_or(Term::NIL);
        assert_eq!(map::get(m, Term::small(8)), Some(Term::NIL));
    }
}
