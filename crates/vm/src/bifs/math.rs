//! BIFs of the `math` module.

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
