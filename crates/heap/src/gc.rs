//! The copying generational collector.
//!
//! A minor collection copies what is live in the young heap and the fragments: objects below
//! the high-water mark (they survived the previous collection) are promoted to the old heap,
//! the rest go to a fresh young heap. A major collection (a full sweep) also copies the old
//! heap, leaving everything live in one new young heap. Copying is Cheney's: forward each root,
//! then scan the copied objects in order, forwarding the terms inside them, until both scan
//! pointers catch up. A forwarded boxed object's header is replaced by a boxed pointer to its
//! copy (a header never has the boxed tag); a forwarded cons cell gets the non-value in its
//! head and the new cons in its tail (a head is never the non-value).
//!
//! Anything a term points to outside the from-space (module literals, the old heap during a
//! minor collection) stays where it is. The old heap never points into the young heap:
//! terms are immutable, so an object only points to older ones.

use crate::allocator::{term_block, MemoryKind};
use crate::heap::ProcessHeap;
use crate::sizes::next_heap_size;
use enigma_term::boxed::{self, Header};
use enigma_term::tag::{PRIMARY_BOXED, PRIMARY_HEADER, PRIMARY_MASK};
use enigma_term::{binary, Term};

/// The places a collector finds live terms besides the heap itself.
pub trait Roots {
    /// Calls `visit` with every slice of root terms: the live x registers, the stack, the
    /// process dictionary, the message queue, the saved stack trace. Words that are not
    /// pointers (immediates, continuation pointers, catches) are left as they are.
    fn for_each_root(&mut self, visit: &mut dyn FnMut(&mut [Term]));
}

/// Which collection ran.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum GcKind {
    Minor,
    Major,
}

/// Where a from-space object goes.
#[derive(Copy, Clone)]
enum Dest {
    Young,
    Old,
}

/// A bump area being copied into, scanned behind the copy pointer.
struct ToSpace {
    base: *mut Term,
    cap: usize,
    top: usize,
    scan: usize,
}

impl ToSpace {
    fn new(block: &mut [Term], top: usize) -> ToSpace {
        ToSpace {
            base: block.as_mut_ptr(),
            cap: block.len(),
            top,
            scan: top,
        }
    }

    fn alloc(&mut self, words: usize) -> *mut Term {
        // The to-spaces are sized for the worst case (every from-space word live), so running
        // out means a sizing bug; fail loudly rather than write out of bounds.
        assert!(
            self.top + words <= self.cap,
            "gc: to-space overflow ({} + {} > {})",
            self.top,
            words,
            self.cap
        );
        // SAFETY: `top + words <= cap`, asserted above.
        let p = unsafe { self.base.add(self.top) };
        self.top += words;
        p
    }
}

struct Copier {
    /// Young-heap words `[young_start, young_start + promote_end)` go to the old heap.
    young_start: usize,
    promote_end: usize,
    young_end: usize,
    /// Old heap range copied in a major collection (empty in a minor one).
    old_start: usize,
    old_end: usize,
    /// Fragment ranges, sorted by start address.
    fragments: Vec<(usize, usize)>,
    young: ToSpace,
    old: Option<ToSpace>,
}

impl Copier {
    /// Where the object at `addr` goes, or `None` if it is not in the from-space.
    #[inline]
    fn dest(&self, addr: usize) -> Option<Dest> {
        if addr >= self.young_start && addr < self.young_end {
            return Some(if addr < self.promote_end && self.old.is_some() {
                Dest::Old
            } else {
                Dest::Young
            });
        }
        if addr >= self.old_start && addr < self.old_end {
            return Some(Dest::Young);
        }
        if self.fragments.is_empty() {
            return None;
        }
        let i = self.fragments.partition_point(|&(s, _)| s <= addr);
        (i > 0 && addr < self.fragments[i - 1].1).then_some(Dest::Young)
    }

    fn space(&mut self, d: Dest) -> &mut ToSpace {
        match (d, self.old.as_mut()) {
            (Dest::Old, Some(o)) => o,
            _ => &mut self.young,
        }
    }

    /// The new location of `t`, copying its object if this is the first visit.
    #[inline]
    fn forward(&mut self, t: Term) -> Term {
        if t.is_boxed() {
            let p = t.boxed_ptr() as *mut Term;
            let Some(d) = self.dest(p as usize) else {
                return t;
            };
            // SAFETY: `p` is inside the from-space, at the header of a live object (the
            // mutator only builds pointers to object starts).
            let h = unsafe { *p };
            if h.raw() & PRIMARY_MASK == PRIMARY_BOXED {
                return h;
            }
            let words = 1 + Header::from_raw(h.raw()).arity();
            let to = self.space(d).alloc(words);
            // SAFETY: `to` has `words` free words; the object spans `words` from-space words
            // and the two spaces never overlap.
            unsafe {
                core::ptr::copy_nonoverlapping(p, to, words);
                *p = Term::from_boxed_ptr(to);
            }
            Term::from_boxed_ptr(to)
        } else if t.is_cons() {
            let p = t.cons_ptr() as *mut Term;
            let Some(d) = self.dest(p as usize) else {
                return t;
            };
            // SAFETY: `p` is a live two-word cons cell in the from-space.
            unsafe {
                if !(*p).is_value() {
                    return *p.add(1);
                }
                let to = self.space(d).alloc(2);
                core::ptr::copy_nonoverlapping(p, to, 2);
                let new = Term::from_cons_ptr(to);
                *p = Term::NON_VALUE;
                *p.add(1) = new;
                new
            }
        } else {
            t
        }
    }

    /// Scans the copied objects of a to-space from its scan pointer to its top.
    fn scan(&mut self, d: Dest) -> bool {
        let mut progressed = false;
        loop {
            let sp = self.space(d);
            if sp.scan >= sp.top {
                return progressed;
            }
            progressed = true;
            let i = sp.scan;
            // SAFETY: `i < top <= cap`; words below `top` were written by `alloc` + copy.
            let w = unsafe { *sp.base.add(i) };
            let base = sp.base;
            if w.raw() & PRIMARY_MASK == PRIMARY_HEADER {
                let h = Header::from_raw(w.raw());
                let range = boxed::term_words(h);
                self.space(d).scan = i + 1 + h.arity();
                for j in range {
                    // SAFETY: `term_words` lies within the object's `1 + arity` words.
                    unsafe {
                        let slot = base.add(i + j);
                        *slot = self.forward(*slot);
                    }
                }
            } else {
                self.space(d).scan = i + 2;
                for j in 0..2 {
                    // SAFETY: a cons cell's two words lie below `top`.
                    unsafe {
                        let slot = base.add(i + j);
                        *slot = self.forward(*slot);
                    }
                }
            }
        }
    }

    fn scan_all(&mut self) {
        loop {
            let a = self.scan(Dest::Young);
            let b = self.old.is_some() && self.scan(Dest::Old);
            if !a && !b {
                break;
            }
        }
    }
}

fn range_of(block: &[Term], used: usize) -> (usize, usize) {
    let s = block.as_ptr() as usize;
    (s, s + used * 8)
}

/// Collects `heap`, leaving at least `need` free words in the young heap. Runs a major
/// collection when asked, when the old heap is full, or when `fullsweep_after` says so.
pub fn collect(
    heap: &mut ProcessHeap,
    need: usize,
    roots: &mut dyn Roots,
    force_major: bool,
) -> GcKind {
    let frag_words = heap.fragment_words();
    let promote = heap.high_water;
    let old_free = heap.old.len() - heap.old_top;
    let major =
        force_major || heap.minors_left == 0 || (!heap.old.is_empty() && old_free < promote);
    let kind = if major { GcKind::Major } else { GcKind::Minor };

    // Worst case: every from-space word is live.
    let young_bound = if major {
        heap.top + heap.old_top + frag_words
    } else {
        heap.top - promote + frag_words
    };
    let collections = heap.gc_counts.0 + heap.gc_counts.1;
    if collections > 0
        && collections.is_multiple_of(crate::heap::BUSY_AFTER_GCS)
        && heap.busy_floor < crate::heap::BUSY_HEAP_WORDS
    {
        heap.busy_floor = next_heap_size(heap.busy_floor * 2).min(crate::heap::BUSY_HEAP_WORDS);
    }
    let floor = heap.min_heap_size.max(heap.busy_floor);
    let new_size = next_heap_size((young_bound + need).max(floor));
    let mut new_young = term_block(new_size, MemoryKind::HEAP);

    // A minor collection promotes into the old heap, made when first needed.
    let mut new_old: Option<Box<[Term]>> = None;
    if !major && promote > 0 && heap.old.is_empty() {
        new_old = Some(term_block(
            next_heap_size(promote * 2),
            MemoryKind::OLD_HEAP,
        ));
    }

    let (ys, _) = range_of(&heap.young, 0);
    let (os, oe) = if major {
        range_of(&heap.old, heap.old_top)
    } else {
        (0, 0)
    };
    let mut fragments: Vec<(usize, usize)> = heap
        .fragments
        .iter()
        .flat_map(|f| f.ranges())
        .collect::<Vec<_>>();
    fragments.sort_unstable();

    let old_space = if major || promote == 0 {
        None
    } else if let Some(block) = new_old.as_mut() {
        Some(ToSpace::new(block, 0))
    } else {
        let top = heap.old_top;
        Some(ToSpace::new(&mut heap.old, top))
    };
    let mut c = Copier {
        young_start: ys,
        promote_end: ys + promote * 8,
        young_end: ys + heap.top * 8,
        old_start: os,
        old_end: oe,
        fragments,
        young: ToSpace::new(&mut new_young, 0),
        old: old_space,
    };

    roots.for_each_root(&mut |slice: &mut [Term]| {
        for t in slice.iter_mut() {
            *t = c.forward(*t);
        }
    });
    c.scan_all();

    let young_top = c.young.top;
    let old_top = c.old.as_ref().map(|o| o.top);

    // Refc handles: a forwarded handle survives at its new address, the rest are released.
    let mut young_handles = Vec::new();
    let mut old_handles = if major {
        Vec::new()
    } else {
        std::mem::take(&mut heap.offheap_old)
    };
    let sweep: Vec<Term> = if major {
        let mut all = std::mem::take(&mut heap.offheap_young);
        all.append(&mut heap.offheap_old);
        all
    } else {
        std::mem::take(&mut heap.offheap_young)
    };
    let new_young_range = range_of(&new_young, young_top);
    for h in sweep {
        // SAFETY: `h` was a live handle's address in the from-space, which is still allocated
        // (freed below); its first word is either its header or a forwarding pointer.
        let first = unsafe { *h.boxed_ptr() };
        if first.raw() & PRIMARY_MASK == PRIMARY_BOXED {
            let a = first.boxed_ptr() as usize;
            if a >= new_young_range.0 && a < new_young_range.1 {
                young_handles.push(first);
            } else {
                old_handles.push(first);
            }
        } else {
            binary::release_handle(h);
        }
    }

    // Swap in the new spaces; the old ones (and the fragments) are freed here.
    heap.young = new_young;
    heap.top = young_top;
    heap.fragments.clear();
    heap.fragment_used = 0;
    if major {
        heap.old = Box::new([]);
        heap.old_top = 0;
        heap.minors_left = heap.fullsweep_after;
        heap.gc_counts.1 += 1;
    } else {
        if let Some(block) = new_old {
            heap.old = block;
        }
        if let Some(t) = old_top {
            heap.old_top = t;
        }
        heap.minors_left = heap.minors_left.saturating_sub(1);
        heap.gc_counts.0 += 1;
    }
    heap.offheap_young = young_handles;
    heap.offheap_old = old_handles;
    heap.high_water = heap.top;

    shrink_if_sparse(heap, need, roots);
    kind
}

/// After a collection that left the young heap mostly empty, moves the live words to a
/// smaller block and fixes every pointer into them.
fn shrink_if_sparse(heap: &mut ProcessHeap, need: usize, roots: &mut dyn Roots) {
    let live = heap.top;
    let size = heap.young.len();
    let target = next_heap_size((live * 2 + need).max(heap.min_heap_size.max(heap.busy_floor)));
    if live * 4 >= size || target >= size {
        return;
    }
    let mut block = term_block(target, MemoryKind::HEAP);
    block[..live].copy_from_slice(&heap.young[..live]);
    let (from_s, from_e) = range_of(&heap.young, live);
    let to_s = block.as_ptr() as usize;
    let relocate = |t: Term| -> Term {
        let (a, tag) = if t.is_boxed() {
            (t.boxed_ptr() as usize, PRIMARY_BOXED)
        } else if t.is_cons() {
            (t.cons_ptr() as usize, enigma_term::tag::PRIMARY_LIST)
        } else {
            return t;
        };
        if a >= from_s && a < from_e {
            Term::from_raw((a - from_s + to_s) as u64 | tag)
        } else {
            t
        }
    };
    let mut i = 0;
    while i < live {
        let w = block[i];
        if w.raw() & PRIMARY_MASK == PRIMARY_HEADER {
            let h = Header::from_raw(w.raw());
            for j in boxed::term_words(h) {
                if let Some(slot) = block.get_mut(i + j) {
                    *slot = relocate(*slot);
                }
            }
            i += 1 + h.arity();
        } else {
            for j in 0..2 {
                if let Some(slot) = block.get_mut(i + j) {
                    *slot = relocate(*slot);
                }
            }
            i += 2;
        }
    }
    roots.for_each_root(&mut |slice: &mut [Term]| {
        for t in slice.iter_mut() {
            *t = relocate(*t);
        }
    });
    for h in heap.offheap_young.iter_mut() {
        *h = relocate(*h);
    }
    heap.young = block;
    heap.high_water = heap.top;
}
