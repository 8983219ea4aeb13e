//! Map instructions: `put_map_assoc`, `put_map_exact` and lookups for `get_map_elements` /
//! `has_map_fields`, on top of the term crate's map representation.

use enigma_term::{atom, map, Term, TermAlloc};

use crate::emulator::exception::{error_tuple, Exception};

/// The value under `key`, if `m` is a map that has it.
#[inline]
pub fn get(m: Term, key: Term) -> Option<Term> {
    map::get(m, key)
}

/// `M#{K => V, ...}`: `{badmap, M}` if `m` is not a map.
pub fn put_assoc(
    heap: &mut dyn TermAlloc,
    m: Term,
    pairs: &[(Term, Term)],
) -> Result<Term, Exception> {
    if !m.is_map() {
        return Err(error_tuple(heap, atom::BADMAP, m));
    }
    Ok(match pairs {
        [(k, v)] => map::put(heap, m, *k, *v),
        _ => map::put_many(heap, m, pairs),
    })
}

/// `M#{K := V, ...}`: `{badmap, M}` if `m` is not a map, `{badkey, K}` for a missing key.
pub fn put_exact(
    heap: &mut dyn TermAlloc,
    m: Term,
    pairs: &[(Term, Term)],
) -> Result<Term, Exception> {
    if !m.is_map() {
        return Err(error_tuple(heap, atom::BADMAP, m));
    }
    if let Some(t) = put_exact_flat(heap, m, pairs)? {
        return Ok(t);
    }
    let mut cur = m;
    for (k, v) in pairs {
        match map::update(heap, cur, *k, *v) {
            Some(n) => cur = n,
            None => return Err(error_tuple(heap, atom::BADKEY, *k)),
        }
    }
    Ok(cur)
}

/// `put_exact` on a flat map: one new map sharing the keys tuple, whatever the number of
/// updated keys (`Ok(None)` for a HAMT map).
fn put_exact_flat(
    heap: &mut dyn TermAlloc,
    m: Term,
    pairs: &[(Term, Term)],
) -> Result<Option<Term>, Exception> {
    if !map::is_flat(m) {
        return Ok(None);
    }
    let Some(keys_tuple) = map::keys_tuple(m) else {
        return Ok(None);
    };
    let keys = keys_tuple.as_tuple().unwrap_or(&[]);
    // Flat map payload: [size word, keys tuple, values...].
    let mut values: Vec<Term> = m.boxed_payload().get(2..).unwrap_or(&[]).to_vec();
    for (k, v) in pairs {
        match keys
            .iter()
            .position(|key| *key == *k || enigma_term::compare::eq(*key, *k))
        {
            Some(i) if i < values.len() => values[i] = *v,
            _ => return Err(error_tuple(heap, atom::BADKEY, *k)),
        }
    }
    Ok(map::flat_with_keys(heap, keys_tuple, &values))
}
