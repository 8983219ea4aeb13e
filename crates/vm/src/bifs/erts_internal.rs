//! BIFs of the `erts_internal` module.

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
