//! Where terms are built: the [`TermAlloc`] trait, and [`VecAlloc`], a simple non-moving
//! area for literals, decoded terms that must outlive a process, and tests.

use crate::binary;
use crate::term::Term;

/// Something that hands out heap words for new terms.
pub trait TermAlloc {
    /// `words` consecutive, 8-aligned, uninitialised words that stay where they are until the
    /// owner collects or drops them. Never fails: an allocator that cannot satisfy the request
    /// from its main area takes a new block (a heap fragment).
    fn alloc(&mut self, words: usize) -> *mut Term;

    /// Records a freshly built refc-binary handle (it already holds one reference to its
    /// off-heap data), so that the owner releases the reference when the handle dies.
    fn register_offheap(&mut self, handle: Term);
}

/// Words per block of a [`VecAlloc`]; larger requests get a block of their own.
const VEC_ALLOC_BLOCK_WORDS: usize = 4096;

/// A growable area of fixed blocks: terms never move, and all of it is freed (and its
/// off-heap references released) when it is dropped.
#[derive(Default)]
pub struct VecAlloc {
    blocks: Vec<Box<[Term]>>,
    used: usize,
    offheap: Vec<Term>,
}

impl VecAlloc {
    pub fn new() -> VecAlloc {
        VecAlloc::default()
    }

    /// Words handed out so far (for sizing and statistics).
    pub fn words_used(&self) -> usize {
        self.blocks
            .iter()
            .take(self.blocks.len().saturating_sub(1))
            .map(|b| b.len())
            .sum::<usize>()
            + self.used
    }

    /// Whether `t` points into this area.
    pub fn contains(&self, ptr: *const Term) -> bool {
        self.blocks.iter().any(|b| {
            let start = b.as_ptr();
            // SAFETY: `start + len` is one past the end of the block, a valid pointer value.
            let end = unsafe { start.add(b.len()) };
            ptr >= start && ptr < end
        })
    }

    /// The blocks of the area (a collector treats them as one more "do not copy" range).
    pub fn block_ranges(&self) -> impl Iterator<Item = (*const Term, usize)> + '_ {
        self.blocks.iter().map(|b| (b.as_ptr(), b.len()))
    }
}

impl TermAlloc for VecAlloc {
    fn alloc(&mut self, words: usize) -> *mut Term {
        let fits = self
            .blocks
            .last()
            .is_some_and(|b| b.len() - self.used >= words);
        if !fits {
            let size = words.max(VEC_ALLOC_BLOCK_WORDS);
            self.blocks.push(vec![Term::NIL; size].into_boxed_slice());
            self.used = 0;
        }
        let used = self.used;
        self.used += words;
        match self.blocks.last_mut() {
            // SAFETY: `used + words <= block.len()` was ensured above.
            Some(b) => unsafe { b.as_mut_ptr().add(used) },
            None => core::ptr::null_mut(),
        }
    }

    fn register_offheap(&mut self, handle: Term) {
        self.offheap.push(handle);
    }
}

impl Drop for VecAlloc {
    fn drop(&mut self) {
        for h in self.offheap.drain(..) {
            binary::release_handle(h);
        }
    }
}

// SAFETY: the area owns its blocks; the raw pointers inside terms point only into this area,
// into other never-freed areas, or to reference-counted off-heap binaries, so moving the area
// to another thread is sound.
unsafe impl Send for VecAlloc {}
// SAFETY: a shared `VecAlloc` is only read (literal terms are immutable).
unsafe impl Sync for VecAlloc {}
