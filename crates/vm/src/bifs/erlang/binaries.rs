//! BIFs of the `erlang` module: binaries (see the module table at the end).

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
