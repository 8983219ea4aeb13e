//! BIFs of the `persistent_term` module.

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
