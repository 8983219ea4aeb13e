//! The heap verifier: after a collection (in debug builds and under GC stress), every pointer
//! in the heap and in the roots must land inside the live part of the young or old heap or in
//! an area the caller names (module literals), and every header must be well formed.

use crate::gc::Roots;
use crate::heap::ProcessHeap;
use enigma_term::boxed::{self, Header};
use enigma_term::tag::{PRIMARY_HEADER, PRIMARY_MASK};
use enigma_term::Term;

/// Checks `heap` and `roots`; `is_external(addr)` says whether an address outside the heap
/// is a legitimate target (a literal area). Returns a description of the first fault found.
pub fn verify(
    heap: &ProcessHeap,
    roots: &mut dyn Roots,
    is_external: &dyn Fn(usize) -> bool,
) -> Result<(), String> {
    let areas = [area(&heap.young, heap.top), area(&heap.old, heap.old_top)];
    let frags: Vec<(usize, usize)> = heap.fragments.iter().flat_map(|f| f.ranges()).collect();
    let ok = |a: usize| {
        areas
            .iter()
            .chain(frags.iter())
            .any(|&(s, e)| a >= s && a < e)
            || is_external(a)
    };
    let check = |t: Term, what: &str| -> Result<(), String> {
        let addr = if t.is_boxed() {
            t.boxed_ptr() as usize
        } else if t.is_cons() {
            t.cons_ptr() as usize
        } else {
            return Ok(());
        };
        if ok(addr) {
            Ok(())
        } else {
            Err(format!(
                "{what}: pointer {:#x} lands outside every heap",
                t.raw()
            ))
        }
    };
    for (name, block, used) in [
        ("young", &heap.young, heap.top),
        ("old", &heap.old, heap.old_top),
    ] {
        let mut i = 0;
        while i < used {
            let w = block[i];
            if w.raw() & PRIMARY_MASK == PRIMARY_HEADER {
                let h = Header::from_raw(w.raw());
                if boxed::kind_of(h) == enigma_term::Kind::Other {
                    return Err(format!("{name} heap word {i}: bad header {:#x}", w.raw()));
                }
                if i + 1 + h.arity() > used {
                    return Err(format!(
                        "{name} heap word {i}: object runs past the heap top"
                    ));
                }
                for j in boxed::term_words(h) {
                    check(block[i + j], name)?;
                }
                i += 1 + h.arity();
            } else {
                if i + 2 > used {
                    return Err(format!(
                        "{name} heap word {i}: cons cell runs past the heap top"
                    ));
                }
                check(block[i], name)?;
                check(block[i + 1], name)?;
                i += 2;
            }
        }
    }
    let mut result = Ok(());
    roots.for_each_root(&mut |slice: &mut [Term]| {
        for t in slice.iter() {
            if result.is_ok() {
                result = check(*t, "root");
            }
        }
    });
    result
}

fn area(block: &[Term], used: usize) -> (usize, usize) {
    let s = block.as_ptr() as usize;
    (s, s + used * 8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gc::collect;
    use enigma_term::{build, TermAlloc};

    struct VecRoots(Vec<Term>);
    impl Roots for VecRoots {
        fn for_each_root(&mut self, visit: &mut dyn FnMut(&mut [Term])) {
            visit(&mut self.0);
        }
    }

    fn build_list(heap: &mut ProcessHeap, n: i64) -> Term {
        let mut l = Term::NIL;
        for i in 0..n {
            let t = build::tuple(heap, &[Term::small(i), Term::NIL]);
            l = build::cons(heap, t, l);
        }
        l
    }

    fn sum(mut l: Term) -> i64 {
        let mut s = 0;
        while let Some((h, t)) = l.as_cons() {
            s += h
                .as_tuple()
                .and_then(|e| e.first())
                .and_then(|x| x.as_small())
                .unwrap_or(-1_000_000);
            l = t;
        }
        s
    }

    #[test]
    fn live_data_survives_minor_and_major_collections() {
        let mut heap = ProcessHeap::default();
        let keep = build_list(&mut heap, 1000);
        let _garbage = build_list(&mut heap, 5000);
        let big = build::binary(&mut heap, &[7u8; 300]);
        let mut roots = VecRoots(vec![keep, big, Term::small(3)]);
        collect(&mut heap, 10, &mut roots, false);
        verify(&heap, &mut roots, &|_| false).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(sum(roots.0[0]), 499_500);
        // A second minor collection promotes the survivors to the old heap.
        let _more = build_list(&mut heap, 3000);
        collect(&mut heap, 10, &mut roots, false);
        assert!(heap.old_top > 0);
        verify(&heap, &mut roots, &|_| false).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(sum(roots.0[0]), 499_500);
        collect(&mut heap, 10, &mut roots, true);
        verify(&heap, &mut roots, &|_| false).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(sum(roots.0[0]), 499_500);
        assert_eq!(roots.0[1].binary_bytes().map(|b| b.len()), Some(300));
        assert_eq!(heap.offheap_young.len() + heap.offheap_old.len(), 1);
        // Dropping the root releases the binary at the next collection.
        roots.0.truncate(1);
        collect(&mut heap, 10, &mut roots, true);
        assert_eq!(heap.offheap_young.len() + heap.offheap_old.len(), 0);
    }

    #[test]
    fn fragments_are_merged_and_heaps_shrink() {
        let mut heap = ProcessHeap::default();
        // Overflow the young heap into fragments, as native code would.
        let keep = build_list(&mut heap, 20_000);
        assert!(heap.has_fragments());
        let mut roots = VecRoots(vec![keep]);
        collect(&mut heap, 0, &mut roots, false);
        assert!(!heap.has_fragments());
        assert_eq!(sum(roots.0[0]), (0..20_000).sum::<i64>());
        let big_size = heap.young_size();
        roots.0[0] = Term::NIL;
        collect(&mut heap, 0, &mut roots, true);
        assert!(heap.young_size() < big_size);
        verify(&heap, &mut roots, &|_| false).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn shared_subterms_stay_shared() {
        let mut heap = ProcessHeap::default();
        let shared = build::tuple(&mut heap, &[Term::small(1)]);
        let pair = build::tuple(&mut heap, &[shared, shared]);
        let p = heap.alloc(0);
        let _ = p;
        let mut roots = VecRoots(vec![pair, shared]);
        collect(&mut heap, 0, &mut roots, false);
        let e = roots.0[0]
            .as_tuple()
            .map(|e| e.to_vec())
            .unwrap_or_default();
        assert_eq!(e[0], e[1]);
        assert_eq!(e[0], roots.0[1]);
    }
}
