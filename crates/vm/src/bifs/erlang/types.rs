//! Type tests and term comparison of the `erlang` module, as functions: `is_atom/1` ...
//! `is_tuple/1`, `is_function/2`, `is_record/2,3`, the map accessors that guards use
//! (`map_size/1`, `map_get/2`, `is_map_key/2`), `node/1`, `size/1`, and the comparison
//! and boolean operators (`'=='/2` ... `'not'/1`) for `apply` and `fun erlang:'=='/2`.
//! The emulator has its own instructions for the same tests in compiled code; these are
//! the BIF forms, with BEAM's errors.

use core::cmp::Ordering;

use enigma_term::atom;
use enigma_term::compare::{compare, eq};
use enigma_term::{boxed, integer, map, Term};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, error_tuple, BifResult, Fault};
use crate::process::Process;

// ---- type tests ----

fn is_atom_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_atom()))
}

fn is_binary_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_binary()))
}

fn is_bitstring_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_bitstring()))
}

fn is_boolean_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_boolean()))
}

fn is_float_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_float()))
}

fn is_function_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_fun()))
}

/// The arity a fun is called with (free variables not counted).
pub fn fun_arity(f: Term) -> Option<u32> {
    if !f.is_boxed() {
        return None;
    }
    match f.header().subtag() {
        boxed::FUN => Some(f.fun_entry().arity),
        boxed::EXPORT => Some(f.export_entry().arity),
        _ => None,
    }
}

/// `is_function(F, Arity)`: a negative or non-integer arity is `badarg`; a positive bignum
/// cannot match.
fn is_function_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let arity = if let Some(n) = a[1].as_small() {
        if n < 0 {
            return Err(badarg());
        }
        n
    } else if a[1].is_bignum() && a[1].header().subtag() == boxed::POS_BIG {
        -1
    } else {
        return Err(badarg());
    };
    Ok(Term::bool(
        fun_arity(a[0]).is_some_and(|fa| i64::from(fa) == arity),
    ))
}

fn is_integer_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_integer()))
}

fn is_list_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_list()))
}

fn is_map_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_map()))
}

fn is_number_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_number()))
}

fn is_pid_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_pid()))
}

fn is_port_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_port()))
}

fn is_reference_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_ref()))
}

fn is_tuple_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].is_tuple()))
}

/// `is_record(Term, Tag)`: the tag must be an atom.
fn is_record_2(_p: &mut Process, a: &[Term]) -> BifResult {
    if !a[1].is_atom() {
        return Err(badarg());
    }
    Ok(Term::bool(
        a[0].as_tuple()
            .and_then(|t| t.first())
            .is_some_and(|&first| first == a[1]),
    ))
}

/// `is_record(Term, Tag, Size)`: the tag must be an atom and the size a small integer.
fn is_record_3(_p: &mut Process, a: &[Term]) -> BifResult {
    let size = a[2]
        .as_small()
        .filter(|_| a[1].is_atom())
        .ok_or_else(badarg)?;
    let ok = a[0]
        .as_tuple()
        .is_some_and(|t| t.len() as i64 == size && t.first().is_some_and(|&first| first == a[1]));
    Ok(Term::bool(ok))
}

// ---- maps, sizes, nodes ----

fn badmap(p: &mut Process, m: Term) -> Fault {
    Fault::Raise(error_tuple(&mut p.heap, atom::BADMAP, m))
}

fn map_size_1(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_map() {
        return Err(badmap(p, a[0]));
    }
    Ok(integer::from_u64(&mut p.heap, map::size(a[0]) as u64))
}

/// `map_get(Key, Map)`.
fn map_get_2(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[1].is_map() {
        return Err(badmap(p, a[1]));
    }
    match map::get(a[1], a[0]) {
        Some(v) => Ok(v),
        None => Err(Fault::Raise(error_tuple(&mut p.heap, atom::BADKEY, a[0]))),
    }
}

/// `is_map_key(Key, Map)`.
fn is_map_key_2(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[1].is_map() {
        return Err(badmap(p, a[1]));
    }
    Ok(Term::bool(map::contains(a[1], a[0])))
}

/// `node(Pid | Port | Ref)`: `nonode@nohost` for local ones; an external one carries its
/// node atom in its first word.
fn node_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let t = a[0];
    if t.is_local_pid() || t.is_local_port() || (t.is_boxed() && t.header().subtag() == boxed::REF)
    {
        return Ok(Term::atom(atom::NONODE_NOHOST));
    }
    if t.is_boxed()
        && matches!(
            t.header().subtag(),
            boxed::EXTERNAL_PID | boxed::EXTERNAL_PORT | boxed::EXTERNAL_REF
        )
        && t.header().arity() >= 1
    {
        let node = Term::from_raw(t.boxed_word(1));
        if node.is_atom() {
            return Ok(node);
        }
    }
    Err(badarg())
}

/// `size(Tuple | Binary)`: a tuple's arity, or a bitstring's whole bytes.
fn size_1(p: &mut Process, a: &[Term]) -> BifResult {
    if let Some(t) = a[0].as_tuple() {
        return Ok(Term::small(t.len() as i64));
    }
    match a[0].as_bits() {
        Some(b) => Ok(integer::from_u64(&mut p.heap, b.byte_size() as u64)),
        None => Err(badarg()),
    }
}

// ---- comparison and boolean operators ----

fn eqeq_2(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(compare(a[0], a[1], false) == Ordering::Equal))
}

fn neq_2(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(compare(a[0], a[1], false) != Ordering::Equal))
}

fn exact_eq_2(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(eq(a[0], a[1])))
}

fn exact_neq_2(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(!eq(a[0], a[1])))
}

fn lt_2(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(compare(a[0], a[1], false) == Ordering::Less))
}

fn gt_2(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(compare(a[0], a[1], false) == Ordering::Greater))
}

fn le_2(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(compare(a[0], a[1], false) != Ordering::Greater))
}

fn ge_2(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(compare(a[0], a[1], false) != Ordering::Less))
}

/// A boolean argument, or `badarg`.
fn boolean(t: Term) -> Result<bool, Fault> {
    match t.as_atom() {
        Some(atom::TRUE) => Ok(true),
        Some(atom::FALSE) => Ok(false),
        _ => Err(badarg()),
    }
}

fn and_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let (x, y) = (boolean(a[0])?, boolean(a[1])?);
    Ok(Term::bool(x && y))
}

fn or_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let (x, y) = (boolean(a[0])?, boolean(a[1])?);
    Ok(Term::bool(x || y))
}

fn xor_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let (x, y) = (boolean(a[0])?, boolean(a[1])?);
    Ok(Term::bool(x != y))
}

fn not_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(!boolean(a[0])?))
}

pub const BIFS: &[BifEntry] = &[
    bif!("erlang", "is_atom", 1, is_atom_1),
    bif!("erlang", "is_binary", 1, is_binary_1),
    bif!("erlang", "is_bitstring", 1, is_bitstring_1),
    bif!("erlang", "is_boolean", 1, is_boolean_1),
    bif!("erlang", "is_float", 1, is_float_1),
    bif!("erlang", "is_function", 1, is_function_1),
    bif!("erlang", "is_function", 2, is_function_2),
    bif!("erlang", "is_integer", 1, is_integer_1),
    bif!("erlang", "is_list", 1, is_list_1),
    bif!("erlang", "is_map", 1, is_map_1),
    bif!("erlang", "is_number", 1, is_number_1),
    bif!("erlang", "is_pid", 1, is_pid_1),
    bif!("erlang", "is_port", 1, is_port_1),
    bif!("erlang", "is_record", 2, is_record_2),
    bif!("erlang", "is_record", 3, is_record_3),
    bif!("erlang", "is_reference", 1, is_reference_1),
    bif!("erlang", "is_tuple", 1, is_tuple_1),
    bif!("erlang", "map_size", 1, map_size_1),
    bif!("erlang", "map_get", 2, map_get_2),
    bif!("erlang", "is_map_key", 2, is_map_key_2),
    bif!("erlang", "node", 1, node_1),
    bif!("erlang", "size", 1, size_1),
    bif!("erlang", "==", 2, eqeq_2),
    bif!("erlang", "/=", 2, neq_2),
    bif!("erlang", "=:=", 2, exact_eq_2),
    bif!("erlang", "=/=", 2, exact_neq_2),
    bif!("erlang", "<", 2, lt_2),
    bif!("erlang", ">", 2, gt_2),
    bif!("erlang", "=<", 2, le_2),
    bif!("erlang", ">=", 2, ge_2),
    bif!("erlang", "and", 2, and_2),
    bif!("erlang", "or", 2, or_2),
    bif!("erlang", "xor", 2, xor_2),
    bif!("erlang", "not", 1, not_1),
];

#[cfg(test)]
mod tests {
    use super::*;

    use enigma_term::build;

    fn proc() -> Process {
        crate::test_util::test_process()
    }

    #[test]
    fn records_and_function_arities() {
        let mut p = proc();
        let ok = Term::atom(atom::OK);
        let t = build::tuple(&mut p.heap, &[ok, Term::small(1)]);
        assert_eq!(is_record_2(&mut p, &[t, ok]).ok(), Some(Term::TRUE));
        assert!(is_record_2(&mut p, &[t, Term::small(1)]).is_err());
        assert_eq!(
            is_record_3(&mut p, &[t, ok, Term::small(2)]).ok(),
            Some(Term::TRUE)
        );
        assert_eq!(
            is_record_3(&mut p, &[ok, ok, Term::small(2)]).ok(),
            Some(Term::FALSE)
        );
        assert!(is_record_3(&mut p, &[t, ok, Term::NIL]).is_err());
        assert!(is_function_2(&mut p, &[ok, Term::small(-1)]).is_err());
        assert_eq!(
            is_function_2(&mut p, &[ok, Term::small(0)]).ok(),
            Some(Term::FALSE)
        );
        let e = crate::code::export_entry(atom::ERLANG, atom::APPLY, 2);
        let f = build::export_fun(&mut p.heap, e);
        assert_eq!(
            is_function_2(&mut p, &[f, Term::small(2)]).ok(),
            Some(Term::TRUE)
        );
        let big = enigma_term::integer::from_i128(&mut p.heap, 1 << 80);
        assert_eq!(is_function_2(&mut p, &[f, big]).ok(), Some(Term::FALSE));
    }

    #[test]
    fn maps_and_booleans_raise_as_beam() {
        let mut p = proc();
        let ok = Term::atom(atom::OK);
        let m = map::from_pairs(&mut p.heap, vec![(ok, Term::small(1))]);
        assert_eq!(map_get_2(&mut p, &[ok, m]).ok(), Some(Term::small(1)));
        let badkey = map_get_2(&mut p, &[Term::NIL, m]);
        assert!(
            matches!(badkey, Err(Fault::Raise(e)) if e.reason.as_tuple().is_some_and(|t| t[0] == Term::atom(atom::BADKEY)))
        );
        let badmap = is_map_key_2(&mut p, &[ok, ok]);
        assert!(
            matches!(badmap, Err(Fault::Raise(e)) if e.reason.as_tuple().is_some_and(|t| t[0] == Term::atom(atom::BADMAP)))
        );
        assert!(and_2(&mut p, &[Term::TRUE, Term::small(1)]).is_err());
        assert_eq!(
            xor_2(&mut p, &[Term::TRUE, Term::FALSE]).ok(),
            Some(Term::TRUE)
        );
        assert!(not_1(&mut p, &[ok]).is_err());
        let whole = build::binary(&mut p.heap, &[1, 2]);
        let bits = build::sub_binary(&mut p.heap, whole, 0, 12);
        assert_eq!(size_1(&mut p, &[bits]).ok(), Some(Term::small(1)));
    }
}
