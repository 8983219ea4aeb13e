//! The export (`ExpT`) and local function (`LocT`) tables.
//!
//! Both are a 32-bit count, then per function three 32-bit words: function
//! atom (1-based), arity (at most 255) and entry label. `validate.rs` checks
//! that each label is the entry label of a function with that name and arity.

use crate::chunks::imports::{check_atom, MAX_ARITY};
use crate::error::LoadError;
use crate::reader::Reader;

/// One exported or local function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExportEntry {
    /// 1-based index of the function's atom.
    pub function: u32,
    /// The arity.
    pub arity: u32,
    /// The entry label (the label right after the function's `func_info`).
    pub label: u32,
}

/// Decodes `ExpT` or `LocT`; `table` (`"export"` or `"local"`) names it in errors.
pub(crate) fn parse(
    data: &[u8],
    atom_count: usize,
    table: &'static str,
) -> Result<Vec<ExportEntry>, LoadError> {
    let mut r = Reader::new(data);
    let count = r.u32("export table")?;
    let count = r.check_count(count, 12, "export count")?;
    let mut entries = Vec::with_capacity(count);
    for i in 0..count {
        let function = r.u32("export table")?;
        let arity = r.u32("export table")?;
        let label = r.u32("export table")?;
        check_atom(function, atom_count, table, i)?;
        if arity > MAX_ARITY {
            return Err(LoadError::BadEntry {
                table,
                index: i,
                reason: "arity above 255",
            });
        }
        entries.push(ExportEntry {
            function,
            arity,
            label,
        });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::words;

    #[test]
    fn decodes_and_checks_entries() {
        let e = parse(&words(&[2, 1, 0, 2, 2, 1, 4]), 2, "export").unwrap();
        assert_eq!(
            e[1],
            ExportEntry {
                function: 2,
                arity: 1,
                label: 4
            }
        );
        assert!(matches!(
            parse(&words(&[1, 3, 0, 2]), 2, "local"),
            Err(LoadError::BadEntry { table: "local", .. })
        ));
        assert!(matches!(
            parse(&words(&[1, 1, 300, 2]), 2, "export"),
            Err(LoadError::BadEntry { .. })
        ));
        assert!(matches!(
            parse(&words(&[1, 1, 0]), 2, "export"),
            Err(LoadError::TooLarge { .. })
        ));
    }
}
