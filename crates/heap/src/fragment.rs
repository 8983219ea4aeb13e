//! Heap fragments: memory outside the young heap that holds terms until the next collection
//! copies the live ones in. BIFs get one when the young heap is full; every message is built
//! in one by its sender, sized exactly, so it is usually a single block.

use enigma_term::{binary, Term, TermAlloc};

/// Words of each extra block when a fragment outgrows its first one.
const EXTRA_BLOCK_WORDS: usize = 1024;

/// One or more fixed blocks of words, with the refc-binary handles built in them.
pub struct Fragment {
    blocks: Vec<Box<[Term]>>,
    /// Words used in the last block.
    used: usize,
    /// Refc-binary handles built in this fragment (each holds one reference).
    pub offheap: Vec<Term>,
}

impl Fragment {
    /// A fragment whose first block has room for `words` words.
    pub fn with_capacity(words: usize) -> Fragment {
        Fragment {
            blocks: vec![new_block(words)],
            used: 0,
            offheap: Vec::new(),
        }
    }

    /// Words free in the current block.
    pub fn free(&self) -> usize {
        self.blocks.last().map_or(0, |b| b.len() - self.used)
    }

    /// Words in use over all blocks.
    pub fn used_words(&self) -> usize {
        let full: usize = self.blocks.iter().rev().skip(1).map(|b| b.len()).sum();
        full + self.used
    }

    /// Address ranges `[start, end)` of the blocks.
    pub fn ranges(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.blocks.iter().map(|b| {
            let start = b.as_ptr() as usize;
            (start, start + b.len() * 8)
        })
    }

    /// Bump-allocates `n` words in the current block, if they fit.
    pub fn try_alloc(&mut self, n: usize) -> Option<*mut Term> {
        let used = self.used;
        let block = self.blocks.last_mut()?;
        if block.len() - used < n {
            return None;
        }
        self.used += n;
        // SAFETY: `used + n <= len`, checked above.
        Some(unsafe { block.as_mut_ptr().add(used) })
    }

    /// Hands the refc handles to a new owner (the process heap that merges this fragment).
    pub fn take_offheap(&mut self) -> Vec<Term> {
        std::mem::take(&mut self.offheap)
    }
}

fn new_block(words: usize) -> Box<[Term]> {
    crate::allocator::term_block(words.max(1), crate::allocator::MemoryKind::HEAP_FRAG)
}

impl TermAlloc for Fragment {
    fn alloc(&mut self, words: usize) -> *mut Term {
        if let Some(p) = self.try_alloc(words) {
            return p;
        }
        self.blocks.push(new_block(words.max(EXTRA_BLOCK_WORDS)));
        self.used = 0;
        self.try_alloc(words).unwrap_or(core::ptr::null_mut())
    }

    fn register_offheap(&mut self, handle: Term) {
        self.offheap.push(handle);
    }
}

impl Drop for Fragment {
    fn drop(&mut self) {
        for h in self.offheap.drain(..) {
            binary::release_handle(h);
        }
    }
}

// SAFETY: a fragment owns its blocks; the terms in it point into its own blocks, into
// never-freed literal areas, or to reference-counted off-heap data, so it can move between
// threads (a message travels from sender to receiver this way).
unsafe impl Send for Fragment {}
