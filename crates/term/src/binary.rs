//! Binaries: heap binaries, reference-counted off-heap binaries, sub-binaries, and a view
//! ([`Bits`]) that reads any of them as bytes plus a bit offset and a bit length.

use crate::boxed::{self, Header};
use crate::term::Term;
use core::sync::atomic::{AtomicUsize, Ordering};

/// Largest binary kept on the process heap, in bytes, as in BEAM: larger ones live off-heap,
/// reference-counted, so sending them copies a handle instead of the bytes.
pub const HEAP_BIN_LIMIT: usize = 64;

/// The data of a large binary, shared between processes by reference count.
pub struct OffHeapBin {
    refc: AtomicUsize,
    pub data: Vec<u8>,
}

impl OffHeapBin {
    /// A new off-heap binary with one reference (owned by the handle about to be built).
    pub fn new(data: Vec<u8>) -> *mut OffHeapBin {
        Box::into_raw(Box::new(OffHeapBin {
            refc: AtomicUsize::new(1),
            data,
        }))
    }

    /// Adds a reference (a new handle now points here).
    ///
    /// # Safety
    /// `this` must come from [`OffHeapBin::new`] and still hold at least one reference.
    pub unsafe fn inc_ref(this: *const OffHeapBin) {
        // SAFETY: the caller guarantees the data is alive.
        unsafe { (*this).refc.fetch_add(1, Ordering::Relaxed) };
    }

    /// Drops a reference and frees the data with the last one.
    ///
    /// # Safety
    /// `this` must come from [`OffHeapBin::new`], and the caller must own the reference it
    /// drops (never use the pointer through this handle again).
    pub unsafe fn dec_ref(this: *mut OffHeapBin) {
        // SAFETY: the caller owns a reference, so the data is alive until the count reaches
        // zero, and the pointer came from `Box::into_raw` in `new`.
        unsafe {
            if (*this).refc.fetch_sub(1, Ordering::Release) == 1 {
                core::sync::atomic::fence(Ordering::Acquire);
                drop(Box::from_raw(this));
            }
        }
    }

    /// Current reference count (for tests and `erlang:process_info(binary)`-style reports).
    ///
    /// # Safety
    /// As for [`OffHeapBin::inc_ref`].
    pub unsafe fn ref_count(this: *const OffHeapBin) -> usize {
        // SAFETY: the caller guarantees the data is alive.
        unsafe { (*this).refc.load(Ordering::Relaxed) }
    }
}

/// Releases the reference held by a refc-binary handle that died (called by collectors and
/// by areas that are dropped).
pub fn release_handle(handle: Term) {
    if handle.is_boxed() && handle.header().subtag() == boxed::REFC_BIN {
        // SAFETY: a refc handle holds one reference to data made by `OffHeapBin::new`, and
        // its owner calls this once, when the handle dies.
        unsafe { OffHeapBin::dec_ref(handle.boxed_word(2) as *mut OffHeapBin) };
    }
}

/// Header of a heap binary of `n` bytes.
pub fn heap_bin_header(n: usize) -> Header {
    Header::new(boxed::HEAP_BIN, 1 + n.div_ceil(8))
}

/// Any bitstring read as bytes, a starting bit and a length in bits.
#[derive(Copy, Clone, Debug)]
pub struct Bits<'a> {
    /// The underlying bytes; the bitstring starts at bit `bit_offset` of `bytes[0]`.
    pub bytes: &'a [u8],
    pub bit_offset: usize,
    pub bit_size: usize,
}

impl<'a> Bits<'a> {
    /// Whether the bitstring is whole bytes starting on a byte boundary.
    pub fn is_byte_aligned(&self) -> bool {
        self.bit_offset.is_multiple_of(8) && self.bit_size.is_multiple_of(8)
    }

    /// Length in whole bytes (rounded down).
    pub fn byte_size(&self) -> usize {
        self.bit_size / 8
    }

    /// The bytes when the bitstring is byte aligned.
    pub fn as_aligned_bytes(&self) -> Option<&'a [u8]> {
        if !self.is_byte_aligned() {
            return None;
        }
        let start = self.bit_offset / 8;
        self.bytes.get(start..start + self.bit_size / 8)
    }

    /// Bit `i` (0 = the first, most significant) of the bitstring.
    pub fn bit(&self, i: usize) -> bool {
        let abs = self.bit_offset + i;
        self.bytes
            .get(abs / 8)
            .is_some_and(|b| b & (0x80 >> (abs % 8)) != 0)
    }

    /// The byte made of bits `8*i .. 8*i+8` (the last, partial byte is padded with zeros).
    pub fn byte_at(&self, i: usize) -> u8 {
        let abs = self.bit_offset + i * 8;
        let shift = abs % 8;
        let first = self.bytes.get(abs / 8).copied().unwrap_or(0);
        let mut v = if shift == 0 {
            first
        } else {
            let second = self.bytes.get(abs / 8 + 1).copied().unwrap_or(0);
            (first << shift) | (second >> (8 - shift))
        };
        let remaining = self.bit_size.saturating_sub(i * 8);
        if remaining < 8 {
            v &= !(0xFFu8 >> remaining);
        }
        v
    }

    /// The bitstring copied into whole bytes (the last one zero-padded) and the number of
    /// bits used in the last byte (0 meaning 8 or empty).
    pub fn to_bytes(&self) -> Vec<u8> {
        if let Some(b) = self.as_aligned_bytes() {
            return b.to_vec();
        }
        (0..self.bit_size.div_ceil(8))
            .map(|i| self.byte_at(i))
            .collect()
    }

    /// A sub-range of this bitstring, in bits.
    pub fn slice(&self, bit_start: usize, bit_len: usize) -> Bits<'a> {
        Bits {
            bytes: self.bytes,
            bit_offset: self.bit_offset + bit_start,
            bit_size: bit_len,
        }
    }
}

impl Term {
    /// The bits of a binary or bitstring term, whatever its representation.
    pub fn as_bits<'a>(self) -> Option<Bits<'a>> {
        if !self.is_boxed() {
            return None;
        }
        let h = self.header();
        match h.subtag() {
            boxed::HEAP_BIN => {
                let n = self.boxed_word(1) as usize;
                // SAFETY: a heap binary stores `n` bytes from word 2 on (its arity covers them).
                let bytes =
                    unsafe { core::slice::from_raw_parts(self.boxed_ptr().add(2) as *const u8, n) };
                Some(Bits {
                    bytes,
                    bit_offset: 0,
                    bit_size: n * 8,
                })
            }
            boxed::REFC_BIN => {
                let n = self.boxed_word(1) as usize;
                let p = self.boxed_word(2) as *const OffHeapBin;
                // SAFETY: the handle holds a reference, so the data is alive; `n` never exceeds
                // the data's length (set at construction).
                let data = unsafe { &(*p).data };
                Some(Bits {
                    bytes: data.get(..n).unwrap_or(data),
                    bit_offset: 0,
                    bit_size: n * 8,
                })
            }
            boxed::SUB_BIN => {
                let size = self.boxed_word(1) as usize;
                let offset = self.boxed_word(2) as usize;
                let orig = Term::from_raw(self.boxed_word(3));
                let base = orig.as_bits()?;
                Some(Bits {
                    bytes: base.bytes,
                    bit_offset: base.bit_offset + offset,
                    bit_size: size,
                })
            }
            _ => None,
        }
    }

    /// The bytes of a binary (a bitstring of whole bytes) — `None` for other terms and for
    /// bitstrings whose length is not a multiple of 8. Unaligned sub-binaries are copied.
    pub fn binary_bytes<'a>(self) -> Option<std::borrow::Cow<'a, [u8]>> {
        let bits = self.as_bits()?;
        if bits.bit_size % 8 != 0 {
            return None;
        }
        Some(match bits.as_aligned_bytes() {
            Some(b) => std::borrow::Cow::Borrowed(b),
            None => std::borrow::Cow::Owned(bits.to_bytes()),
        })
    }

    /// Whether this is a binary (a bitstring of whole bytes).
    pub fn is_binary(self) -> bool {
        self.as_bits().is_some_and(|b| b.bit_size % 8 == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_reads_unaligned_bytes() {
        let data = [0b1010_1010u8, 0b1111_0000, 0b0000_1111];
        let b = Bits {
            bytes: &data,
            bit_offset: 4,
            bit_size: 12,
        };
        assert_eq!(b.byte_at(0), 0b1010_1111);
        assert_eq!(b.byte_at(1), 0b0000_0000);
        assert!(!b.is_byte_aligned());
        assert_eq!(b.to_bytes(), vec![0b1010_1111, 0]);
        assert!(b.bit(0));
        assert!(!b.bit(1));
    }

    #[test]
    fn offheap_refcount_frees_at_zero() {
        let p = OffHeapBin::new(vec![1, 2, 3]);
        // SAFETY: `p` is fresh with one reference; each call below keeps the count balanced.
        unsafe {
            OffHeapBin::inc_ref(p);
            assert_eq!(OffHeapBin::ref_count(p), 2);
            OffHeapBin::dec_ref(p);
            assert_eq!(OffHeapBin::ref_count(p), 1);
            OffHeapBin::dec_ref(p);
        }
    }
}

// ---- match contexts (`bs_start_match3` and the `bs_get_*` family) ----

/// Words a match context takes on the heap.
pub const MATCH_CTX_WORDS: usize = 5;

/// Builds a match context over `orig` (a heap or refc binary, never a sub-binary) reading
/// bits `start..end`, positioned at `start`.
pub fn match_context(
    heap: &mut dyn crate::alloc::TermAlloc,
    orig: Term,
    start: usize,
    end: usize,
) -> Term {
    let p = heap.alloc(MATCH_CTX_WORDS);
    // SAFETY: `alloc` returned five writable words.
    unsafe {
        p.write(Header::new(boxed::MATCH_CTX, MATCH_CTX_WORDS - 1).as_term());
        p.add(1).write(orig);
        p.add(2).write(Term::from_raw(start as u64));
        p.add(3).write(Term::from_raw(end as u64));
        p.add(4).write(Term::from_raw(start as u64));
    }
    Term::from_boxed_ptr(p)
}

/// The parts of a match context: original binary, start bit, end bit, current position.
#[derive(Copy, Clone, Debug)]
pub struct MatchCtx {
    pub orig: Term,
    pub start: usize,
    pub end: usize,
    pub pos: usize,
}

impl Term {
    /// The parts of a match context, or `None` if this is not one.
    pub fn as_match_ctx(self) -> Option<MatchCtx> {
        if !self.is_match_context() {
            return None;
        }
        Some(MatchCtx {
            orig: Term::from_raw(self.boxed_word(1)),
            start: self.boxed_word(2) as usize,
            end: self.boxed_word(3) as usize,
            pos: self.boxed_word(4) as usize,
        })
    }

    /// Moves a match context to bit `pos` (absolute, within its start..end). The context is
    /// private to the process that matches with it, so updating it in place is invisible to
    /// anyone else. Does nothing if this is not a match context.
    pub fn set_match_position(self, pos: usize) {
        if !self.is_match_context() {
            return;
        }
        // SAFETY: a match context is a live five-word object (checked above); word 4 is raw
        // data (the collector does not scan it), so any value may be stored there.
        unsafe {
            (self.boxed_ptr() as *mut Term)
                .add(4)
                .write(Term::from_raw(pos as u64))
        };
    }
}
