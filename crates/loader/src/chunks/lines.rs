//! The line table (`Line`): source locations for `line` instructions.
//!
//! Layout (all words 32-bit big-endian): version (only 0 is known; a table of
//! another version is ignored, as BEAM ignores it), flags, the number of
//! `line` instructions, the number of items `n`, the number of file names `m`.
//! Then the items in compact encoding: an `a`-tagged number switches the
//! current file (0 is the module's own source, `k` is the `k`-th name below)
//! and an `i`-tagged number is the line of one item in the current file.
//! Then `m` names, each a 16-bit length and UTF-8 bytes.
//!
//! A `line` instruction's operand indexes [`LineTable::items`], where item 0
//! is the "no location" entry that the file does not store: the decoded table
//! has `n + 1` items, stored item `k` at index `k`. Likewise [`LineTable::files`]
//! has the implicit entry 0, `"<module>.erl"`, followed by the `m` stored names,
//! so `files[item.file]` always exists. An empty stored name is kept empty
//! (BEAM shows the module's file name for it); copying the module's name in
//! would let two bytes of input allocate hundreds.

use crate::compact::{read_tagged, Tag};
use crate::error::LoadError;
use crate::instr::Operand;
use crate::reader::Reader;

/// The decoded line table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineTable {
    /// The flags word (unused by OTP 25).
    pub flags: u32,
    /// Number of `line` instructions the compiler emitted; checked to be at
    /// most the number of `line` instructions in the code.
    pub instr_count: u32,
    /// Locations; `items[0]` is "no location" (`file: 0, line: 0`).
    pub items: Vec<LineItem>,
    /// Source file names; `files[0]` is the module's own `"<module>.erl"`.
    /// A stored name may be empty; BEAM then reports `files[0]` instead.
    pub files: Vec<String>,
}

/// One source location.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LineItem {
    /// Index into [`LineTable::files`] (0 = the module's source file).
    pub file: u32,
    /// Line number (0 for "no location").
    pub line: u32,
}

fn bad(reason: &'static str) -> LoadError {
    LoadError::BadChunk { id: "Line", reason }
}

/// Decodes the `Line` chunk; `None` when its version is not 0.
pub(crate) fn parse(data: &[u8], module: &str) -> Result<Option<LineTable>, LoadError> {
    let mut r = Reader::new(data);
    if r.u32("line table header")? != 0 {
        return Ok(None);
    }
    let flags = r.u32("line table header")?;
    let instr_count = r.u32("line table header")?;
    let item_count = r.u32("line table header")?;
    let name_count = r.u32("line table header")?;
    // Every item takes at least one byte.
    let item_count = r.check_count(item_count, 1, "line item count")?;
    let mut items = Vec::with_capacity(item_count + 1);
    items.push(LineItem { file: 0, line: 0 });
    let mut file = 0u32;
    while items.len() <= item_count {
        let t = read_tagged(&mut r).map_err(|e| match e {
            LoadError::Truncated { .. } => LoadError::Truncated { what: "line items" },
            _ => bad("malformed line item"),
        })?;
        match t.tag {
            Tag::A => {
                file = t
                    .unsigned()
                    .and_then(|v| u32::try_from(v).ok())
                    .filter(|&v| v <= name_count)
                    .ok_or(bad("file index out of range"))?;
            }
            Tag::I => {
                let line = match t.integer() {
                    Operand::Integer(v) => u32::try_from(v).ok(),
                    _ => None,
                }
                .ok_or(bad("line number negative or above 2^32"))?;
                items.push(LineItem { file, line });
            }
            _ => return Err(bad("line item is neither a file switch nor a line")),
        }
    }
    // Every name takes at least its two length bytes.
    let name_count = r.check_count(name_count, 2, "line file name count")?;
    let mut files = Vec::with_capacity(name_count + 1);
    files.push(format!("{module}.erl"));
    for _ in 0..name_count {
        let len = r.u16("line file names")?;
        if len > 0x7fff {
            return Err(bad("file name length negative"));
        }
        let bytes = r.bytes(usize::from(len), "line file names")?;
        let name = std::str::from_utf8(bytes).map_err(|_| bad("file name is not UTF-8"))?;
        files.push(name.to_owned());
    }
    Ok(Some(LineTable {
        flags,
        instr_count,
        items,
        files,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::{encode, words};

    fn table(items: &[(u8, i64)], names: &[&str]) -> Vec<u8> {
        let lines = items.iter().filter(|(t, _)| *t == 1).count() as u32;
        let mut d = words(&[0, 0, 7, lines, names.len() as u32]);
        for &(tag, v) in items {
            d.extend(encode(tag, v));
        }
        for n in names {
            d.extend((n.len() as u16).to_be_bytes());
            d.extend_from_slice(n.as_bytes());
        }
        d
    }

    #[test]
    fn decodes_items_and_files() {
        let d = table(
            &[(1, 10), (1, 70000), (2, 1), (1, 3), (2, 0), (1, 4)],
            &["inc.hrl"],
        );
        let t = parse(&d, "m").unwrap().unwrap();
        assert_eq!(t.instr_count, 7);
        assert_eq!(t.files, ["m.erl", "inc.hrl"]);
        let items: Vec<_> = t.items.iter().map(|i| (i.file, i.line)).collect();
        assert_eq!(items, [(0, 0), (0, 10), (0, 70000), (1, 3), (0, 4)]);
    }

    #[test]
    fn rejects_bad_items() {
        assert!(parse(&table(&[(2, 2), (1, 1)], &["a"]), "m").is_err());
        assert!(parse(&table(&[(1, -1)], &[]), "m").is_err());
        let mut d = table(&[(3, 1)], &[]);
        d[12..16].copy_from_slice(&1u32.to_be_bytes());
        assert!(matches!(parse(&d, "m"), Err(LoadError::BadChunk { .. })));
        let mut d = table(&[(1, 1)], &["a"]);
        d.truncate(d.len() - 1);
        assert!(matches!(parse(&d, "m"), Err(LoadError::Truncated { .. })));
        let mut d = table(&[(1, 1)], &[]);
        d[12..16].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(matches!(parse(&d, "m"), Err(LoadError::TooLarge { .. })));
        // Unknown versions are ignored.
        assert_eq!(parse(&words(&[1]), "m").unwrap(), None);
        assert!(parse(&words(&[0, 0]), "m").is_err());
    }
}
