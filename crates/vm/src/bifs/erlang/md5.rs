//! `erlang:md5/1` and the incremental `md5_init/0`, `md5_update/2`, `md5_final/1`.
//!
//! The one-shot digest uses the `md-5` crate. The incremental functions pass their state
//! around as a binary, as BEAM does, laid out like BEAM's `MD5_CTX` (88 bytes): the four
//! state words, the message length in bits as two 32-bit words, and the 64-byte block
//! buffer, all little-endian. The crate keeps its state private, so those three carry their
//! own block function (checked against the crate in the tests below). BEAM leaves the unused
//! part of the buffer uninitialised; here it is zero.

use enigma_term::{build, Term};
use md5::{Digest, Md5};

use crate::bif;
use crate::bifs::erlang::binaries::{walk_iolist, Piece};
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult};
use crate::process::Process;

/// Bytes of a context binary (BEAM's `sizeof(MD5_CTX)`).
const CONTEXT_BYTES: usize = 88;

/// `erlang:md5(Data)`: the digest of an iolist or binary.
fn md5_1(p: &mut Process, a: &[Term]) -> BifResult {
    let mut h = Md5::new();
    let mut n = 0usize;
    let ok = walk_iolist(a[0], false, |piece| match piece {
        Piece::Byte(b) => {
            h.update([b]);
            n += 1;
        }
        Piece::Bits(b) => match b.as_aligned_bytes() {
            Some(bytes) => {
                h.update(bytes);
                n += bytes.len();
            }
            None => {
                let bytes = b.to_bytes();
                h.update(&bytes);
                n += bytes.len();
            }
        },
    });
    if !ok {
        return Err(badarg());
    }
    p.charge_work(n / 4);
    Ok(build::binary(&mut p.heap, &h.finalize()))
}

/// `erlang:md5_init()`: a fresh context.
fn md5_init_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(build::binary(&mut p.heap, &Context::new().to_bytes()))
}

/// `erlang:md5_update(Context, Data)`: the context after `Data` too.
fn md5_update_2(p: &mut Process, a: &[Term]) -> BifResult {
    let mut cx = Context::from_term(a[0]).ok_or_else(badarg)?;
    let mut n = 0usize;
    let ok = walk_iolist(a[1], false, |piece| match piece {
        Piece::Byte(b) => {
            cx.update(&[b]);
            n += 1;
        }
        Piece::Bits(b) => match b.as_aligned_bytes() {
            Some(bytes) => {
                cx.update(bytes);
                n += bytes.len();
            }
            None => {
                let bytes = b.to_bytes();
                cx.update(&bytes);
                n += bytes.len();
            }
        },
    });
    if !ok {
        return Err(badarg());
    }
    p.charge_work(n / 4);
    Ok(build::binary(&mut p.heap, &cx.to_bytes()))
}

/// `erlang:md5_final(Context)`: the digest.
fn md5_final_1(p: &mut Process, a: &[Term]) -> BifResult {
    let cx = Context::from_term(a[0]).ok_or_else(badarg)?;
    Ok(build::binary(&mut p.heap, &cx.finish()))
}

/// An MD5 computation in progress.
#[derive(Clone)]
struct Context {
    state: [u32; 4],
    /// Message length so far, in bits (wrapping, as MD5 defines it).
    bits: u64,
    buffer: [u8; 64],
}

impl Context {
    fn new() -> Context {
        Context {
            state: [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476],
            bits: 0,
            buffer: [0; 64],
        }
    }

    /// The context in a binary made by [`Context::to_bytes`] (any 88-byte binary is one).
    fn from_term(t: Term) -> Option<Context> {
        let bytes = t.binary_bytes()?;
        if bytes.len() != CONTEXT_BYTES {
            return None;
        }
        let word = |i: usize| {
            let mut w = [0u8; 4];
            w.copy_from_slice(bytes.get(4 * i..4 * i + 4)?);
            Some(u32::from_le_bytes(w))
        };
        let mut cx = Context::new();
        for (i, s) in cx.state.iter_mut().enumerate() {
            *s = word(i)?;
        }
        cx.bits = u64::from(word(4)?) | (u64::from(word(5)?) << 32);
        cx.buffer.copy_from_slice(bytes.get(24..88)?);
        Some(cx)
    }

    fn to_bytes(&self) -> [u8; CONTEXT_BYTES] {
        let mut out = [0u8; CONTEXT_BYTES];
        for (i, s) in self.state.iter().enumerate() {
            out[4 * i..4 * i + 4].copy_from_slice(&s.to_le_bytes());
        }
        out[16..20].copy_from_slice(&(self.bits as u32).to_le_bytes());
        out[20..24].copy_from_slice(&((self.bits >> 32) as u32).to_le_bytes());
        out[24..].copy_from_slice(&self.buffer);
        out
    }

    fn update(&mut self, mut data: &[u8]) {
        let mut used = ((self.bits >> 3) % 64) as usize;
        self.bits = self.bits.wrapping_add((data.len() as u64).wrapping_mul(8));
        while !data.is_empty() {
            let take = (64 - used).min(data.len());
            self.buffer[used..used + take].copy_from_slice(&data[..take]);
            used += take;
            data = &data[take..];
            if used == 64 {
                let block = self.buffer;
                compress(&mut self.state, &block);
                used = 0;
            }
        }
    }

    fn finish(mut self) -> [u8; 16] {
        let bits = self.bits;
        let used = ((bits >> 3) % 64) as usize;
        let pad = if used < 56 { 56 - used } else { 120 - used };
        let mut tail = vec![0u8; pad];
        tail[0] = 0x80;
        self.update(&tail);
        self.update(&bits.to_le_bytes());
        let mut out = [0u8; 16];
        for (i, s) in self.state.iter().enumerate() {
            out[4 * i..4 * i + 4].copy_from_slice(&s.to_le_bytes());
        }
        out
    }
}

/// Per-round left-rotation amounts (RFC 1321).
const SHIFTS: [u32; 16] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/// The sine table of RFC 1321: `floor(|sin(i + 1)| * 2^32)`.
const SINES: [u32; 64] = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];

/// The MD5 block function: mixes one 64-byte block into `state` (RFC 1321, section 3.4).
fn compress(state: &mut [u32; 4], block: &[u8; 64]) {
    let mut m = [0u32; 16];
    for (i, w) in m.iter_mut().enumerate() {
        *w = u32::from_le_bytes([
            block[4 * i],
            block[4 * i + 1],
            block[4 * i + 2],
            block[4 * i + 3],
        ]);
    }
    let [mut a, mut b, mut c, mut d] = *state;
    for i in 0..64 {
        let (f, g) = match i / 16 {
            0 => ((b & c) | (!b & d), i),
            1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
            2 => (b ^ c ^ d, (3 * i + 5) % 16),
            _ => (c ^ (b | !d), (7 * i) % 16),
        };
        let k = SINES[i];
        let s = SHIFTS[(i / 16) * 4 + i % 4];
        let sum = a.wrapping_add(f).wrapping_add(k).wrapping_add(m[g]);
        a = d;
        d = c;
        c = b;
        b = b.wrapping_add(sum.rotate_left(s));
    }
    state[0] = state[0].wrapping_add(a);
    state[1] = state[1].wrapping_add(b);
    state[2] = state[2].wrapping_add(c);
    state[3] = state[3].wrapping_add(d);
}

pub const BIFS: &[BifEntry] = &[
    bif!("erlang", "md5", 1, md5_1),
    bif!("erlang", "md5_init", 0, md5_init_0),
    bif!("erlang", "md5_update", 2, md5_update_2),
    bif!("erlang", "md5_final", 1, md5_final_1),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incremental_matches_the_crate() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7 + 3) as u8).collect();
        for split in [0usize, 1, 55, 56, 63, 64, 65, 130, 1000] {
            for len in [0usize, 3, 64, 119, 1000] {
                let msg = &data[..len];
                let cut = split.min(len);
                let mut cx = Context::new();
                cx.update(&msg[..cut]);
                let cx = Context::from_term_bytes(&cx.to_bytes());
                let mut cx = cx;
                cx.update(&msg[cut..]);
                let want: [u8; 16] = Md5::digest(msg).into();
                assert_eq!(cx.finish(), want, "len {len} split {split}");
            }
        }
    }

    #[test]
    fn layout_counts_bits() {
        let mut cx = Context::new();
        cx.update(b"abc");
        let b = cx.to_bytes();
        assert_eq!(&b[16..24], &[24, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(&b[24..27], b"abc");
        assert_eq!(&b[..4], &[1, 35, 69, 103]);
    }

    impl Context {
        fn from_term_bytes(b: &[u8; CONTEXT_BYTES]) -> Context {
            let mut h = enigma_heap::ProcessHeap::default();
            let t = build::binary(&mut h, b);
            Context::from_term(t).unwrap_or_else(Context::new)
        }
    }
}
