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
//!
//! Running out of memory ends the VM as BEAM's allocators do: `eheap_alloc: Cannot allocate
//! N bytes of memory (of type "heap").`, a crash dump, status 1. Rust's own reaction to a
//! failed allocation is to abort (its hook to change that, `set_alloc_error_hook`, is not
//! stable), so the global allocator below is a thin wrapper that notices the failure itself
//! and calls the VM's handler ([`set_out_of_memory_handler`]) before Rust ever sees it.
//! Callers name what they allocate ([`with_kind`], [`term_block`]) so that the message names
//! BEAM's allocator and memory type; code that can live with a refusal (a file read that
//! becomes `{error, enomem}`) asks inside [`fallible`], where a failure is returned as usual.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::OnceLock;

use enigma_term::Term;

#[global_allocator]
static GLOBAL: Allocator = Allocator;

/// mimalloc, with allocation failures routed to [`out_of_memory`].
struct Allocator;

// SAFETY: every method forwards its arguments unchanged to mimalloc's `GlobalAlloc`, which
// upholds the trait's contract; the only addition is a call to `failed` when mimalloc
// returns null, which allocates nothing through this path before it decides (it reads a
// const-initialised thread-local and an atomic) and either returns (the null goes back to
// the caller as mimalloc gave it) or ends the process.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if beyond_memory(layout.size()) {
            failed(layout.size());
            return core::ptr::null_mut();
        }
        // SAFETY: the caller's contract for `alloc` is passed on unchanged.
        let p = unsafe { mimalloc::MiMalloc.alloc(layout) };
        if p.is_null() {
            failed(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if beyond_memory(layout.size()) {
            failed(layout.size());
            return core::ptr::null_mut();
        }
        // SAFETY: as for `alloc`.
        let p = unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) };
        if p.is_null() {
            failed(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator (hence by mimalloc) with `layout`.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if beyond_memory(new_size) {
            failed(new_size);
            return core::ptr::null_mut();
        }
        // SAFETY: as for `dealloc`; `new_size` is the caller's, passed on unchanged.
        let p = unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) };
        if p.is_null() {
            failed(new_size);
        }
        p
    }
}

/// Requests below this many bytes are never compared with the machine's memory.
const HUGE_BYTES: usize = 1 << 30;

/// The machine's memory and swap in bytes (0 until first needed).
static CEILING: AtomicUsize = AtomicUsize::new(0);

/// Whether a request is larger than the machine's memory and swap together. mimalloc maps
/// large blocks with `MAP_NORESERVE`, which the kernel grants whatever their size; BEAM's
/// allocators map without it, and Linux refuses such an obvious overcommit at once (its
/// default heuristic). So a terabyte binary fails to allocate on BEAM, and without this
/// check would be granted here and then kill the VM page by page. Only requests of a
/// gigabyte or more pay for the check.
fn beyond_memory(size: usize) -> bool {
    if size < HUGE_BYTES {
        return false;
    }
    let mut ceiling = CEILING.load(Ordering::Relaxed);
    if ceiling == 0 {
        let info = rustix::system::sysinfo();
        let unit = u64::from(info.mem_unit.max(1));
        let total = (info.totalram as u64)
            .saturating_add(info.totalswap as u64)
            .saturating_mul(unit);
        ceiling = usize::try_from(total).unwrap_or(usize::MAX).max(HUGE_BYTES);
        CEILING.store(ceiling, Ordering::Relaxed);
    }
    size > ceiling
}

/// What an allocation is for, named as BEAM names the allocator and the memory type in its
/// out-of-memory message.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct MemoryKind {
    pub allocator: &'static str,
    pub type_name: &'static str,
}

impl MemoryKind {
    /// A process's young heap.
    pub const HEAP: MemoryKind = MemoryKind::new("eheap_alloc", "heap");
    /// A process's old heap.
    pub const OLD_HEAP: MemoryKind = MemoryKind::new("eheap_alloc", "old_heap");
    /// A heap fragment (a message, or native code's overflow).
    pub const HEAP_FRAG: MemoryKind = MemoryKind::new("eheap_alloc", "heap_frag");
    /// The bytes of an off-heap binary.
    pub const BINARY: MemoryKind = MemoryKind::new("binary_alloc", "binary");
    /// Anything not named otherwise: memory the VM takes from the system allocator for its
    /// own tables and buffers (BEAM would name one of its many types here; Enigma keeps no
    /// such types and says so).
    pub const OTHER: MemoryKind = MemoryKind::new("sys_alloc", "unknown");

    pub const fn new(allocator: &'static str, type_name: &'static str) -> MemoryKind {
        MemoryKind {
            allocator,
            type_name,
        }
    }
}

thread_local! {
    /// What this thread allocates now, for the message if it fails (`None`: a failure is
    /// returned to the caller, see [`fallible`]). Const-initialised and without a
    /// destructor, so the allocator can read it without allocating.
    static KIND: Cell<Option<MemoryKind>> = const { Cell::new(Some(MemoryKind::OTHER)) };
    /// This thread is handling a failure: another one (the handler itself running out)
    /// goes back to Rust, which aborts.
    static HANDLING: Cell<bool> = const { Cell::new(false) };
}

/// What the VM does when memory runs out: print BEAM's message, write a crash dump, exit.
static HANDLER: OnceLock<fn(MemoryKind, usize)> = OnceLock::new();

/// Installs the VM's reaction to running out of memory; it should not return.
pub fn set_out_of_memory_handler(f: fn(MemoryKind, usize)) {
    let _ = HANDLER.set(f);
}

/// Runs `f` with its allocations named `kind` (for the message if one fails).
pub fn with_kind<R>(kind: MemoryKind, f: impl FnOnce() -> R) -> R {
    let old = KIND.with(|k| k.replace(Some(kind)));
    let r = f();
    KIND.with(|k| k.set(old));
    r
}

/// Runs `f` with allocation failures returned to it as usual (`try_reserve` then fails
/// instead of ending the VM): for callers with an answer of their own to a refusal.
pub fn fallible<R>(f: impl FnOnce() -> R) -> R {
    let old = KIND.with(|k| k.replace(None));
    let r = f();
    KIND.with(|k| k.set(old));
    r
}

/// An allocation of `size` bytes failed: ends the VM, unless the caller asked to be told.
fn failed(size: usize) {
    let kind = KIND
        .try_with(|k| k.get())
        .unwrap_or(Some(MemoryKind::OTHER));
    if let Some(kind) = kind {
        out_of_memory(kind, size);
    }
}

/// Memory for `size` bytes of `kind` could not be had: the VM's handler ends the VM (with
/// no handler installed, BEAM's message and status 1). Returns only when the handler itself
/// ran out on this thread; the caller then fails as Rust does, with an abort.
pub fn out_of_memory(kind: MemoryKind, size: usize) {
    if HANDLING.try_with(|h| h.replace(true)).unwrap_or(true) {
        return;
    }
    match HANDLER.get() {
        Some(h) => h(kind, size),
        None => {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "{}: Cannot allocate {size} bytes of memory (of type \"{}\").",
                kind.allocator,
                kind.type_name
            );
            std::process::exit(1);
        }
    }
}

/// An empty vector with room for `n` elements of `kind`. Running out of memory here ends
/// the VM naming `kind`, also for a size beyond the address space (which `Vec` itself
/// would report with a panic).
pub fn vec_with_capacity<T>(n: usize, kind: MemoryKind) -> Vec<T> {
    let mut v: Vec<T> = Vec::new();
    if with_kind(kind, || v.try_reserve_exact(n)).is_err() {
        // More than the address space (no allocator call was made), or the handler ran
        // out of memory itself: either way there is nothing to give.
        out_of_memory(kind, n.saturating_mul(std::mem::size_of::<T>()));
        std::process::abort();
    }
    v
}

/// A block of `words` terms (a heap, an old heap, a fragment), filled with `[]`. Running
/// out of memory here ends the VM naming `kind`.
pub fn term_block(words: usize, kind: MemoryKind) -> Box<[Term]> {
    let mut v = vec_with_capacity(words, kind);
    v.resize(words, Term::NIL);
    v.into_boxed_slice()
}

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
