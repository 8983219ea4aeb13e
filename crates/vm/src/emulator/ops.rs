//! Handlers of instructions too large for an arm of the loop, by area.

pub mod bits;
pub mod floats;
pub mod maps;
