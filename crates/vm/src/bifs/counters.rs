//! BIFs of the `counters` module.

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
