//! BIFs of the `binary` module.

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
