//! Integers: small integers in the word, bignums boxed, and conversion to and from
//! `num_bigint::BigInt`, the crate we use for bignum arithmetic (well kept, pure Rust, with
//! the division, shifting and radix conversion Erlang needs).

use crate::alloc::TermAlloc;
use crate::boxed::{self, Header};
use crate::term::Term;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::ToPrimitive;

/// An integer read out of a term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Int {
    Small(i64),
    Big(BigInt),
}

impl Int {
    /// As a `BigInt` (allocates for small values).
    pub fn to_bigint(&self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(*v),
            Int::Big(b) => b.clone(),
        }
    }
}

/// Largest bignum, in 64-bit digits. BEAM limits integers to about 2^(64 * 2^20) bits
/// (`system_limit` above that); we allow the same order of size.
pub const MAX_BIG_DIGITS: usize = 1 << 20;

impl Term {
    /// The integer value of an integer term.
    pub fn as_int(self) -> Option<Int> {
        if self.is_small() {
            return Some(Int::Small(self.small_value()));
        }
        self.as_bigint().map(Int::Big)
    }

    /// The value of a bignum term as a `BigInt`.
    pub fn as_bigint(self) -> Option<BigInt> {
        if self.is_small() {
            return Some(BigInt::from(self.small_value()));
        }
        if !self.is_bignum() {
            return None;
        }
        let digits = self.boxed_payload();
        let mut mag = Vec::with_capacity(digits.len() * 2);
        for d in digits {
            mag.push(d.raw() as u32);
            mag.push((d.raw() >> 32) as u32);
        }
        let sign = if self.header().subtag() == boxed::NEG_BIG {
            Sign::Minus
        } else {
            Sign::Plus
        };
        Some(BigInt::from_biguint(sign, BigUint::new(mag)))
    }

    /// The value of an integer term that fits an `i128` (any small, and bignums of up to
    /// two digits below 2^127), read without allocating: arithmetic on values just past
    /// the small range (a 64-bit hash, an LCG step) stays off the bignum library.
    pub fn as_i128(self) -> Option<i128> {
        if self.is_small() {
            return Some(i128::from(self.small_value()));
        }
        if !self.is_bignum() {
            return None;
        }
        let magnitude = match self.boxed_payload() {
            [lo] => u128::from(lo.raw()),
            [lo, hi] => u128::from(lo.raw()) | (u128::from(hi.raw()) << 64),
            _ => return None,
        };
        let m = i128::try_from(magnitude).ok()?;
        Some(if self.header().subtag() == boxed::NEG_BIG {
            -m
        } else {
            m
        })
    }

    /// The value as an `i64` if the integer fits.
    pub fn as_i64(self) -> Option<i64> {
        self.as_i128().and_then(|v| i64::try_from(v).ok())
    }
}

/// An integer term for `v`: small if it fits, else a bignum.
pub fn from_i64(heap: &mut dyn TermAlloc, v: i64) -> Term {
    match Term::try_small(v) {
        Some(t) => t,
        None => from_i128(heap, i128::from(v)),
    }
}

/// An integer term for `v`, built without the bignum library.
pub fn from_i128(heap: &mut dyn TermAlloc, v: i128) -> Term {
    if let Some(t) = i64::try_from(v).ok().and_then(Term::try_small) {
        return t;
    }
    let magnitude = v.unsigned_abs();
    let (lo, hi) = (magnitude as u64, (magnitude >> 64) as u64);
    let digits: &[u64] = if hi == 0 { &[lo] } else { &[lo, hi] };
    alloc_bignum(heap, v < 0, digits)
}

/// An integer term for `v`.
pub fn from_u64(heap: &mut dyn TermAlloc, v: u64) -> Term {
    from_i128(heap, v as i128)
}

/// Words a bignum of this value takes (header included); 0 when it is a small integer.
pub fn bigint_words(v: &BigInt) -> usize {
    if v.to_i64().and_then(Term::try_small).is_some() {
        return 0;
    }
    1 + (v.bits() as usize).div_ceil(64)
}

/// Whether `v` is too large for the VM (`system_limit`).
pub fn is_too_big(v: &BigInt) -> bool {
    (v.bits() as usize).div_ceil(64) > MAX_BIG_DIGITS
}

/// An integer term for `v`, normalised: small when it fits.
pub fn from_bigint(heap: &mut dyn TermAlloc, v: &BigInt) -> Term {
    if let Some(t) = v.to_i64().and_then(Term::try_small) {
        return t;
    }
    alloc_bignum(
        heap,
        v.sign() == Sign::Minus,
        &v.magnitude().to_u64_digits(),
    )
}

/// A bignum term of the magnitude `digits` (64-bit, least significant first, the top one
/// not zero) and sign; the caller has ruled out the small range.
fn alloc_bignum(heap: &mut dyn TermAlloc, negative: bool, digits: &[u64]) -> Term {
    let subtag = if negative {
        boxed::NEG_BIG
    } else {
        boxed::POS_BIG
    };
    let p = heap.alloc(1 + digits.len());
    // SAFETY: `alloc` returned `1 + digits.len()` writable words.
    unsafe {
        p.write(Header::new(subtag, digits.len()).as_term());
        for (i, d) in digits.iter().enumerate() {
            p.add(1 + i).write(Term::from_raw(*d));
        }
    }
    Term::from_boxed_ptr(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alloc::VecAlloc;

    #[test]
    fn bignums_round_trip_and_normalise() {
        let mut h = VecAlloc::new();
        for s in [
            "0",
            "576460752303423487",
            "576460752303423488",
            "-576460752303423488",
            "-576460752303423489",
            "123456789012345678901234567890",
            "-340282366920938463463374607431768211456",
        ] {
            let v: BigInt = s.parse().unwrap_or_default();
            let t = from_bigint(&mut h, &v);
            assert_eq!(t.as_bigint(), Some(v.clone()), "{s}");
            assert_eq!(t.is_small(), bigint_words(&v) == 0, "{s}");
        }
        assert!(from_i64(&mut h, i64::MAX).is_bignum());
        assert_eq!(from_i64(&mut h, i64::MIN).as_i64(), Some(i64::MIN));
    }

    #[test]
    fn i128_values_match_the_bignum_library() {
        let mut h = VecAlloc::new();
        for v in [
            0i128,
            1 << 59,
            -(1 << 59) - 1,
            i64::MAX as i128,
            u64::MAX as i128,
            -(u64::MAX as i128),
            (u64::MAX as i128) + 1,
            i128::MAX,
            i128::MIN + 1,
            i128::MIN,
        ] {
            let fast = from_i128(&mut h, v);
            assert_eq!(fast.as_bigint(), Some(BigInt::from(v)), "{v}");
            let slow = from_bigint(&mut h, &BigInt::from(v));
            assert_eq!(slow.is_small(), fast.is_small(), "{v}");
            // -2^127's magnitude does not fit an i128: read back through the slow path.
            let expect = if v == i128::MIN { None } else { Some(v) };
            assert_eq!(fast.as_i128(), expect, "{v}");
        }
        let big: BigInt = "170141183460469231731687303715884105728"
            .parse()
            .unwrap_or_default();
        assert_eq!(from_bigint(&mut h, &big).as_i128(), None);
    }
}
