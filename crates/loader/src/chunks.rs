//! The IFF container of a `.beam` file, and one submodule per chunk.
//!
//! A `.beam` file is `"FOR1"`, a big-endian 32-bit form size, `"BEAM"`, then
//! chunks until the end of the form. A chunk is a 4-byte id, a 32-bit size and
//! that many bytes, padded with zeros to a multiple of 4 (the padding is not
//! counted in the size but must be present). Bytes after the form are ignored,
//! as BEAM does. [`split`] finds the chunks; the submodules decode each one.

pub(crate) mod atoms;
pub(crate) mod attributes;
pub(crate) mod code;
pub(crate) mod exports;
pub(crate) mod imports;
pub(crate) mod lambdas;
pub(crate) mod lines;
pub(crate) mod literals;
pub(crate) mod strings;
pub(crate) mod types;

use crate::error::LoadError;
use crate::reader::Reader;

/// Ids of the chunks this loader reads; a file may contain each only once.
const KNOWN: [&[u8; 4]; 13] = [
    b"AtU8", b"Atom", b"Code", b"StrT", b"ImpT", b"ExpT", b"LocT", b"FunT", b"LitT", b"Attr",
    b"CInf", b"Line", b"Type",
];

/// One chunk: its id and contents (without padding).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Chunk<'a> {
    pub id: [u8; 4],
    pub data: &'a [u8],
}

/// The chunks of a file, in file order.
#[derive(Debug)]
pub(crate) struct Chunks<'a> {
    list: Vec<Chunk<'a>>,
}

impl<'a> Chunks<'a> {
    /// The contents of chunk `id`, if present.
    pub(crate) fn get(&self, id: &[u8; 4]) -> Option<&'a [u8]> {
        self.list.iter().find(|c| &c.id == id).map(|c| c.data)
    }

    /// The contents of chunk `id`, or [`LoadError::MissingChunk`].
    pub(crate) fn require(&self, id: &'static str) -> Result<&'a [u8], LoadError> {
        let mut key = [0u8; 4];
        key.copy_from_slice(
            id.as_bytes()
                .get(..4)
                .ok_or(LoadError::MissingChunk { id })?,
        );
        self.get(&key).ok_or(LoadError::MissingChunk { id })
    }

    /// All chunks in file order.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Chunk<'a>> {
        self.list.iter()
    }
}

/// Splits a `.beam` file into its chunks.
pub(crate) fn split(bytes: &[u8]) -> Result<Chunks<'_>, LoadError> {
    let mut r = Reader::new(bytes);
    if r.array::<4>("IFF header").ok() != Some(*b"FOR1") {
        return Err(LoadError::NotIff);
    }
    let form_size = r.u32("IFF header").map_err(|_| LoadError::NotIff)?;
    let form = r.bytes(form_size as usize, "IFF form (size field exceeds file)")?;
    let mut r = Reader::new(form);
    if r.array::<4>("IFF form type").ok() != Some(*b"BEAM") {
        return Err(LoadError::NotBeam);
    }
    let mut list: Vec<Chunk<'_>> = Vec::new();
    while !r.is_empty() {
        let id = r.array::<4>("chunk header")?;
        let size = r.u32("chunk header")? as usize;
        let data = r.bytes(size, "chunk (size field exceeds form)")?;
        let pad = (4 - size % 4) % 4;
        r.skip(pad, "chunk padding")?;
        if KNOWN.contains(&&id) && list.iter().any(|c| c.id == id) {
            return Err(LoadError::DuplicateChunk {
                id: id.escape_ascii().to_string(),
            });
        }
        list.push(Chunk { id, data });
    }
    Ok(Chunks { list })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::{build_beam, minimal_beam};

    #[test]
    fn splits_a_minimal_file() {
        let bytes = minimal_beam();
        let chunks = split(&bytes).unwrap();
        let ids: Vec<_> = chunks.iter().map(|c| c.id).collect();
        assert_eq!(ids, [*b"AtU8", *b"Code", *b"StrT", *b"ImpT", *b"ExpT"]);
        assert_eq!(chunks.get(b"ImpT"), Some(&[0u8, 0, 0, 0][..]));
        assert!(chunks.get(b"LitT").is_none());
    }

    #[test]
    fn bad_iff_headers() {
        assert_eq!(split(b"").unwrap_err(), LoadError::NotIff);
        assert_eq!(split(b"FOR2\0\0\0\x04BEAM").unwrap_err(), LoadError::NotIff);
        assert_eq!(split(b"FOR1\0\0").unwrap_err(), LoadError::NotIff);
        assert_eq!(
            split(b"FOR1\0\0\0\x04BEAN").unwrap_err(),
            LoadError::NotBeam
        );
        assert!(matches!(
            split(b"FOR1\0\0\0\x08BEAM"),
            Err(LoadError::Truncated { .. })
        ));
        // The empty form is a container with no chunks.
        assert_eq!(split(b"FOR1\0\0\0\x04BEAM").unwrap().iter().count(), 0);
    }

    #[test]
    fn truncated_and_oversized_chunks() {
        let bytes = minimal_beam();
        for cut in 12..bytes.len() {
            // Shrink the form size so that it ends inside a chunk or its padding.
            let mut b = bytes[..cut].to_vec();
            let size = (cut - 8) as u32;
            b[4..8].copy_from_slice(&size.to_be_bytes());
            let r = split(&b);
            if r.is_ok() {
                // Only cuts at chunk boundaries can succeed.
                assert_eq!((cut - 12) % 4, 0);
            }
        }
        let mut b = build_beam(&[(*b"Abcd", vec![1, 2, 3])]);
        // A chunk size pointing past the form.
        b[16..20].copy_from_slice(&100u32.to_be_bytes());
        assert!(matches!(split(&b), Err(LoadError::Truncated { .. })));
        // Missing padding.
        let mut b = build_beam(&[(*b"Abcd", vec![1, 2, 3])]);
        b.pop();
        let size = (b.len() - 8) as u32;
        b[4..8].copy_from_slice(&size.to_be_bytes());
        assert!(matches!(
            split(&b),
            Err(LoadError::Truncated {
                what: "chunk padding"
            })
        ));
    }

    #[test]
    fn duplicate_known_chunks_are_refused() {
        let b = build_beam(&[(*b"StrT", vec![]), (*b"StrT", vec![1])]);
        assert!(matches!(split(&b), Err(LoadError::DuplicateChunk { .. })));
        let b = build_beam(&[(*b"Xyzw", vec![]), (*b"Xyzw", vec![1])]);
        assert!(split(&b).is_ok());
    }
}
