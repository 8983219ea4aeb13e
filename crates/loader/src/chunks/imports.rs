//! The import table (`ImpT`): the external functions the module calls.
//!
//! A 32-bit count, then per import three 32-bit words: module atom, function
//! atom (1-based atom indices) and arity (at most 255). Call and BIF
//! instructions refer to imports by 0-based position.

use crate::error::LoadError;
use crate::reader::Reader;

/// Most arguments a function can have (BEAM's `MAX_ARG`).
pub const MAX_ARITY: u32 = 255;

/// One imported function, `module:function/arity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Import {
    /// 1-based index of the module's atom.
    pub module: u32,
    /// 1-based index of the function's atom.
    pub function: u32,
    /// The arity.
    pub arity: u32,
}

/// Checks a 1-based atom index from a table entry.
pub(crate) fn check_atom(
    index: u32,
    atom_count: usize,
    table: &'static str,
    entry: usize,
) -> Result<(), LoadError> {
    if index == 0 || index as usize > atom_count {
        return Err(LoadError::BadEntry {
            table,
            index: entry,
            reason: "atom index out of range",
        });
    }
    Ok(())
}

/// Decodes `ImpT`.
pub(crate) fn parse(data: &[u8], atom_count: usize) -> Result<Vec<Import>, LoadError> {
    let mut r = Reader::new(data);
    let count = r.u32("import table")?;
    let count = r.check_count(count, 12, "import count")?;
    let mut imports = Vec::with_capacity(count);
    for i in 0..count {
        let module = r.u32("import table")?;
        let function = r.u32("import table")?;
        let arity = r.u32("import table")?;
        check_atom(module, atom_count, "import", i)?;
        check_atom(function, atom_count, "import", i)?;
        if arity > MAX_ARITY {
            return Err(LoadError::BadEntry {
                table: "import",
                index: i,
                reason: "arity above 255",
            });
        }
        imports.push(Import {
            module,
            function,
            arity,
        });
    }
    Ok(imports)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::words;

    #[test]
    fn decodes_and_checks_entries() {
        let ok = words(&[1, 2, 3, 4]);
        assert_eq!(
            parse(&ok, 3).unwrap(),
            [Import {
                module: 2,
                function: 3,
                arity: 4
            }]
        );
        assert!(matches!(parse(&ok, 2), Err(LoadError::BadEntry { .. })));
        assert!(matches!(
            parse(&words(&[1, 0, 1, 0]), 3),
            Err(LoadError::BadEntry { .. })
        ));
        assert!(matches!(
            parse(&words(&[1, 1, 1, 256]), 3),
            Err(LoadError::BadEntry { .. })
        ));
        assert!(matches!(
            parse(&words(&[2, 1, 1, 0]), 3),
            Err(LoadError::TooLarge { .. })
        ));
        assert!(matches!(
            parse(&[0, 0], 3),
            Err(LoadError::Truncated { .. })
        ));
    }
}
