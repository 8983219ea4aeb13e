//! BIFs of the `erlang` module on binaries, bitstrings and iolists (see the table at the
//! end), and the iolist walker other native code reuses ([`walk_iolist`], [`iolist_bytes`]).
//!
//! Deep iolists are walked with an explicit stack of pending tails, never by recursion.
//! Parts of binaries (`binary_part`, `split_binary`) are made as BEAM makes them: up to 64
//! whole bytes are copied, anything else becomes a sub-binary.

use enigma_term::binary::Bits;
use enigma_term::{build, Term};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult};
use crate::emulator::ops::bits::{extract_part, finish, BitWriter};
use crate::process::Process;

/// One piece of an iolist: a byte, or a binary (a bitstring in bitstring lists).
pub enum Piece<'a> {
    Byte(u8),
    Bits(Bits<'a>),
}

/// Walks the iolist `t` (a list, a binary in tail positions, nested lists, bytes 0..=255 and
/// binaries as elements) in order, calling `f` for every byte and binary. With `allow_bits`
/// bitstrings of any length are allowed (bitstring lists). `t` itself may also be a binary.
/// `false` when `t` is not such a term.
pub fn walk_iolist(t: Term, allow_bits: bool, mut f: impl FnMut(Piece)) -> bool {
    let ok_bits = |b: &Bits| allow_bits || b.bit_size.is_multiple_of(8);
    let mut stack: Vec<Term> = Vec::new();
    let mut cur = t;
    loop {
        if let Some((h, tl)) = cur.as_cons() {
            if let Some(b) = h.as_small() {
                if !(0..=255).contains(&b) {
                    return false;
                }
                f(Piece::Byte(b as u8));
            } else if h.is_cons() {
                stack.push(tl);
                cur = h;
                continue;
            } else if !h.is_nil() {
                match h.as_bits() {
                    Some(b) if ok_bits(&b) => f(Piece::Bits(b)),
                    _ => return false,
                }
            }
            cur = tl;
            continue;
        }
        if !cur.is_nil() {
            match cur.as_bits() {
                Some(b) if ok_bits(&b) => f(Piece::Bits(b)),
                _ => return false,
            }
        }
        match stack.pop() {
            Some(next) => cur = next,
            None => return true,
        }
    }
}

/// The bytes of an iolist (or binary), or `None` when `t` is not one.
pub fn iolist_bytes(t: Term) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let ok = walk_iolist(t, false, |piece| match piece {
        Piece::Byte(b) => out.push(b),
        Piece::Bits(b) => match b.as_aligned_bytes() {
            Some(bytes) => out.extend_from_slice(bytes),
            None => out.extend_from_slice(&b.to_bytes()),
        },
    });
    ok.then_some(out)
}

/// The size in bytes of an iolist (or binary), or `None` when `t` is not one.
pub fn iolist_len(t: Term) -> Option<usize> {
    let mut n = 0usize;
    let ok = walk_iolist(t, false, |piece| match piece {
        Piece::Byte(_) => n += 1,
        Piece::Bits(b) => n += b.bit_size / 8,
    });
    ok.then_some(n)
}

/// The bits of a bitstring list, or `None`.
fn bitstring_list(t: Term) -> Option<BitWriter> {
    let mut w = BitWriter::new();
    let ok = walk_iolist(t, true, |piece| match piece {
        Piece::Byte(b) => w.put_byte(b),
        Piece::Bits(b) => w.put_bits(b),
    });
    ok.then_some(w)
}

fn bits_of(t: Term) -> Result<Bits<'static>, crate::emulator::exception::Fault> {
    t.as_bits().ok_or_else(badarg)
}

fn bit_size_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::small(bits_of(a[0])?.bit_size as i64))
}

fn byte_size_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::small(bits_of(a[0])?.bit_size.div_ceil(8) as i64))
}

/// A non-negative integer that fits a machine word (BEAM's `term_to_Uint`).
fn to_uint(t: Term) -> Option<u64> {
    match t.as_small() {
        Some(v) => u64::try_from(v).ok(),
        None => t.as_bigint().and_then(|b| u64::try_from(b).ok()),
    }
}

/// An integer that fits a signed machine word (BEAM's `term_to_Sint`).
fn to_sint(t: Term) -> Option<i64> {
    t.as_i64()
}

/// `binary_part(Bin, Pos, Len)` (also `binary:part/3`): bytes `Pos..Pos+Len` of a bitstring's
/// whole bytes, `Len` negative counting backwards from `Pos`.
pub fn binary_part(p: &mut Process, bin: Term, pos: Term, len: Term) -> BifResult {
    let bits = bits_of(bin)?;
    let mut pos = to_uint(pos).ok_or_else(badarg)?;
    let mut len = to_sint(len).ok_or_else(badarg)?;
    if len < 0 {
        let back = len.unsigned_abs();
        if back > pos {
            return Err(badarg());
        }
        pos -= back;
        len = back as i64;
    }
    let end = pos.checked_add(len as u64).ok_or_else(badarg)?;
    if end > (bits.bit_size / 8) as u64 {
        return Err(badarg());
    }
    Ok(extract_part(
        &mut p.heap,
        bin,
        pos as usize * 8,
        len as usize * 8,
    ))
}

/// `{Pos, Len}` of `binary_part/2` and `binary:part/2`.
pub fn binary_part_tuple(p: &mut Process, bin: Term, pos_len: Term) -> BifResult {
    match pos_len.as_tuple() {
        Some(&[pos, len]) => binary_part(p, bin, pos, len),
        _ => Err(badarg()),
    }
}

fn binary_part_2(p: &mut Process, a: &[Term]) -> BifResult {
    binary_part_tuple(p, a[0], a[1])
}

fn binary_part_3(p: &mut Process, a: &[Term]) -> BifResult {
    binary_part(p, a[0], a[1], a[2])
}

fn split_binary_2(p: &mut Process, a: &[Term]) -> BifResult {
    let bits = bits_of(a[0])?;
    let at = to_uint(a[1]).ok_or_else(badarg)?;
    if at > (bits.bit_size / 8) as u64 {
        return Err(badarg());
    }
    let at = at as usize * 8;
    let left = extract_part(&mut p.heap, a[0], 0, at);
    let right = extract_part(&mut p.heap, a[0], at, bits.bit_size - at);
    Ok(build::tuple(&mut p.heap, &[left, right]))
}

fn list_to_binary_1(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_list() {
        return Err(badarg());
    }
    let bytes = iolist_bytes(a[0]).ok_or_else(badarg)?;
    p.charge_work(bytes.len());
    Ok(build::binary_from_vec(&mut p.heap, bytes))
}

fn iolist_to_binary_1(p: &mut Process, a: &[Term]) -> BifResult {
    if a[0].is_bitstring() {
        return if a[0].is_binary() {
            Ok(a[0])
        } else {
            Err(badarg())
        };
    }
    list_to_binary_1(p, a)
}

fn iolist_size_1(_p: &mut Process, a: &[Term]) -> BifResult {
    // Binaries are counted without reading them: no charge beyond the call.
    let n = iolist_len(a[0]).ok_or_else(badarg)?;
    Ok(Term::small(n as i64))
}

fn iolist_to_iovec_1(p: &mut Process, a: &[Term]) -> BifResult {
    let bytes = iolist_bytes(a[0]).ok_or_else(badarg)?;
    if bytes.is_empty() {
        return Ok(Term::NIL);
    }
    let b = build::binary_from_vec(&mut p.heap, bytes);
    Ok(build::list(&mut p.heap, &[b]))
}

fn list_to_bitstring_1(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_list() {
        return Err(badarg());
    }
    let w = bitstring_list(a[0]).ok_or_else(badarg)?;
    Ok(finish(&mut p.heap, w))
}

/// The list of the bytes `bytes`.
pub fn byte_list(p: &mut Process, bytes: impl Iterator<Item = u8>) -> Term {
    build::string_list(&mut p.heap, bytes.map(u32::from))
}

fn binary_to_list_1(p: &mut Process, a: &[Term]) -> BifResult {
    let bits = bits_of(a[0])?;
    if !bits.bit_size.is_multiple_of(8) {
        return Err(badarg());
    }
    Ok(byte_list(
        p,
        (0..bits.bit_size / 8).map(|i| bits.byte_at(i)),
    ))
}

fn binary_to_list_3(p: &mut Process, a: &[Term]) -> BifResult {
    let bits = bits_of(a[0])?;
    let start = to_uint(a[1]).ok_or_else(badarg)?;
    let stop = to_uint(a[2]).ok_or_else(badarg)?;
    let size = (bits.bit_size / 8) as u64;
    if start < 1 || start > stop || stop > size {
        return Err(badarg());
    }
    Ok(byte_list(
        p,
        (start as usize - 1..stop as usize).map(|i| bits.byte_at(i)),
    ))
}

fn bitstring_to_list_1(p: &mut Process, a: &[Term]) -> BifResult {
    let bits = bits_of(a[0])?;
    let whole = bits.bit_size / 8;
    let rest = bits.bit_size % 8;
    let tail = if rest > 0 {
        let t = extract_part(&mut p.heap, a[0], whole * 8, rest);
        build::list(&mut p.heap, &[t])
    } else {
        Term::NIL
    };
    let elems: Vec<Term> = (0..whole)
        .map(|i| Term::small(bits.byte_at(i) as i64))
        .collect();
    Ok(build::list_with_tail(&mut p.heap, &elems, tail))
}

pub const BIFS: &[BifEntry] = &[
    bif!("erlang", "bit_size", 1, bit_size_1),
    bif!("erlang", "byte_size", 1, byte_size_1),
    bif!("erlang", "binary_part", 2, binary_part_2),
    bif!("erlang", "binary_part", 3, binary_part_3),
    bif!("erlang", "split_binary", 2, split_binary_2),
    bif!("erlang", "list_to_binary", 1, list_to_binary_1),
    bif!("erlang", "iolist_to_binary", 1, iolist_to_binary_1),
    bif!("erlang", "iolist_size", 1, iolist_size_1),
    bif!("erlang", "iolist_to_iovec", 1, iolist_to_iovec_1),
    bif!("erlang", "list_to_bitstring", 1, list_to_bitstring_1),
    bif!("erlang", "binary_to_list", 1, binary_to_list_1),
    bif!("erlang", "binary_to_list", 3, binary_to_list_3),
    bif!("erlang", "bitstring_to_list", 1, bitstring_to_list_1),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::instr::Mfa;
    use enigma_term::atom;

    fn proc() -> Process {
        let mfa = Mfa {
            module: atom::ERLANG,
            function: atom::MAIN,
            arity: 0,
        };
        Process::new(Term::pid(1), Default::default(), Term::NIL, mfa)
    }

    #[test]
    fn deep_iolists_walk_without_recursion() {
        let mut p = proc();
        let mut t = build::binary(&mut p.heap, b"x");
        for _ in 0..200_000 {
            t = build::list(&mut p.heap, &[t]);
        }
        let inner = build::list(&mut p.heap, &[t]);
        let t = build::cons(&mut p.heap, Term::small(b'a' as i64), inner);
        assert_eq!(iolist_bytes(t), Some(b"ax".to_vec()));
        assert_eq!(iolist_len(t), Some(2));
        let bad = build::list(&mut p.heap, &[Term::small(256)]);
        assert_eq!(iolist_len(bad), None);
    }

    #[test]
    fn parts_and_lists() {
        let mut p = proc();
        let b = build::binary(&mut p.heap, b"0123456789");
        let r = binary_part(&mut p, b, Term::small(5), Term::small(-2)).ok();
        assert_eq!(
            r.and_then(|t| t.binary_bytes().map(|c| c.to_vec())),
            Some(b"34".to_vec())
        );
        assert!(binary_part(&mut p, b, Term::small(8), Term::small(5)).is_err());
        let l = binary_to_list_3(&mut p, &[b, Term::small(2), Term::small(4)]).ok();
        assert_eq!(l.and_then(build::list_to_vec).map(|v| v.len()), Some(3));
    }
}
