//! Building binaries: `bs_create_bin` (every segment kind), appends, `bs_init_writable`,
//! and [`BitWriter`], the bit-level buffer the binary BIFs build with too. The older
//! step-by-step construction instructions are in [`super::legacy`].
//!
//! `bs_create_bin` works as BEAM's: a first pass checks every size (and the types it needs
//! for that) and adds up the bits, then the segments are written in order. A failure
//! raises `badarg` (or `system_limit` for absurd sizes) whose stack frame carries
//! `{error_info, #{cause => {Segment, Type, Error, Value}, function => format_bs_fail,
//! module => erl_erts_errors}}`, from which the shell explains the failure.
//!
//! ## Appending in place
//! `<<Acc/binary, ...>>` in a loop would copy `Acc` every time; BEAM instead grows a
//! "writable" buffer in place, and so do we. An append result is a sub-binary over a refc
//! binary whose off-heap `data` holds the used bytes plus one trailing byte giving the
//! unused bits of the last used byte (0..=7); the handle's byte size counts only the used
//! bytes, so every reader sees the usual layout. A later append to a bitstring extends that
//! buffer instead of copying when all of these hold (see [`writable`]):
//! - the value is a sub-binary of such a buffer (`data.len() == handle size + 1`), whose
//!   handle lives on this process's heap (so never a literal) and is the buffer's only
//!   reference (count 1: no other process and no other handle can see it);
//! - the value ends exactly where the buffer's used bits end, so no other term covers the
//!   bits about to be written.
//!
//! Growing only writes past the used end and updates the handle's size; every existing
//! sub-binary keeps its own size and offset, so none of them sees a change.

use enigma_heap::ProcessHeap;
use enigma_term::binary::{Bits, OffHeapBin};
use enigma_term::{atom, boxed, build, map, Atom, Term, TermAlloc};
use num_bigint::Sign;
use num_traits::ToPrimitive;

use super::{f64_to_f16, is_little};
use crate::emulator::exception::Exception;
use crate::emulator::instr::{BsSegKind, BsSegment};
use crate::emulator::run::read;
use crate::process::Process;

/// Largest binary `bs_create_bin` builds, in bytes. BEAM's only limit is memory (it aborts
/// when an allocation fails); Enigma raises `system_limit` above this size instead.
pub const MAX_BUILD_BYTES: usize = 1 << 32;

/// Smallest capacity of a new writable (appendable) buffer, in bytes, as in BEAM: small
/// enough to be cheap, large enough that a loop of small appends rarely reallocates.
const MIN_WRITABLE_BYTES: usize = 256;

/// A bitstring being built: bytes filled from the most significant bit, unused low bits of
/// the last byte zero.
#[derive(Default, Debug, Clone)]
pub struct BitWriter {
    buf: Vec<u8>,
    bits: usize,
}

impl BitWriter {
    pub fn new() -> BitWriter {
        BitWriter::default()
    }

    pub fn with_capacity(bytes: usize) -> BitWriter {
        BitWriter {
            buf: Vec::with_capacity(bytes),
            bits: 0,
        }
    }

    /// Continues writing after the first `bits` bits of `buf` (its bits past them zero).
    fn resume(buf: Vec<u8>, bits: usize) -> BitWriter {
        BitWriter { buf, bits }
    }

    /// Bits written so far.
    pub fn bit_len(&self) -> usize {
        self.bits
    }

    /// The bytes written so far (the last one zero-padded).
    pub fn bytes(&self) -> &[u8] {
        &self.buf
    }

    /// The bytes (the last one zero-padded); see [`BitWriter::bit_len`] for the length.
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }

    /// Appends one byte.
    #[inline]
    pub fn put_byte(&mut self, b: u8) {
        if self.bits.is_multiple_of(8) {
            self.buf.push(b);
            self.bits += 8;
        } else {
            self.put_u64(b as u64, 8);
        }
    }

    /// Appends the low `n <= 64` bits of `v`, most significant first.
    pub fn put_u64(&mut self, v: u64, n: usize) {
        if n == 0 {
            return;
        }
        let v = if n >= 64 { v } else { v & ((1u64 << n) - 1) };
        if self.bits.is_multiple_of(8) && n.is_multiple_of(8) {
            for i in (0..n / 8).rev() {
                self.buf.push((v >> (8 * i)) as u8);
            }
            self.bits += n;
            return;
        }
        let mut left = n;
        while left > 0 {
            let used = self.bits % 8;
            if used == 0 {
                self.buf.push(0);
            }
            let free = 8 - used;
            let take = free.min(left);
            let chunk = ((v >> (left - take)) & ((1u64 << take) - 1)) as u8;
            if let Some(last) = self.buf.last_mut() {
                *last |= chunk << (free - take);
            }
            self.bits += take;
            left -= take;
        }
    }

    /// Appends `n` zero bits.
    pub fn put_zeros(&mut self, n: usize) {
        let used = self.bits % 8;
        let fresh = (used + n).div_ceil(8) - usize::from(used > 0);
        self.buf.resize(self.buf.len() + fresh, 0);
        self.bits += n;
    }

    /// Appends whole bytes.
    pub fn put_bytes(&mut self, b: &[u8]) {
        let used = self.bits % 8;
        if used == 0 {
            self.buf.extend_from_slice(b);
        } else {
            self.buf.reserve(b.len());
            for &x in b {
                if let Some(last) = self.buf.last_mut() {
                    *last |= x >> used;
                }
                self.buf.push(x << (8 - used));
            }
        }
        self.bits += 8 * b.len();
    }

    /// Appends a bitstring.
    pub fn put_bits(&mut self, src: Bits) {
        let whole = src.bit_size / 8;
        if src.bit_offset.is_multiple_of(8) {
            let start = src.bit_offset / 8;
            match src.bytes.get(start..start + whole) {
                Some(b) => self.put_bytes(b),
                None => (0..whole).for_each(|i| self.put_byte(src.byte_at(i))),
            }
        } else {
            self.buf.reserve(whole + 1);
            (0..whole).for_each(|i| self.put_byte(src.byte_at(i)));
        }
        let r = src.bit_size % 8;
        if r > 0 {
            self.put_u64((src.byte_at(whole) >> (8 - r)) as u64, r);
        }
    }

    /// Appends the `n` bits of `le` (a two's complement value, least significant byte
    /// first, at least `ceil(n / 8)` bytes) in big- or little-endian segment order.
    fn put_le_bytes(&mut self, le: &[u8], n: usize, little: bool) {
        let k = n / 8;
        let r = n % 8;
        let partial = |le: &[u8]| (le.get(k).copied().unwrap_or(0) as u64) & ((1u64 << r) - 1);
        if little {
            (0..k).for_each(|i| self.put_byte(le.get(i).copied().unwrap_or(0)));
            if r > 0 {
                self.put_u64(partial(le), r);
            }
        } else {
            if r > 0 {
                self.put_u64(partial(le), r);
            }
            (0..k)
                .rev()
                .for_each(|i| self.put_byte(le.get(i).copied().unwrap_or(0)));
        }
    }

    /// Appends integer `v` in `n` bits (truncated to the low bits, as BEAM does). `false`
    /// when `v` is not an integer.
    pub fn put_integer(&mut self, v: Term, n: usize, little: bool) -> bool {
        if let Some(i) = v.as_small() {
            if n <= 64 {
                if little {
                    self.put_le_bytes(&(i as u64).to_le_bytes(), n, true);
                } else {
                    self.put_u64(i as u64, n);
                }
                return true;
            }
            let fill = if i < 0 { 0xFF } else { 0 };
            let mut le = vec![fill; n.div_ceil(8)];
            le[..8].copy_from_slice(&i.to_le_bytes());
            self.put_le_bytes(&le, n, little);
            return true;
        }
        let Some(b) = v.as_bigint() else { return false };
        let len = n.div_ceil(8);
        let mut le = b.to_signed_bytes_le();
        let fill = if b.sign() == Sign::Minus { 0xFF } else { 0 };
        le.resize(len, fill);
        self.put_le_bytes(&le, n, little);
        true
    }
}

/// The binary term of a finished writer: a heap or refc binary, or for a bit length that is
/// not a multiple of 8, a sub-binary over one.
pub fn finish(heap: &mut dyn TermAlloc, w: BitWriter) -> Term {
    let bits = w.bits;
    let bin = build::binary_from_vec(heap, w.buf);
    if bits.is_multiple_of(8) {
        bin
    } else {
        build::sub_binary(heap, bin, 0, bits)
    }
}

// ---- writable buffers (see the module documentation) ----

/// Sets the byte size (word 1) of a refc handle.
fn set_handle_size(handle: Term, n: usize) {
    debug_assert!(handle.is_boxed() && handle.header().subtag() == boxed::REFC_BIN);
    // SAFETY: `handle` is a live refc handle (three words) owned by the running process;
    // word 1 is raw data that no collector interprets.
    unsafe {
        (handle.boxed_ptr() as *mut Term)
            .add(1)
            .write(Term::from_raw(n as u64))
    };
}

/// A writable buffer holding the bits of `w`, and the sub-binary that covers them.
fn new_writable(heap: &mut dyn TermAlloc, w: BitWriter) -> Term {
    let bits = w.bits;
    let mut data = w.buf;
    let n = data.len();
    let want = (2 * n + 1).max(MIN_WRITABLE_BYTES);
    data.reserve(want.saturating_sub(data.len()));
    data.push((8 * n - bits) as u8);
    let handle = build::refc_binary(heap, data);
    set_handle_size(handle, n);
    build::sub_binary(heap, handle, 0, bits)
}

/// `bs_init_writable`: an empty bitstring that appends can grow in place (`size_hint`, in
/// bytes, is how much the compiler expects; it only sizes the first allocation).
pub fn init_writable(h: &mut ProcessHeap, size_hint: Term) -> Term {
    let hint = size_hint.as_small().unwrap_or(0).clamp(0, 1 << 20) as usize;
    new_writable(h, BitWriter::with_capacity(hint))
}

/// When `v` can be appended to in place: its buffer's handle, the off-heap data, and the
/// bit offset and size of `v`.
fn writable(heap: &ProcessHeap, v: Term) -> Option<(Term, *mut OffHeapBin, usize, usize)> {
    if !v.is_boxed() || v.header().subtag() != boxed::SUB_BIN {
        return None;
    }
    let handle = Term::from_raw(v.boxed_word(3));
    if !handle.is_boxed()
        || handle.header().subtag() != boxed::REFC_BIN
        || !heap.owns(handle.boxed_ptr())
    {
        return None;
    }
    let ptr = handle.boxed_word(2) as *mut OffHeapBin;
    // SAFETY: the handle is live on this process's heap and holds a reference to `ptr`.
    if unsafe { OffHeapBin::ref_count(ptr) } != 1 {
        return None;
    }
    // Pairs with the release decrement of any other owner that has just let go.
    core::sync::atomic::fence(core::sync::atomic::Ordering::Acquire);
    let n = handle.boxed_word(1) as usize;
    // SAFETY: the handle holds a reference, so the data is alive; nothing mutates it
    // concurrently (the count is 1 and this process is running).
    let data = unsafe { &(*ptr).data };
    if data.len() != n + 1 {
        return None;
    }
    let pad = data.get(n).copied().unwrap_or(8) as usize;
    if pad > 7 || (n == 0 && pad != 0) {
        return None;
    }
    let used = 8 * n - pad;
    let (size, off) = (v.boxed_word(1) as usize, v.boxed_word(2) as usize);
    (off + size == used).then_some((handle, ptr, off, size))
}

/// `v` (a bitstring) followed by the bits of `tail`: grown in place when [`writable`] allows,
/// else copied into a new writable buffer.
pub(crate) fn append(heap: &mut ProcessHeap, v: Term, tail: BitWriter) -> Term {
    if let Some((handle, ptr, off, size)) = writable(heap, v) {
        let n = handle.boxed_word(1) as usize;
        // SAFETY: `writable` checked that this process's handle is the data's only
        // reference, so no other thread can reach it; no Rust reference into the data is
        // alive (the tail was built in its own buffer).
        let data = unsafe { &mut (*ptr).data };
        let mut buf = core::mem::take(data);
        let pad = buf.pop().unwrap_or(0) as usize;
        let used = 8 * n - pad;
        let mut w = BitWriter::resume(buf, used);
        w.put_bits(Bits {
            bytes: &tail.buf,
            bit_offset: 0,
            bit_size: tail.bits,
        });
        let new_n = w.buf.len();
        let new_pad = 8 * new_n - w.bits;
        let mut buf = w.buf;
        buf.push(new_pad as u8);
        *data = buf;
        set_handle_size(handle, new_n);
        return build::sub_binary(heap, handle, off, size + tail.bits);
    }
    let old = v.as_bits().map_or(0, |b| b.bit_size);
    let mut w = BitWriter::with_capacity((old + tail.bits).div_ceil(8) + 1);
    if let Some(b) = v.as_bits() {
        w.put_bits(b);
    }
    w.put_bits(Bits {
        bytes: &tail.buf,
        bit_offset: 0,
        bit_size: tail.bits,
    });
    new_writable(heap, w)
}

// ---- bs_create_bin ----

/// Why a segment failed: `{Segment, Type, Error, Value}` of the error_info cause.
struct Fail {
    reason: Atom,
    seg: usize,
    kind: BsSegKind,
    info: &'static str,
    value: Term,
}

fn kind_atom(k: BsSegKind) -> Atom {
    match k {
        BsSegKind::Integer => atom::INTEGER,
        BsSegKind::Float => atom::FLOAT,
        BsSegKind::Binary | BsSegKind::Append | BsSegKind::PrivateAppend => atom::BINARY,
        BsSegKind::Utf8 => atom::UTF8,
        BsSegKind::Utf16 => atom::UTF16,
        BsSegKind::Utf32 => atom::UTF32,
        BsSegKind::String => Atom::intern("string").unwrap_or(atom::UNDEFINED),
    }
}

fn intern(s: &str) -> Term {
    Term::atom(Atom::intern(s).unwrap_or(atom::UNDEFINED))
}

fn exception(heap: &mut dyn TermAlloc, f: Fail) -> Exception {
    let cause = build::tuple(
        heap,
        &[
            Term::small(f.seg as i64),
            Term::atom(kind_atom(f.kind)),
            intern(f.info),
            f.value,
        ],
    );
    let m = map::from_pairs(
        heap,
        vec![
            (Term::atom(atom::CAUSE), cause),
            (Term::atom(atom::FUNCTION), intern("format_bs_fail")),
            (Term::atom(atom::MODULE), intern("erl_erts_errors")),
        ],
    );
    let ei = build::tuple(heap, &[Term::atom(atom::ERROR_INFO), m]);
    let mut e = Exception::error(Term::atom(f.reason));
    e.info = build::list(heap, &[ei]);
    e
}

/// The bits of a sized segment: `size * unit`, or why not (reason and error atom).
fn sized_bits(size: Term, unit: u32) -> Result<usize, Atom> {
    if let Some(n) = size.as_small() {
        if n < 0 {
            return Err(atom::BADARG);
        }
        return match (n as u64).checked_mul(unit as u64) {
            Some(b) if b <= i64::MAX as u64 => Ok(b as usize),
            _ => Err(atom::SYSTEM_LIMIT),
        };
    }
    match size.as_bigint() {
        Some(b) if b.sign() != Sign::Minus => Err(atom::SYSTEM_LIMIT),
        _ => Err(atom::BADARG),
    }
}

fn bit_size(t: Term) -> Option<usize> {
    t.as_bits().map(|b| b.bit_size)
}

fn valid_code_point(v: Term) -> Option<u32> {
    let c = v.as_small()?;
    ((0..=0x10FFFF).contains(&c) && !(0xD800..=0xDFFF).contains(&c)).then_some(c as u32)
}

/// `bs_create_bin`: builds the binary the segments describe.
pub fn create_bin(p: &mut Process, x: &[Term], segs: &[BsSegment]) -> Result<Term, Exception> {
    build_segments(p, x, segs).map_err(|f| exception(&mut p.heap, f))
}

fn build_segments(p: &mut Process, x: &[Term], segs: &[BsSegment]) -> Result<Term, Fail> {
    // Errors name the segment by the compiler's number for it (its place in the source).
    let fail = |reason: Atom, s: &BsSegment, info: &'static str, value: Term| Fail {
        reason,
        seg: s.number as usize,
        kind: s.kind,
        info,
        value,
    };
    // Pass 1: sizes.
    let mut sizes: Vec<usize> = Vec::with_capacity(segs.len());
    let mut total: u128 = 0;
    for s in segs {
        let value = read(x, &p.stack, s.value);
        let size = read(x, &p.stack, s.size);
        let bits = match s.kind {
            BsSegKind::Append | BsSegKind::PrivateAppend => 0,
            BsSegKind::String => bit_size(value).unwrap_or(0),
            BsSegKind::Binary if size == Term::atom(atom::ALL) => match bit_size(value) {
                Some(b) => b,
                None => return Err(fail(atom::BADARG, s, "type", value)),
            },
            BsSegKind::Binary | BsSegKind::Integer | BsSegKind::Float => {
                match sized_bits(size, s.unit) {
                    Ok(b) => b,
                    Err(reason) => return Err(fail(reason, s, "size", size)),
                }
            }
            BsSegKind::Utf8 => match value.as_small() {
                Some(c) if c < 0x80 => 8,
                Some(c) if c < 0x800 => 16,
                Some(c) if c < 0x10000 => 24,
                _ => 32,
            },
            BsSegKind::Utf16 => match value.as_small() {
                Some(c) if c >= 0x10000 => 32,
                _ => 16,
            },
            BsSegKind::Utf32 => match valid_code_point(value) {
                Some(_) => 32,
                None => return Err(fail(atom::BADARG, s, "type", value)),
            },
        };
        sizes.push(bits);
        total += bits as u128;
    }
    if total > (MAX_BUILD_BYTES as u128) * 8 {
        let s = segs.first();
        return Err(Fail {
            reason: atom::SYSTEM_LIMIT,
            seg: 1,
            kind: s.map_or(BsSegKind::Binary, |s| s.kind),
            info: "size",
            value: Term::atom(atom::UNDEFINED),
        });
    }
    let total = total as usize;

    // An append checks the binary it extends before anything is written.
    let mut start = 0;
    let mut base = None;
    if let Some(s) = segs.first() {
        if matches!(s.kind, BsSegKind::Append | BsSegKind::PrivateAppend) {
            let v = read(x, &p.stack, s.value);
            let Some(b) = bit_size(v) else {
                return Err(fail(atom::BADARG, s, "type", v));
            };
            if s.kind == BsSegKind::Append && s.unit > 1 && !b.is_multiple_of(s.unit as usize) {
                return Err(fail(atom::BADARG, s, "unit", v));
            }
            if total == 0 {
                return Ok(v);
            }
            base = Some(v);
            start = 1;
        }
    }

    // Pass 2: the bits.
    let mut w = BitWriter::with_capacity(total.div_ceil(8));
    for (i, s) in segs.iter().enumerate().skip(start) {
        let value = read(x, &p.stack, s.value);
        let bits = sizes.get(i).copied().unwrap_or(0);
        let little = is_little(s.flags);
        match s.kind {
            BsSegKind::Append | BsSegKind::PrivateAppend => {
                // Only valid as the first segment; treat a later one as a binary.
                match value.as_bits() {
                    Some(b) => w.put_bits(b),
                    None => return Err(fail(atom::BADARG, s, "type", value)),
                }
            }
            BsSegKind::String => {
                if let Some(b) = value.as_bits() {
                    w.put_bits(b);
                }
            }
            BsSegKind::Binary => {
                let size = read(x, &p.stack, s.size);
                let Some(b) = value.as_bits() else {
                    return Err(fail(atom::BADARG, s, "type", value));
                };
                if size == Term::atom(atom::ALL) {
                    if s.unit > 1 && !b.bit_size.is_multiple_of(s.unit as usize) {
                        return Err(fail(atom::BADARG, s, "unit", value));
                    }
                    w.put_bits(b);
                } else {
                    if b.bit_size < bits {
                        return Err(fail(atom::BADARG, s, "short", value));
                    }
                    w.put_bits(b.slice(0, bits));
                }
            }
            BsSegKind::Integer => {
                if !w.put_integer(value, bits, little) {
                    return Err(fail(atom::BADARG, s, "type", value));
                }
            }
            BsSegKind::Float => {
                if !matches!(bits, 16 | 32 | 64) {
                    return Err(fail(atom::BADARG, s, "invalid", Term::small(bits as i64)));
                }
                let raw = match float_bits(value, bits) {
                    Ok(r) => r,
                    Err(info) => return Err(fail(atom::BADARG, s, info, value)),
                };
                if little {
                    w.put_le_bytes(&raw.to_le_bytes(), bits, true);
                } else {
                    w.put_u64(raw, bits);
                }
            }
            BsSegKind::Utf8 => {
                let Some(c) = valid_code_point(value).and_then(char::from_u32) else {
                    return Err(fail(atom::BADARG, s, "type", value));
                };
                let mut buf = [0u8; 4];
                w.put_bytes(c.encode_utf8(&mut buf).as_bytes());
            }
            BsSegKind::Utf16 => {
                let Some(c) = valid_code_point(value).and_then(char::from_u32) else {
                    return Err(fail(atom::BADARG, s, "type", value));
                };
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf).iter() {
                    let u = if little { unit.swap_bytes() } else { *unit };
                    w.put_u64(u as u64, 16);
                }
            }
            BsSegKind::Utf32 => {
                let c = valid_code_point(value).unwrap_or(0);
                let c = if little { c.swap_bytes() } else { c };
                w.put_u64(c as u64, 32);
            }
        }
    }
    Ok(match base {
        Some(v) => append(&mut p.heap, v, w),
        None => finish(&mut p.heap, w),
    })
}

/// The IEEE bits of a float segment's value in `bits` (16, 32 or 64) bits, or the error
/// (`type` for a non-number, `no_float` for an integer too large for a float).
pub(crate) fn float_bits(v: Term, bits: usize) -> Result<u64, &'static str> {
    let f = if let Some(f) = v.as_float() {
        f
    } else if let Some(i) = v.as_small() {
        if bits == 32 {
            return Ok((i as f32).to_bits() as u64);
        }
        i as f64
    } else if let Some(b) = v.as_bigint() {
        match b.to_f64() {
            Some(f) if f.is_finite() => f,
            _ => return Err("no_float"),
        }
    } else {
        return Err("type");
    };
    Ok(match bits {
        16 => f64_to_f16(f) as u64,
        32 => (f as f32).to_bits() as u64,
        _ => f.to_bits(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writer_packs_bits_msb_first() {
        let mut w = BitWriter::new();
        w.put_u64(0b101, 3);
        w.put_u64(0b11111, 5);
        assert_eq!(w.bytes(), &[0b1011_1111]);
        w.put_u64(1, 1);
        w.put_bytes(&[0xFF]);
        assert_eq!(w.bit_len(), 17);
        assert_eq!(w.bytes(), &[0b1011_1111, 0xFF, 0x80]);
    }

    #[test]
    fn integers_truncate_and_order() {
        let mut h = ProcessHeap::default();
        let mut w = BitWriter::new();
        assert!(w.put_integer(Term::small(0xABC), 12, true));
        assert_eq!(w.bytes(), &[0xBC, 0xA0]);
        let mut w = BitWriter::new();
        assert!(w.put_integer(Term::small(-1), 12, false));
        assert_eq!(w.bytes(), &[0xFF, 0xF0]);
        let mut w = BitWriter::new();
        assert!(w.put_integer(Term::small(1), 72, false));
        assert_eq!(w.bytes(), &[0, 0, 0, 0, 0, 0, 0, 0, 1]);
        let big = enigma_term::integer::from_bigint(&mut h, &(num_bigint::BigInt::from(1) << 70));
        let mut w = BitWriter::new();
        assert!(w.put_integer(big, 72, true));
        assert_eq!(w.bytes(), &[0, 0, 0, 0, 0, 0, 0, 0, 0x40]);
        assert!(!w.put_integer(Term::NIL, 8, false));
    }

    #[test]
    fn appends_grow_in_place_without_changing_older_values() {
        let mut h = ProcessHeap::default();
        let mut w = BitWriter::new();
        w.put_bytes(b"ab");
        let empty = build::binary(&mut h, b"");
        let a = append(&mut h, empty, w);
        let mut t = BitWriter::new();
        t.put_bytes(b"c");
        let b = append(&mut h, a, t.clone());
        assert!(writable(&h, b).is_some());
        assert!(writable(&h, a).is_none());
        // Appending to the older value copies instead of overwriting `b`'s byte.
        let mut t2 = BitWriter::new();
        t2.put_bytes(b"X");
        let c = append(&mut h, a, t2);
        assert_eq!(a.binary_bytes().as_deref(), Some(&b"ab"[..]));
        assert_eq!(b.binary_bytes().as_deref(), Some(&b"abc"[..]));
        assert_eq!(c.binary_bytes().as_deref(), Some(&b"abX"[..]));
        // Bit-level appends in place.
        let mut t3 = BitWriter::new();
        t3.put_u64(1, 1);
        let d = append(&mut h, b, t3.clone());
        let e = append(&mut h, d, t3);
        assert_eq!(
            e.as_bits().map(|b| (b.bit_size, b.to_bytes())),
            Some((26, b"abc\xC0".to_vec()))
        );
        assert_eq!(d.as_bits().map(|b| b.bit_size), Some(25));
    }
}
