//! BIFs of the `unicode` module.

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
