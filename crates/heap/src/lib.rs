//! Per-process memory: the young and old heaps, heap fragments, and the precise copying
//! generational collector that keeps them small.
//!
//! A process allocates by bumping a pointer in its young heap ([`ProcessHeap`], which
//! implements `TermAlloc`). Native code never triggers a collection: when the young heap is
//! full, an allocation goes to a new heap fragment, and the emulator collects at the next
//! point where it knows the live registers (`test_heap`, `allocate`, after a BIF returns).
//! Messages arrive in fragments of their own ([`Fragment`]) which the collector merges.
//!
//! The collector ([`gc`]) is Cheney-style: it copies everything reachable from the roots
//! out of the young heap and the fragments, promotes objects that already survived one minor
//! collection to the old heap, and, on a full sweep, copies the old heap too. Anything else a
//! term may point to (module literals, other areas) is left in place. [`verify`] checks a
//! heap after each collection in debug builds and under stress mode. [`allocator`] is the
//! global allocator and returns dead processes' memory to the OS.

pub mod allocator;
pub mod copy;
pub mod fragment;
pub mod gc;
pub mod heap;
pub mod sizes;
pub mod verify;

pub use fragment::Fragment;
pub use gc::{collect, GcKind, Roots};
pub use heap::ProcessHeap;
