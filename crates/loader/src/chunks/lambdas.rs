//! The lambda table (`FunT`): one entry per fun the module creates.
//!
//! A 32-bit count, then per fun six 32-bit words: function atom (1-based; the
//! name of the lifted function), arity (of the lifted function, free variables
//! included, at most 255), entry label, index, number of free variables (at
//! most the arity) and old unique value. `make_fun2`, `make_fun3` and
//! `call_fun2` refer to entries by 0-based position.

use crate::chunks::imports::{check_atom, MAX_ARITY};
use crate::error::LoadError;
use crate::reader::Reader;

/// One fun entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lambda {
    /// 1-based index of the lifted function's atom.
    pub function: u32,
    /// Arity of the lifted function (free variables included).
    pub arity: u32,
    /// Entry label of the lifted function.
    pub label: u32,
    /// The fun's index (its position in the table, for OTP 23 and later).
    pub index: u32,
    /// Number of free variables captured.
    pub num_free: u32,
    /// Old unique value (part of the module MD5), kept for `fun_info`.
    pub old_uniq: u32,
}

/// Decodes `FunT`.
pub(crate) fn parse(data: &[u8], atom_count: usize) -> Result<Vec<Lambda>, LoadError> {
    let mut r = Reader::new(data);
    let count = r.u32("lambda table")?;
    let count = r.check_count(count, 24, "lambda count")?;
    let mut lambdas = Vec::with_capacity(count);
    for i in 0..count {
        let mut w = [0u32; 6];
        for slot in &mut w {
            *slot = r.u32("lambda table")?;
        }
        let [function, arity, label, index, num_free, old_uniq] = w;
        check_atom(function, atom_count, "lambda", i)?;
        if arity > MAX_ARITY {
            return Err(LoadError::BadEntry {
                table: "lambda",
                index: i,
                reason: "arity above 255",
            });
        }
        if num_free > arity {
            return Err(LoadError::BadEntry {
                table: "lambda",
                index: i,
                reason: "more free variables than arguments",
            });
        }
        lambdas.push(Lambda {
            function,
            arity,
            label,
            index,
            num_free,
            old_uniq,
        });
    }
    Ok(lambdas)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::words;

    #[test]
    fn decodes_and_checks_entries() {
        let l = parse(&words(&[1, 2, 3, 4, 0, 1, 99]), 2).unwrap();
        assert_eq!(
            l,
            [Lambda {
                function: 2,
                arity: 3,
                label: 4,
                index: 0,
                num_free: 1,
                old_uniq: 99
            }]
        );
        assert!(matches!(
            parse(&words(&[1, 2, 1, 4, 0, 2, 0]), 2),
            Err(LoadError::BadEntry { .. })
        ));
        assert!(matches!(
            parse(&words(&[1, 2, 3, 4, 0, 1]), 2),
            Err(LoadError::TooLarge { .. })
        ));
    }
}
