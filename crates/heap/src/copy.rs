//! Copying a term from one heap to another (messages, spawn arguments, exit reasons): first
//! [`size_of`] to size the destination, then [`copy_term`]. Both walk the term with an
//! explicit work list, so a million-element list or a deeply nested tuple never grows the
//! Rust stack. As in BEAM, sharing inside the term is not preserved.

use enigma_term::binary::OffHeapBin;
use enigma_term::boxed::{self, Header};
use enigma_term::{Term, TermAlloc};

/// Heap words a copy of `t` needs.
pub fn size_of(t: Term) -> usize {
    let mut words = 0;
    let mut work = vec![t];
    while let Some(t) = work.pop() {
        if t.is_cons() {
            words += 2;
            work.push(t.tail());
            work.push(t.head());
        } else if t.is_boxed() {
            let h = t.header();
            words += 1 + h.arity();
            let p = t.boxed_payload();
            for j in boxed::term_words(h) {
                if let Some(w) = p.get(j - 1) {
                    work.push(*w);
                }
            }
        }
    }
    words
}

/// Copies `t` onto `heap`, which must have room for [`size_of`]`(t)` words (a fragment sized
/// that way, or any allocator that grows).
pub fn copy_term(t: Term, heap: &mut dyn TermAlloc) -> Term {
    if !t.is_cons() && !t.is_boxed() {
        return t;
    }
    let mut root = Term::NIL;
    let mut work: Vec<(*mut Term, Term)> = vec![(&mut root as *mut Term, t)];
    while let Some((dest, src)) = work.pop() {
        let new = if src.is_cons() {
            let cell = heap.alloc(2);
            // SAFETY: `cell` has two words; they are filled by the work items pushed next.
            unsafe {
                cell.write(Term::NIL);
                cell.add(1).write(Term::NIL);
                work.push((cell.add(1), src.tail()));
                work.push((cell, src.head()));
            }
            Term::from_cons_ptr(cell)
        } else if src.is_boxed() {
            let h = src.header();
            let n = 1 + h.arity();
            let obj = heap.alloc(n);
            // SAFETY: `obj` has `n` words and the source object spans `n` words.
            unsafe {
                core::ptr::copy_nonoverlapping(src.boxed_ptr(), obj, n);
                for j in boxed::term_words(h) {
                    let slot = obj.add(j);
                    let inner = *slot;
                    slot.write(Term::NIL);
                    work.push((slot, inner));
                }
            }
            let copy = Term::from_boxed_ptr(obj);
            if h.subtag() == boxed::REFC_BIN {
                // SAFETY: the source handle holds a reference, so the data is alive; the copy
                // takes one of its own, released when the copy dies.
                unsafe { OffHeapBin::inc_ref(copy.boxed_word(2) as *const OffHeapBin) };
                heap.register_offheap(copy);
            }
            debug_assert!(Header::from_raw(h.raw()).is_header());
            copy
        } else {
            src
        };
        // SAFETY: `dest` is `root` or a slot inside an object allocated above, both live.
        unsafe { dest.write(new) };
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;
    use enigma_term::{build, VecAlloc};

    #[test]
    fn copies_nested_terms_and_long_lists() {
        let mut a = VecAlloc::new();
        let elems: Vec<Term> = (0..100_000).map(Term::small).collect();
        let l = build::list(&mut a, &elems);
        let bin = build::binary(&mut a, &[9u8; 100]);
        let t = build::tuple(&mut a, &[l, bin, Term::NIL]);
        let mut b = VecAlloc::new();
        let n = size_of(t);
        assert_eq!(n, 4 + 200_000 + 3);
        let c = copy_term(t, &mut b);
        let e = c.as_tuple().map(|e| e.to_vec()).unwrap_or_default();
        assert_eq!(build::list_to_vec(e[0]).map(|v| v.len()), Some(100_000));
        assert_eq!(e[1].binary_bytes().map(|b| b.len()), Some(100));
        assert!(b.words_used() >= n);
    }
}
