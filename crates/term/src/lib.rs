//! The term layer: Enigma's one-word tagged term and everything that reads or builds terms
//! without knowing which heap they live on.
//!
//! A [`Term`] is a `u64` whose low bits say what it is (see `docs/design/terms.md`):
//! immediates (small integers, atoms, local pids and ports, `[]`) live in the word itself;
//! lists point to a two-word cons cell; everything else points to a boxed object whose first
//! word is a [`Header`]. Building terms needs somewhere to put the words: the [`TermAlloc`]
//! trait, which the `heap` crate (process heaps, heap fragments) and the module literal areas
//! implement. This crate never collects garbage, so a term read here stays valid for as long
//! as the caller does not run a collection on its heap.
//!
//! The term kinds, order, hashing, printing and the external term format live in the modules
//! below, one concern each.

pub mod alloc;
pub mod atom;
pub mod binary;
pub mod boxed;
pub mod build;
pub mod compare;
pub mod etf;
pub mod float_fmt;
pub mod hash;
pub mod integer;
pub mod map;
pub mod print;
pub mod tag;
pub mod term;

pub use alloc::{TermAlloc, VecAlloc};
pub use atom::Atom;
pub use boxed::Header;
pub use term::{Kind, Term};
