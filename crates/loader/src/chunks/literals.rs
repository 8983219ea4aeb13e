//! The literal table (`LitT`): the constant terms that code refers to with
//! extended-literal operands.
//!
//! The chunk is a 32-bit uncompressed size, then zlib data. Inflated, it is a
//! 32-bit count, then per literal a 32-bit size and that many bytes of one
//! term in the external term format (starting with 131). The stated size is
//! checked against [`MAX_LITERAL_TABLE_BYTES`] and [`MAX_INFLATE_RATIO`] before
//! anything is allocated, and the data must inflate to exactly that size.
//! The terms are kept as bytes; decoding them is the term crate's job.

use flate2::{Decompress, FlushDecompress, Status};

use crate::chunks::attributes::ETF_VERSION;
use crate::error::LoadError;
use crate::reader::Reader;

/// Largest inflated literal table accepted, in bytes (64 MiB). OTP's largest
/// module literal tables are a few hundred KiB; this leaves ample room while
/// keeping a hostile size field from allocating without bound.
pub const MAX_LITERAL_TABLE_BYTES: usize = 64 << 20;

/// Largest accepted ratio of inflated to compressed size. Deflate cannot
/// expand data by more than about 1032:1, so a larger claim is a lie.
pub const MAX_INFLATE_RATIO: usize = 1032;

/// Decodes `LitT` into the literals' external-term-format bytes.
pub(crate) fn parse(data: &[u8]) -> Result<Vec<Vec<u8>>, LoadError> {
    let mut r = Reader::new(data);
    let size = r.u32("literal table")? as usize;
    let compressed = r.rest();
    let limit = MAX_LITERAL_TABLE_BYTES.min(compressed.len().saturating_mul(MAX_INFLATE_RATIO));
    if size > limit {
        return Err(LoadError::TooLarge {
            what: "uncompressed literal table",
            value: size as u64,
            limit: limit as u64,
        });
    }
    let table = inflate(compressed, size)?;
    split_table(&table)
}

/// Inflates zlib `input`, which must produce exactly `size` bytes and end.
fn inflate(input: &[u8], size: usize) -> Result<Vec<u8>, LoadError> {
    // One spare byte so that output beyond `size` is detected.
    let mut out = Vec::with_capacity(size.saturating_add(1));
    let mut z = Decompress::new(true);
    loop {
        let consumed = usize::try_from(z.total_in()).unwrap_or(usize::MAX);
        let rest = input.get(consumed..).unwrap_or(&[]);
        let before = (z.total_in(), z.total_out());
        let status = z
            .decompress_vec(rest, &mut out, FlushDecompress::Finish)
            .map_err(|_| LoadError::Inflate {
                reason: "bad zlib data",
            })?;
        if out.len() > size {
            return Err(LoadError::Inflate {
                reason: "inflates to more than its stated size",
            });
        }
        match status {
            Status::StreamEnd => break,
            Status::Ok | Status::BufError => {
                if (z.total_in(), z.total_out()) == before {
                    return Err(LoadError::Inflate {
                        reason: "zlib data ends early",
                    });
                }
            }
        }
    }
    if out.len() != size {
        return Err(LoadError::Inflate {
            reason: "inflates to less than its stated size",
        });
    }
    if usize::try_from(z.total_in()).ok() != Some(input.len()) {
        return Err(LoadError::Inflate {
            reason: "data after the end of the zlib stream",
        });
    }
    Ok(out)
}

/// Splits the inflated table into literals.
fn split_table(table: &[u8]) -> Result<Vec<Vec<u8>>, LoadError> {
    let mut r = Reader::new(table);
    let count = r.u32("literal table")?;
    let count = r.check_count(count, 4, "literal count")?;
    let mut literals = Vec::with_capacity(count);
    for i in 0..count {
        let len = r.u32("literal table")? as usize;
        let bytes = r.bytes(len, "literal table")?;
        match bytes {
            [ETF_VERSION, _, ..] => literals.push(bytes.to_vec()),
            _ => return Err(LoadError::BadLiteral { index: i as u32 }),
        }
    }
    Ok(literals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::words;
    use flate2::{write::ZlibEncoder, Compression};
    use std::io::Write;

    fn chunk(table: &[u8]) -> Vec<u8> {
        let mut e = ZlibEncoder::new(Vec::new(), Compression::default());
        e.write_all(table).unwrap();
        let mut out = words(&[table.len() as u32]);
        out.extend(e.finish().unwrap());
        out
    }

    fn table(lits: &[&[u8]]) -> Vec<u8> {
        let mut t = words(&[lits.len() as u32]);
        for l in lits {
            t.extend(words(&[l.len() as u32]));
            t.extend_from_slice(l);
        }
        t
    }

    #[test]
    fn round_trip() {
        let lits: [&[u8]; 2] = [&[131, 97, 5], &[131, 106]];
        assert_eq!(parse(&chunk(&table(&lits))).unwrap(), lits);
        assert_eq!(parse(&chunk(&table(&[]))).unwrap(), Vec::<Vec<u8>>::new());
    }

    #[test]
    fn size_must_match_exactly() {
        let mut c = chunk(&table(&[&[131, 106]]));
        let n = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        c[..4].copy_from_slice(&(n + 1).to_be_bytes());
        assert!(matches!(parse(&c), Err(LoadError::Inflate { .. })));
        c[..4].copy_from_slice(&(n - 1).to_be_bytes());
        assert!(matches!(parse(&c), Err(LoadError::Inflate { .. })));
        c[..4].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(matches!(parse(&c), Err(LoadError::TooLarge { .. })));
        c[..4].copy_from_slice(&n.to_be_bytes());
        c.push(0);
        assert!(matches!(parse(&c), Err(LoadError::Inflate { .. })));
    }

    #[test]
    fn corrupt_contents() {
        assert!(matches!(
            parse(&chunk(&table(&[&[130, 106]]))),
            Err(LoadError::BadLiteral { index: 0 })
        ));
        assert!(matches!(
            parse(&chunk(&words(&[1000]))),
            Err(LoadError::TooLarge { .. })
        ));
        assert!(matches!(
            parse(&chunk(&words(&[1, 50]))),
            Err(LoadError::Truncated { .. })
        ));
        let mut c = chunk(&table(&[&[131, 106]]));
        c.truncate(c.len() - 3);
        assert!(matches!(parse(&c), Err(LoadError::Inflate { .. })));
        assert!(parse(&[0, 0]).is_err());
        assert!(matches!(
            parse(&[0, 0, 0, 4, 1, 2, 3]),
            Err(LoadError::Inflate { .. })
        ));
    }
}
