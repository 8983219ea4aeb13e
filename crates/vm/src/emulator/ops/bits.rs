//! Bit syntax: matching binaries (match contexts and the `bs_get_*` family) here, building
//! them (`bs_create_bin`, appends, [`BitWriter`]) in [`construct`], and the OTP 24-style
//! construction instructions (`bs_init2`, `bs_put_*`, ...) in [`legacy`].
//!
//! A match context is the boxed object `[orig, start, end, pos]` (see `enigma_term::boxed`):
//! `orig` is always a heap or refc binary (sub-binaries are flattened when the context is
//! made) and the three numbers are absolute bit positions within it. Only `orig` is a term;
//! the position is updated in place by each successful `bs_get_*`/`bs_skip_*`, which is
//! invisible to anyone else because a context never leaves the process that made it.
//!
//! Extracted parts follow BEAM's `erts_extract_sub_binary`: a byte-sized part of at most
//! 64 bytes is copied into a heap binary, anything else becomes a sub-binary of `orig`.

pub mod construct;
pub mod legacy;

pub use construct::{create_bin, finish, init_writable, BitWriter};

use enigma_heap::ProcessHeap;
use enigma_term::binary::{self, MatchCtx, HEAP_BIN_LIMIT};
use enigma_term::{atom, boxed, build, integer, Term, TermAlloc};
use num_bigint::{BigInt, BigUint};

use crate::emulator::instr::{BS_LITTLE, BS_NATIVE, BS_SIGNED};

/// Whether a segment with these flags is little-endian (`native` is little on this machine).
pub fn is_little(flags: u32) -> bool {
    flags & BS_LITTLE != 0 || (flags & BS_NATIVE != 0 && cfg!(target_endian = "little"))
}

/// The heap or refc binary under a bitstring, and the bit range of the bitstring within it.
/// `t` must be a bitstring.
pub fn real_binary(t: Term) -> (Term, usize, usize) {
    if t.header().subtag() == boxed::SUB_BIN {
        (
            Term::from_raw(t.boxed_word(3)),
            t.boxed_word(2) as usize,
            t.boxed_word(1) as usize,
        )
    } else {
        (t, 0, t.as_bits().map_or(0, |b| b.bit_size))
    }
}

/// Bits `bit_off..bit_off + bit_size` of the heap or refc binary `orig`: a heap copy for at
/// most 64 whole bytes, else a sub-binary (BEAM's `erts_extract_sub_binary`).
pub fn extract(heap: &mut dyn TermAlloc, orig: Term, bit_off: usize, bit_size: usize) -> Term {
    if bit_size.is_multiple_of(8) && bit_size / 8 <= HEAP_BIN_LIMIT {
        let Some(part) = orig.as_bits().map(|b| b.slice(bit_off, bit_size)) else {
            return build::binary(heap, &[]);
        };
        return match part.as_aligned_bytes() {
            Some(bytes) => build::binary(heap, bytes),
            None => build::binary(heap, &part.to_bytes()),
        };
    }
    build::sub_binary(heap, orig, bit_off, bit_size)
}

/// Part of any bitstring `t` (bit offsets relative to `t`), as [`extract`] makes it.
pub fn extract_part(heap: &mut dyn TermAlloc, t: Term, bit_off: usize, bit_size: usize) -> Term {
    let (orig, off, _) = real_binary(t);
    extract(heap, orig, off + bit_off, bit_size)
}

// ---- reading bits ----

/// The `n <= 64` bits of `bytes` starting at bit `pos`, as an unsigned big-endian number.
/// Bits past the end of `bytes` read as zero (callers check the length first).
pub fn read_bits(bytes: &[u8], pos: usize, n: usize) -> u64 {
    if n == 0 {
        return 0;
    }
    let first = pos / 8;
    if pos.is_multiple_of(8) && n.is_multiple_of(8) {
        let mut v = 0u64;
        for i in 0..n / 8 {
            v = (v << 8) | bytes.get(first + i).copied().unwrap_or(0) as u64;
        }
        return v;
    }
    let last = (pos + n - 1) / 8;
    let mut acc = 0u128;
    for i in first..=last {
        acc = (acc << 8) | bytes.get(i).copied().unwrap_or(0) as u128;
    }
    let drop = 8 * (last + 1) - (pos + n);
    let v = acc >> drop;
    if n == 64 {
        v as u64
    } else {
        (v as u64) & ((1u64 << n) - 1)
    }
}

/// Reorders the `n <= 64` bits `v`, read big-endian, into the value of a little-endian
/// segment: the first whole bytes are the least significant, and a final partial byte of
/// `n % 8` bits the most significant.
pub fn little_from_big(v: u64, n: usize) -> u64 {
    let k = n / 8;
    let r = n % 8;
    let mut out = 0u64;
    for i in 0..k {
        let byte = (v >> (n - 8 * (i + 1))) & 0xFF;
        out |= byte << (8 * i);
    }
    if r > 0 {
        out |= (v & ((1u64 << r) - 1)) << (8 * k);
    }
    out
}

/// The integer in `n` bits of `bytes` from bit `pos` (any `n`; callers check the length).
/// `None` when its magnitude is larger than BEAM's largest bignum: such a segment does not
/// match, as on BEAM (which cannot build it).
pub fn read_integer(
    heap: &mut dyn TermAlloc,
    bytes: &[u8],
    pos: usize,
    n: usize,
    flags: u32,
) -> Option<Term> {
    let little = is_little(flags);
    let signed = flags & BS_SIGNED != 0;
    if n <= 64 {
        let raw = read_bits(bytes, pos, n);
        let v = if little { little_from_big(raw, n) } else { raw };
        if signed && n > 0 && n < 64 && (v >> (n - 1)) & 1 == 1 {
            return Some(integer::from_i64(heap, (v | (u64::MAX << n)) as i64));
        }
        if signed && n == 64 {
            return Some(integer::from_i64(heap, v as i64));
        }
        return Some(integer::from_u64(heap, v));
    }
    let bits = enigma_term::binary::Bits {
        bytes,
        bit_offset: pos,
        bit_size: n,
    };
    let be = bits.to_bytes();
    let r = n % 8;
    let mag = if little {
        // Whole bytes least significant first, then the final partial byte's `r` bits.
        let mut le = be;
        if r > 0 {
            if let Some(last) = le.last_mut() {
                *last >>= 8 - r;
            }
        }
        BigUint::from_bytes_le(&le)
    } else {
        let v = BigUint::from_bytes_be(&be);
        if r > 0 {
            v >> (8 - r)
        } else {
            v
        }
    };
    let mut v = BigInt::from(mag);
    if signed && v.bit(n as u64 - 1) {
        v -= BigInt::from(1u8) << n;
    }
    if v.magnitude().bits() > crate::bifs::erlang::arith::MAX_INT_BITS {
        return None;
    }
    Some(integer::from_bigint(heap, &v))
}

/// The value of a 16-bit IEEE half-precision float.
pub fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1F) as i32;
    let man = (h & 0x3FF) as f64;
    match exp {
        0 => sign * man * (2.0f64).powi(-24),
        0x1F => {
            if man == 0.0 {
                sign * f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => sign * (1.0 + man / 1024.0) * (2.0f64).powi(exp - 15),
    }
}

/// `x` rounded to the nearest half-precision float (ties to even), as its 16 bits.
pub fn f64_to_f16(x: f64) -> u16 {
    let b = x.to_bits();
    let sign = ((b >> 48) & 0x8000) as u16;
    let exp = ((b >> 52) & 0x7FF) as i64;
    let man = b & ((1u64 << 52) - 1);
    if exp == 0x7FF {
        return sign | 0x7C00 | if man != 0 { 0x200 } else { 0 };
    }
    if exp == 0 {
        return sign; // zero or a double subnormal: far below the smallest half.
    }
    let e = exp - 1023 + 15;
    let round = |q: u64, rem: u64, half: u64| -> u64 {
        if rem > half || (rem == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    if e >= 0x1F {
        return sign | 0x7C00;
    }
    if e >= 1 {
        let q = ((e as u64) << 10) | (man >> 42);
        let q = round(q, man & ((1u64 << 42) - 1), 1u64 << 41);
        return sign | (q.min(0x7C00) as u16);
    }
    // A half subnormal: the value in units of 2^-24.
    let m = man | (1u64 << 52);
    let shift = (1051 - exp) as u32;
    if shift >= 54 {
        return sign;
    }
    let q = round(m >> shift, m & ((1u64 << shift) - 1), 1u64 << (shift - 1));
    sign | q as u16
}

// ---- match contexts ----

/// The context's parts and the bytes of its binary.
fn context<'a>(c: Term) -> Option<(MatchCtx, &'a [u8])> {
    let m = c.as_match_ctx()?;
    let b = m.orig.as_bits()?;
    if b.bit_offset != 0 || m.pos > m.end {
        return None;
    }
    Some((m, b.bytes))
}

/// Bits of a segment: a non-negative small size times the unit.
fn seg_bits(size: Term, unit: u32) -> Option<usize> {
    let n = size.as_small()?;
    if n < 0 {
        return None;
    }
    (n as usize).checked_mul(unit as usize)
}

/// `bs_start_match3`/`4`: a match context over a bitstring (an existing context is reused
/// as it is), or `None` when `t` is not a bitstring.
pub fn start_match(h: &mut ProcessHeap, t: Term) -> Option<Term> {
    if t.is_match_context() {
        return Some(t);
    }
    if !t.is_bitstring() {
        return None;
    }
    let (orig, off, size) = real_binary(t);
    Some(binary::match_context(h, orig, off, off + size))
}

/// `bs_get_integer2`.
pub fn get_integer(h: &mut ProcessHeap, c: Term, s: Term, u: u32, f: u32) -> Option<Term> {
    let n = seg_bits(s, u)?;
    let (m, bytes) = context(c)?;
    if m.end - m.pos < n {
        return None;
    }
    let v = read_integer(h, bytes, m.pos, n, f)?;
    c.set_match_position(m.pos + n);
    Some(v)
}

/// `bs_get_float2`: 16, 32 or 64 bits (0 bits reads 0.0, as in BEAM); NaN and infinities do
/// not match.
pub fn get_float(h: &mut ProcessHeap, c: Term, s: Term, u: u32, f: u32) -> Option<Term> {
    let n = seg_bits(s, u)?;
    let (m, bytes) = context(c)?;
    if m.end - m.pos < n {
        return None;
    }
    let raw = read_bits(bytes, m.pos, n);
    let raw = if is_little(f) {
        little_from_big(raw, n)
    } else {
        raw
    };
    let v = match n {
        0 => 0.0,
        16 => f16_to_f64(raw as u16),
        32 => f32::from_bits(raw as u32) as f64,
        64 => f64::from_bits(raw),
        _ => return None,
    };
    if !v.is_finite() {
        return None;
    }
    c.set_match_position(m.pos + n);
    Some(build::float(h, v))
}

/// Bits a `bs_get_binary2`/`bs_skip_bits2` segment takes: `all` takes the rest when it is a
/// multiple of the unit.
fn take_bits(m: &MatchCtx, s: Term, u: u32) -> Option<usize> {
    let rest = m.end - m.pos;
    if s == Term::atom(atom::ALL) {
        if u > 1 && !rest.is_multiple_of(u as usize) {
            return None;
        }
        return Some(rest);
    }
    let n = seg_bits(s, u)?;
    (n <= rest).then_some(n)
}

/// `bs_get_binary2`.
pub fn get_binary(h: &mut ProcessHeap, c: Term, s: Term, u: u32) -> Option<Term> {
    let (m, _) = context(c)?;
    let n = take_bits(&m, s, u)?;
    let v = extract(h, m.orig, m.pos, n);
    c.set_match_position(m.pos + n);
    Some(v)
}

/// `bs_skip_bits2`.
pub fn skip_bits(c: Term, s: Term, u: u32) -> bool {
    let Some((m, _)) = context(c) else {
        return false;
    };
    match take_bits(&m, s, u) {
        Some(n) => {
            c.set_match_position(m.pos + n);
            true
        }
        None => false,
    }
}

/// Bits left to match (`bs_test_tail2`, `bs_test_unit`).
pub fn remaining(c: Term) -> Option<usize> {
    context(c).map(|(m, _)| m.end - m.pos)
}

/// `bs_match_string`: the next `bits` bits equal the first `bits` bits of `bytes`.
pub fn match_string(c: Term, bits: usize, bytes: &[u8]) -> bool {
    let Some((m, data)) = context(c) else {
        return false;
    };
    if m.end - m.pos < bits || bytes.len() * 8 < bits {
        return false;
    }
    let src = enigma_term::binary::Bits {
        bytes: data,
        bit_offset: m.pos,
        bit_size: bits,
    };
    let whole = bits / 8;
    let ok = if m.pos.is_multiple_of(8) {
        let start = m.pos / 8;
        data.get(start..start + whole) == bytes.get(..whole)
    } else {
        (0..whole).all(|i| src.byte_at(i) == bytes[i])
    };
    if !ok {
        return false;
    }
    let r = bits % 8;
    if r > 0 {
        let mask = !(0xFFu8 >> r);
        if src.byte_at(whole) & mask != bytes[whole] & mask {
            return false;
        }
    }
    c.set_match_position(m.pos + bits);
    true
}

/// Decodes one UTF-8/16/32 code point at the context's position (`bs_get_utf*`,
/// `bs_skip_utf*`) with BEAM's rules: shortest UTF-8 forms only, no surrogates, at most
/// U+10FFFF; `flags` little applies to UTF-16/32.
pub fn get_utf(c: Term, w: u8, f: u32) -> Option<u32> {
    let (m, data) = context(c)?;
    let rest = m.end - m.pos;
    let rd = |off: usize, n: usize| read_bits(data, m.pos + off, n);
    let little = is_little(f);
    let (cp, used) = match w {
        8 => {
            if rest < 8 {
                return None;
            }
            let b0 = rd(0, 8) as u32;
            let (len, init, min) = match b0 {
                0x00..=0x7F => return set_utf(c, m.pos + 8, b0),
                0xC0..=0xDF => (2, b0 & 0x1F, 0x80),
                0xE0..=0xEF => (3, b0 & 0x0F, 0x800),
                0xF0..=0xF7 => (4, b0 & 0x07, 0x10000),
                _ => return None,
            };
            if rest < 8 * len {
                return None;
            }
            let mut cp = init;
            for i in 1..len {
                let b = rd(8 * i, 8) as u32;
                if b & 0xC0 != 0x80 {
                    return None;
                }
                cp = (cp << 6) | (b & 0x3F);
            }
            if cp < min || cp > 0x10FFFF || (0xD800..=0xDFFF).contains(&cp) {
                return None;
            }
            (cp, 8 * len)
        }
        16 => {
            if rest < 16 {
                return None;
            }
            let unit = |off: usize| {
                let v = rd(off, 16);
                (if little { little_from_big(v, 16) } else { v }) as u32
            };
            let w1 = unit(0);
            match w1 {
                0xD800..=0xDBFF => {
                    if rest < 32 {
                        return None;
                    }
                    let w2 = unit(16);
                    if !(0xDC00..=0xDFFF).contains(&w2) {
                        return None;
                    }
                    (0x10000 + ((w1 - 0xD800) << 10) + (w2 - 0xDC00), 32)
                }
                0xDC00..=0xDFFF => return None,
                _ => (w1, 16),
            }
        }
        _ => {
            if rest < 32 {
                return None;
            }
            let v = rd(0, 32);
            let cp = (if little { little_from_big(v, 32) } else { v }) as u32;
            if cp > 0x10FFFF || (0xD800..=0xDFFF).contains(&cp) {
                return None;
            }
            (cp, 32)
        }
    };
    set_utf(c, m.pos + used, cp)
}

fn set_utf(c: Term, pos: usize, cp: u32) -> Option<u32> {
    c.set_match_position(pos);
    Some(cp)
}

/// `bs_get_tail`: the unmatched rest of the context as a bitstring (the position stays).
pub fn get_tail(h: &mut ProcessHeap, c: Term) -> Term {
    match context(c) {
        Some((m, _)) => extract(h, m.orig, m.pos, m.end - m.pos),
        None => c,
    }
}

/// `bs_get_position`: the context's position as a small integer (absolute bit offset).
pub fn get_position(c: Term) -> Term {
    match c.as_match_ctx() {
        Some(m) => Term::small(m.pos as i64),
        None => Term::small(0),
    }
}

/// `bs_set_position`: restores a position saved by [`get_position`].
pub fn set_position(c: Term, v: Term) {
    let Some(m) = c.as_match_ctx() else { return };
    if let Some(pos) = v.as_small() {
        if pos >= 0 && (pos as usize) >= m.start && (pos as usize) <= m.end {
            c.set_match_position(pos as usize);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(h: &mut ProcessHeap, bytes: &[u8]) -> Term {
        let b = build::binary(h, bytes);
        start_match(h, b).unwrap_or(Term::NIL)
    }

    #[test]
    fn read_bits_unaligned() {
        let d = [0b1010_1100, 0b0101_0011, 0xFF];
        assert_eq!(read_bits(&d, 0, 8), 0b1010_1100);
        assert_eq!(read_bits(&d, 4, 8), 0b1100_0101);
        assert_eq!(read_bits(&d, 1, 3), 0b010);
        assert_eq!(read_bits(&d, 0, 24), 0xAC53FF);
    }

    #[test]
    fn little_partial_bytes() {
        // <<16#ABC:12/little>> is <<188, 10:4>>; reading that back big-endian gives 0xBCA.
        assert_eq!(little_from_big(0xBCA, 12), 0xABC);
        assert_eq!(little_from_big(0x1234, 16), 0x3412);
    }

    #[test]
    fn integers_match_signed_and_big() {
        let mut h = ProcessHeap::default();
        let c = ctx(&mut h, &[0xFF, 0xFE, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        let v = get_integer(&mut h, c, Term::small(8), 1, BS_SIGNED);
        assert_eq!(v.and_then(|t| t.as_small()), Some(-1));
        let v = get_integer(&mut h, c, Term::small(8), 1, 0);
        assert_eq!(v.and_then(|t| t.as_small()), Some(0xFE));
        let v = get_integer(&mut h, c, Term::small(72), 1, 0).and_then(|t| t.as_bigint());
        assert_eq!(v, Some(BigInt::from(0x010203040506070809u128)));
        assert_eq!(remaining(c), Some(0));
        assert!(get_integer(&mut h, c, Term::small(1), 1, 0).is_none());
    }

    #[test]
    fn half_floats_round_trip() {
        for (x, bits) in [
            (1.0, 0x3C00u16),
            (0.1, 0x2E66),
            (65504.0, 0x7BFF),
            (65520.0, 0x7C00),
            (6.0e-8, 1),
            (1.0e-5, 0xA8),
            (-3.0, 0xC200),
        ] {
            assert_eq!(f64_to_f16(x), bits, "{x}");
        }
        assert_eq!(f16_to_f64(1), 5.960464477539063e-8);
        assert_eq!(f16_to_f64(0x2E66), 0.0999755859375);
    }

    #[test]
    fn utf8_rejects_overlong_and_surrogates() {
        let mut h = ProcessHeap::default();
        let c = ctx(&mut h, &[0xC3, 0xA9, 0xE2, 0x82, 0xAC]);
        assert_eq!(get_utf(c, 8, 0), Some(0xE9));
        assert_eq!(get_utf(c, 8, 0), Some(0x20AC));
        let c = ctx(&mut h, &[0xC0, 0x81]);
        assert_eq!(get_utf(c, 8, 0), None);
        let c = ctx(&mut h, &[0xED, 0xA0, 0x80]);
        assert_eq!(get_utf(c, 8, 0), None);
        let c = ctx(&mut h, &[0xD8, 0x3D, 0xDE, 0x00]);
        assert_eq!(get_utf(c, 16, 0), Some(0x1F600));
    }

    #[test]
    fn strings_and_positions() {
        let mut h = ProcessHeap::default();
        let c = ctx(&mut h, b"hello");
        let p0 = get_position(c);
        assert!(match_string(c, 16, b"he"));
        assert!(!match_string(c, 8, b"x"));
        assert_eq!(remaining(c), Some(24));
        let t = get_tail(&mut h, c);
        assert_eq!(t.binary_bytes().as_deref(), Some(&b"llo"[..]));
        set_position(c, p0);
        assert_eq!(remaining(c), Some(40));
        let b = get_binary(&mut h, c, Term::atom(atom::ALL), 8);
        assert_eq!(
            b.and_then(|b| b.binary_bytes().map(|c| c.to_vec())),
            Some(b"hello".to_vec())
        );
    }
}
