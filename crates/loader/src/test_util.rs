//! Shared test fixtures: a compact-term encoder and a builder for tiny
//! hand-made `.beam` files. Compiled only for unit tests.

use num_bigint::BigInt;

/// Encodes `n` with compact-term tag `tag`, as `beam_asm:encode/2` does.
pub(crate) fn encode(tag: u8, n: i64) -> Vec<u8> {
    if (0..16).contains(&n) {
        vec![((n as u8) << 4) | tag]
    } else if (16..0x800).contains(&n) {
        vec![(((n >> 3) & 0xe0) as u8) | tag | 0x08, (n & 0xff) as u8]
    } else {
        encode_big(tag, &BigInt::from(n))
    }
}

/// Encodes any integer in the multi-byte form (two's complement, at least
/// two bytes), as `beam_asm:encode1/2` does.
pub(crate) fn encode_big(tag: u8, n: &BigInt) -> Vec<u8> {
    let mut bytes = n.to_signed_bytes_be();
    while bytes.len() < 2 {
        let fill = if n.sign() == num_bigint::Sign::Minus {
            0xff
        } else {
            0
        };
        bytes.insert(0, fill);
    }
    let mut out = Vec::new();
    if bytes.len() <= 8 {
        out.push((((bytes.len() - 2) as u8) << 5) | 0x18 | tag);
    } else {
        out.push(0xf8 | tag);
        out.extend(encode(0, bytes.len() as i64 - 9));
    }
    out.extend(bytes);
    out
}

/// Wraps chunks into an IFF `FOR1`/`BEAM` form, padding each to 4 bytes.
pub(crate) fn build_beam(chunks: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let mut body = b"BEAM".to_vec();
    for (id, data) in chunks {
        body.extend_from_slice(id);
        body.extend_from_slice(&(data.len() as u32).to_be_bytes());
        body.extend_from_slice(data);
        while !body.len().is_multiple_of(4) {
            body.push(0);
        }
    }
    let mut out = b"FOR1".to_vec();
    out.extend_from_slice(&(body.len() as u32).to_be_bytes());
    out.extend(body);
    out
}

/// Big-endian `u32` words, concatenated.
pub(crate) fn words(ws: &[u32]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_be_bytes()).collect()
}

/// A `Code` chunk with the standard 16-byte header around `instrs`.
pub(crate) fn code_chunk(label_count: u32, function_count: u32, instrs: &[u8]) -> Vec<u8> {
    let mut out = words(&[16, 0, 180, label_count, function_count]);
    out.extend_from_slice(instrs);
    out
}

/// The instructions of `m:f() -> ok.` (labels 1 and 2, one function).
pub(crate) fn minimal_code() -> Vec<u8> {
    let mut c = vec![1];
    c.extend(encode(0, 1)); // label 1
    c.push(2);
    c.extend(encode(2, 1));
    c.extend(encode(2, 2));
    c.extend(encode(0, 0)); // func_info m f 0
    c.push(1);
    c.extend(encode(0, 2)); // label 2
    c.push(64);
    c.extend(encode(2, 3));
    c.extend(encode(3, 0)); // move {atom,ok} {x,0}
    c.push(19); // return
    c.push(3); // int_code_end
    c
}

/// The chunks of a minimal valid module `m` exporting `f/0`.
pub(crate) fn minimal_chunks() -> Vec<([u8; 4], Vec<u8>)> {
    let mut atoms = words(&[3]);
    for a in ["m", "f", "ok"] {
        atoms.push(a.len() as u8);
        atoms.extend_from_slice(a.as_bytes());
    }
    vec![
        (*b"AtU8", atoms),
        (*b"Code", code_chunk(3, 1, &minimal_code())),
        (*b"StrT", Vec::new()),
        (*b"ImpT", words(&[0])),
        (*b"ExpT", words(&[1, 2, 0, 2])),
    ]
}

/// A minimal valid `.beam` file.
pub(crate) fn minimal_beam() -> Vec<u8> {
    build_beam(&minimal_chunks())
}

/// The minimal module with chunk `id` replaced by (or added as) `data`.
pub(crate) fn beam_with(id: &[u8; 4], data: Vec<u8>) -> Vec<u8> {
    let mut chunks = minimal_chunks();
    match chunks.iter_mut().find(|(i, _)| i == id) {
        Some(c) => c.1 = data,
        None => chunks.push((*id, data)),
    }
    build_beam(&chunks)
}
