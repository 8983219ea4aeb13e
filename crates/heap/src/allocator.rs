//! The allocator every Enigma binary uses, and how its free memory goes back to the OS.
//!
//! Heaps, fragments and signals are allocated on one scheduler thread and often freed on
//! another (a message is built by its sender and dropped by its receiver). `mimalloc` keeps
//! per-thread free lists with cheap cross-thread frees, which the system allocator does
//! not (the 10,000-process ring: 1.67 s with glibc malloc, 0.93 s with mimalloc).
//!
//! mimalloc returns freed pages to the OS only after a purge delay, and only when a thread
//! touches the allocator again. A VM that goes idle right after a million processes exit
//! would keep their gigabytes. So the memory of dead processes is counted ([`note_freed`]),
//! and when enough has been freed since the last time, each scheduler that runs out of work
//! asks mimalloc to free and purge what its thread holds ([`IdleCollector`]) before it
//! sleeps. Busy schedulers never pay for it.
//!
//! mimalloc is built without transparent huge pages (`no_thp`): with them, every thread
//! that allocates (schedulers, the dirty I/O pool, the poller, writers) faulted in 2 MB
//! pages the kernel zeroes in full. A boot to `halt()` spent 60 % of its time in the
//! kernel clearing pages and reached 155 MB of RSS; without them it takes 0.15 s and
//! 36 MB (erl: 0.19 s, 35 MB), measured with `perf stat` and `/usr/bin/time -f %M`.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Bytes of dead processes' memory that make a collection worth its cost (it walks every
/// page the thread owns).
const COLLECT_AFTER_BYTES: usize = 32 << 20;

/// Bytes freed by dead processes since the epoch last advanced.
static FREED: AtomicUsize = AtomicUsize::new(0);

/// Advances each time [`COLLECT_AFTER_BYTES`] have been freed; a scheduler collects when
/// it sees an epoch it has not collected for.
static EPOCH: AtomicU64 = AtomicU64::new(0);

/// Records that a process's memory (`bytes`) has been freed.
pub fn note_freed(bytes: usize) {
    let total = FREED.fetch_add(bytes, Ordering::Relaxed) + bytes;
    if total >= COLLECT_AFTER_BYTES {
        // Racing callers may both advance the epoch; a spare collection is harmless.
        FREED.store(0, Ordering::Relaxed);
        EPOCH.fetch_add(1, Ordering::Release);
    }
}

/// One per scheduler thread: remembers which epoch that thread last collected for.
#[derive(Default)]
pub struct IdleCollector {
    seen: u64,
}

impl IdleCollector {
    /// Called by a thread that is about to sleep: if enough memory was freed since this
    /// thread last collected, frees the empty pages it owns and purges them to the OS.
    pub fn on_idle(&mut self) {
        let epoch = EPOCH.load(Ordering::Acquire);
        if epoch != self.seen {
            self.seen = epoch;
            return_free_memory();
        }
    }
}

/// Frees the calling thread's empty allocator pages and returns them to the OS now.
pub fn return_free_memory() {
    // SAFETY: `mi_collect` takes no pointers and only walks allocator state owned by the
    // calling thread (plus the process-wide arenas, which mimalloc locks itself); it may be
    // called from any thread at any time, and no Rust reference into freed memory can
    // exist because only memory already given back to the allocator is touched.
    unsafe { libmimalloc_sys::mi_collect(true) }
}
