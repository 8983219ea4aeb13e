//! The [`Term`] word: construction and inspection of immediates, and the pointer kinds.
//!
//! Reading through a pointer (a cons cell, a boxed object) is valid while the heap that holds
//! it has not been collected. The VM keeps that true by never collecting while native code
//! runs: BIFs allocate into the heap or a heap fragment, and only the emulator, at the points
//! the compiler marks with a live-register count, starts a collection.

use crate::atom::Atom;
use crate::boxed::{self, Header};
use crate::tag::*;

/// One Erlang term in one machine word.
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Term(u64);

/// What a term is, for code that dispatches on every kind.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Kind {
    /// A small integer.
    Small,
    /// A bignum (boxed).
    Big,
    /// A float (boxed).
    Float,
    /// An atom.
    Atom,
    /// A reference (boxed).
    Ref,
    /// A fun: a closure or an export (`fun M:F/A`).
    Fun,
    /// A local or external port.
    Port,
    /// A local or external pid.
    Pid,
    /// A tuple.
    Tuple,
    /// A map.
    Map,
    /// `[]`.
    Nil,
    /// A cons cell.
    Cons,
    /// A binary or bitstring (heap, refc or sub binary).
    Binary,
    /// A binary match context (never seen by Erlang code as a value).
    MatchContext,
    /// Something that is not a term: the non-value, a header, a catch or a code pointer.
    Other,
}

impl Term {
    /// The empty list.
    pub const NIL: Term = Term(IMMED2_NIL);
    /// "No value": a marker that is not a term (an empty register, a failed lookup).
    pub const NON_VALUE: Term = Term(0);
    /// The atom `true`.
    pub const TRUE: Term = Term::atom(crate::atom::TRUE);
    /// The atom `false`.
    pub const FALSE: Term = Term::atom(crate::atom::FALSE);

    /// The raw word.
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// A term from a raw word. The word must be a valid term (or a marker the caller knows).
    #[inline]
    pub const fn from_raw(raw: u64) -> Term {
        Term(raw)
    }

    #[inline]
    pub const fn primary(self) -> u64 {
        self.0 & PRIMARY_MASK
    }

    /// `true` unless this is [`Term::NON_VALUE`].
    #[inline]
    pub const fn is_value(self) -> bool {
        self.0 != 0
    }

    // ---- small integers ----

    /// A small integer; the value must lie in `MIN_SMALL..=MAX_SMALL`.
    #[inline]
    pub const fn small(v: i64) -> Term {
        Term(((v as u64) << IMMED1_SIZE) | IMMED1_SMALL)
    }

    /// A small integer if `v` fits in one.
    #[inline]
    pub fn try_small(v: i64) -> Option<Term> {
        (MIN_SMALL..=MAX_SMALL).contains(&v).then(|| Term::small(v))
    }

    #[inline]
    pub const fn is_small(self) -> bool {
        self.0 & IMMED1_MASK == IMMED1_SMALL
    }

    /// The value of a small integer (meaningless for other terms).
    #[inline]
    pub const fn small_value(self) -> i64 {
        (self.0 as i64) >> IMMED1_SIZE
    }

    #[inline]
    pub fn as_small(self) -> Option<i64> {
        self.is_small().then(|| self.small_value())
    }

    // ---- atoms ----

    #[inline]
    pub const fn atom(a: Atom) -> Term {
        Term(((a.0 as u64) << IMMED2_SIZE) | IMMED2_ATOM)
    }

    #[inline]
    pub const fn is_atom(self) -> bool {
        self.0 & IMMED2_MASK == IMMED2_ATOM
    }

    #[inline]
    pub fn as_atom(self) -> Option<Atom> {
        self.is_atom()
            .then_some(Atom((self.0 >> IMMED2_SIZE) as u32))
    }

    /// The atom of an atom term (meaningless for other terms).
    #[inline]
    pub const fn atom_value(self) -> Atom {
        Atom((self.0 >> IMMED2_SIZE) as u32)
    }

    #[inline]
    pub fn bool(b: bool) -> Term {
        if b {
            Term::TRUE
        } else {
            Term::FALSE
        }
    }

    #[inline]
    pub fn is_boolean(self) -> bool {
        self == Term::TRUE || self == Term::FALSE
    }

    // ---- pids, ports, catches, nil ----

    /// A local pid with this 60-bit identifier (number in the low 28 bits, serial above).
    #[inline]
    pub const fn pid(id: u64) -> Term {
        Term((id << IMMED1_SIZE) | IMMED1_PID)
    }

    #[inline]
    pub const fn is_local_pid(self) -> bool {
        self.0 & IMMED1_MASK == IMMED1_PID
    }

    #[inline]
    pub fn as_local_pid(self) -> Option<u64> {
        self.is_local_pid().then_some(self.0 >> IMMED1_SIZE)
    }

    /// A local port with this identifier.
    #[inline]
    pub const fn port(id: u64) -> Term {
        Term((id << IMMED1_SIZE) | IMMED1_PORT)
    }

    #[inline]
    pub const fn is_local_port(self) -> bool {
        self.0 & IMMED1_MASK == IMMED1_PORT
    }

    #[inline]
    pub fn as_local_port(self) -> Option<u64> {
        self.is_local_port().then_some(self.0 >> IMMED1_SIZE)
    }

    /// A catch tag for the catch table entry `index`.
    #[inline]
    pub const fn catch(index: u64) -> Term {
        Term((index << IMMED2_SIZE) | IMMED2_CATCH)
    }

    #[inline]
    pub const fn is_catch(self) -> bool {
        self.0 & IMMED2_MASK == IMMED2_CATCH
    }

    #[inline]
    pub const fn catch_value(self) -> u64 {
        self.0 >> IMMED2_SIZE
    }

    #[inline]
    pub const fn is_nil(self) -> bool {
        self.0 == IMMED2_NIL
    }

    #[inline]
    pub const fn is_immediate(self) -> bool {
        self.0 & PRIMARY_MASK == PRIMARY_IMMED
    }

    // ---- code pointers on the stack ----

    /// A continuation pointer: an 8-aligned code address saved on the Erlang stack.
    #[inline]
    pub fn cp(addr: usize) -> Term {
        debug_assert!(addr & 0b111 == 0 && addr != 0);
        Term(addr as u64)
    }

    /// Whether this stack word is a continuation pointer.
    #[inline]
    pub const fn is_cp(self) -> bool {
        self.0 & PRIMARY_MASK == PRIMARY_HEADER && self.0 != 0
    }

    #[inline]
    pub const fn cp_value(self) -> usize {
        self.0 as usize
    }

    // ---- pointers ----

    /// A cons pointer to the cell at `ptr` (two words: head, tail).
    #[inline]
    pub fn from_cons_ptr(ptr: *const Term) -> Term {
        Term(ptr as u64 | PRIMARY_LIST)
    }

    /// A boxed pointer to the object whose header is at `ptr`.
    #[inline]
    pub fn from_boxed_ptr(ptr: *const Term) -> Term {
        Term(ptr as u64 | PRIMARY_BOXED)
    }

    #[inline]
    pub const fn is_cons(self) -> bool {
        self.0 & PRIMARY_MASK == PRIMARY_LIST
    }

    /// `[]` or a cons cell.
    #[inline]
    pub const fn is_list(self) -> bool {
        self.is_cons() || self.is_nil()
    }

    #[inline]
    pub const fn is_boxed(self) -> bool {
        self.0 & PRIMARY_MASK == PRIMARY_BOXED
    }

    /// The address of the cons cell (meaningless unless [`Term::is_cons`]).
    #[inline]
    pub const fn cons_ptr(self) -> *const Term {
        (self.0 - PRIMARY_LIST) as *const Term
    }

    /// The address of the boxed object's header (meaningless unless [`Term::is_boxed`]).
    #[inline]
    pub const fn boxed_ptr(self) -> *const Term {
        (self.0 - PRIMARY_BOXED) as *const Term
    }

    /// Head of a cons cell. The term must be a cons.
    #[inline]
    pub fn head(self) -> Term {
        debug_assert!(self.is_cons());
        // SAFETY: a cons term points to a live two-word cell (module invariant: no collection
        // runs while native code holds terms).
        unsafe { *self.cons_ptr() }
    }

    /// Tail of a cons cell. The term must be a cons.
    #[inline]
    pub fn tail(self) -> Term {
        debug_assert!(self.is_cons());
        // SAFETY: as in `head`; the tail is the second word of the cell.
        unsafe { *self.cons_ptr().add(1) }
    }

    /// Head and tail if this is a cons cell.
    #[inline]
    pub fn as_cons(self) -> Option<(Term, Term)> {
        self.is_cons().then(|| (self.head(), self.tail()))
    }

    /// The header of a boxed object. The term must be boxed.
    #[inline]
    pub fn header(self) -> Header {
        debug_assert!(self.is_boxed());
        // SAFETY: a boxed term points to a live object whose first word is its header.
        Header::from_raw(unsafe { (*self.boxed_ptr()).0 })
    }

    /// Word `i` of a boxed object, counting the header as word 0. `i` must be within
    /// the object (`1..=arity`).
    #[inline]
    pub fn boxed_word(self, i: usize) -> u64 {
        debug_assert!(self.is_boxed() && i <= self.header().arity());
        // SAFETY: the caller keeps `i` within the object, which is live.
        unsafe { (*self.boxed_ptr().add(i)).0 }
    }

    /// Words `1..=arity` of a boxed object, as terms.
    #[inline]
    pub fn boxed_payload<'a>(self) -> &'a [Term] {
        let arity = self.header().arity();
        // SAFETY: a live boxed object has `arity` words after its header.
        unsafe { core::slice::from_raw_parts(self.boxed_ptr().add(1), arity) }
    }

    /// The kind of this term.
    pub fn kind(self) -> Kind {
        match self.0 & PRIMARY_MASK {
            PRIMARY_LIST => Kind::Cons,
            PRIMARY_BOXED => boxed::kind_of(self.header()),
            PRIMARY_IMMED => match self.0 & IMMED1_MASK {
                IMMED1_SMALL => Kind::Small,
                IMMED1_PID => Kind::Pid,
                IMMED1_PORT => Kind::Port,
                _ => match self.0 & IMMED2_MASK {
                    IMMED2_ATOM => Kind::Atom,
                    IMMED2_NIL => Kind::Nil,
                    _ => Kind::Other,
                },
            },
            _ => Kind::Other,
        }
    }

    #[inline]
    fn is_boxed_with(self, subtag: u64) -> bool {
        self.is_boxed() && self.header().subtag() == subtag
    }

    pub fn is_tuple(self) -> bool {
        self.is_boxed_with(boxed::TUPLE)
    }

    /// Elements of a tuple, if this is one.
    #[inline]
    pub fn as_tuple<'a>(self) -> Option<&'a [Term]> {
        self.is_tuple().then(|| self.boxed_payload())
    }

    pub fn is_float(self) -> bool {
        self.is_boxed_with(boxed::FLOAT)
    }

    /// The value of a float term, if this is one.
    pub fn as_float(self) -> Option<f64> {
        self.is_float().then(|| f64::from_bits(self.boxed_word(1)))
    }

    pub fn is_bignum(self) -> bool {
        self.is_boxed() && matches!(self.header().subtag(), boxed::POS_BIG | boxed::NEG_BIG)
    }

    pub fn is_integer(self) -> bool {
        self.is_small() || self.is_bignum()
    }

    pub fn is_number(self) -> bool {
        self.is_small()
            || (self.is_boxed()
                && matches!(
                    self.header().subtag(),
                    boxed::POS_BIG | boxed::NEG_BIG | boxed::FLOAT
                ))
    }

    pub fn is_map(self) -> bool {
        self.is_boxed_with(boxed::MAP)
    }

    pub fn is_ref(self) -> bool {
        self.is_boxed() && matches!(self.header().subtag(), boxed::REF | boxed::EXTERNAL_REF)
    }

    /// A reference made on this node (not an external one).
    pub fn is_local_ref(self) -> bool {
        self.is_boxed_with(boxed::REF)
    }

    pub fn is_pid(self) -> bool {
        self.is_local_pid() || self.is_boxed_with(boxed::EXTERNAL_PID)
    }

    pub fn is_port(self) -> bool {
        self.is_local_port() || self.is_boxed_with(boxed::EXTERNAL_PORT)
    }

    /// A fun: a closure or an export fun.
    pub fn is_fun(self) -> bool {
        self.is_boxed() && matches!(self.header().subtag(), boxed::FUN | boxed::EXPORT)
    }

    /// A binary or bitstring of any representation (not a match context).
    pub fn is_bitstring(self) -> bool {
        self.is_boxed()
            && matches!(
                self.header().subtag(),
                boxed::HEAP_BIN | boxed::REFC_BIN | boxed::SUB_BIN
            )
    }

    pub fn is_match_context(self) -> bool {
        self.is_boxed_with(boxed::MATCH_CTX)
    }
}

impl core::fmt::Debug for Term {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.kind() {
            Kind::Small => write!(f, "{}", self.small_value()),
            Kind::Atom => write!(f, "'{}'", self.atom_value().name()),
            Kind::Nil => write!(f, "[]"),
            _ => write!(f, "Term({:#x})", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_integers_round_trip_at_the_edges() {
        for v in [0, 1, -1, MAX_SMALL, MIN_SMALL, 12345, -98765] {
            let t = Term::small(v);
            assert!(t.is_small() && !t.is_atom() && !t.is_boxed());
            assert_eq!(t.as_small(), Some(v));
            assert_eq!(t.kind(), Kind::Small);
        }
        assert!(Term::try_small(MAX_SMALL + 1).is_none());
        assert!(Term::try_small(MIN_SMALL - 1).is_none());
    }

    #[test]
    fn immediates_are_distinguished() {
        let a = Term::atom(crate::atom::OK);
        assert_eq!(a.kind(), Kind::Atom);
        assert_eq!(a.as_atom(), Some(crate::atom::OK));
        assert_eq!(Term::NIL.kind(), Kind::Nil);
        assert_eq!(Term::pid(77).kind(), Kind::Pid);
        assert_eq!(Term::pid(77).as_local_pid(), Some(77));
        assert_eq!(Term::port(5).kind(), Kind::Port);
        assert!(Term::catch(9).is_catch());
        assert_eq!(Term::catch(9).kind(), Kind::Other);
        assert!(!Term::NON_VALUE.is_value());
        assert!(Term::TRUE.is_boolean() && !Term::NIL.is_boolean());
    }
}
