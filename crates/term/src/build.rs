//! Builders for the common term kinds on any [`TermAlloc`]. Each one allocates exactly the
//! words it writes; the sizes are public so that callers can reserve heap space up front.

use crate::alloc::TermAlloc;
use crate::binary::{self, OffHeapBin, HEAP_BIN_LIMIT};
use crate::boxed::{self, Export, FunEntry, Header};
use crate::term::Term;

/// Words of a tuple of `n` elements.
pub const fn tuple_words(n: usize) -> usize {
    1 + n
}

/// Builds a tuple of `elems`.
pub fn tuple(heap: &mut dyn TermAlloc, elems: &[Term]) -> Term {
    let p = heap.alloc(1 + elems.len());
    // SAFETY: `alloc` returned `1 + elems.len()` writable words.
    unsafe {
        p.write(Header::new(boxed::TUPLE, elems.len()).as_term());
        core::ptr::copy_nonoverlapping(elems.as_ptr(), p.add(1), elems.len());
    }
    Term::from_boxed_ptr(p)
}

/// Builds `[head | tail]`.
pub fn cons(heap: &mut dyn TermAlloc, head: Term, tail: Term) -> Term {
    let p = heap.alloc(2);
    // SAFETY: two writable words.
    unsafe {
        p.write(head);
        p.add(1).write(tail);
    }
    Term::from_cons_ptr(p)
}

/// Builds the proper list of `elems` ending in `tail`.
pub fn list_with_tail(heap: &mut dyn TermAlloc, elems: &[Term], tail: Term) -> Term {
    if elems.is_empty() {
        return tail;
    }
    let p = heap.alloc(2 * elems.len());
    for (i, e) in elems.iter().enumerate() {
        let next = if i + 1 == elems.len() {
            tail
        } else {
            // SAFETY: cell i+1 lies within the 2*len words allocated above.
            Term::from_cons_ptr(unsafe { p.add(2 * (i + 1)) })
        };
        // SAFETY: cell i is words 2i and 2i+1 of the allocation.
        unsafe {
            p.add(2 * i).write(*e);
            p.add(2 * i + 1).write(next);
        }
    }
    Term::from_cons_ptr(p)
}

/// Builds the proper list of `elems`.
pub fn list(heap: &mut dyn TermAlloc, elems: &[Term]) -> Term {
    list_with_tail(heap, elems, Term::NIL)
}

/// Builds a list of small integers (an Erlang string) from Unicode scalar values or bytes.
pub fn string_list(heap: &mut dyn TermAlloc, chars: impl IntoIterator<Item = u32>) -> Term {
    let elems: Vec<Term> = chars.into_iter().map(|c| Term::small(c as i64)).collect();
    list(heap, &elems)
}

/// Builds the string of a Rust `&str` as a list of code points.
pub fn str_list(heap: &mut dyn TermAlloc, s: &str) -> Term {
    string_list(heap, s.chars().map(|c| c as u32))
}

/// Builds a float.
pub fn float(heap: &mut dyn TermAlloc, v: f64) -> Term {
    let p = heap.alloc(2);
    // SAFETY: two writable words.
    unsafe {
        p.write(Header::new(boxed::FLOAT, 1).as_term());
        p.add(1).write(Term::from_raw(v.to_bits()));
    }
    Term::from_boxed_ptr(p)
}

/// Words a binary of `n` bytes takes on the process heap (the handle only, when off-heap).
pub fn binary_words(n: usize) -> usize {
    if n <= HEAP_BIN_LIMIT {
        2 + n.div_ceil(8)
    } else {
        3
    }
}

/// Builds a binary holding `bytes`: on the heap up to 64 bytes, off-heap above.
pub fn binary(heap: &mut dyn TermAlloc, bytes: &[u8]) -> Term {
    if bytes.len() > HEAP_BIN_LIMIT {
        return refc_binary(heap, bytes.to_vec());
    }
    heap_binary(heap, bytes)
}

/// Builds a binary from an owned buffer (off-heap above 64 bytes without copying).
pub fn binary_from_vec(heap: &mut dyn TermAlloc, bytes: Vec<u8>) -> Term {
    if bytes.len() > HEAP_BIN_LIMIT {
        return refc_binary(heap, bytes);
    }
    heap_binary(heap, &bytes)
}

fn heap_binary(heap: &mut dyn TermAlloc, bytes: &[u8]) -> Term {
    let words = bytes.len().div_ceil(8);
    let p = heap.alloc(2 + words);
    // SAFETY: `2 + words` writable words; the byte copy covers `len <= 8 * words` bytes of
    // the zeroed data words.
    unsafe {
        p.write(binary::heap_bin_header(bytes.len()).as_term());
        p.add(1).write(Term::from_raw(bytes.len() as u64));
        for i in 0..words {
            p.add(2 + i).write(Term::from_raw(0));
        }
        core::ptr::copy_nonoverlapping(bytes.as_ptr(), p.add(2) as *mut u8, bytes.len());
    }
    Term::from_boxed_ptr(p)
}

/// Builds an off-heap binary handle owning `data`.
pub fn refc_binary(heap: &mut dyn TermAlloc, data: Vec<u8>) -> Term {
    let len = data.len();
    let bin = OffHeapBin::new(data);
    let p = heap.alloc(3);
    // SAFETY: three writable words.
    unsafe {
        p.write(Header::new(boxed::REFC_BIN, 2).as_term());
        p.add(1).write(Term::from_raw(len as u64));
        p.add(2).write(Term::from_raw(bin as u64));
    }
    let t = Term::from_boxed_ptr(p);
    heap.register_offheap(t);
    t
}

/// Builds a sub-binary: `bit_size` bits of `orig` starting at `bit_offset` (relative to
/// `orig`). `orig` may itself be a sub-binary; the result then points to its original.
pub fn sub_binary(
    heap: &mut dyn TermAlloc,
    orig: Term,
    bit_offset: usize,
    bit_size: usize,
) -> Term {
    let (base, base_offset) = if orig.header().subtag() == boxed::SUB_BIN {
        (
            Term::from_raw(orig.boxed_word(3)),
            orig.boxed_word(2) as usize,
        )
    } else {
        (orig, 0)
    };
    let p = heap.alloc(4);
    // SAFETY: four writable words.
    unsafe {
        p.write(Header::new(boxed::SUB_BIN, 3).as_term());
        p.add(1).write(Term::from_raw(bit_size as u64));
        p.add(2)
            .write(Term::from_raw((base_offset + bit_offset) as u64));
        p.add(3).write(base);
    }
    Term::from_boxed_ptr(p)
}

/// Builds a local reference from its three numbers.
pub fn reference(heap: &mut dyn TermAlloc, n: [u32; 3]) -> Term {
    let p = heap.alloc(3);
    // SAFETY: three writable words.
    unsafe {
        p.write(Header::new(boxed::REF, 2).as_term());
        p.add(1)
            .write(Term::from_raw(n[0] as u64 | ((n[1] as u64) << 32)));
        p.add(2).write(Term::from_raw(n[2] as u64));
    }
    Term::from_boxed_ptr(p)
}

/// Words of a closure with `num_free` free variables.
pub const fn fun_words(num_free: usize) -> usize {
    3 + num_free
}

/// Builds a closure over `entry` with the free variables `env`, created by `creator`.
pub fn fun(
    heap: &mut dyn TermAlloc,
    entry: &'static FunEntry,
    creator: Term,
    env: &[Term],
) -> Term {
    let p = heap.alloc(fun_words(env.len()));
    // SAFETY: `3 + env.len()` writable words.
    unsafe {
        p.write(Header::new(boxed::FUN, 2 + env.len()).as_term());
        p.add(1)
            .write(Term::from_raw(entry as *const FunEntry as u64));
        p.add(2).write(creator);
        core::ptr::copy_nonoverlapping(env.as_ptr(), p.add(3), env.len());
    }
    Term::from_boxed_ptr(p)
}

/// Builds the export fun `fun M:F/A` for `export`.
pub fn export_fun(heap: &mut dyn TermAlloc, export: &'static Export) -> Term {
    let p = heap.alloc(2);
    // SAFETY: two writable words.
    unsafe {
        p.write(Header::new(boxed::EXPORT, 1).as_term());
        p.add(1)
            .write(Term::from_raw(export as *const Export as u64));
    }
    Term::from_boxed_ptr(p)
}

/// Collects the elements of a proper list, or `None` for an improper one.
pub fn list_to_vec(mut list: Term) -> Option<Vec<Term>> {
    let mut out = Vec::new();
    while let Some((h, t)) = list.as_cons() {
        out.push(h);
        list = t;
    }
    list.is_nil().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alloc::VecAlloc;

    #[test]
    fn tuples_lists_and_binaries_read_back() {
        let mut h = VecAlloc::new();
        let t = tuple(&mut h, &[Term::small(1), Term::NIL]);
        assert_eq!(t.as_tuple(), Some(&[Term::small(1), Term::NIL][..]));
        let l = list(&mut h, &[Term::small(1), Term::small(2), t]);
        assert_eq!(
            list_to_vec(l),
            Some(vec![Term::small(1), Term::small(2), t])
        );
        let f = float(&mut h, 1.5);
        assert_eq!(f.as_float(), Some(1.5));
        let small = binary(&mut h, b"hello");
        assert_eq!(small.binary_bytes().as_deref(), Some(&b"hello"[..]));
        let big: Vec<u8> = (0..200u8).collect();
        let b = binary(&mut h, &big);
        assert_eq!(b.header().subtag(), boxed::REFC_BIN);
        assert_eq!(b.binary_bytes().as_deref(), Some(&big[..]));
        let s = sub_binary(&mut h, b, 8 * 10, 8 * 5);
        assert_eq!(s.binary_bytes().as_deref(), Some(&big[10..15]));
        let s2 = sub_binary(&mut h, s, 4, 8);
        assert_eq!(
            s2.as_bits().map(|b| b.to_bytes()),
            // Low nibble of byte 10 (0x0A), then the high nibble of byte 11 (0x0B).
            Some(vec![0xA0])
        );
    }
}
