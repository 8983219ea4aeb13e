//! The module checksum BEAM computes at load time (`Mod:module_info(md5)`, and the
//! `new_uniq` of every fun the module creates): MD5 over the atom, code, string, import and
//! export chunks, the lambda table with each entry's obsolete `OldUniq` word zeroed (it was
//! derived with an endian-dependent hash), the literal chunk as stored, and the `Meta` chunk.
//! We use the `md-5` crate (RustCrypto) rather than our own MD5.

use md5::{Digest, Md5};

use crate::chunks;
use crate::error::LoadError;

/// Bytes of one lambda table entry: function, arity, label, index, free count, old uniq.
const LAMBDA_ENTRY_BYTES: usize = 24;

/// The checksum of the `.beam` in `bytes` (inflated first if gzip-compressed), as BEAM
/// computes it.
pub fn module_md5(bytes: &[u8]) -> Result<[u8; 16], LoadError> {
    let bytes = crate::gzip::decompress(bytes)?;
    let chunks = chunks::split(&bytes)?;
    let mut md5 = Md5::new();
    let atoms = chunks
        .get(b"AtU8")
        .or_else(|| chunks.get(b"Atom"))
        .unwrap_or(&[]);
    md5.update(atoms);
    md5.update(chunks.get(b"Code").unwrap_or(&[]));
    md5.update(chunks.get(b"StrT").unwrap_or(&[]));
    md5.update(chunks.get(b"ImpT").unwrap_or(&[]));
    md5.update(chunks.get(b"ExpT").unwrap_or(&[]));
    if let Some(funs) = chunks.get(b"FunT").filter(|f| !f.is_empty()) {
        if let (Some(count), Some(mut rest)) = (funs.get(..4), funs.get(4..)) {
            md5.update(count);
            while let (Some(head), Some(tail)) = (rest.get(..20), rest.get(LAMBDA_ENTRY_BYTES..)) {
                md5.update(head);
                md5.update([0u8; 4]);
                rest = tail;
            }
        }
    }
    md5.update(chunks.get(b"LitT").unwrap_or(&[]));
    md5.update(chunks.get(b"Meta").unwrap_or(&[]));
    Ok(md5.finalize().into())
}
