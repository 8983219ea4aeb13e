//! Arithmetic BIFs of the `erlang` module: the operators (`'+'/2` ... `'bsr'/2`, `'-'/1`,
//! `bnot/1`), which the compiler emits as `gc_bif` instructions, and the numeric guard BIFs
//! (`abs/1`, `float/1`, `round/1`, `trunc/1`, `ceil/1`, `floor/1`) plus `max/2`, `min/2`.
//!
//! Every operator starts with a branch-light fast path for two small integers: their values
//! have 60 bits, so `+` and `-` cannot overflow an `i64`, and the result is a small again
//! unless it crosses the 60-bit range. Everything else (bignums, floats, mixed, errors) goes
//! to out-of-line slow paths. Semantics are BEAM's: integer results are exact and bounded by
//! BEAM's bignum limit (`system_limit` above it), float results must be finite (`badarith`
//! otherwise), and a bignum that does not fit a float is `badarith` in arithmetic and
//! `badarg` in `float/1`.

use core::cmp::Ordering;

use enigma_term::compare;
use enigma_term::integer;
use enigma_term::tag::{IMMED1_MASK, IMMED1_SMALL, MAX_SMALL, MIN_SMALL};
use enigma_term::{build, Term, TermAlloc};
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, badarith, system_limit, BifResult};
use crate::process::Process;

/// BEAM's largest bignum, in 64-bit digits (`BIG_ARITY_MAX`, 2^19 - 1): an integer whose
/// magnitude needs more raises `system_limit`. So `1 bsl 33554367` works and
/// `1 bsl 33554368` does not, as on `erl`.
pub const MAX_BIG_WORDS: u64 = (1 << 19) - 1;

/// Largest magnitude of an integer, in bits ([`MAX_BIG_WORDS`] digits of 64 bits).
pub const MAX_INT_BITS: u64 = MAX_BIG_WORDS * 64;

/// Both terms are small integers: one test on the two tag fields.
#[inline(always)]
fn both_small(a: Term, b: Term) -> bool {
    a.raw() & b.raw() & IMMED1_MASK == IMMED1_SMALL
}

/// A small integer term for a value already known to lie in the small range.
#[inline(always)]
fn small_in_range(v: i64) -> bool {
    (MIN_SMALL..=MAX_SMALL).contains(&v)
}

/// A number read out of a term, for the slow paths.
enum Num {
    Small(i64),
    Big(BigInt),
    Float(f64),
}

fn num(t: Term) -> Option<Num> {
    if t.is_small() {
        return Some(Num::Small(t.small_value()));
    }
    if let Some(f) = t.as_float() {
        return Some(Num::Float(f));
    }
    if t.is_bignum() {
        return t.as_bigint().map(Num::Big);
    }
    None
}

impl Num {
    fn to_f64(&self) -> Option<f64> {
        match self {
            Num::Small(v) => Some(*v as f64),
            Num::Big(b) => bigint_to_f64(b),
            Num::Float(f) => Some(*f),
        }
    }

    fn into_bigint(self) -> Option<BigInt> {
        match self {
            Num::Small(v) => Some(BigInt::from(v)),
            Num::Big(b) => Some(b),
            Num::Float(_) => None,
        }
    }

    fn is_float(&self) -> bool {
        matches!(self, Num::Float(_))
    }
}

/// Both operands, when both are integers that fit an `i128` (read without allocating):
/// the slow paths first try `i128` arithmetic, and go to the bignum library only for
/// floats, errors, overflow and really big numbers.
#[inline]
fn both_i128(a: Term, b: Term) -> Option<(i128, i128)> {
    Some((a.as_i128()?, b.as_i128()?))
}

/// An integer read out of a term (small or big), for the bitwise and integer-division slow
/// paths; `None` for anything else.
fn int(t: Term) -> Option<BigInt> {
    if t.is_integer() {
        t.as_bigint()
    } else {
        None
    }
}

/// BEAM's bignum-to-double conversion (`big_to_double`): fold the 64-bit digits from the
/// most significant one, `d = d * 2^64 + digit`, each step rounded; `None` once the value
/// is not finite. This is not always the correctly rounded value, but it is BEAM's, which
/// `float/1`, mixed arithmetic and the `math` functions must reproduce bit for bit.
pub fn bigint_to_f64(b: &BigInt) -> Option<f64> {
    const BASE: f64 = 18_446_744_073_709_551_616.0; // 2^64
    let mut d = 0.0f64;
    for digit in b.magnitude().iter_u64_digits().rev() {
        d = d * BASE + digit as f64;
        if !d.is_finite() {
            return None;
        }
    }
    Some(if b.is_negative() { -d } else { d })
}

/// The value of a number term as BEAM converts it to a double (integers included); `None`
/// for non-numbers and for bignums beyond the float range.
pub fn number_to_f64(t: Term) -> Option<f64> {
    if t.is_small() {
        return Some(t.small_value() as f64);
    }
    if let Some(f) = t.as_float() {
        return Some(f);
    }
    if t.is_bignum() {
        return t.as_bigint().as_ref().and_then(bigint_to_f64);
    }
    None
}

/// An integer term for `v`, or `system_limit` if it exceeds BEAM's bignum size.
pub fn make_int(heap: &mut dyn TermAlloc, v: &BigInt) -> BifResult {
    if v.bits() > MAX_INT_BITS {
        return Err(system_limit());
    }
    Ok(integer::from_bigint(heap, v))
}

/// A float term, or `badarith` for a non-finite value.
#[inline]
fn make_float(heap: &mut dyn TermAlloc, f: f64) -> BifResult {
    if f.is_finite() {
        Ok(build::float(heap, f))
    } else {
        Err(badarith())
    }
}

/// The integer nearest-below/above/at a finite float, as a term (exact, bignum if needed).
fn float_to_int(heap: &mut dyn TermAlloc, f: f64) -> BifResult {
    if f.abs() < 9.0e18 {
        return Ok(integer::from_i64(heap, f as i64));
    }
    match BigInt::from_f64(f) {
        Some(b) => make_int(heap, &b),
        None => Err(badarg()),
    }
}

// ---- + - * ----

/// `A + B`.
#[inline]
pub fn add(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    if both_small(a, b) {
        let r = a.small_value() + b.small_value();
        if small_in_range(r) {
            return Ok(Term::small(r));
        }
        return Ok(integer::from_i64(heap, r));
    }
    add_slow(heap, a, b)
}

#[inline(never)]
fn add_slow(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    if let Some(r) = both_i128(a, b).and_then(|(x, y)| x.checked_add(y)) {
        return Ok(integer::from_i128(heap, r));
    }
    let (x, y) = (num(a).ok_or_else(badarith)?, num(b).ok_or_else(badarith)?);
    if x.is_float() || y.is_float() {
        let (fx, fy) = (
            x.to_f64().ok_or_else(badarith)?,
            y.to_f64().ok_or_else(badarith)?,
        );
        return make_float(heap, fx + fy);
    }
    let (bx, by) = (
        x.into_bigint().ok_or_else(badarith)?,
        y.into_bigint().ok_or_else(badarith)?,
    );
    make_int(heap, &(bx + by))
}

/// `A - B`.
#[inline]
pub fn sub(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    if both_small(a, b) {
        let r = a.small_value() - b.small_value();
        if small_in_range(r) {
            return Ok(Term::small(r));
        }
        return Ok(integer::from_i64(heap, r));
    }
    sub_slow(heap, a, b)
}

#[inline(never)]
fn sub_slow(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    if let Some(r) = both_i128(a, b).and_then(|(x, y)| x.checked_sub(y)) {
        return Ok(integer::from_i128(heap, r));
    }
    let (x, y) = (num(a).ok_or_else(badarith)?, num(b).ok_or_else(badarith)?);
    if x.is_float() || y.is_float() {
        let (fx, fy) = (
            x.to_f64().ok_or_else(badarith)?,
            y.to_f64().ok_or_else(badarith)?,
        );
        return make_float(heap, fx - fy);
    }
    let (bx, by) = (
        x.into_bigint().ok_or_else(badarith)?,
        y.into_bigint().ok_or_else(badarith)?,
    );
    make_int(heap, &(bx - by))
}

/// `A * B`.
#[inline]
pub fn mul(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    if both_small(a, b) {
        if let Some(r) = a.small_value().checked_mul(b.small_value()) {
            if small_in_range(r) {
                return Ok(Term::small(r));
            }
            return Ok(integer::from_i64(heap, r));
        }
        let r = i128::from(a.small_value()) * i128::from(b.small_value());
        return Ok(integer::from_i128(heap, r));
    }
    mul_slow(heap, a, b)
}

#[inline(never)]
fn mul_slow(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    if let Some(r) = both_i128(a, b).and_then(|(x, y)| x.checked_mul(y)) {
        return Ok(integer::from_i128(heap, r));
    }
    let (x, y) = (num(a).ok_or_else(badarith)?, num(b).ok_or_else(badarith)?);
    if x.is_float() || y.is_float() {
        let (fx, fy) = (
            x.to_f64().ok_or_else(badarith)?,
            y.to_f64().ok_or_else(badarith)?,
        );
        return make_float(heap, fx * fy);
    }
    let (bx, by) = (
        x.into_bigint().ok_or_else(badarith)?,
        y.into_bigint().ok_or_else(badarith)?,
    );
    if bx.is_zero() || by.is_zero() {
        return Ok(Term::small(0));
    }
    // The product has bits(x) + bits(y) or one bit less: refuse before computing a product
    // that is certainly too big (it could take gigabytes).
    if bx.bits() + by.bits() - 1 > MAX_INT_BITS {
        return Err(system_limit());
    }
    make_int(heap, &(bx * by))
}

// ---- / div rem ----

/// `A / B`: always a float; a zero divisor (integer or float) is `badarith`.
pub fn fdiv(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    let fx = number_to_f64(a).ok_or_else(badarith)?;
    let fy = number_to_f64(b).ok_or_else(badarith)?;
    if fy == 0.0 {
        return Err(badarith());
    }
    make_float(heap, fx / fy)
}

/// `A div B`: integer division truncating toward zero.
#[inline]
pub fn idiv(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    if both_small(a, b) {
        let (x, y) = (a.small_value(), b.small_value());
        if y == 0 {
            return Err(badarith());
        }
        // MIN_SMALL div -1 leaves the small range, never the i64 range.
        return Ok(integer::from_i64(heap, x / y));
    }
    idiv_slow(heap, a, b)
}

#[inline(never)]
fn idiv_slow(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    // `checked_div` is `None` for a zero divisor, which the general path rejects.
    if let Some(r) = both_i128(a, b).and_then(|(x, y)| x.checked_div(y)) {
        return Ok(integer::from_i128(heap, r));
    }
    let (x, y) = (int(a).ok_or_else(badarith)?, int(b).ok_or_else(badarith)?);
    if y.is_zero() {
        return Err(badarith());
    }
    make_int(heap, &(x / y))
}

/// `A rem B`: the remainder of `div`, with the sign of `A`.
#[inline]
pub fn irem(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    if both_small(a, b) {
        let (x, y) = (a.small_value(), b.small_value());
        if y == 0 {
            return Err(badarith());
        }
        return Ok(Term::small(x % y));
    }
    irem_slow(heap, a, b)
}

#[inline(never)]
fn irem_slow(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    if let Some(r) = both_i128(a, b).and_then(|(x, y)| x.checked_rem(y)) {
        return Ok(integer::from_i128(heap, r));
    }
    let (x, y) = (int(a).ok_or_else(badarith)?, int(b).ok_or_else(badarith)?);
    if y.is_zero() {
        return Err(badarith());
    }
    make_int(heap, &(x % y))
}

// ---- bitwise ----

/// `A band B`.
#[inline]
pub fn band(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    if both_small(a, b) {
        return Ok(Term::small(a.small_value() & b.small_value()));
    }
    bitwise_slow(heap, a, b, |x, y| x & y, |x, y| x & y)
}

/// `A bor B`.
#[inline]
pub fn bor(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    if both_small(a, b) {
        return Ok(Term::small(a.small_value() | b.small_value()));
    }
    bitwise_slow(heap, a, b, |x, y| x | y, |x, y| x | y)
}

/// `A bxor B`.
#[inline]
pub fn bxor(heap: &mut dyn TermAlloc, a: Term, b: Term) -> BifResult {
    if both_small(a, b) {
        return Ok(Term::small(a.small_value() ^ b.small_value()));
    }
    bitwise_slow(heap, a, b, |x, y| x ^ y, |x, y| x ^ y)
}

#[inline(never)]
fn bitwise_slow(
    heap: &mut dyn TermAlloc,
    a: Term,
    b: Term,
    op: fn(BigInt, BigInt) -> BigInt,
    op128: fn(i128, i128) -> i128,
) -> BifResult {
    // Two's complement on i128 agrees with Erlang's infinitely sign-extended integers.
    if let Some((x, y)) = both_i128(a, b) {
        return Ok(integer::from_i128(heap, op128(x, y)));
    }
    let (x, y) = (int(a).ok_or_else(badarith)?, int(b).ok_or_else(badarith)?);
    make_int(heap, &op(x, y))
}

/// `bnot A`.
pub fn bnot(heap: &mut dyn TermAlloc, a: Term) -> BifResult {
    if a.is_small() {
        return Ok(Term::small(!a.small_value()));
    }
    let x = int(a).ok_or_else(badarith)?;
    make_int(heap, &(-x - 1))
}

/// `A bsl B` (`right == false`) and `A bsr B` (`right == true`); a negative count shifts
/// the other way, and right shifts of negative numbers round toward minus infinity.
pub fn shift(heap: &mut dyn TermAlloc, a: Term, b: Term, right: bool) -> BifResult {
    if both_small(a, b) {
        let (v, n) = (a.small_value(), b.small_value());
        let left = if right { -n } else { n };
        if v == 0 || left == 0 {
            return Ok(a);
        }
        if left < 0 {
            // 60-bit values: shifting by 63 already gives 0 or -1.
            return Ok(Term::small(v >> (-left).min(63)));
        }
        if left < 63 {
            let r = v << left;
            if r >> left == v && small_in_range(r) {
                return Ok(Term::small(r));
            }
        }
    }
    shift_slow(heap, a, b, right)
}

#[inline(never)]
fn shift_slow(heap: &mut dyn TermAlloc, a: Term, b: Term, right: bool) -> BifResult {
    let x = int(a).ok_or_else(badarith)?;
    let n = int(b).ok_or_else(badarith)?;
    let n = if right { -n } else { n };
    if x.is_zero() {
        return Ok(Term::small(0));
    }
    match n.to_i64() {
        Some(0) => Ok(a),
        Some(left) if left > 0 => {
            let left = left as u64;
            if x.bits().saturating_add(left) > MAX_INT_BITS {
                return Err(system_limit());
            }
            make_int(heap, &(x << left))
        }
        Some(right_by) => {
            let by = right_by.unsigned_abs();
            if by >= x.bits() {
                return Ok(Term::small(if x.is_negative() { -1 } else { 0 }));
            }
            make_int(heap, &(x >> by))
        }
        // A shift count beyond i64: shifting left can only exceed the limit; shifting
        // right leaves the sign.
        None if n.is_positive() => Err(system_limit()),
        None => Ok(Term::small(if x.is_negative() { -1 } else { 0 })),
    }
}

// ---- unary ----

/// `-A`.
pub fn neg(heap: &mut dyn TermAlloc, a: Term) -> BifResult {
    if a.is_small() {
        return Ok(integer::from_i64(heap, -a.small_value()));
    }
    match num(a).ok_or_else(badarith)? {
        // `erts_unary_minus` flips the sign: -(0.0) is -0.0 (`-X` compiles to this BIF;
        // only the float-register `fnegate` instruction computes `0.0 - X`).
        Num::Float(f) => Ok(build::float(heap, -f)),
        Num::Big(b) => make_int(heap, &(-b)),
        Num::Small(v) => Ok(integer::from_i64(heap, -v)),
    }
}

/// `+A`: the number itself.
pub fn plus1(a: Term) -> BifResult {
    if a.is_number() {
        Ok(a)
    } else {
        Err(badarith())
    }
}

/// `abs(A)`.
pub fn abs(heap: &mut dyn TermAlloc, a: Term) -> BifResult {
    if a.is_small() {
        let v = a.small_value();
        return Ok(if v >= 0 {
            a
        } else {
            integer::from_i64(heap, -v)
        });
    }
    match num(a).ok_or_else(badarg)? {
        // As BEAM: only `f < 0.0` is negated, so `abs(-0.0)` stays `-0.0`.
        Num::Float(f) => Ok(if f < 0.0 { build::float(heap, -f) } else { a }),
        Num::Big(b) => Ok(if b.is_negative() {
            integer::from_bigint(heap, &(-b))
        } else {
            a
        }),
        Num::Small(_) => Ok(a),
    }
}

/// `float(A)`: `badarg` for non-numbers and bignums beyond the float range.
pub fn to_float(heap: &mut dyn TermAlloc, a: Term) -> BifResult {
    if a.is_float() {
        return Ok(a);
    }
    let f = number_to_f64(a).ok_or_else(badarg)?;
    Ok(build::float(heap, f))
}

/// `round/1`, `trunc/1`, `ceil/1`, `floor/1`: integers unchanged, floats through `op`.
fn float_round(heap: &mut dyn TermAlloc, a: Term, op: fn(f64) -> f64) -> BifResult {
    if a.is_integer() {
        return Ok(a);
    }
    let f = a.as_float().ok_or_else(badarg)?;
    float_to_int(heap, op(f))
}

/// `max(A, B)`: `B` only when `A < B` (so `max(1, 1.0)` is `1`).
pub fn max(a: Term, b: Term) -> Term {
    if compare::compare(a, b, false) == Ordering::Less {
        b
    } else {
        a
    }
}

/// `min(A, B)`: `B` only when `A > B`.
pub fn min(a: Term, b: Term) -> Term {
    if compare::compare(a, b, false) == Ordering::Greater {
        b
    } else {
        a
    }
}

// ---- the BIFs ----

fn plus_2(p: &mut Process, a: &[Term]) -> BifResult {
    add(&mut p.heap, a[0], a[1])
}

fn minus_2(p: &mut Process, a: &[Term]) -> BifResult {
    sub(&mut p.heap, a[0], a[1])
}

fn times_2(p: &mut Process, a: &[Term]) -> BifResult {
    mul(&mut p.heap, a[0], a[1])
}

fn div_float_2(p: &mut Process, a: &[Term]) -> BifResult {
    fdiv(&mut p.heap, a[0], a[1])
}

fn div_2(p: &mut Process, a: &[Term]) -> BifResult {
    idiv(&mut p.heap, a[0], a[1])
}

fn rem_2(p: &mut Process, a: &[Term]) -> BifResult {
    irem(&mut p.heap, a[0], a[1])
}

fn band_2(p: &mut Process, a: &[Term]) -> BifResult {
    band(&mut p.heap, a[0], a[1])
}

fn bor_2(p: &mut Process, a: &[Term]) -> BifResult {
    bor(&mut p.heap, a[0], a[1])
}

fn bxor_2(p: &mut Process, a: &[Term]) -> BifResult {
    bxor(&mut p.heap, a[0], a[1])
}

fn bsl_2(p: &mut Process, a: &[Term]) -> BifResult {
    shift(&mut p.heap, a[0], a[1], false)
}

fn bsr_2(p: &mut Process, a: &[Term]) -> BifResult {
    shift(&mut p.heap, a[0], a[1], true)
}

fn bnot_1(p: &mut Process, a: &[Term]) -> BifResult {
    bnot(&mut p.heap, a[0])
}

fn minus_1(p: &mut Process, a: &[Term]) -> BifResult {
    neg(&mut p.heap, a[0])
}

fn plus_1(_p: &mut Process, a: &[Term]) -> BifResult {
    plus1(a[0])
}

fn abs_1(p: &mut Process, a: &[Term]) -> BifResult {
    abs(&mut p.heap, a[0])
}

fn float_1(p: &mut Process, a: &[Term]) -> BifResult {
    to_float(&mut p.heap, a[0])
}

fn round_1(p: &mut Process, a: &[Term]) -> BifResult {
    float_round(&mut p.heap, a[0], f64::round)
}

fn trunc_1(p: &mut Process, a: &[Term]) -> BifResult {
    float_round(&mut p.heap, a[0], f64::trunc)
}

fn ceil_1(p: &mut Process, a: &[Term]) -> BifResult {
    float_round(&mut p.heap, a[0], f64::ceil)
}

fn floor_1(p: &mut Process, a: &[Term]) -> BifResult {
    float_round(&mut p.heap, a[0], f64::floor)
}

fn max_2(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(max(a[0], a[1]))
}

fn min_2(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(min(a[0], a[1]))
}

pub const BIFS: &[BifEntry] = &[
    bif!("erlang", "+", 2, plus_2),
    bif!("erlang", "-", 2, minus_2),
    bif!("erlang", "*", 2, times_2),
    bif!("erlang", "/", 2, div_float_2),
    bif!("erlang", "div", 2, div_2),
    bif!("erlang", "rem", 2, rem_2),
    bif!("erlang", "band", 2, band_2),
    bif!("erlang", "bor", 2, bor_2),
    bif!("erlang", "bxor", 2, bxor_2),
    bif!("erlang", "bsl", 2, bsl_2),
    bif!("erlang", "bsr", 2, bsr_2),
    bif!("erlang", "bnot", 1, bnot_1),
    bif!("erlang", "-", 1, minus_1),
    bif!("erlang", "+", 1, plus_1),
    bif!("erlang", "abs", 1, abs_1),
    bif!("erlang", "float", 1, float_1),
    bif!("erlang", "round", 1, round_1),
    bif!("erlang", "trunc", 1, trunc_1),
    bif!("erlang", "ceil", 1, ceil_1),
    bif!("erlang", "floor", 1, floor_1),
    bif!("erlang", "max", 2, max_2),
    bif!("erlang", "min", 2, min_2),
];

#[cfg(test)]
mod tests {
    use super::*;
    use enigma_term::VecAlloc;

    fn big(h: &mut VecAlloc, s: &str) -> Term {
        let v: BigInt = s.parse().unwrap_or_default();
        integer::from_bigint(h, &v)
    }

    fn show(t: BifResult) -> String {
        match t {
            Ok(t) => {
                if let Some(f) = t.as_float() {
                    format!("{f:?}")
                } else if let Some(b) = t.as_bigint() {
                    b.to_string()
                } else {
                    format!("{t:?}")
                }
            }
            Err(crate::emulator::exception::Fault::Raise(e)) => format!("error:{:?}", e.reason),
            Err(_) => "other".into(),
        }
    }

    #[test]
    fn small_fast_paths_overflow_into_bignums() {
        let h = &mut VecAlloc::new();
        let max = Term::small(MAX_SMALL);
        assert_eq!(show(add(h, max, Term::small(1))), "576460752303423488");
        assert_eq!(
            show(sub(h, Term::small(MIN_SMALL), Term::small(1))),
            "-576460752303423489"
        );
        assert_eq!(
            show(mul(h, max, max)),
            "332306998946228967073030260463239169"
        );
        assert_eq!(
            show(mul(h, Term::small(MIN_SMALL), Term::small(-1))),
            "576460752303423488"
        );
        assert_eq!(
            show(idiv(h, Term::small(MIN_SMALL), Term::small(-1))),
            "576460752303423488"
        );
        assert_eq!(show(neg(h, Term::small(MIN_SMALL))), "576460752303423488");
        assert_eq!(show(abs(h, Term::small(MIN_SMALL))), "576460752303423488");
        // And back: a bignum result that fits is a small.
        let b = add(h, max, Term::small(1)).unwrap_or(Term::NIL);
        let back = sub(h, b, Term::small(1)).unwrap_or(Term::NIL);
        assert_eq!(back, max);
    }

    #[test]
    fn division_and_remainder_follow_beam() {
        let h = &mut VecAlloc::new();
        assert_eq!(show(idiv(h, Term::small(-7), Term::small(2))), "-3");
        assert_eq!(show(irem(h, Term::small(-7), Term::small(2))), "-1");
        assert_eq!(show(irem(h, Term::small(7), Term::small(-2))), "1");
        assert_eq!(
            show(idiv(h, Term::small(1), Term::small(0))),
            "error:'badarith'"
        );
        let f0 = build::float(h, 0.0);
        assert_eq!(show(idiv(h, Term::small(5), f0)), "error:'badarith'");
        assert_eq!(
            show(fdiv(h, Term::small(1), Term::small(0))),
            "error:'badarith'"
        );
        let nz = build::float(h, -0.0);
        assert_eq!(show(fdiv(h, f0, nz)), "error:'badarith'");
        assert_eq!(show(fdiv(h, Term::small(1), Term::small(4))), "0.25");
        let b = big(h, "100000000000000000000000000");
        assert_eq!(show(irem(h, b, Term::small(7))), "2");
        let nb = big(h, "-100000000000000000000000000");
        assert_eq!(
            show(idiv(h, nb, Term::small(7))),
            "-14285714285714285714285714"
        );
    }

    #[test]
    fn floats_must_stay_finite() {
        let h = &mut VecAlloc::new();
        let f = build::float(h, 1.0e308);
        assert_eq!(show(mul(h, f, Term::small(10))), "error:'badarith'");
        let b = big(h, &format!("1{}", "0".repeat(400)));
        let half = build::float(h, 0.5);
        assert_eq!(show(add(h, b, half)), "error:'badarith'");
        assert_eq!(show(to_float(h, b)), "error:'badarg'");
        assert_eq!(show(add(h, Term::small(1), half)), "1.5");
        assert_eq!(show(add(h, Term::NIL, half)), "error:'badarith'");
    }

    #[test]
    fn shifts_follow_beam_limits() {
        let h = &mut VecAlloc::new();
        let one = Term::small(1);
        assert_eq!(
            show(shift(h, one, Term::small(64), false)),
            "18446744073709551616"
        );
        assert_eq!(show(shift(h, Term::small(-5), Term::small(1), true)), "-3");
        assert_eq!(
            show(shift(h, Term::small(-5), Term::small(-1), false)),
            "-3"
        );
        assert_eq!(
            show(shift(h, Term::small(-1), Term::small(10000), true)),
            "-1"
        );
        assert_eq!(show(shift(h, Term::small(5), Term::small(200), true)), "0");
        assert!(shift(h, one, Term::small(33_554_367), false).is_ok());
        assert_eq!(
            show(shift(h, one, Term::small(33_554_368), false)),
            "error:'system_limit'"
        );
        let huge = big(h, "1180591620717411303424"); // 1 bsl 70
        assert_eq!(show(shift(h, one, huge, false)), "error:'system_limit'");
        assert_eq!(show(shift(h, Term::small(0), huge, false)), "0");
        assert_eq!(show(shift(h, Term::small(-5), huge, true)), "-1");
        let nhuge = big(h, "-1180591620717411303424");
        assert_eq!(show(shift(h, Term::small(5), nhuge, false)), "0");
        let b = big(h, "-1267650600228229401496703205383"); // -(2^100 + 7)
        assert_eq!(show(shift(h, b, Term::small(98), true)), "-5");
        let f = build::float(h, 1.0);
        assert_eq!(show(shift(h, one, f, false)), "error:'badarith'");
        // Small left shifts that leave the small range.
        assert_eq!(
            show(shift(h, Term::small(3), Term::small(59), false)),
            "1729382256910270464"
        );
        assert_eq!(
            show(shift(h, Term::small(-1), Term::small(59), false)),
            "-576460752303423488"
        );
        assert!(shift(h, Term::small(-1), Term::small(59), false).is_ok_and(|t| t.is_small()));
    }

    #[test]
    fn bitwise_on_negative_bignums_is_twos_complement() {
        let h = &mut VecAlloc::new();
        let b = big(h, "-18446744073709551617"); // -(2^64 + 1)
        assert_eq!(show(band(h, b, Term::small(0xFF))), "255");
        assert_eq!(show(bor(h, b, Term::small(1))), "-18446744073709551617");
        assert_eq!(show(bxor(h, b, Term::small(-1))), "18446744073709551616");
        assert_eq!(show(bnot(h, b)), "18446744073709551616");
        assert_eq!(show(bnot(h, Term::small(5))), "-6");
    }

    #[test]
    fn rounding_and_big_to_double() {
        let h = &mut VecAlloc::new();
        for (f, r, t, c, fl) in [
            (2.5, "3", "2", "3", "2"),
            (-2.5, "-3", "-2", "-2", "-3"),
            (-0.5, "-1", "0", "0", "-1"),
        ] {
            let x = build::float(h, f);
            assert_eq!(show(float_round(h, x, f64::round)), r);
            assert_eq!(show(float_round(h, x, f64::trunc)), t);
            assert_eq!(show(float_round(h, x, f64::ceil)), c);
            assert_eq!(show(float_round(h, x, f64::floor)), fl);
        }
        let x = build::float(h, 1.0e20);
        assert_eq!(show(float_round(h, x, f64::round)), "100000000000000000000");
        // BEAM's digit fold, not correct rounding: 2^128 + 2^75 + 1 is just above a tie,
        // but the fold first rounds 2^64 + 2^11 to even and loses the final 1.
        let v: BigInt = (BigInt::from(1) << 128u32) + (BigInt::from(1) << 75u32) + BigInt::from(1);
        assert_eq!(
            bigint_to_f64(&v),
            Some(340282366920938463463374607431768211456.0)
        );
        assert_eq!(max(Term::small(1), build::float(h, 1.0)), Term::small(1));
    }
}
