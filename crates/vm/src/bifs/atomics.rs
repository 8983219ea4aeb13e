//! BIFs of the `atomics` module.

use crate::bifs::BifEntry;

pub const BIFS: &[BifEntry] = &[];
