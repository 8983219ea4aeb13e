//! The atom table: `AtU8` (UTF-8, OTP 20 and later) or the old `Atom` chunk
//! (Latin-1).
//!
//! Both are a 32-bit count (at least 1: atom 1 is the module name) followed by
//! that many atoms, each a length byte and that many bytes of text. Code
//! refers to atoms by 1-based index, so `atoms[0]` is atom 1; index 0 in code
//! is the empty list. Bytes after the last atom are ignored, as BEAM does.

use crate::error::LoadError;
use crate::reader::Reader;

/// Which text encoding the atom chunk uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// `AtU8`.
    Utf8,
    /// `Atom` (pre-OTP 20): every byte is one Latin-1 character.
    Latin1,
}

/// Decodes an atom chunk into the atoms' names.
pub(crate) fn parse(data: &[u8], encoding: Encoding) -> Result<Vec<String>, LoadError> {
    let id = match encoding {
        Encoding::Utf8 => "AtU8",
        Encoding::Latin1 => "Atom",
    };
    let mut r = Reader::new(data);
    let count = r.u32("atom table")?;
    if count == 0 {
        return Err(LoadError::BadChunk {
            id,
            reason: "no atoms (the module name is missing)",
        });
    }
    // Every atom takes at least its length byte.
    let count = r.check_count(count, 1, "atom count")?;
    let mut atoms = Vec::with_capacity(count);
    for i in 0..count {
        let len = r.u8("atom table")?;
        let text = r.bytes(usize::from(len), "atom table")?;
        let name = match encoding {
            Encoding::Utf8 => std::str::from_utf8(text)
                .map_err(|_| LoadError::BadAtomText {
                    index: i as u32 + 1,
                })?
                .to_owned(),
            Encoding::Latin1 => text.iter().map(|&b| char::from(b)).collect(),
        };
        atoms.push(name);
    }
    Ok(atoms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_latin1() {
        let data = [0, 0, 0, 2, 1, b'm', 2, 0xc3, 0xa5];
        assert_eq!(parse(&data, Encoding::Utf8).unwrap(), ["m", "å"]);
        assert_eq!(parse(&data, Encoding::Latin1).unwrap(), ["m", "Ã¥"]);
        let bad = [0, 0, 0, 1, 1, 0xff];
        assert_eq!(
            parse(&bad, Encoding::Utf8),
            Err(LoadError::BadAtomText { index: 1 })
        );
    }

    #[test]
    fn counts_and_truncation() {
        assert!(matches!(
            parse(&[0, 0, 0, 0], Encoding::Utf8),
            Err(LoadError::BadChunk { .. })
        ));
        assert!(matches!(
            parse(&[0xff, 0xff, 0xff, 0xff, 1, b'a'], Encoding::Utf8),
            Err(LoadError::TooLarge { .. })
        ));
        assert!(matches!(
            parse(&[0, 0, 0, 1, 5, b'a'], Encoding::Utf8),
            Err(LoadError::Truncated { .. })
        ));
        assert!(matches!(
            parse(&[0, 0], Encoding::Utf8),
            Err(LoadError::Truncated { .. })
        ));
        // The empty atom '' is legal.
        assert_eq!(parse(&[0, 0, 0, 1, 0], Encoding::Utf8).unwrap(), [""]);
    }
}
