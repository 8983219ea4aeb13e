//! BIFs of the `erlang` module: types (see the module table at the end).

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
