//! BIFs of the `erlang` module: lists_ops (see the module table at the end).

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
