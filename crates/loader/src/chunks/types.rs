//! The type table (`Type`, OTP 25): type annotations for typed-register operands.
//!
//! A 32-bit version (only [`TYPES_VERSION`] is understood; with any other the
//! table is ignored and typed registers load as plain ones, as BEAM does), a
//! 32-bit count of at least 1, then per entry 18 bytes: a 16-bit set of type
//! bits (see [`TypeEntry::bits`]), then the 64-bit signed minimum and maximum
//! of the integer range (meaningful only when `min <= max`). Entry 0 must be
//! the "any" type with no range.

use crate::error::LoadError;
use crate::reader::Reader;

/// The version of the type format that OTP 25 writes.
pub const TYPES_VERSION: u32 = 1;

/// All 13 type bits of version 1 set: the "any" type.
pub const TYPE_ANY: u16 = (1 << 13) - 1;

/// Size of one encoded entry, in bytes.
const ENTRY_BYTES: usize = 18;

/// The decoded type table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeTable {
    /// The format version (always [`TYPES_VERSION`]).
    pub version: u32,
    /// The entries, indexed by a typed register's `type_index`.
    pub entries: Vec<TypeEntry>,
}

/// One type annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TypeEntry {
    /// Which kinds of term the value may be: bit 0 atom, 1 bitstring,
    /// 2 match state, 3 cons, 4 float, 5 fun, 6 integer, 7 map, 8 nil, 9 pid,
    /// 10 port, 11 reference, 12 tuple. Never 0, no bits above 12.
    pub bits: u16,
    /// Smallest integer value, if `min <= max`.
    pub min: i64,
    /// Largest integer value, if `min <= max`.
    pub max: i64,
}

impl TypeEntry {
    /// The integer range, when the entry has one.
    pub fn range(&self) -> Option<(i64, i64)> {
        (self.min <= self.max).then_some((self.min, self.max))
    }

    /// The entry's 18 bytes as stored in the file.
    pub fn to_bytes(&self) -> [u8; ENTRY_BYTES] {
        let mut out = [0u8; ENTRY_BYTES];
        for (dst, src) in out.iter_mut().zip(
            self.bits
                .to_be_bytes()
                .into_iter()
                .chain(self.min.to_be_bytes())
                .chain(self.max.to_be_bytes()),
        ) {
            *dst = src;
        }
        out
    }
}

fn bad(reason: &'static str) -> LoadError {
    LoadError::BadChunk { id: "Type", reason }
}

/// Decodes the `Type` chunk; `None` when its version is not understood.
pub(crate) fn parse(data: &[u8]) -> Result<Option<TypeTable>, LoadError> {
    let mut r = Reader::new(data);
    let version = r.u32("type table")?;
    if version != TYPES_VERSION {
        return Ok(None);
    }
    let count = r.u32("type table")?;
    if count == 0 {
        return Err(bad("no entries (entry 0 must be the any type)"));
    }
    let count = r.check_count(count, ENTRY_BYTES, "type count")?;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        let bits = r.u16("type table")?;
        let min = r.i64("type table")?;
        let max = r.i64("type table")?;
        if bits == 0 || bits & !TYPE_ANY != 0 {
            return Err(bad("invalid type bits"));
        }
        entries.push(TypeEntry { bits, min, max });
    }
    match entries.first() {
        Some(e) if e.bits == TYPE_ANY && e.range().is_none() => {
            Ok(Some(TypeTable { version, entries }))
        }
        _ => Err(bad("entry 0 is not the any type")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::words;

    fn entry(bits: u16, min: i64, max: i64) -> Vec<u8> {
        TypeEntry { bits, min, max }.to_bytes().to_vec()
    }

    #[test]
    fn decodes_entries() {
        let mut d = words(&[1, 2]);
        d.extend(entry(TYPE_ANY, 0, -1));
        d.extend(entry(1 << 6, -5, 5));
        let t = parse(&d).unwrap().unwrap();
        assert_eq!(t.entries.len(), 2);
        assert_eq!(t.entries[1].range(), Some((-5, 5)));
        assert_eq!(t.entries[0].range(), None);
        assert_eq!(parse(&words(&[2, 0])).unwrap(), None);
    }

    #[test]
    fn rejects_bad_tables() {
        assert!(parse(&words(&[1, 0])).is_err());
        let mut d = words(&[1, 1]);
        d.extend(entry(1, 0, -1));
        assert!(parse(&d).is_err());
        let mut d = words(&[1, 2]);
        d.extend(entry(TYPE_ANY, 0, -1));
        d.extend(entry(0, 0, -1));
        assert!(parse(&d).is_err());
        let mut d = words(&[1, 3]);
        d.extend(entry(TYPE_ANY, 0, -1));
        assert!(matches!(parse(&d), Err(LoadError::TooLarge { .. })));
        d.truncate(10);
        assert!(parse(&d).is_err());
    }
}
