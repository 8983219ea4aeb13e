//! Boxed objects: the header word, the subtags, and each kind's layout.
//!
//! Every boxed object is `[header, word 1, ..., word arity]`; the header's arity counts the
//! words after it for every kind, so a collector can copy an object without knowing its kind.
//! [`term_words`] says which of those words hold terms, which is all a collector needs to
//! scan. Layouts (word 0 is the header):
//!
//! | kind       | words after the header                                              |
//! |------------|---------------------------------------------------------------------|
//! | tuple      | the elements                                                        |
//! | bignum     | the magnitude's 64-bit digits, least significant first (sign in subtag) |
//! | float      | the `f64` bits                                                      |
//! | ref        | `[n0 | n1 << 32, n2]`: the three 32-bit numbers of `#Ref<0.n2.n1.n0>` |
//! | fun        | `[&FunEntry, creator pid, env...]`                                  |
//! | export     | `[&Export]` (`fun M:F/A`)                                            |
//! | heap bin   | `[byte size, bytes...]`                                             |
//! | refc bin   | `[byte size, &OffHeapBin]`                                          |
//! | sub bin    | `[bit size, bit offset, original binary]`                           |
//! | map        | `[size << 2 | kind, ...]` (see `map.rs`)                             |
//! | match ctx  | `[original binary, start bit, end bit, position bit]`               |

use crate::atom::Atom;
use crate::tag::*;
use crate::term::{Kind, Term};
use core::sync::atomic::{AtomicUsize, Ordering};

/// Tuple (BEAM's arityval).
pub const TUPLE: u64 = 0 << 2;
/// Positive bignum.
pub const POS_BIG: u64 = 1 << 2;
/// Negative bignum.
pub const NEG_BIG: u64 = 2 << 2;
/// Local reference.
pub const REF: u64 = 3 << 2;
/// Closure.
pub const FUN: u64 = 4 << 2;
/// Float.
pub const FLOAT: u64 = 5 << 2;
/// Export fun `fun M:F/A`.
pub const EXPORT: u64 = 6 << 2;
/// Handle to a reference-counted off-heap binary.
pub const REFC_BIN: u64 = 7 << 2;
/// Binary stored on the heap (at most [`crate::binary::HEAP_BIN_LIMIT`] bytes).
pub const HEAP_BIN: u64 = 8 << 2;
/// A window onto another binary.
pub const SUB_BIN: u64 = 9 << 2;
/// External pid (distribution).
pub const EXTERNAL_PID: u64 = 10 << 2;
/// External port (distribution).
pub const EXTERNAL_PORT: u64 = 11 << 2;
/// External reference (distribution).
pub const EXTERNAL_REF: u64 = 12 << 2;
/// Map (flat map or HAMT node).
pub const MAP: u64 = 13 << 2;
/// Binary match context.
pub const MATCH_CTX: u64 = 14 << 2;

/// A header word.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct Header(u64);

impl Header {
    /// A header for an object of `subtag` with `arity` words after the header.
    #[inline]
    pub const fn new(subtag: u64, arity: usize) -> Header {
        Header(((arity as u64) << HEADER_ARITY_OFFSET) | subtag)
    }

    #[inline]
    pub const fn from_raw(raw: u64) -> Header {
        Header(raw)
    }

    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// Words after the header.
    #[inline]
    pub const fn arity(self) -> usize {
        (self.0 >> HEADER_ARITY_OFFSET) as usize
    }

    #[inline]
    pub const fn subtag(self) -> u64 {
        self.0 & HEADER_SUBTAG_MASK
    }

    /// Whether this word really is a header (primary tag 00). A collector that finds a
    /// boxed pointer in place of a header is looking at a forwarded object.
    #[inline]
    pub const fn is_header(self) -> bool {
        self.0 & PRIMARY_MASK == PRIMARY_HEADER
    }

    /// The header as a term word, to write into an object's first word.
    #[inline]
    pub const fn as_term(self) -> Term {
        Term::from_raw(self.0)
    }
}

/// The term kind of a boxed object with this header.
pub fn kind_of(h: Header) -> Kind {
    match h.subtag() {
        TUPLE => Kind::Tuple,
        POS_BIG | NEG_BIG => Kind::Big,
        REF | EXTERNAL_REF => Kind::Ref,
        FUN | EXPORT => Kind::Fun,
        FLOAT => Kind::Float,
        REFC_BIN | HEAP_BIN | SUB_BIN => Kind::Binary,
        EXTERNAL_PID => Kind::Pid,
        EXTERNAL_PORT => Kind::Port,
        MAP => Kind::Map,
        MATCH_CTX => Kind::MatchContext,
        _ => Kind::Other,
    }
}

/// The range of word indices (header = 0) of an object with header `h` that hold terms and
/// must be scanned by a collector. Every other word is raw data.
pub fn term_words(h: Header) -> core::ops::Range<usize> {
    let arity = h.arity();
    match h.subtag() {
        TUPLE | MAP => 1..arity + 1,
        FUN => 2..arity + 1,
        SUB_BIN => 3..4,
        MATCH_CTX => 1..2,
        // External pids/ports/refs keep their node atom as word 1; atoms need no scanning
        // but keeping the range honest costs nothing.
        _ => 0..0,
    }
}

/// A lambda known to the VM: one `FunT` entry of a loaded module. Entries are allocated once
/// per module version and never freed, so funs can point to them.
#[derive(Debug)]
pub struct FunEntry {
    pub module: Atom,
    /// The generated function name, like `'-main/0-fun-0-'`.
    pub function: Atom,
    /// The arity the fun is called with (not counting the free variables).
    pub arity: u32,
    pub num_free: u32,
    /// Index in the module's lambda table.
    pub index: u32,
    pub old_uniq: u32,
    /// The module's MD5-derived unique value (`new_uniq`, 16 bytes).
    pub new_uniq: [u8; 16],
    pub old_index: u32,
    /// The emulator's entry address for the lambda's code; 0 until loaded.
    pub code: AtomicUsize,
}

impl FunEntry {
    pub fn code_address(&self) -> usize {
        self.code.load(Ordering::Acquire)
    }
}

/// An entry of the export table, `Module:Function/Arity`. Allocated once and never freed.
#[derive(Debug)]
pub struct Export {
    pub module: Atom,
    pub function: Atom,
    pub arity: u32,
    /// The emulator's current entry address (0 when not loaded); updated by code loading.
    pub code: AtomicUsize,
}

impl Export {
    pub fn code_address(&self) -> usize {
        self.code.load(Ordering::Acquire)
    }
}

impl Term {
    /// The fun entry of a closure. The term must be a closure.
    pub fn fun_entry<'a>(self) -> &'a FunEntry {
        let p = self.boxed_word(1) as *const FunEntry;
        // SAFETY: closures are built only by `build::make_fun` with a pointer to a FunEntry
        // that lives for the rest of the VM's run.
        unsafe { &*p }
    }

    /// The free variables of a closure.
    pub fn fun_env<'a>(self) -> &'a [Term] {
        let payload = self.boxed_payload();
        payload.get(2..).unwrap_or(&[])
    }

    /// The pid of the process that created a closure.
    pub fn fun_creator(self) -> Term {
        Term::from_raw(self.boxed_word(2))
    }

    /// The export entry of an export fun. The term must be an export fun.
    pub fn export_entry<'a>(self) -> &'a Export {
        let p = self.boxed_word(1) as *const Export;
        // SAFETY: export funs are built only by `build::make_export_fun` with a pointer to a
        // leaked, never-freed Export.
        unsafe { &*p }
    }

    /// The three numbers of a local reference (low to high).
    pub fn ref_numbers(self) -> [u32; 3] {
        let w1 = self.boxed_word(1);
        let w2 = self.boxed_word(2);
        [w1 as u32, (w1 >> 32) as u32, w2 as u32]
    }
}
