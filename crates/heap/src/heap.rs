//! [`ProcessHeap`]: the young heap, the old heap, the fragments and the refc-binary handles
//! one process owns.

use crate::fragment::Fragment;
use crate::sizes::{next_heap_size, MIN_HEAP_WORDS};
use enigma_term::{binary, Term, TermAlloc};

/// Words of a fragment made when the young heap is full during native code; bigger requests
/// get a fragment of their own size.
const OVERFLOW_FRAGMENT_WORDS: usize = 512;

/// Largest young heap a busy process is given regardless of its live data: 32K words
/// (256 KB), small against a process that really holds data, large enough that collections
/// of a process with little live data are rare.
pub const BUSY_HEAP_WORDS: usize = 32 * 1024;

/// Collections after which the busy floor doubles.
pub const BUSY_AFTER_GCS: u64 = 8;

/// BEAM's default `fullsweep_after`: minor collections between two full sweeps.
pub const DEFAULT_FULLSWEEP_AFTER: u32 = 65535;

/// All the memory one process allocates terms in.
pub struct ProcessHeap {
    /// The young heap; words `[0, top)` are in use.
    pub(crate) young: Box<[Term]>,
    pub(crate) top: usize,
    /// Words below this survived one collection and are promoted by the next minor one.
    pub(crate) high_water: usize,
    /// The old heap (empty until the first promotion); words `[0, old_top)` are in use.
    pub(crate) old: Box<[Term]>,
    pub(crate) old_top: usize,
    /// Fragments: overflow from native code, and merged message fragments.
    pub(crate) fragments: Vec<Fragment>,
    /// Words allocated in `fragments` (they count against the young heap's free space).
    pub(crate) fragment_used: usize,
    /// Refc-binary handles living in the young heap or in fragments.
    pub(crate) offheap_young: Vec<Term>,
    /// Refc-binary handles living in the old heap.
    pub(crate) offheap_old: Vec<Term>,
    /// Smallest young heap this process keeps (`min_heap_size`).
    pub min_heap_size: usize,
    /// Smallest young heap while the process keeps allocating: it doubles (up to
    /// [`BUSY_HEAP_WORDS`]) with every [`BUSY_AFTER_GCS`] collections, so that a busy process
    /// is not collected every few hundred words. (BEAM's collector is cheaper per run; ours
    /// allocates a fresh young block each time, so it pays to run it less often.)
    pub(crate) busy_floor: usize,
    /// Words allocated so far (see [`ProcessHeap::allocation_mark`]).
    allocated: usize,
    /// Minor collections left before the next full sweep.
    pub(crate) minors_left: u32,
    /// `fullsweep_after` for this process.
    pub fullsweep_after: u32,
    /// Collections done so far (minor, major), for statistics.
    pub gc_counts: (u64, u64),
}

impl Default for ProcessHeap {
    fn default() -> Self {
        ProcessHeap::new(MIN_HEAP_WORDS)
    }
}

impl ProcessHeap {
    /// A heap whose young generation starts at `min_heap_size` words (rounded up the series).
    pub fn new(min_heap_size: usize) -> ProcessHeap {
        let size = next_heap_size(min_heap_size);
        ProcessHeap {
            young: crate::allocator::term_block(size, crate::allocator::MemoryKind::HEAP),
            top: 0,
            high_water: 0,
            old: Box::new([]),
            old_top: 0,
            fragments: Vec::new(),
            fragment_used: 0,
            offheap_young: Vec::new(),
            offheap_old: Vec::new(),
            min_heap_size: size,
            busy_floor: size,
            allocated: 0,
            minors_left: DEFAULT_FULLSWEEP_AFTER,
            fullsweep_after: DEFAULT_FULLSWEEP_AFTER,
            gc_counts: (0, 0),
        }
    }

    /// Words free in the young heap.
    #[inline]
    pub fn free_words(&self) -> usize {
        self.young.len() - self.top
    }

    /// Whether `words` more fit in the young heap without a collection.
    #[inline]
    pub fn has_room(&self, words: usize) -> bool {
        self.free_words() >= words
    }

    /// Whether terms live outside the young and old heaps (fragments), which a collection
    /// would merge. The emulator collects at its next safe point when this is true.
    pub fn has_fragments(&self) -> bool {
        !self.fragments.is_empty()
    }

    /// Whether the fragments are due to be merged: together with the young heap's contents
    /// they fill it (BEAM counts message buffers against the heap the same way). Message
    /// fragments therefore pile up cheaply until a collection would be due anyway.
    #[inline]
    pub fn fragments_due(&self) -> bool {
        self.fragment_used > 0 && self.fragment_used >= self.free_words()
    }

    /// Size of the young heap in words (`heap_size` in `process_info`).
    pub fn young_size(&self) -> usize {
        self.young.len()
    }

    /// Words in use in the young heap.
    pub fn young_used(&self) -> usize {
        self.top
    }

    /// Size of the old heap in words.
    pub fn old_size(&self) -> usize {
        self.old.len()
    }

    /// Words ever allocated on this heap (wrapping): the emulator charges a BIF reductions
    /// by how much this grew while it ran. (Not `top` plus `fragment_used`: the latter
    /// also counts the young heap's unusable rest once it is full.)
    #[inline]
    pub fn allocation_mark(&self) -> usize {
        self.allocated
    }

    /// Drops the busy floor back to `min_heap_size`: the next collection sizes the young
    /// heap by the live data alone (an explicit `garbage_collect/0,1`, as on BEAM).
    pub fn forget_busy_floor(&mut self) {
        self.busy_floor = self.min_heap_size;
    }

    /// Words in use in the old heap.
    pub fn old_used(&self) -> usize {
        self.old_top
    }

    /// Heap fragments not merged yet.
    pub fn fragment_count(&self) -> usize {
        self.fragments.len()
    }

    /// Words held by fragments.
    pub fn fragment_words(&self) -> usize {
        self.fragments.iter().map(|f| f.used_words()).sum()
    }

    /// Total words of heap memory (`total_heap_size` in `process_info`).
    pub fn total_size(&self) -> usize {
        self.young.len() + self.old.len() + self.fragment_words()
    }

    /// Adds a message fragment: its terms become this process's until the next collection
    /// copies the live ones into the young heap.
    pub fn attach_fragment(&mut self, mut frag: Fragment) {
        self.offheap_young.append(&mut frag.take_offheap());
        self.fragment_used += frag.used_words();
        self.fragments.push(frag);
    }

    /// Whether `ptr` points into this process's young heap, old heap or a fragment.
    pub fn owns(&self, ptr: *const Term) -> bool {
        let p = ptr as usize;
        let inside = |b: &[Term], used: usize| {
            let s = b.as_ptr() as usize;
            p >= s && p < s + used * 8
        };
        inside(&self.young, self.top)
            || inside(&self.old, self.old_top)
            || self
                .fragments
                .iter()
                .any(|f| f.ranges().any(|(s, e)| p >= s && p < e))
    }

    /// Releases every refc handle and fragment (the process died). The heap is empty after.
    pub fn clear(&mut self) {
        for h in self
            .offheap_young
            .drain(..)
            .chain(self.offheap_old.drain(..))
        {
            binary::release_handle(h);
        }
        self.fragments.clear();
        self.fragment_used = 0;
        self.top = 0;
        self.high_water = 0;
        self.old_top = 0;
    }
}

impl TermAlloc for ProcessHeap {
    #[inline]
    fn alloc(&mut self, words: usize) -> *mut Term {
        self.allocated = self.allocated.wrapping_add(words);
        if self.free_words() >= words {
            let at = self.top;
            self.top += words;
            // SAFETY: `at + words <= young.len()`, checked above.
            return unsafe { self.young.as_mut_ptr().add(at) };
        }
        // The heap is full: anything allocated here makes a collection due.
        self.fragment_used += words.max(self.free_words() + 1);
        if let Some(p) = self.fragments.last_mut().and_then(|f| f.try_alloc(words)) {
            return p;
        }
        let mut frag = Fragment::with_capacity(words.max(OVERFLOW_FRAGMENT_WORDS));
        let p = frag.alloc(words);
        self.fragments.push(frag);
        p
    }

    fn register_offheap(&mut self, handle: Term) {
        self.offheap_young.push(handle);
    }
}

impl Drop for ProcessHeap {
    fn drop(&mut self) {
        self.clear();
    }
}

// SAFETY: the heap owns all its blocks; see `Fragment`'s Send argument. A process (and its
// heap) runs on one scheduler thread at a time.
unsafe impl Send for ProcessHeap {}
