//! Decoding a module's literals (and its attribute chunks) from the external term format
//! into the module's literal area. Export funs (`fun lists:map/2`) in literals resolve to
//! export entries, created unloaded if new, as BEAM's loader does.

use enigma_term::etf::{self, DecodeOptions};
use enigma_term::{Term, VecAlloc};

/// Decodes one literal.
pub fn decode(bytes: &[u8], area: &mut VecAlloc) -> Result<Term, String> {
    let exports = |m, f, a| Some(super::export_entry(m, f, a));
    let opts = DecodeOptions {
        export_resolver: Some(&exports),
        ..DecodeOptions::default()
    };
    etf::decode(bytes, area, &opts)
        .map(|(t, _)| t)
        .map_err(|e| format!("bad literal: {e:?}"))
}
