//! BIFs of the `lists` module.

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
