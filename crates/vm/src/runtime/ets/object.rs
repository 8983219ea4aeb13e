//! One stored ETS object: a private copy of a tuple in memory the table owns.
//!
//! Inserting copies the tuple (with [`size_of`] and [`copy_term`]) into one exactly sized
//! block; dropping the object frees the block and releases the refc binaries the copy holds,
//! so deleting objects returns their memory at once. Readers copy what they need out onto
//! their own heap while they hold the table lock: no process term ever points in here.

use enigma_heap::copy::{copy_term, size_of};
use enigma_term::{binary, Term, TermAlloc};

/// A copied tuple and the memory it lives in.
pub struct Stored {
    /// The tuple (points into `words`).
    term: Term,
    words: Box<[Term]>,
    /// Refc-binary handles and any overflow blocks; `None` for most objects.
    extra: Option<Box<Extra>>,
}

#[derive(Default)]
struct Extra {
    offheap: Vec<Term>,
    overflow: Vec<Box<[Term]>>,
}

/// The allocator a copy is built with: one block of the size [`size_of`] computed, and
/// (should a copy ever need more) extra blocks kept with the object.
struct Builder {
    words: Box<[Term]>,
    used: usize,
    extra: Option<Box<Extra>>,
}

impl Builder {
    /// Copies a boxed object without terms inside (see [`is_plain_leaf`]) word by word.
    fn copy_leaf(&mut self, t: Term) -> Term {
        let payload = t.boxed_payload();
        let n = 1 + payload.len();
        let start = self.used;
        match self.words.get_mut(start..start + n) {
            Some(dst) => {
                if let Some((h, rest)) = dst.split_first_mut() {
                    *h = t.header().as_term();
                    rest.copy_from_slice(payload);
                }
                self.used += n;
                Term::from_boxed_ptr(dst.as_ptr())
            }
            None => copy_term(t, self),
        }
    }
}

impl TermAlloc for Builder {
    fn alloc(&mut self, n: usize) -> *mut Term {
        let start = self.used;
        if let Some(slot) = self.words.get_mut(start..start + n) {
            self.used += n;
            return slot.as_mut_ptr();
        }
        let extra = self.extra.get_or_insert_with(Default::default);
        let mut block = vec![Term::NIL; n.max(1)].into_boxed_slice();
        let p = block.as_mut_ptr();
        extra.overflow.push(block);
        p
    }

    fn register_offheap(&mut self, handle: Term) {
        self.extra
            .get_or_insert_with(Default::default)
            .offheap
            .push(handle);
    }
}

impl Stored {
    /// A private copy of `t`.
    pub fn new(t: Term) -> Stored {
        if let Some(e) = t.as_tuple() {
            if e.iter().all(|x| is_flat(*x) || is_plain_leaf(*x)) {
                return Stored::tuple_of(e);
            }
        }
        let n = size_of(t);
        let mut b = Builder {
            words: vec![Term::NIL; n].into_boxed_slice(),
            used: 0,
            extra: None,
        };
        let term = copy_term(t, &mut b);
        Stored {
            term,
            words: b.words,
            extra: b.extra,
        }
    }

    /// A tuple of `elems` (any terms, copied as needed): how updates build the new
    /// version of an object without an intermediate tuple.
    pub fn tuple_of(elems: &[Term]) -> Stored {
        let deep: usize = elems
            .iter()
            .filter(|x| !is_flat(**x))
            .map(|x| {
                if is_plain_leaf(*x) {
                    1 + x.header().arity()
                } else {
                    size_of(*x)
                }
            })
            .sum();
        let n = 1 + elems.len() + deep;
        let mut b = Builder {
            words: vec![Term::NIL; n].into_boxed_slice(),
            used: 1 + elems.len(),
            extra: None,
        };
        if let Some(h) = b.words.first_mut() {
            *h = enigma_term::Header::new(enigma_term::boxed::TUPLE, elems.len()).as_term();
        }
        for (i, x) in elems.iter().enumerate() {
            let c = if is_flat(*x) {
                *x
            } else if is_plain_leaf(*x) {
                b.copy_leaf(*x)
            } else {
                copy_term(*x, &mut b)
            };
            if let Some(w) = b.words.get_mut(1 + i) {
                *w = c;
            }
        }
        let term = Term::from_boxed_ptr(b.words.as_ptr());
        Stored {
            term,
            words: b.words,
            extra: b.extra,
        }
    }

    /// The stored term.
    #[inline]
    pub fn term(&self) -> Term {
        self.term
    }

    /// Overwrites element `pos` (1-based) of the stored tuple with the immediate `v` (an
    /// update that needs no new memory); false when `v` is not an immediate or there is no
    /// such element. Whatever the old element pointed to stays in the block, unused, until
    /// the object goes.
    pub fn set_element(&mut self, pos: usize, v: Term) -> bool {
        if !is_flat(v) || pos == 0 {
            return false;
        }
        let arity = self.term.as_tuple().map_or(0, |e| e.len());
        // The tuple is the first thing in `words` (both builders put it there).
        if pos > arity || !std::ptr::eq(self.term.boxed_ptr(), self.words.as_ptr()) {
            return false;
        }
        match self.words.get_mut(pos) {
            Some(w) => {
                *w = v;
                true
            }
            None => false,
        }
    }

    /// Heap words the copy takes (what `ets:info(T, memory)` counts for it).
    pub fn words(&self) -> usize {
        self.words.len()
            + self
                .extra
                .as_ref()
                .map_or(0, |e| e.overflow.iter().map(|b| b.len()).sum())
    }
}

impl Drop for Stored {
    fn drop(&mut self) {
        if let Some(e) = self.extra.as_mut() {
            for h in e.offheap.drain(..) {
                binary::release_handle(h);
            }
        }
    }
}

/// A boxed object whose words are all raw data (floats, bignums, heap binaries, local
/// references): copying its words copies it.
#[inline]
fn is_plain_leaf(t: Term) -> bool {
    use enigma_term::boxed;
    t.is_boxed()
        && matches!(
            t.header().subtag(),
            boxed::FLOAT | boxed::HEAP_BIN | boxed::POS_BIG | boxed::NEG_BIG | boxed::REF
        )
}

/// Whether `t` is a word on its own (nothing to copy).
#[inline]
fn is_flat(t: Term) -> bool {
    !t.is_boxed() && !t.is_cons()
}

/// An object in a table: the stored tuple, its key, and what the hash table keeps with it.
pub struct Obj {
    /// The key (an element of the stored tuple).
    pub key: Term,
    /// The key's hash (hash tables only; 0 in ordered sets).
    pub hval: u32,
    /// Deleted while the table was fixed: invisible, purged when the last fix goes
    /// (hash tables only, as BEAM's pseudo-deleted objects).
    pub pseudo_deleted: bool,
    pub stored: Stored,
}

impl Obj {
    /// Copies `tuple` (a tuple with at least `keypos` elements) into a new object.
    pub fn new(tuple: Term, keypos: usize, hval: u32) -> Obj {
        let stored = Stored::new(tuple);
        let key = key_of(stored.term(), keypos).unwrap_or(Term::NIL);
        Obj {
            key,
            hval,
            pseudo_deleted: false,
            stored,
        }
    }

    /// The stored tuple.
    #[inline]
    pub fn term(&self) -> Term {
        self.stored.term()
    }

    /// An object for the tuple of `elems` (an updated version of another object).
    pub fn from_elems(elems: &[Term], keypos: usize, hval: u32) -> Obj {
        let stored = Stored::tuple_of(elems);
        let key = key_of(stored.term(), keypos).unwrap_or(Term::NIL);
        Obj {
            key,
            hval,
            pseudo_deleted: false,
            stored,
        }
    }
}

/// Most elements of a tuple [`copy_out`] copies without a work list.
const QUICK_ARITY: usize = 8;

/// Copies `t` (in table memory) onto `heap`. Small tuples of immediates, floats and small
/// binaries (the usual ETS object) are copied directly; anything else by `copy_term`.
pub fn copy_out(t: Term, heap: &mut dyn enigma_term::TermAlloc) -> Term {
    if let Some(e) = t.as_tuple() {
        if e.iter().all(|x| is_flat(*x)) {
            return enigma_term::build::tuple(heap, e);
        }
        if e.len() <= QUICK_ARITY && e.iter().all(|x| is_flat(*x) || is_quick_leaf(*x)) {
            let mut elems = [Term::NIL; QUICK_ARITY];
            for (slot, x) in elems.iter_mut().zip(e) {
                *slot = if is_flat(*x) { *x } else { copy_leaf(*x, heap) };
            }
            return enigma_term::build::tuple(heap, elems.get(..e.len()).unwrap_or(&[]));
        }
    }
    copy_term(t, heap)
}

/// A float or a heap binary: a boxed term with no terms inside, rebuilt by a builder.
fn is_quick_leaf(t: Term) -> bool {
    t.is_boxed()
        && matches!(
            t.header().subtag(),
            enigma_term::boxed::FLOAT | enigma_term::boxed::HEAP_BIN
        )
}

fn copy_leaf(t: Term, heap: &mut dyn enigma_term::TermAlloc) -> Term {
    if let Some(f) = t.as_float() {
        return enigma_term::build::float(heap, f);
    }
    match t.binary_bytes() {
        Some(b) => enigma_term::build::binary(heap, &b),
        None => copy_term(t, heap),
    }
}

/// Element `keypos` (1-based) of `t`, if `t` is a tuple that long.
#[inline]
pub fn key_of(t: Term, keypos: usize) -> Option<Term> {
    t.as_tuple()
        .and_then(|e| e.get(keypos.checked_sub(1)?))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use enigma_term::{build, compare, VecAlloc};

    #[test]
    fn copies_and_owns_the_tuple() {
        let mut a = VecAlloc::new();
        let l = build::list(&mut a, &[Term::small(1), Term::small(2)]);
        let big = build::binary(&mut a, &[7u8; 200]);
        let t = build::tuple(&mut a, &[Term::small(5), l, big]);
        let o = Obj::new(t, 1, 0);
        assert!(compare::eq(o.term(), t));
        assert_eq!(o.key, Term::small(5));
        assert_ne!(o.term().raw(), t.raw());
        assert_eq!(o.stored.words(), size_of(t));
        let flat = build::tuple(&mut a, &[Term::small(1), Term::NIL]);
        let o = Obj::new(flat, 1, 0);
        assert!(compare::eq(o.term(), flat));
        let o = Obj::from_elems(&[Term::small(2), l, big], 1, 0);
        let want = build::tuple(&mut a, &[Term::small(2), l, big]);
        assert!(compare::eq(o.term(), want));
        assert_eq!(o.key, Term::small(2));
        let back = copy_out(o.term(), &mut a);
        assert!(compare::eq(back, want));
        let small_bin = build::binary(&mut a, b"abc");
        let fl = build::float(&mut a, 2.5);
        let quick = build::tuple(&mut a, &[Term::small(1), small_bin, fl]);
        let o2 = Obj::new(quick, 1, 0);
        let back = copy_out(o2.term(), &mut a);
        assert!(compare::eq(back, quick));
        let mut o = Obj::new(want, 1, 0);
        assert!(o.stored.set_element(3, Term::small(9)));
        assert!(!o.stored.set_element(4, Term::small(9)));
        assert!(!o.stored.set_element(2, l));
        let want = build::tuple(&mut a, &[Term::small(2), l, Term::small(9)]);
        assert!(compare::eq(o.term(), want));
    }
}
