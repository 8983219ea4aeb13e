//! The `Attr` (module attributes) and `CInf` (compile information) chunks.
//!
//! Each is one term in the external term format, kept as raw bytes here;
//! decoding it into a term is the term crate's job. The loader only checks
//! that the bytes start with the format's version byte 131. An empty chunk
//! counts as absent, as in BEAM.

use crate::error::LoadError;

/// The external term format's version byte, which every encoded term starts with.
pub(crate) const ETF_VERSION: u8 = 131;

/// Returns the chunk's raw term bytes (`None` if the chunk is absent or empty).
pub(crate) fn parse(data: Option<&[u8]>, id: &'static str) -> Result<Option<Vec<u8>>, LoadError> {
    match data {
        None | Some([]) => Ok(None),
        Some(bytes @ [ETF_VERSION, _, ..]) => Ok(Some(bytes.to_vec())),
        Some(_) => Err(LoadError::BadChunk {
            id,
            reason: "not in external term format",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_etf_is_kept() {
        assert_eq!(
            parse(Some(&[131, 106]), "Attr").unwrap(),
            Some(vec![131, 106])
        );
        assert_eq!(parse(None, "Attr").unwrap(), None);
        assert_eq!(parse(Some(&[]), "CInf").unwrap(), None);
        assert!(parse(Some(&[130, 106]), "CInf").is_err());
        assert!(parse(Some(&[131]), "CInf").is_err());
    }
}
