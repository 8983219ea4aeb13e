//! Erlang term order and equality, as BEAM 25 defines them.
//!
//! Types order as `number < atom < reference < fun < port < pid < tuple < map < [] < list <
//! bitstring`. Within a type:
//!
//! - numbers by value (`1 == 1.0`), exactly, including bignums against floats; `0.0` and
//!   `-0.0` are equal, also under `=:=` (OTP 25 compares floats with C's `==`). Under exact
//!   comparison (`=:=`, map keys) every integer sorts before every float.
//! - atoms by their UTF-8 name bytes, which is code-point order.
//! - references by their numbers, most significant first; pids and ports by serial, then
//!   number.
//! - funs: closures before export funs; closures by module, lambda index, old unique value,
//!   free-variable count, then the free variables; export funs by module, name, arity.
//! - tuples by size, then elementwise.
//! - maps by size, then by their keys in exact term order (the smallest key present in only
//!   one map decides: that map is the smaller), then by their values in key order.
//! - lists elementwise, a proper prefix first; bitstrings bitwise, a prefix first.
//!
//! Both [`compare`] and [`eq`] walk terms with an explicit work stack, so a million-element
//! list or a deeply nested tuple costs heap, never Rust stack. The one exception is the key
//! sorting of HAMT maps (more than 32 keys), which compares keys with a fresh call: Rust
//! stack depth grows only with the nesting of such maps inside each other's keys.
//!
//! External pids, ports and references have no fixed layout yet (`boxed.rs` gives only the
//! node atom in word 1): they compare by node name, then by their remaining words, and after
//! their local counterparts.

use crate::boxed;
use crate::map::{self, Node};
use crate::term::{Kind, Term};
use core::cmp::Ordering;
use num_bigint::BigInt;
use num_traits::FromPrimitive;

/// Work still to do: a pair of terms, or the rest of two equally long term arrays. Each
/// carries its own exactness, because comparing maps switches to exact for the keys.
enum Work<'a> {
    Pair(Term, Term, bool),
    Elems(&'a [Term], &'a [Term], bool),
}

/// Compares two terms in Erlang term order. With `exact` integers and floats never compare
/// equal (`=:=`, `=/=`, map keys; integers sort first); without it they compare by value
/// (`==`, `<`, `lists:sort/1`).
pub fn compare(a: Term, b: Term, exact: bool) -> Ordering {
    let mut stack: Vec<Work<'_>> = Vec::new();
    let mut next = Some((a, b, exact));
    loop {
        if let Some((x, y, ex)) = next.take() {
            let o = step(x, y, ex, &mut stack);
            if o != Ordering::Equal {
                return o;
            }
        }
        match stack.pop() {
            None => return Ordering::Equal,
            Some(Work::Pair(x, y, ex)) => next = Some((x, y, ex)),
            Some(Work::Elems(xs, ys, ex)) => {
                if let (Some((x, xr)), Some((y, yr))) = (xs.split_first(), ys.split_first()) {
                    if !xr.is_empty() && !yr.is_empty() {
                        stack.push(Work::Elems(xr, yr, ex));
                    }
                    next = Some((*x, *y, ex));
                }
            }
        }
    }
}

/// `A == B`: equal by value (`1 == 1.0`).
pub fn equal(a: Term, b: Term) -> bool {
    compare(a, b, false) == Ordering::Equal
}

/// Position of a term's type in the order `number < atom < reference < fun < port < pid <
/// tuple < map < [] < list < bitstring`.
fn rank(k: Kind) -> u8 {
    match k {
        Kind::Small | Kind::Big | Kind::Float => 0,
        Kind::Atom => 1,
        Kind::Ref => 2,
        Kind::Fun => 3,
        Kind::Port => 4,
        Kind::Pid => 5,
        Kind::Tuple => 6,
        Kind::Map => 7,
        Kind::Nil => 8,
        Kind::Cons => 9,
        Kind::Binary => 10,
        Kind::MatchContext => 11,
        Kind::Other => 12,
    }
}

/// Compares the outer layer of `a` and `b`, pushing any inner pairs still to compare.
fn step<'a>(a: Term, b: Term, exact: bool, stack: &mut Vec<Work<'a>>) -> Ordering {
    if a.raw() == b.raw() {
        return Ordering::Equal;
    }
    if a.is_small() && b.is_small() {
        return a.small_value().cmp(&b.small_value());
    }
    let (ka, kb) = (a.kind(), b.kind());
    let (ra, rb) = (rank(ka), rank(kb));
    if ra != rb {
        return ra.cmp(&rb);
    }
    match ka {
        Kind::Small | Kind::Big | Kind::Float => compare_numbers(a, b, exact),
        Kind::Atom => a.atom_value().name().cmp(b.atom_value().name()),
        Kind::Ref => compare_refs(a, b),
        Kind::Fun => compare_funs(a, b, exact, stack),
        Kind::Port => match (a.as_local_port(), b.as_local_port()) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => compare_external(a, b),
        },
        Kind::Pid => match (a.as_local_pid(), b.as_local_pid()) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => compare_external(a, b),
        },
        Kind::Tuple => {
            let (xs, ys) = (a.boxed_payload(), b.boxed_payload());
            if xs.len() != ys.len() {
                return xs.len().cmp(&ys.len());
            }
            if !xs.is_empty() {
                stack.push(Work::Elems(xs, ys, exact));
            }
            Ordering::Equal
        }
        Kind::Map => compare_maps(a, b, exact, stack),
        Kind::Cons => {
            stack.push(Work::Pair(a.tail(), b.tail(), exact));
            stack.push(Work::Pair(a.head(), b.head(), exact));
            Ordering::Equal
        }
        Kind::Binary => compare_bits(a, b),
        Kind::Nil | Kind::MatchContext | Kind::Other => a.raw().cmp(&b.raw()),
    }
}

// ---- numbers ----

fn float_cmp(x: f64, y: f64) -> Ordering {
    if x < y {
        Ordering::Less
    } else if x == y {
        Ordering::Equal
    } else {
        Ordering::Greater
    }
}

fn compare_numbers(a: Term, b: Term, exact: bool) -> Ordering {
    match (a.as_float(), b.as_float()) {
        (Some(x), Some(y)) => float_cmp(x, y),
        (None, None) => compare_ints(a, b),
        (Some(_), None) if exact => Ordering::Greater,
        (None, Some(_)) if exact => Ordering::Less,
        (Some(x), None) => compare_int_float(b, x).reverse(),
        (None, Some(y)) => compare_int_float(a, y),
    }
}

/// An integer's sign and magnitude, without allocating.
struct IntParts<'a> {
    /// -1, 0 or 1.
    sign: i8,
    /// The magnitude of a small integer.
    small: u64,
    /// The magnitude's digits of a bignum, least significant first (empty for smalls).
    digits: &'a [Term],
}

impl<'a> IntParts<'a> {
    fn of(t: Term) -> IntParts<'a> {
        if let Some(v) = t.as_small() {
            return IntParts {
                sign: v.signum() as i8,
                small: v.unsigned_abs(),
                digits: &[],
            };
        }
        let payload: &'a [Term] = t.boxed_payload();
        let used = payload
            .iter()
            .rposition(|d| d.raw() != 0)
            .map_or(0, |i| i + 1);
        let digits = payload.get(..used).unwrap_or(&[]);
        let sign = if digits.is_empty() {
            0
        } else if t.header().subtag() == boxed::NEG_BIG {
            -1
        } else {
            1
        };
        IntParts {
            sign,
            small: 0,
            digits,
        }
    }

    fn len(&self) -> usize {
        if self.digits.is_empty() {
            usize::from(self.small != 0)
        } else {
            self.digits.len()
        }
    }

    fn digit(&self, i: usize) -> u64 {
        if self.digits.is_empty() {
            if i == 0 {
                self.small
            } else {
                0
            }
        } else {
            self.digits.get(i).map_or(0, |d| d.raw())
        }
    }
}

fn compare_ints(a: Term, b: Term) -> Ordering {
    let (x, y) = (IntParts::of(a), IntParts::of(b));
    if x.sign != y.sign {
        return x.sign.cmp(&y.sign);
    }
    let magnitude = x.len().cmp(&y.len()).then_with(|| {
        (0..x.len())
            .rev()
            .map(|i| x.digit(i).cmp(&y.digit(i)))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    });
    if x.sign < 0 {
        magnitude.reverse()
    } else {
        magnitude
    }
}

/// 2^63 as a float: every float at or beyond it in magnitude is outside `i64`.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

/// Compares an integer with a float by exact value.
fn compare_int_float(i: Term, f: f64) -> Ordering {
    let whole = f.trunc();
    let frac = f - whole;
    let by_whole = if let Some(v) = i.as_small() {
        if whole >= TWO_POW_63 {
            Ordering::Less
        } else if whole <= -TWO_POW_63 {
            Ordering::Greater
        } else {
            v.cmp(&(whole as i64))
        }
    } else {
        match (i.as_bigint(), BigInt::from_f64(whole)) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => float_cmp(0.0, f),
        }
    };
    by_whole.then_with(|| float_cmp(0.0, frac))
}

// ---- identifiers ----

fn compare_refs(a: Term, b: Term) -> Ordering {
    let local = |t: Term| t.header().subtag() == boxed::REF;
    if local(a) && local(b) {
        let (x, y) = (a.ref_numbers(), b.ref_numbers());
        return (x[2], x[1], x[0]).cmp(&(y[2], y[1], y[0]));
    }
    compare_external(a, b)
}

/// Orders external pids, ports and references (word 1 the node atom, then data words) after
/// local ones of the same type.
fn compare_external(a: Term, b: Term) -> Ordering {
    let words = |t: Term| -> &[Term] {
        if t.is_boxed() {
            t.boxed_payload()
        } else {
            &[]
        }
    };
    let (is_ext_a, is_ext_b) = (
        a.is_boxed() && a.header().subtag() != boxed::REF,
        b.is_boxed() && b.header().subtag() != boxed::REF,
    );
    match (is_ext_a, is_ext_b) {
        (false, true) => return Ordering::Less,
        (true, false) => return Ordering::Greater,
        (false, false) => return a.raw().cmp(&b.raw()),
        (true, true) => {}
    }
    let (xs, ys) = (words(a), words(b));
    let node_name = |ws: &[Term]| {
        ws.first()
            .and_then(|w| w.as_atom())
            .map_or("", |n| n.name())
    };
    let (rx, ry) = (xs.get(1..).unwrap_or(&[]), ys.get(1..).unwrap_or(&[]));
    node_name(xs)
        .cmp(node_name(ys))
        .then_with(|| rx.iter().map(|w| w.raw()).cmp(ry.iter().map(|w| w.raw())))
}

fn compare_funs<'a>(a: Term, b: Term, exact: bool, stack: &mut Vec<Work<'a>>) -> Ordering {
    let closure = |t: Term| t.header().subtag() == boxed::FUN;
    match (closure(a), closure(b)) {
        (true, true) => {
            let (fa, fb) = (a.fun_entry(), b.fun_entry());
            let (ea, eb): (&'a [Term], &'a [Term]) = (a.fun_env(), b.fun_env());
            let o = fa
                .module
                .name()
                .cmp(fb.module.name())
                .then((fa.index as i32).cmp(&(fb.index as i32)))
                .then((fa.old_uniq as i32).cmp(&(fb.old_uniq as i32)))
                .then(ea.len().cmp(&eb.len()));
            if o.is_eq() && !ea.is_empty() {
                stack.push(Work::Elems(ea, eb, exact));
            }
            o
        }
        (false, false) => {
            let (xa, xb) = (a.export_entry(), b.export_entry());
            xa.module
                .name()
                .cmp(xb.module.name())
                .then(xa.function.name().cmp(xb.function.name()))
                .then(xa.arity.cmp(&xb.arity))
        }
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
    }
}

// ---- bitstrings ----

/// Compares two bitstrings bit by bit; when one is a prefix of the other, the shorter first.
fn compare_bits(a: Term, b: Term) -> Ordering {
    let (Some(x), Some(y)) = (a.as_bits(), b.as_bits()) else {
        return a.raw().cmp(&b.raw());
    };
    let common = x.bit_size.min(y.bit_size);
    let whole = common / 8;
    let bytes = if x.bit_offset.is_multiple_of(8) && y.bit_offset.is_multiple_of(8) {
        let (sx, sy) = (x.bit_offset / 8, y.bit_offset / 8);
        match (x.bytes.get(sx..sx + whole), y.bytes.get(sy..sy + whole)) {
            (Some(p), Some(q)) => p.cmp(q),
            _ => Ordering::Equal,
        }
    } else {
        (0..whole)
            .map(|i| x.byte_at(i).cmp(&y.byte_at(i)))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    };
    bytes
        .then_with(|| {
            let rest = common % 8;
            if rest == 0 {
                return Ordering::Equal;
            }
            let mask = !(0xFFu8 >> rest);
            (x.byte_at(whole) & mask).cmp(&(y.byte_at(whole) & mask))
        })
        .then(x.bit_size.cmp(&y.bit_size))
}

// ---- maps ----

fn compare_maps<'a>(a: Term, b: Term, exact: bool, stack: &mut Vec<Work<'a>>) -> Ordering {
    let (na, nb) = (map::size(a), map::size(b));
    if na != nb {
        return na.cmp(&nb);
    }
    if let (
        Some(Node::Flat {
            keys_tuple: ka,
            values: va,
            ..
        }),
        Some(Node::Flat {
            keys_tuple: kb,
            values: vb,
            ..
        }),
    ) = (map::node(a), map::node(b))
    {
        if !va.is_empty() {
            stack.push(Work::Elems(va, vb, exact));
        }
        stack.push(Work::Pair(ka, kb, true));
        return Ordering::Equal;
    }
    // HAMTs: sort both maps' pairs by key, then compare keys and values in that order.
    let sorted = |m: Term| {
        let mut pairs: Vec<(Term, Term)> = map::iter(m).collect();
        sort_by(&mut pairs, |x, y| compare(x.0, y.0, true));
        pairs
    };
    let (pa, pb) = (sorted(a), sorted(b));
    for (x, y) in pa.iter().zip(&pb) {
        let o = compare(x.0, y.0, true);
        if o.is_ne() {
            return o;
        }
    }
    for (x, y) in pa.iter().zip(&pb).rev() {
        stack.push(Work::Pair(x.1, y.1, exact));
    }
    Ordering::Equal
}

// ---- exact equality ----

/// `A =:= B`: the same term (`1 =:= 1.0` is false; `0.0 =:= -0.0` is true in OTP 25).
pub fn eq(a: Term, b: Term) -> bool {
    if a.raw() == b.raw() {
        return true;
    }
    if a.is_immediate() || b.is_immediate() {
        return false;
    }
    let mut stack: Vec<Work<'_>> = Vec::new();
    let mut next = Some((a, b));
    loop {
        if let Some((x, y)) = next.take() {
            if !eq_step(x, y, &mut stack) {
                return false;
            }
        }
        match stack.pop() {
            None => return true,
            Some(Work::Pair(x, y, _)) => next = Some((x, y)),
            Some(Work::Elems(xs, ys, _)) => {
                if let (Some((x, xr)), Some((y, yr))) = (xs.split_first(), ys.split_first()) {
                    if !xr.is_empty() && !yr.is_empty() {
                        stack.push(Work::Elems(xr, yr, true));
                    }
                    next = Some((*x, *y));
                }
            }
        }
    }
}

/// Checks the outer layer of `a =:= b`, pushing inner pairs still to check.
fn eq_step<'a>(a: Term, b: Term, stack: &mut Vec<Work<'a>>) -> bool {
    if a.raw() == b.raw() {
        return true;
    }
    if a.is_immediate() || b.is_immediate() {
        return false;
    }
    if a.is_cons() {
        if !b.is_cons() {
            return false;
        }
        stack.push(Work::Pair(a.tail(), b.tail(), true));
        stack.push(Work::Pair(a.head(), b.head(), true));
        return true;
    }
    if !a.is_boxed() || !b.is_boxed() {
        return false;
    }
    let (ha, hb) = (a.header(), b.header());
    let push_elems = |stack: &mut Vec<Work<'a>>, xs: &'a [Term], ys: &'a [Term]| {
        if xs.len() != ys.len() {
            return false;
        }
        if !xs.is_empty() {
            stack.push(Work::Elems(xs, ys, true));
        }
        true
    };
    match ha.subtag() {
        boxed::TUPLE => ha == hb && push_elems(stack, a.boxed_payload(), b.boxed_payload()),
        boxed::FLOAT => matches!((a.as_float(), b.as_float()), (Some(x), Some(y)) if x == y),
        boxed::POS_BIG | boxed::NEG_BIG => ha == hb && a.boxed_payload() == b.boxed_payload(),
        boxed::REF => hb.subtag() == boxed::REF && a.ref_numbers() == b.ref_numbers(),
        boxed::FUN => {
            if hb.subtag() != boxed::FUN {
                return false;
            }
            let (fa, fb) = (a.fun_entry(), b.fun_entry());
            let same_entry = core::ptr::eq(fa, fb)
                || (fa.module == fb.module && fa.index == fb.index && fa.old_uniq == fb.old_uniq);
            same_entry && push_elems(stack, a.fun_env(), b.fun_env())
        }
        boxed::EXPORT => {
            if hb.subtag() != boxed::EXPORT {
                return false;
            }
            let (xa, xb) = (a.export_entry(), b.export_entry());
            core::ptr::eq(xa, xb)
                || (xa.module == xb.module && xa.function == xb.function && xa.arity == xb.arity)
        }
        boxed::HEAP_BIN | boxed::REFC_BIN | boxed::SUB_BIN => {
            b.is_bitstring()
                && matches!((a.as_bits(), b.as_bits()), (Some(x), Some(y)) if x.bit_size == y.bit_size)
                && compare_bits(a, b).is_eq()
        }
        boxed::MAP => match (map::node(a), map::node(b)) {
            (
                Some(Node::Flat {
                    keys_tuple: ka,
                    values: va,
                    ..
                }),
                Some(Node::Flat {
                    keys_tuple: kb,
                    values: vb,
                    ..
                }),
            ) => {
                if !push_elems(stack, va, vb) {
                    return false;
                }
                stack.push(Work::Pair(ka, kb, true));
                true
            }
            (
                Some(Node::Head {
                    size: sa,
                    bitmap: ba,
                    children: ca,
                }),
                Some(Node::Head {
                    size: sb,
                    bitmap: bb,
                    children: cb,
                }),
            ) => sa == sb && ba == bb && push_elems(stack, ca, cb),
            (
                Some(Node::Inner {
                    bitmap: ba,
                    children: ca,
                }),
                Some(Node::Inner {
                    bitmap: bb,
                    children: cb,
                }),
            ) => ba == bb && push_elems(stack, ca, cb),
            _ => false,
        },
        boxed::EXTERNAL_PID | boxed::EXTERNAL_PORT | boxed::EXTERNAL_REF => {
            ha == hb
                && a.boxed_payload()
                    .iter()
                    .map(|w| w.raw())
                    .eq(b.boxed_payload().iter().map(|w| w.raw()))
        }
        _ => false,
    }
}

// ---- sorting ----

/// Sorts `v` stably by `cmp` (a merge sort that never panics, whatever `cmp` answers).
pub fn sort_by<T: Copy>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    if n < 2 {
        return;
    }
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut src: Vec<T> = v.to_vec();
    let mut dst: Vec<T> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        dst.clear();
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (left, right) = (
                src.get(start..mid).unwrap_or(&[]),
                src.get(mid..end).unwrap_or(&[]),
            );
            let (mut i, mut j) = (0, 0);
            while let (Some(l), Some(r)) = (left.get(i), right.get(j)) {
                if cmp(l, r) == Ordering::Greater {
                    dst.push(*r);
                    j += 1;
                } else {
                    dst.push(*l);
                    i += 1;
                }
            }
            dst.extend_from_slice(left.get(i..).unwrap_or(&[]));
            dst.extend_from_slice(right.get(j..).unwrap_or(&[]));
            start = end;
        }
        core::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    v.copy_from_slice(&src);
}

/// Sorts terms in term order (`lists:sort/1` when `exact` is false).
pub fn sort(v: &mut [Term], exact: bool) {
    sort_by(v, |a, b| compare(*a, *b, exact));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alloc::VecAlloc;
    use crate::atom::Atom;
    use crate::boxed::{Export, FunEntry};
    use crate::build;
    use crate::hash::testing::term;
    use std::sync::atomic::AtomicUsize;

    /// Printed by `erl` (OTP 25): a list of terms; for each pair `A < B`, `A == B` or `A > B`
    /// as `<`, `=`, `>` (one row per `A`); then `A =:= B` as `1`/`0`; then the list shuffled
    /// and `lists:sort/1` of the shuffled list; then the keys of a flat map with mixed
    /// numeric keys (exact order: integers before floats).
    const ORACLE: &str = r##"
[0,1,-1,1.0,-1.0,0.0,-0.0,2,1.5,576460752303423487,576460752303423488,-576460752303423488,-576460752303423489,5.764607523034235e17,18446744073709551616,1.8446744073709552e19,18446744073709551617,-18446744073709551616,-1.8446744073709552e19,9007199254740993,9.007199254740992e15,89884656743115795386465259539451236680898848947115328636715040578866337902750481566354238661203768010560056939935696678829394884407208311246423715319737062188883946712432742638151109800623047059726541476042502884419075341171231440736956555270413618581675255342293149119973622969239858152417678164812112068608,1.0e308,13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376,-13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376,9.007199254740992e15,a,b,'',aa,'B',\x{E9},\x{E4},'\x{3A9}',z,#Ref<0.1.2.3>,#Ref<0.1.2.4>,#Ref<0.2.1.3>,#Ref<0.1.0.9>,#Port<0.5>,#Port<0.40>,<0.5.0>,<0.6.0>,<0.4.1>,{},{a},{1,2},{1,2.0},{1,3},{2},{0,0,0},{[]},#{},#{a => 1},#{b => 0},#{a => 2},#{1 => a},#{1.0 => a},#{a => 1,b => 2},#{a => 1,c => 0},#{a => 1.0,b => 2},#{1 => 1,2 => 2},#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,1 => 1,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33},#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,34 => 34,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33},#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,1 => 1,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 0},#{16 => 16,18 => 18,5 => 5.0,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,1 => 1,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33},#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,1.0 => 1.0,17 => 17,3 => 3,8 => 8,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33},[],[1],[1,2],[1|2],[2],[1.0],[a,b],[[]],[97,98,99],[97,98,100],[97,98],<<>>,<<1>>,<<1,2>>,<<2>>,<<1:1>>,<<0:1>>,<<1:7>>,<<128>>,<<3:2>>,<<1,2:3>>,<<255,1>>]
=<><>==<<<<>><<<<>><<<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>=>=>>><<<<>><<<<>><<<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
<<=<=<<<<<<>><<<<>><<<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>=>=>>><<<<>><<<<>><<<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
<<=<=<<<<<<>><<<<>><<<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
=<><>==<<<<>><<<<>><<<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
=<><>==<<<<>><<<<>><<<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>=><<>><<<<>><<<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>><=<<>><<<<>><<<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>=<>><<<<>>>><<<>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>=>>=<<<>>>><<<>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
<<<<<<<<<<<=><<<<>><<<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
<<<<<<<<<<<<=<<<<>><<<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>=>>=<<<>>>><<<>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>==<>>>><<<>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>==<>>>><<<>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>=>>>><<<>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
<<<<<<<<<<<<<<<<<==<<<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
<<<<<<<<<<<<<<<<<==<<<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>><<>><<<<>>=><<<>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>><<>><<<<>><=<<<>=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>=<<>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>=<>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>=>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
<<<<<<<<<<<<<<<<<<<<<<<<=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>><<>><<<<>><=<<<>=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>=<><><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>=>>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>><<=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>><>=><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>><<><=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=><><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><=<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<<=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<<=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<<><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>==<><><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>==<><><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=><><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<<<=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<<><=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=>>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><=>><<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<<=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<<>=<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<=><<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=>><<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<=><<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<<=<<<<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<>=<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=>><<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<=<<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<>=<<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<<<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<><=<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=><><<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<=<<<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=><<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<><=<<<<<<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<>>><<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=>>><<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<=<><<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<>=><<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<<<=<<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<<<<<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<<><<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<<><<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<>><<><
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=>><<><
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<<<=<<<<<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<>=<<><
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=<><
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=><
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>><<><<<=<
>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>=
10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
01000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
00100000000000000000000000000000000000000000000000000000000000000000000000000000000000000
00010000000000000000000000000000000000000000000000000000000000000000000000000000000000000
00001000000000000000000000000000000000000000000000000000000000000000000000000000000000000
00000110000000000000000000000000000000000000000000000000000000000000000000000000000000000
00000110000000000000000000000000000000000000000000000000000000000000000000000000000000000
00000001000000000000000000000000000000000000000000000000000000000000000000000000000000000
00000000100000000000000000000000000000000000000000000000000000000000000000000000000000000
00000000010000000000000000000000000000000000000000000000000000000000000000000000000000000
00000000001000000000000000000000000000000000000000000000000000000000000000000000000000000
00000000000100000000000000000000000000000000000000000000000000000000000000000000000000000
00000000000010000000000000000000000000000000000000000000000000000000000000000000000000000
00000000000001000000000000000000000000000000000000000000000000000000000000000000000000000
00000000000000100000000000000000000000000000000000000000000000000000000000000000000000000
00000000000000010000000000000000000000000000000000000000000000000000000000000000000000000
00000000000000001000000000000000000000000000000000000000000000000000000000000000000000000
00000000000000000100000000000000000000000000000000000000000000000000000000000000000000000
00000000000000000010000000000000000000000000000000000000000000000000000000000000000000000
00000000000000000001000000000000000000000000000000000000000000000000000000000000000000000
00000000000000000000100001000000000000000000000000000000000000000000000000000000000000000
00000000000000000000010000000000000000000000000000000000000000000000000000000000000000000
00000000000000000000001000000000000000000000000000000000000000000000000000000000000000000
00000000000000000000000100000000000000000000000000000000000000000000000000000000000000000
00000000000000000000000010000000000000000000000000000000000000000000000000000000000000000
00000000000000000000100001000000000000000000000000000000000000000000000000000000000000000
00000000000000000000000000100000000000000000000000000000000000000000000000000000000000000
00000000000000000000000000010000000000000000000000000000000000000000000000000000000000000
00000000000000000000000000001000000000000000000000000000000000000000000000000000000000000
00000000000000000000000000000100000000000000000000000000000000000000000000000000000000000
00000000000000000000000000000010000000000000000000000000000000000000000000000000000000000
00000000000000000000000000000001000000000000000000000000000000000000000000000000000000000
00000000000000000000000000000000100000000000000000000000000000000000000000000000000000000
00000000000000000000000000000000010000000000000000000000000000000000000000000000000000000
00000000000000000000000000000000001000000000000000000000000000000000000000000000000000000
00000000000000000000000000000000000100000000000000000000000000000000000000000000000000000
00000000000000000000000000000000000010000000000000000000000000000000000000000000000000000
00000000000000000000000000000000000001000000000000000000000000000000000000000000000000000
00000000000000000000000000000000000000100000000000000000000000000000000000000000000000000
00000000000000000000000000000000000000010000000000000000000000000000000000000000000000000
00000000000000000000000000000000000000001000000000000000000000000000000000000000000000000
00000000000000000000000000000000000000000100000000000000000000000000000000000000000000000
00000000000000000000000000000000000000000010000000000000000000000000000000000000000000000
00000000000000000000000000000000000000000001000000000000000000000000000000000000000000000
00000000000000000000000000000000000000000000100000000000000000000000000000000000000000000
00000000000000000000000000000000000000000000010000000000000000000000000000000000000000000
00000000000000000000000000000000000000000000001000000000000000000000000000000000000000000
00000000000000000000000000000000000000000000000100000000000000000000000000000000000000000
00000000000000000000000000000000000000000000000010000000000000000000000000000000000000000
00000000000000000000000000000000000000000000000001000000000000000000000000000000000000000
00000000000000000000000000000000000000000000000000100000000000000000000000000000000000000
00000000000000000000000000000000000000000000000000010000000000000000000000000000000000000
00000000000000000000000000000000000000000000000000001000000000000000000000000000000000000
00000000000000000000000000000000000000000000000000000100000000000000000000000000000000000
00000000000000000000000000000000000000000000000000000010000000000000000000000000000000000
00000000000000000000000000000000000000000000000000000001000000000000000000000000000000000
00000000000000000000000000000000000000000000000000000000100000000000000000000000000000000
00000000000000000000000000000000000000000000000000000000010000000000000000000000000000000
00000000000000000000000000000000000000000000000000000000001000000000000000000000000000000
00000000000000000000000000000000000000000000000000000000000100000000000000000000000000000
00000000000000000000000000000000000000000000000000000000000010000000000000000000000000000
00000000000000000000000000000000000000000000000000000000000001000000000000000000000000000
00000000000000000000000000000000000000000000000000000000000000100000000000000000000000000
00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000
00000000000000000000000000000000000000000000000000000000000000001000000000000000000000000
00000000000000000000000000000000000000000000000000000000000000000100000000000000000000000
00000000000000000000000000000000000000000000000000000000000000000010000000000000000000000
00000000000000000000000000000000000000000000000000000000000000000001000000000000000000000
00000000000000000000000000000000000000000000000000000000000000000000100000000000000000000
00000000000000000000000000000000000000000000000000000000000000000000010000000000000000000
00000000000000000000000000000000000000000000000000000000000000000000001000000000000000000
00000000000000000000000000000000000000000000000000000000000000000000000100000000000000000
00000000000000000000000000000000000000000000000000000000000000000000000010000000000000000
00000000000000000000000000000000000000000000000000000000000000000000000001000000000000000
00000000000000000000000000000000000000000000000000000000000000000000000000100000000000000
00000000000000000000000000000000000000000000000000000000000000000000000000010000000000000
00000000000000000000000000000000000000000000000000000000000000000000000000001000000000000
00000000000000000000000000000000000000000000000000000000000000000000000000000100000000000
00000000000000000000000000000000000000000000000000000000000000000000000000000010000000000
00000000000000000000000000000000000000000000000000000000000000000000000000000001000000000
00000000000000000000000000000000000000000000000000000000000000000000000000000000100000000
00000000000000000000000000000000000000000000000000000000000000000000000000000000010000000
00000000000000000000000000000000000000000000000000000000000000000000000000000000001000000
00000000000000000000000000000000000000000000000000000000000000000000000000000000000100000
00000000000000000000000000000000000000000000000000000000000000000000000000000000000010000
00000000000000000000000000000000000000000000000000000000000000000000000000000000000001000
00000000000000000000000000000000000000000000000000000000000000000000000000000000000000100
00000000000000000000000000000000000000000000000000000000000000000000000000000000000000010
00000000000000000000000000000000000000000000000000000000000000000000000000000000000000001
[<<2>>,0.0,{1,2},'',<0.4.1>,1.8446744073709552e19,9007199254740993,-13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376,18446744073709551617,-0.0,<<1:1>>,#{16 => 16,18 => 18,5 => 5.0,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,1 => 1,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33},#Ref<0.2.1.3>,<<255,1>>,#{1 => a},9.007199254740992e15,#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,34 => 34,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33},#Ref<0.1.2.4>,#{a => 1.0,b => 2},18446744073709551616,-1.0,<<1,2:3>>,#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,1.0 => 1.0,17 => 17,3 => 3,8 => 8,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33},13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376,[97,98],89884656743115795386465259539451236680898848947115328636715040578866337902750481566354238661203768010560056939935696678829394884407208311246423715319737062188883946712432742638151109800623047059726541476042502884419075341171231440736956555270413618581675255342293149119973622969239858152417678164812112068608,5.764607523034235e17,{a},<<128>>,1.0e308,#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,1 => 1,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33},[2],[97,98,100],<<>>,#Ref<0.1.2.3>,#{b => 0},-18446744073709551616,-576460752303423489,{[]},#{},{2},-1,<<3:2>>,{},{0,0,0},'B',#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,1 => 1,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 0},1.5,[97,98,99],[1.0],0,a,<0.6.0>,[1,2],<<1>>,#{a => 1},576460752303423487,<<1,2>>,-576460752303423488,aa,{1,2.0},-1.8446744073709552e19,[1],#{a => 1,b => 2},#Port<0.5>,#{1 => 1,2 => 2},[],\x{E9},'\x{3A9}',#Port<0.40>,z,\x{E4},#{a => 1,c => 0},1.0,b,9.007199254740992e15,[1|2],576460752303423488,#{a => 2},2,{1,3},<<0:1>>,<<1:7>>,#{1.0 => a},#Ref<0.1.0.9>,[a,b],1,<0.5.0>,[[]]]
[-13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376,-1.8446744073709552e19,-18446744073709551616,-576460752303423489,-576460752303423488,-1,-1.0,0,-0.0,0.0,1,1.0,1.5,2,9.007199254740992e15,9.007199254740992e15,9007199254740993,576460752303423487,576460752303423488,5.764607523034235e17,18446744073709551616,1.8446744073709552e19,18446744073709551617,89884656743115795386465259539451236680898848947115328636715040578866337902750481566354238661203768010560056939935696678829394884407208311246423715319737062188883946712432742638151109800623047059726541476042502884419075341171231440736956555270413618581675255342293149119973622969239858152417678164812112068608,1.0e308,13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376,'','B',a,aa,b,z,\x{E4},\x{E9},'\x{3A9}',#Ref<0.1.0.9>,#Ref<0.1.2.3>,#Ref<0.1.2.4>,#Ref<0.2.1.3>,#Port<0.5>,#Port<0.40>,<0.5.0>,<0.6.0>,<0.4.1>,{},{2},{a},{[]},{1,2.0},{1,2},{1,3},{0,0,0},#{},#{1 => a},#{1.0 => a},#{a => 1},#{a => 2},#{b => 0},#{1 => 1,2 => 2},#{a => 1,b => 2},#{a => 1.0,b => 2},#{a => 1,c => 0},#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,1 => 1,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 0},#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,1 => 1,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33},#{16 => 16,18 => 18,5 => 5.0,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,1 => 1,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33},#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,34 => 34,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33},#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,1.0 => 1.0,17 => 17,3 => 3,8 => 8,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33},[],[1|2],[1],[1.0],[1,2],[2],[97,98],[97,98,99],[97,98,100],[a,b],[[]],<<>>,<<0:1>>,<<1>>,<<1,2>>,<<1,2:3>>,<<1:7>>,<<2>>,<<1:1>>,<<128>>,<<3:2>>,<<255,1>>]
[-1180591620717411303424,-1,1,2,1180591620717411303424,-1.0,-0.0,0.5,1.0,1.0e30,a,{},[],<<>>]
"##;

    #[test]
    fn order_and_equality_match_beam_pairwise() {
        let mut heap = VecAlloc::new();
        let lines: Vec<&str> = ORACLE.lines().filter(|l| !l.is_empty()).collect();
        let terms = build::list_to_vec(term(&mut heap, lines[0])).unwrap();
        let n = terms.len();
        let mut failures = Vec::new();
        for (i, a) in terms.iter().enumerate() {
            let order_row = lines[1 + i].as_bytes();
            let eq_row = lines[1 + n + i].as_bytes();
            for (j, b) in terms.iter().enumerate() {
                let want = match order_row[j] {
                    b'<' => Ordering::Less,
                    b'=' => Ordering::Equal,
                    _ => Ordering::Greater,
                };
                if compare(*a, *b, false) != want {
                    failures.push(format!(
                        "compare #{i} #{j}: got {:?}, erl {want:?}",
                        compare(*a, *b, false)
                    ));
                }
                if eq(*a, *b) != (eq_row[j] == b'1') {
                    failures.push(format!("eq #{i} #{j}: erl {}", eq_row[j] as char));
                }
                if (compare(*a, *b, true) == Ordering::Equal) != (eq_row[j] == b'1') {
                    failures.push(format!(
                        "exact compare #{i} #{j}: erl {}",
                        eq_row[j] as char
                    ));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} mismatches:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn lists_sort_and_exact_key_order_match_beam() {
        let mut heap = VecAlloc::new();
        let lines: Vec<&str> = ORACLE.lines().filter(|l| !l.is_empty()).collect();
        let n = build::list_to_vec(term(&mut heap, lines[0])).unwrap().len();
        let mut shuffled = build::list_to_vec(term(&mut heap, lines[1 + 2 * n])).unwrap();
        let sorted = build::list_to_vec(term(&mut heap, lines[2 + 2 * n])).unwrap();
        sort(&mut shuffled, false);
        assert_eq!(shuffled.len(), sorted.len());
        for (i, (x, y)) in shuffled.iter().zip(&sorted).enumerate() {
            // lists:sort/1 (Erlang code) does not keep equal elements in input order, so
            // only compare up to `==`.
            assert!(equal(*x, *y), "position {i}");
        }
        let mut keys = build::list_to_vec(term(&mut heap, lines[3 + 2 * n])).unwrap();
        let expected = keys.clone();
        keys.reverse();
        sort(&mut keys, true);
        assert!(keys.iter().zip(&expected).all(|(x, y)| eq(*x, *y)));
    }

    fn fun_entry(module: &str, index: u32, old_uniq: u32) -> &'static FunEntry {
        Box::leak(Box::new(FunEntry {
            module: Atom::intern(module).unwrap(),
            function: Atom::intern("-f/0-fun-0-").unwrap(),
            arity: 0,
            num_free: 1,
            index,
            old_uniq,
            new_uniq: [0; 16],
            old_index: index,
            code: AtomicUsize::new(0),
        }))
    }

    #[test]
    fn funs_order_as_on_beam() {
        // erl: lists:sort([fun lists:map/2, fun erlang:abs/1, fun() -> ok end,
        // fun lists:filter/2, fun lists:map/3]) puts the closure first, then the export
        // funs by module, name and arity.
        let mut heap = VecAlloc::new();
        let export = |m: &str, f: &str, a: u32| -> &'static Export {
            Box::leak(Box::new(Export {
                module: Atom::intern(m).unwrap(),
                function: Atom::intern(f).unwrap(),
                arity: a,
                code: AtomicUsize::new(0),
            }))
        };
        let map2 = build::export_fun(&mut heap, export("lists", "map", 2));
        let map2_again = build::export_fun(&mut heap, export("lists", "map", 2));
        let abs1 = build::export_fun(&mut heap, export("erlang", "abs", 1));
        let filter2 = build::export_fun(&mut heap, export("lists", "filter", 2));
        let map3 = build::export_fun(&mut heap, export("lists", "map", 3));
        let e = fun_entry("zz", 0, 5);
        let closure = build::fun(&mut heap, e, Term::pid(1), &[Term::small(1)]);
        let closure_same = build::fun(&mut heap, e, Term::pid(2), &[Term::small(1)]);
        let closure_other_env = build::fun(&mut heap, e, Term::pid(1), &[Term::small(2)]);
        let closure_next_index = build::fun(
            &mut heap,
            fun_entry("zz", 1, 5),
            Term::pid(1),
            &[Term::small(0)],
        );
        let closure_a = build::fun(
            &mut heap,
            fun_entry("aa", 9, 9),
            Term::pid(1),
            &[Term::small(0)],
        );
        let mut all = vec![map2, abs1, closure, filter2, map3];
        sort(&mut all, false);
        assert_eq!(
            all.iter().map(|t| t.raw()).collect::<Vec<_>>(),
            [closure, abs1, filter2, map2, map3].map(|t| t.raw())
        );
        assert!(eq(map2, map2_again));
        assert!(eq(closure, closure_same));
        assert!(!eq(closure, closure_other_env));
        assert_eq!(compare(closure, closure_other_env, false), Ordering::Less);
        assert_eq!(compare(closure, closure_next_index, false), Ordering::Less);
        assert_eq!(compare(closure_a, closure, false), Ordering::Less);
        // Funs sort after references and before ports.
        let r = build::reference(&mut heap, [1, 2, 3]);
        assert_eq!(compare(r, closure, false), Ordering::Less);
        assert_eq!(compare(map3, Term::port(1), false), Ordering::Less);
    }

    #[test]
    fn unicode_atoms_order_by_code_point() {
        let a = |s: &str| Term::atom(Atom::intern(s).unwrap());
        // 'z' < 'ä' (U+E4) < 'é' (U+E9) < 'Ω' (U+3A9) < '日' (U+65E5), and a prefix first.
        let mut v = vec![a("日"), a("é"), a("Ω"), a("ä"), a("z"), a("ab"), a("a")];
        sort(&mut v, false);
        let names: Vec<&str> = v.iter().map(|t| t.atom_value().name()).collect();
        assert_eq!(names, ["a", "ab", "z", "ä", "é", "Ω", "日"]);
    }

    #[test]
    fn unaligned_bitstrings_compare_by_their_bits() {
        let mut heap = VecAlloc::new();
        let data = [0b1010_1010u8, 0b1100_1100, 0b1111_0000];
        let base = build::binary(&mut heap, &data);
        let shifted = build::sub_binary(&mut heap, base, 1, 15);
        let same_bits = term(&mut heap, "<<85,76:7>>");
        assert!(eq(shifted, same_bits));
        assert_eq!(compare(shifted, same_bits, false), Ordering::Equal);
        let longer = build::sub_binary(&mut heap, base, 1, 16);
        assert_eq!(compare(shifted, longer, false), Ordering::Less);
        assert!(!eq(shifted, longer));
    }

    #[test]
    fn long_and_deep_terms_do_not_use_the_rust_stack() {
        let mut heap = VecAlloc::new();
        let elems: Vec<Term> = (0..1_000_000).map(Term::small).collect();
        let a = build::list(&mut heap, &elems);
        let b = build::list(&mut heap, &elems);
        let mut c_elems = elems.clone();
        c_elems[999_999] = Term::small(-1);
        let c = build::list(&mut heap, &c_elems);
        assert!(eq(a, b));
        assert_eq!(compare(a, b, false), Ordering::Equal);
        assert_eq!(compare(c, a, false), Ordering::Less);
        let (mut x, mut y) = (Term::NIL, Term::NIL);
        for _ in 0..300_000 {
            x = build::tuple(&mut heap, &[x, Term::small(1)]);
            y = build::tuple(&mut heap, &[y, Term::small(1)]);
            x = build::cons(&mut heap, x, Term::NIL);
            y = build::cons(&mut heap, y, Term::NIL);
        }
        assert!(eq(x, y));
        assert_eq!(compare(x, y, true), Ordering::Equal);
        let z = build::tuple(&mut heap, &[x, Term::small(2)]);
        let w = build::tuple(&mut heap, &[y, Term::small(1)]);
        assert_eq!(compare(z, w, false), Ordering::Greater);
    }

    #[test]
    fn sort_by_is_stable() {
        let mut v: Vec<(u32, u32)> = (0..100).map(|i| (i % 7, i)).collect();
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert!(v
            .windows(2)
            .all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
        // A comparator that is not an order must not panic.
        let mut w: Vec<u32> = (0..50).collect();
        sort_by(&mut w, |_, _| Ordering::Less);
        assert_eq!(w.len(), 50);
    }
}
