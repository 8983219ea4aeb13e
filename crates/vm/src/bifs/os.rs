//! BIFs of the `os` module.

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
