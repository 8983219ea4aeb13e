//! The string table (`StrT`): one byte string that `bs_put_string`,
//! `bs_match_string` and `bs_create_bin` refer to by offset and length.
//! It has no structure of its own; `validate.rs` checks the references that
//! the loader understands. A module without `StrT` has an empty table.

/// Copies the string table.
pub(crate) fn parse(data: Option<&[u8]>) -> Vec<u8> {
    data.map(<[u8]>::to_vec).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn missing_means_empty() {
        assert!(super::parse(None).is_empty());
        assert_eq!(super::parse(Some(b"abc")), b"abc");
    }
}
