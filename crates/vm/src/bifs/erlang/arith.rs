//! BIFs of the `erlang` module: arith (see the module table at the end).

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
