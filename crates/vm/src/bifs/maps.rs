//! BIFs of the `maps` module.

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
