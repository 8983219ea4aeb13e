//! A bounds-checked cursor over a byte slice.
//!
//! Every read of `.beam` data goes through [`Reader`]: each method checks that
//! the bytes it needs are there and returns [`LoadError::Truncated`] naming
//! what was being read when they are not. Nothing here allocates; callers that
//! turn a count field into a `Vec` use [`Reader::check_count`] first, so a
//! count can never ask for more memory than the remaining input could fill.

use crate::error::LoadError;

/// A position inside a byte slice; reads advance it.
#[derive(Debug, Clone)]
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `data`.
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0 }
    }

    /// Offset of the next byte to be read, from the start of the slice.
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// Number of bytes not yet read.
    pub(crate) fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    /// True when every byte has been read.
    pub(crate) fn is_empty(&self) -> bool {
        self.remaining() == 0
    }

    /// The bytes not yet read, without consuming them.
    pub(crate) fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or(&[])
    }

    /// Reads `n` bytes.
    pub(crate) fn bytes(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], LoadError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or(LoadError::Truncated { what })?;
        let slice = self
            .data
            .get(self.pos..end)
            .ok_or(LoadError::Truncated { what })?;
        self.pos = end;
        Ok(slice)
    }

    /// Reads exactly `N` bytes into an array.
    pub(crate) fn array<const N: usize>(
        &mut self,
        what: &'static str,
    ) -> Result<[u8; N], LoadError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.bytes(N, what)?);
        Ok(out)
    }

    /// Reads one byte.
    pub(crate) fn u8(&mut self, what: &'static str) -> Result<u8, LoadError> {
        let [b] = self.array::<1>(what)?;
        Ok(b)
    }

    /// Reads a big-endian `u16`.
    pub(crate) fn u16(&mut self, what: &'static str) -> Result<u16, LoadError> {
        Ok(u16::from_be_bytes(self.array(what)?))
    }

    /// Reads a big-endian `u32`.
    pub(crate) fn u32(&mut self, what: &'static str) -> Result<u32, LoadError> {
        Ok(u32::from_be_bytes(self.array(what)?))
    }

    /// Reads a big-endian `i64`.
    pub(crate) fn i64(&mut self, what: &'static str) -> Result<i64, LoadError> {
        Ok(i64::from_be_bytes(self.array(what)?))
    }

    /// Skips `n` bytes.
    pub(crate) fn skip(&mut self, n: usize, what: &'static str) -> Result<(), LoadError> {
        self.bytes(n, what).map(|_| ())
    }

    /// Checks that `count` items of at least `min_item_bytes` bytes each can
    /// still be read, and returns the count as a `usize` fit for
    /// `Vec::with_capacity`.
    pub(crate) fn check_count(
        &self,
        count: u32,
        min_item_bytes: usize,
        what: &'static str,
    ) -> Result<usize, LoadError> {
        let count = usize::try_from(count).map_err(|_| LoadError::TooLarge {
            what,
            value: u64::from(count),
            limit: u64::MAX,
        })?;
        let needed = count.saturating_mul(min_item_bytes.max(1));
        if needed > self.remaining() {
            return Err(LoadError::TooLarge {
                what,
                value: count as u64,
                limit: (self.remaining() / min_item_bytes.max(1)) as u64,
            });
        }
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_big_endian_and_stops_at_end() {
        let mut r = Reader::new(&[0, 0, 1, 2, 0xff]);
        assert_eq!(r.u32("x"), Ok(258));
        assert_eq!(r.remaining(), 1);
        assert_eq!(r.u16("y"), Err(LoadError::Truncated { what: "y" }));
        // A failed read consumes nothing.
        assert_eq!(r.u8("z"), Ok(0xff));
        assert!(r.is_empty());
    }

    #[test]
    fn huge_lengths_do_not_overflow() {
        let mut r = Reader::new(&[1, 2, 3]);
        r.skip(1, "a").ok();
        assert!(r.bytes(usize::MAX, "b").is_err());
        assert!(r.check_count(u32::MAX, 4, "c").is_err());
        assert_eq!(r.check_count(2, 1, "d"), Ok(2));
        assert!(r.check_count(2, 2, "e").is_err());
    }
}
