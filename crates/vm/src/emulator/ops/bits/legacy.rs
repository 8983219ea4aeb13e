//! The binary-construction instructions of OTP 24 and earlier compilers, which OTP 25 still
//! loads and Elixir's and rebar3's `.beam` files are full of: `bs_init2`, `bs_init_bits`,
//! `bs_add`, `bs_append`, `bs_private_append`, `bs_put_*`, `bs_utf8_size`, `bs_utf16_size`.
//!
//! They build a binary in steps. The code first adds up the size (`bs_add`, the
//! `bs_utf*_size` helpers, `byte_size` guards), then `bs_init2`/`bs_init_bits` allocates a
//! zeroed binary of that size, or `bs_append`/`bs_private_append` extends an existing one
//! (in place when it is a writable buffer: see [`super::construct`]), and the result is
//! already in its destination register. That binary becomes the process's *target*
//! (`Process::bs_target`, with the bit position `bs_pos`) and each following `bs_put_*`
//! writes its segment at the position and advances it. BEAM keeps the same state per
//! scheduler (`erts_current_bin`, `erts_bin_offset`): nothing runs in between, and no
//! collection can (the allocating steps collect before they allocate), so the target is
//! not a root; a collection forgets it.
//!
//! Failures raise a plain `badarg` or `system_limit` (no `error_info`: erl gives none for
//! these instructions either), or jump to the instruction's fail label. A segment that would
//! not fit the target, or a put with no target, is a `badarg` (the compiler never emits
//! either; a hand-made `.beam` gets an exception, not a write out of bounds). A target
//! whose off-heap data has become shared (sent before it was filled) is refused the same
//! way rather than changed under its other owner.

use enigma_term::binary::OffHeapBin;
use enigma_term::{atom, boxed, build, integer, Atom, Term};

use super::construct::{append, float_bits, BitWriter, MAX_BUILD_BYTES};
use crate::emulator::exception::Exception;
use crate::emulator::instr::{LegacyBs, LegacyBsKind, Src};
use crate::emulator::run::{read, write};
use crate::process::Process;

/// Words of a sub-binary on the heap (`build::sub_binary`).
const SUB_BIN_WORDS: usize = 4;

fn error(reason: Atom) -> Exception {
    Exception::error(Term::atom(reason))
}

/// Runs one instruction; an `Err` goes to the fail label or is raised.
pub fn exec(p: &mut Process, x: &mut [Term], op: &LegacyBs) -> Result<(), Exception> {
    match &op.kind {
        LegacyBsKind::Init {
            size,
            bits,
            extra,
            live,
            dst,
        } => {
            let t = init(p, x, *size, *bits, *extra, *live)?;
            write(x, &mut p.stack, *dst, t);
        }
        LegacyBsKind::Add { a, b, unit, dst } => {
            let (va, vb) = (read(x, &p.stack, *a), read(x, &p.stack, *b));
            let t = add(p, va, vb, *unit)?;
            write(x, &mut p.stack, *dst, t);
        }
        LegacyBsKind::Append {
            size,
            extra,
            live,
            unit,
            bin,
            dst,
        } => {
            let t = append_for_puts(p, x, *size, *extra, *live, *unit, *bin)?;
            write(x, &mut p.stack, *dst, t);
        }
        LegacyBsKind::UtfSize { width, src, dst } => {
            let v = read(x, &p.stack, *src);
            write(x, &mut p.stack, *dst, Term::small(utf_size(*width, v)));
        }
        LegacyBsKind::PutInteger {
            size,
            unit,
            flags,
            src,
        } => {
            let n = put_bits(read(x, &p.stack, *size), *unit)?;
            let mut w = BitWriter::with_capacity(n.div_ceil(8));
            if !w.put_integer(read(x, &p.stack, *src), n, super::is_little(*flags)) {
                return Err(error(atom::BADARG));
            }
            store(p, &w)?;
        }
        LegacyBsKind::PutFloat {
            size,
            unit,
            flags,
            src,
        } => {
            let n = put_bits(read(x, &p.stack, *size), *unit)?;
            if !matches!(n, 16 | 32 | 64) {
                return Err(error(atom::BADARG));
            }
            let raw = float_bits(read(x, &p.stack, *src), n).map_err(|_| error(atom::BADARG))?;
            let mut w = BitWriter::with_capacity(8);
            if super::is_little(*flags) {
                w.put_bytes(&raw.to_le_bytes()[..n / 8]);
            } else {
                w.put_u64(raw, n);
            }
            store(p, &w)?;
        }
        LegacyBsKind::PutBinary { size, unit, src } => {
            let w = binary_segment(read(x, &p.stack, *size), *unit, read(x, &p.stack, *src))?;
            store(p, &w)?;
        }
        LegacyBsKind::PutString(bytes) => {
            let mut w = BitWriter::with_capacity(bytes.len());
            w.put_bytes(bytes);
            store(p, &w)?;
        }
        LegacyBsKind::PutUtf { width, flags, src } => {
            let w = utf_segment(*width, *flags, read(x, &p.stack, *src))?;
            store(p, &w)?;
        }
    }
    Ok(())
}

/// Collects first when `need` words may not fit, as BEAM's instructions with a `Live`
/// operand do.
fn make_room(p: &mut Process, x: &mut [Term], live: u32, need: usize) {
    if !p.heap.has_room(need) || p.heap.fragments_due() || crate::gc_stress_enabled() {
        p.collect(x, live as usize, need, false);
    }
}

/// `bs_init2` / `bs_init_bits`: a zeroed binary of `size` bytes or bits, the new target.
fn init(
    p: &mut Process,
    x: &mut [Term],
    size: Src,
    in_bits: bool,
    extra: u32,
    live: u32,
) -> Result<Term, Exception> {
    let sz = read(x, &p.stack, size);
    let n = match sz.as_small() {
        Some(n) if n >= 0 => n as u64,
        Some(_) => return Err(error(atom::BADARG)),
        None if is_non_negative(sz) => return Err(error(atom::SYSTEM_LIMIT)),
        None => return Err(error(atom::BADARG)),
    };
    let bits = if in_bits { Some(n) } else { n.checked_mul(8) };
    let bits = match bits {
        Some(b) if b <= 8 * MAX_BUILD_BYTES as u64 => b as usize,
        _ => return Err(error(atom::SYSTEM_LIMIT)),
    };
    let bytes = bits.div_ceil(8);
    let partial = !bits.is_multiple_of(8);
    let need = build::binary_words(bytes) + extra as usize + usize::from(partial) * SUB_BIN_WORDS;
    make_room(p, x, live, need);
    let bin = build::binary_from_vec(&mut p.heap, vec![0; bytes]);
    p.bs_target = bin;
    p.bs_pos = 0;
    Ok(if partial {
        build::sub_binary(&mut p.heap, bin, 0, bits)
    } else {
        bin
    })
}

/// A non-negative integer (small or bignum).
fn is_non_negative(t: Term) -> bool {
    match t.as_small() {
        Some(v) => v >= 0,
        None => t.is_bignum() && t.header().subtag() == boxed::POS_BIG,
    }
}

/// `bs_add`: `a + b * unit` for non-negative sizes; `system_limit` when the product does not
/// fit a machine word (or a size is a bignum), `badarg` for anything else.
fn add(p: &mut Process, a: Term, b: Term, unit: u32) -> Result<Term, Exception> {
    match (a.as_small(), b.as_small()) {
        (Some(x), Some(y)) if x >= 0 && y >= 0 => {
            let prod = (y as u64)
                .checked_mul(unit as u64)
                .ok_or_else(|| error(atom::SYSTEM_LIMIT))?;
            let sum = prod as i128 + x as i128;
            Ok(integer::from_i128(&mut p.heap, sum))
        }
        (Some(_), Some(_)) => Err(error(atom::BADARG)),
        _ if is_non_negative(a) && is_non_negative(b) => Err(error(atom::SYSTEM_LIMIT)),
        _ => Err(error(atom::BADARG)),
    }
}

/// `bs_append` / `bs_private_append`: `bin` followed by `size` zero bits that the puts
/// overwrite. `live` is `None` for `bs_private_append`, which never collects.
fn append_for_puts(
    p: &mut Process,
    x: &mut [Term],
    size: Src,
    extra: u32,
    live: Option<u32>,
    unit: u32,
    bin: Src,
) -> Result<Term, Exception> {
    let sz = read(x, &p.stack, size);
    let grow = match sz.as_small() {
        Some(n) if n >= 0 => n as u64,
        Some(_) => return Err(error(atom::BADARG)),
        None if is_non_negative(sz) => return Err(error(atom::SYSTEM_LIMIT)),
        None => return Err(error(atom::BADARG)),
    };
    let mut v = read(x, &p.stack, bin);
    if let Some(live) = live {
        // The binary rides in the register just past the live ones across a collection.
        let slot = live as usize;
        if let Some(r) = x.get_mut(slot) {
            *r = v;
            make_room(p, x, live + 1, 2 * SUB_BIN_WORDS + extra as usize);
            v = x[slot];
        }
    }
    let Some(old) = v.as_bits().map(|b| b.bit_size) else {
        return Err(error(atom::BADARG));
    };
    if live.is_some() && unit > 1 && !old.is_multiple_of(unit as usize) {
        return Err(error(atom::BADARG));
    }
    if grow == 0 {
        return Ok(v);
    }
    if old as u64 + grow > 8 * MAX_BUILD_BYTES as u64 {
        return Err(error(atom::SYSTEM_LIMIT));
    }
    let mut zeros = BitWriter::with_capacity((grow as usize).div_ceil(8));
    zeros.put_zeros(grow as usize);
    let result = append(&mut p.heap, v, zeros);
    let (orig, off, _) = super::real_binary(result);
    p.bs_target = orig;
    p.bs_pos = off + old;
    Ok(result)
}

/// `bs_utf8_size` / `bs_utf16_size`. For a value that is no code point the answer does not
/// matter (the put that follows fails): 4, as BEAM's word comparison gives for most.
fn utf_size(width: u8, v: Term) -> i64 {
    let c = v.as_small();
    if width == 8 {
        return match c {
            Some(0..=0x7F) => 1,
            Some(0x80..=0x7FF) => 2,
            Some(0x800..=0xFFFF) => 3,
            _ => 4,
        };
    }
    match c {
        Some(0..=0xFFFF) | None => 2,
        Some(_) => 4,
    }
}

/// Bits of a put's sized segment: a non-negative small size times the unit.
fn put_bits(size: Term, unit: u32) -> Result<usize, Exception> {
    match size.as_small() {
        Some(n) if n >= 0 => (n as u64)
            .checked_mul(unit as u64)
            .filter(|b| *b <= 8 * MAX_BUILD_BYTES as u64)
            .map(|b| b as usize)
            .ok_or_else(|| error(atom::BADARG)),
        _ => Err(error(atom::BADARG)),
    }
}

/// The bits `bs_put_binary` writes: all of `src` (whose size must then be a multiple of
/// `unit`), or its first `size * unit` bits.
fn binary_segment(size: Term, unit: u32, src: Term) -> Result<BitWriter, Exception> {
    let Some(b) = src.as_bits() else {
        return Err(error(atom::BADARG));
    };
    let n = if size == Term::atom(atom::ALL) {
        if unit > 1 && !b.bit_size.is_multiple_of(unit as usize) {
            return Err(error(atom::BADARG));
        }
        b.bit_size
    } else {
        let n = put_bits(size, unit)?;
        if n > b.bit_size {
            return Err(error(atom::BADARG));
        }
        n
    };
    let mut w = BitWriter::with_capacity(n.div_ceil(8));
    w.put_bits(b.slice(0, n));
    Ok(w)
}

/// The encoding of code point `v` for `bs_put_utf8`/`16`/`32`.
fn utf_segment(width: u8, flags: u32, v: Term) -> Result<BitWriter, Exception> {
    let c = v
        .as_small()
        .and_then(|c| u32::try_from(c).ok())
        .and_then(char::from_u32)
        .ok_or_else(|| error(atom::BADARG))?;
    let little = super::is_little(flags);
    let mut w = BitWriter::with_capacity(4);
    match width {
        8 => {
            let mut buf = [0u8; 4];
            w.put_bytes(c.encode_utf8(&mut buf).as_bytes());
        }
        16 => {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf).iter() {
                let u = if little { unit.swap_bytes() } else { *unit };
                w.put_u64(u as u64, 16);
            }
        }
        _ => {
            let c = c as u32;
            w.put_u64(if little { c.swap_bytes() } else { c } as u64, 32);
        }
    }
    Ok(w)
}

/// Writes the bits of `w` into the target at its position and advances it. An empty
/// segment needs no target (`bs_append` of zero bits leaves none, as in BEAM).
fn store(p: &mut Process, w: &BitWriter) -> Result<(), Exception> {
    let pos = p.bs_pos;
    let n = w.bit_len();
    if n == 0 {
        return Ok(());
    }
    if with_target(p, |dst| write_bits(dst, pos, w.bytes(), n)) != Some(true) {
        return Err(error(atom::BADARG));
    }
    p.bs_pos = pos + n;
    Ok(())
}

/// Runs `f` over the bytes of the process's target binary, if it has one that it alone can
/// see.
fn with_target<R>(p: &mut Process, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
    let t = p.bs_target;
    if !t.is_boxed() {
        return None;
    }
    match t.header().subtag() {
        boxed::HEAP_BIN => {
            let n = t.boxed_word(1) as usize;
            // SAFETY: `bs_target` is only ever set to a heap binary that `init` just
            // allocated on this process's heap, and is cleared by every collection, so the
            // object has not moved; its `n` bytes start at word 2 and lie within it. The running process
            // owns its heap exclusively, and no other reference into these bytes is alive
            // here (`f` gets the only one; the bits written come from a separate buffer).
            let bytes = unsafe {
                core::slice::from_raw_parts_mut((t.boxed_ptr() as *mut Term).add(2) as *mut u8, n)
            };
            Some(f(bytes))
        }
        boxed::REFC_BIN => {
            let bin = t.boxed_word(2) as *mut OffHeapBin;
            // SAFETY: the handle is live (no collection since it was made) and holds a
            // reference to `bin`.
            if unsafe { OffHeapBin::ref_count(bin) } != 1 {
                return None;
            }
            core::sync::atomic::fence(core::sync::atomic::Ordering::Acquire);
            let n = t.boxed_word(1) as usize;
            // SAFETY: with a count of 1 this process's handle is the data's only owner, so no
            // other thread can reach it, and no other Rust reference into it is alive.
            let data = unsafe { &mut (*bin).data };
            data.get_mut(..n).map(f)
        }
        _ => None,
    }
}

/// Copies the first `n` bits of `src` into `dst` from bit `pos` on, leaving the other bits
/// of `dst` as they are; `false` when they do not fit.
fn write_bits(dst: &mut [u8], pos: usize, src: &[u8], n: usize) -> bool {
    if pos.checked_add(n).is_none_or(|end| end > 8 * dst.len()) || src.len() * 8 < n {
        return false;
    }
    let whole = n / 8;
    if pos.is_multiple_of(8) {
        let at = pos / 8;
        match (dst.get_mut(at..at + whole), src.get(..whole)) {
            (Some(d), Some(s)) => d.copy_from_slice(s),
            _ => return false,
        }
    } else {
        for (i, &b) in src.iter().take(whole).enumerate() {
            put_partial(dst, pos + 8 * i, b, 8);
        }
    }
    let r = n % 8;
    if r > 0 {
        put_partial(
            dst,
            pos + 8 * whole,
            src.get(whole).copied().unwrap_or(0),
            r,
        );
    }
    true
}

/// Writes the top `k <= 8` bits of `v` at bit `pos` of `dst` (which the caller checked).
fn put_partial(dst: &mut [u8], pos: usize, v: u8, k: usize) {
    let mask = (0xFF00u16 >> k) as u8;
    let v = v & mask;
    let (i, shift) = (pos / 8, pos % 8);
    if let Some(b) = dst.get_mut(i) {
        *b = (*b & !(mask >> shift)) | (v >> shift);
    }
    if shift + k > 8 {
        if let Some(b) = dst.get_mut(i + 1) {
            let spill = 8 - shift;
            *b = (*b & !(mask << spill)) | (v << spill);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_bits_aligned_and_not() {
        let mut d = [0u8; 3];
        assert!(write_bits(&mut d, 0, &[0xAB], 8));
        assert!(write_bits(&mut d, 8, &[0xF0], 3));
        assert!(write_bits(&mut d, 11, &[0xFF, 0x80], 9));
        assert_eq!(d, [0xAB, 0xFF, 0xF0]);
        assert!(!write_bits(&mut d, 20, &[0xFF], 5));
        let mut d = [0xFFu8; 2];
        assert!(write_bits(&mut d, 3, &[0x00], 6));
        assert_eq!(d, [0xE0, 0x7F]);
    }

    #[test]
    fn utf_sizes_follow_beam() {
        assert_eq!(utf_size(8, Term::small(0x7F)), 1);
        assert_eq!(utf_size(8, Term::small(0x7FF)), 2);
        assert_eq!(utf_size(8, Term::small(0xFFFF)), 3);
        assert_eq!(utf_size(8, Term::small(0x10000)), 4);
        assert_eq!(utf_size(8, Term::small(-1)), 4);
        assert_eq!(utf_size(16, Term::small(0xFFFF)), 2);
        assert_eq!(utf_size(16, Term::small(0x10000)), 4);
        assert_eq!(utf_size(16, Term::small(-1)), 4);
        assert_eq!(utf_size(16, Term::NIL), 2);
    }
}
