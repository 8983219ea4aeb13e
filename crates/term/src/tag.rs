//! The tag bits of a term word, laid out as in BEAM (see `docs/design/terms.md`).
//!
//! ```text
//! primary tag (2 bits)   00 header (only on the heap)   01 cons pointer
//!                        10 boxed pointer               11 immediate
//! immediate1 (4 bits)    0011 local pid   0111 local port   1011 immediate2   1111 small int
//! immediate2 (6 bits)    00_1011 atom     01_1011 catch     11_1011 nil
//! ```
//! Heap words are 8-byte aligned, so a pointer leaves its low three bits free for the tag.
//! A code address saved on the Erlang stack (a continuation pointer) is an aligned pointer
//! with primary tag 00; the collector skips such words, because no header lives on a stack.

/// Mask of the primary tag.
pub const PRIMARY_MASK: u64 = 0b11;
/// Primary tag of a header word (and of a continuation pointer on the stack).
pub const PRIMARY_HEADER: u64 = 0b00;
/// Primary tag of a pointer to a cons cell.
pub const PRIMARY_LIST: u64 = 0b01;
/// Primary tag of a pointer to a boxed object.
pub const PRIMARY_BOXED: u64 = 0b10;
/// Primary tag of every immediate.
pub const PRIMARY_IMMED: u64 = 0b11;

/// Mask of the immediate1 tag.
pub const IMMED1_MASK: u64 = 0b1111;
/// Bits of the immediate1 tag.
pub const IMMED1_SIZE: u32 = 4;
/// A local process identifier.
pub const IMMED1_PID: u64 = 0b0011;
/// A local port identifier.
pub const IMMED1_PORT: u64 = 0b0111;
/// Escape to the immediate2 tags.
pub const IMMED1_IMMED2: u64 = 0b1011;
/// A small integer of [`SMALL_BITS`] bits.
pub const IMMED1_SMALL: u64 = 0b1111;

/// Mask of the immediate2 tag.
pub const IMMED2_MASK: u64 = 0b11_1111;
/// Bits of the immediate2 tag.
pub const IMMED2_SIZE: u32 = 6;
/// An atom: the atom's index in the atom table above the tag.
pub const IMMED2_ATOM: u64 = 0b00_1011;
/// A catch label (an index into the catch table), only in y registers.
pub const IMMED2_CATCH: u64 = 0b01_1011;
/// The empty list `[]`; the payload bits are zero.
pub const IMMED2_NIL: u64 = 0b11_1011;

/// Width of a small integer: 64 bits less the 4 tag bits, as in 64-bit BEAM.
pub const SMALL_BITS: u32 = 64 - IMMED1_SIZE;
/// Largest small integer, 2^59 - 1.
pub const MAX_SMALL: i64 = (1i64 << (SMALL_BITS - 1)) - 1;
/// Smallest small integer, -2^59.
pub const MIN_SMALL: i64 = -(1i64 << (SMALL_BITS - 1));

/// Header word: `arity << 6 | subtag << 2 | 00`. The arity is the number of words that follow
/// the header, for every kind, so a collector can copy any object without knowing its kind.
pub const HEADER_SUBTAG_MASK: u64 = 0b11_1100;
/// Bits below the arity in a header word.
pub const HEADER_ARITY_OFFSET: u32 = 6;

// Pinned at compile time: the shapes every other crate relies on.
const _: () = assert!(core::mem::size_of::<crate::Term>() == 8);
const _: () = assert!(IMMED2_MASK & IMMED1_MASK == IMMED1_MASK);
const _: () = assert!(IMMED2_ATOM & IMMED1_MASK == IMMED1_IMMED2);
const _: () = assert!(IMMED2_NIL & IMMED1_MASK == IMMED1_IMMED2);
const _: () = assert!(MAX_SMALL == 576_460_752_303_423_487);
