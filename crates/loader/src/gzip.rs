//! Gzip-compressed `.beam` files, as `erlc +compressed` writes them and BEAM loads them: a
//! file that starts with the gzip magic is inflated first and the result loaded (and
//! checksummed) like any other `.beam`.
//!
//! Inflating is bounded before any output is kept: at most [`MAX_BEAM_BYTES`], and no more
//! than [`MAX_INFLATE_RATIO`] times the compressed size, so a small hostile file cannot
//! make the loader allocate without limit. A corrupt, truncated or oversized stream is a
//! [`LoadError`], never a panic.

use std::borrow::Cow;
use std::io::Read;

use flate2::read::GzDecoder;

use crate::chunks::literals::MAX_INFLATE_RATIO;
use crate::error::LoadError;

/// The two bytes every gzip stream starts with.
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Largest inflated `.beam` accepted, in bytes (256 MiB): far above any real module (OTP's
/// largest is a few MiB), far below what would hurt the machine.
pub const MAX_BEAM_BYTES: usize = 256 << 20;

/// The `.beam` in `bytes`: inflated when gzip-compressed, else `bytes` itself.
pub fn decompress(bytes: &[u8]) -> Result<Cow<'_, [u8]>, LoadError> {
    if !bytes.starts_with(&GZIP_MAGIC) {
        return Ok(Cow::Borrowed(bytes));
    }
    let limit = MAX_BEAM_BYTES.min(bytes.len().saturating_mul(MAX_INFLATE_RATIO));
    inflate(bytes, limit).map(Cow::Owned)
}

/// The gzip stream `bytes` inflated, if that takes at most `limit` bytes.
fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, LoadError> {
    let mut out = Vec::new();
    // One byte past the limit tells an oversized stream from one that fits exactly.
    let mut reader = GzDecoder::new(bytes).take(limit as u64 + 1);
    reader.read_to_end(&mut out).map_err(|e| LoadError::Gzip {
        reason: e.to_string(),
    })?;
    if out.len() > limit {
        return Err(LoadError::TooLarge {
            what: "inflated gzip-compressed module",
            value: out.len() as u64,
            limit: limit as u64,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::minimal_beam;
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn plain_files_pass_through() {
        let beam = minimal_beam();
        assert!(matches!(decompress(&beam), Ok(Cow::Borrowed(_))));
    }

    #[test]
    fn compressed_module_loads_with_the_same_checksum() {
        let beam = minimal_beam();
        let gz = gzip(&beam);
        assert_eq!(decompress(&gz).unwrap().as_ref(), &beam[..]);
        let plain = crate::load(&beam).unwrap();
        assert_eq!(crate::load(&gz).unwrap(), plain);
        assert_eq!(
            crate::module_md5(&gz).unwrap(),
            crate::module_md5(&beam).unwrap()
        );
    }

    #[test]
    fn truncated_or_mutated_streams_are_errors() {
        let gz = gzip(&minimal_beam());
        for cut in [2, 3, 10, gz.len() / 2, gz.len() - 1] {
            assert!(crate::load(&gz[..cut]).is_err(), "cut at {cut}");
        }
        // Every single-byte change either fails cleanly or (in the header's free fields)
        // still gives a loadable module; none panics.
        for i in 0..gz.len() {
            for flip in [0x01u8, 0x80, 0xFF] {
                let mut bad = gz.clone();
                bad[i] ^= flip;
                let _ = crate::load(&bad);
                let _ = crate::module_md5(&bad);
            }
        }
        // A damaged CRC is caught.
        let mut bad = gz.clone();
        let n = bad.len();
        bad[n - 8] ^= 1;
        assert!(matches!(crate::load(&bad), Err(LoadError::Gzip { .. })));
    }

    #[test]
    fn expansion_is_bounded() {
        let zeros = vec![0u8; 1 << 20];
        let gz = gzip(&zeros);
        // Within the ratio (1 MiB of zeros packs into about 1 KiB): allowed.
        assert_eq!(decompress(&gz).unwrap().len(), zeros.len());
        assert_eq!(inflate(&gz, zeros.len()).unwrap().len(), zeros.len());
        // One byte more than the limit is refused, whatever the stream says.
        assert!(matches!(
            inflate(&gz, zeros.len() - 1),
            Err(LoadError::TooLarge { .. })
        ));
    }
}
