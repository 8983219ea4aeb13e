//! Term hashing, bit for bit as BEAM 25 on a 64-bit machine:
//!
//! - [`phash2`]: `erlang:phash2/1,2` (BEAM's `make_hash2`), portable between nodes and
//!   releases, Bob Jenkins' mix over the term's structure. `phash2/1` is
//!   `phash2(T) & (2^27 - 1)`, `phash2/2` is `phash2(T) % Range` ([`phash2_range`]).
//! - [`make_hash`] and [`phash`]: the legacy `erlang:phash/2` (BEAM's `make_hash`).
//! - [`internal_hash`] and [`map_hash`]: BEAM's `make_internal_hash` / `make_map_hash`,
//!   which place keys in HAMT maps (see `map.rs`). They hash an immediate's raw word, so an
//!   atom hashes by its atom-table index: equal to BEAM only where the indices are equal.
//!
//! Pids and ports are hashed as BEAM hashes a local one on a node that is not distributed.
//! An Enigma pid word holds `serial << 28 | number`; BEAM packs the same two fields as
//! `serial << 15 | number` and, for [`internal_hash`], adds the process-table slot that the
//! default table size (2^18 processes, 2^16 ports) gives. External pids, ports and references
//! have no fixed layout yet; they hash their node atom and data words.
//!
//! Every function walks the term with an explicit stack: deep terms cost heap, not Rust
//! stack.

use crate::boxed;
use crate::map::{self, Node};
use crate::term::{Kind, Term};

// ---- Bob Jenkins' mix and the constants BEAM feeds it ----

/// The golden ratio, Jenkins' arbitrary start value.
const HCONST: u32 = 0x9e37_79b9;

/// `HCONST * n mod 2^32`: the per-type constants BEAM mixes in.
const fn hconst(n: u32) -> u32 {
    HCONST.wrapping_mul(n)
}

const HCONST_2: u32 = hconst(2);
const HCONST_3: u32 = hconst(3);
const HCONST_4: u32 = hconst(4);
const HCONST_5: u32 = hconst(5);
const HCONST_6: u32 = hconst(6);
const HCONST_7: u32 = hconst(7);
const HCONST_8: u32 = hconst(8);
const HCONST_9: u32 = hconst(9);
const HCONST_10: u32 = hconst(10);
const HCONST_11: u32 = hconst(11);
const HCONST_12: u32 = hconst(12);
const HCONST_13: u32 = hconst(13);
const HCONST_14: u32 = hconst(14);
const HCONST_15: u32 = hconst(15);
const HCONST_16: u32 = hconst(16);
const HCONST_17: u32 = hconst(17);
const HCONST_18: u32 = hconst(18);
const HCONST_19: u32 = hconst(19);
const HCONST_20: u32 = hconst(20);
const HCONST_21: u32 = hconst(21);
const HCONST_22: u32 = hconst(22);

const _: () = assert!(HCONST_2 == 0x3c6e_f372 && HCONST_22 == 0x98c4_75e6);

/// `phash2([])` when `[]` is the whole term (BEAM's special case).
const NIL_HASH: u32 = 3_468_870_702;
/// BEAM's tag number of `[]` (`NIL_DEF`), hashed when `[]` is part of a larger term.
const NIL_DEF: u32 = 2;
/// The starting salt of `make_internal_hash`, a 32-bit prime that keeps it apart from
/// `phash2`.
const INTERNAL_HASH_SALT: u32 = 3_432_918_353;

#[inline]
fn mix(a: &mut u32, b: &mut u32, c: &mut u32) {
    *a = a.wrapping_sub(*b).wrapping_sub(*c) ^ (*c >> 13);
    *b = b.wrapping_sub(*c).wrapping_sub(*a) ^ (*a << 8);
    *c = c.wrapping_sub(*a).wrapping_sub(*b) ^ (*b >> 13);
    *a = a.wrapping_sub(*b).wrapping_sub(*c) ^ (*c >> 12);
    *b = b.wrapping_sub(*c).wrapping_sub(*a) ^ (*a << 16);
    *c = c.wrapping_sub(*a).wrapping_sub(*b) ^ (*b >> 5);
    *a = a.wrapping_sub(*b).wrapping_sub(*c) ^ (*c >> 3);
    *b = b.wrapping_sub(*c).wrapping_sub(*a) ^ (*a << 10);
    *c = c.wrapping_sub(*a).wrapping_sub(*b) ^ (*b >> 15);
}

/// Mixes two 32-bit values into `hash` (BEAM's `UINT32_HASH_2`).
#[inline]
fn mix2(hash: &mut u32, x: u32, y: u32, k: u32) {
    let mut a = k.wrapping_add(x);
    let mut b = k.wrapping_add(y);
    mix(&mut a, &mut b, hash);
}

/// Mixes one 32-bit value into `hash` (BEAM's `UINT32_HASH`).
#[inline]
fn mix1(hash: &mut u32, x: u32, k: u32) {
    mix2(hash, x, 0, k);
}

/// Jenkins' hash of a byte block (BEAM's `block_hash`); `len` is mixed in as the length.
fn block_hash(bytes: &[u8], len: u32, initval: u32) -> u32 {
    let le = |k: &[u8], i: usize| k.get(i).map_or(0, |b| *b as u32);
    let word =
        |k: &[u8], i: usize| le(k, i) | le(k, i + 1) << 8 | le(k, i + 2) << 16 | le(k, i + 3) << 24;
    let (mut a, mut b, mut c) = (HCONST, HCONST, initval);
    let mut chunks = bytes.chunks_exact(12);
    for k in &mut chunks {
        a = a.wrapping_add(word(k, 0));
        b = b.wrapping_add(word(k, 4));
        c = c.wrapping_add(word(k, 8));
        mix(&mut a, &mut b, &mut c);
    }
    let k = chunks.remainder();
    c = c.wrapping_add(len);
    // The low byte of `c` is taken by the length, so the tail's bytes 8..11 go above it.
    c = c.wrapping_add(le(k, 10) << 24 | le(k, 9) << 16 | le(k, 8) << 8);
    b = b.wrapping_add(word(k, 4));
    a = a.wrapping_add(word(k, 0));
    mix(&mut a, &mut b, &mut c);
    c
}

/// BEAM's hash of an atom's name (`hashpjw` over its UTF-8 bytes, reading each two-byte
/// sequence for a Latin-1 character as that character, as BEAM has done since R16).
pub fn atom_hash(name: &str) -> u32 {
    let bytes = name.as_bytes();
    let mut h: u32 = 0;
    let mut i = 0;
    while let Some(&first) = bytes.get(i) {
        i += 1;
        let mut v = first;
        if let Some(&next) = bytes.get(i) {
            if v & 0xFE == 0xC2 && next & 0xC0 == 0x80 {
                v = (v << 6) | (next & 0x3F);
                i += 1;
            }
        }
        h = (h << 4).wrapping_add(v as u32);
        let g = h & 0xF000_0000;
        if g != 0 {
            h ^= g >> 24;
            h ^= g;
        }
    }
    h
}

fn atom_term_hash(t: Term) -> u32 {
    atom_hash(t.atom_value().name())
}

// ---- pids and ports as BEAM packs them ----

/// Bits of a pid's number in an Enigma pid word (the serial sits above).
const PID_NUMBER_BITS: u32 = 28;

/// The 28-bit data BEAM keeps for a local pid: `serial << 15 | number`.
fn beam_pid_data(id: u64) -> u64 {
    let number = id & ((1 << PID_NUMBER_BITS) - 1);
    let serial = id >> PID_NUMBER_BITS;
    ((serial << 15) + number) & 0x0FFF_FFFF
}

/// The pid number BEAM hashes (`internal_pid_number`: 15 bits).
fn beam_pid_number(id: u64) -> u32 {
    (beam_pid_data(id) & 0x7FFF) as u32
}

/// BEAM's raw word of a local pid on a default node: the process-table slot in the upper
/// half (the table of 2^18 slots spread over 8-slot cache lines), the data and tag below.
fn beam_pid_word(id: u64) -> u64 {
    let data = beam_pid_data(id);
    let slot = ((data & 0x7FFF) << 3) | ((data >> 15) & 0x7);
    (slot << 32) | (data << 4) | 0x3
}

/// The port number BEAM hashes (28 bits).
fn beam_port_number(id: u64) -> u64 {
    id & 0x0FFF_FFFF
}

/// BEAM's raw word of a local port on a default node (a port table of 2^16 slots).
fn beam_port_word(id: u64) -> u64 {
    let data = beam_port_number(id);
    let slot = ((data & 0x1FFF) << 3) | ((data >> 13) & 0x7);
    (slot << 32) | (data << 4) | 0x7
}

/// The raw word BEAM would hold for an immediate.
fn beam_immediate_word(t: Term) -> u64 {
    if let Some(id) = t.as_local_pid() {
        beam_pid_word(id)
    } else if let Some(id) = t.as_local_port() {
        beam_port_word(id)
    } else {
        t.raw()
    }
}

/// Word 2 (the first data word) of an external pid, port or reference.
fn external_data(t: Term) -> u64 {
    t.boxed_payload().get(1).map_or(0, |w| w.raw())
}

fn is_byte(t: Term) -> bool {
    t.as_small().is_some_and(|v| (0..256).contains(&v))
}

/// The hash of a bitstring's bits as `phash2` and `make_internal_hash` take it.
fn hash_bits(hash: u32, t: Term) -> u32 {
    let Some(bits) = t.as_bits() else {
        return hash;
    };
    // BEAM truncates the byte size to 32 bits here (kept for compatibility).
    let size = (bits.bit_size / 8) & 0xFFFF_FFFF;
    let rest = (bits.bit_size % 8) as u32;
    let con = HCONST_13.wrapping_add(hash);
    if size == 0 && rest == 0 {
        return con;
    }
    let start = bits.bit_offset / 8;
    let copied;
    let bytes: &[u8] = match bits.bytes.get(start..start + size) {
        Some(b) if bits.bit_offset.is_multiple_of(8) => b,
        _ => {
            copied = (0..size).map(|i| bits.byte_at(i)).collect::<Vec<u8>>();
            &copied
        }
    };
    let mut h = block_hash(bytes, size as u32, con);
    if rest > 0 {
        mix2(
            &mut h,
            rest,
            (bits.byte_at(size) >> (8 - rest)) as u32,
            HCONST_15,
        );
    }
    h
}

/// Mixes a bignum's 64-bit digits, two halves at a time.
fn hash_bignum(hash: &mut u32, t: Term) {
    let con = if t.header().subtag() == boxed::NEG_BIG {
        HCONST_10
    } else {
        HCONST_11
    };
    let digits = t.boxed_payload();
    if digits.is_empty() {
        mix2(hash, 0, 0, con);
    }
    for d in digits {
        mix2(hash, d.raw() as u32, (d.raw() >> 32) as u32, con);
    }
}

/// A float's bits with `-0.0` read as `0.0`, as BEAM hashes it.
fn float_bits(t: Term) -> u64 {
    let f = t.as_float().unwrap_or(0.0);
    if f == 0.0 {
        0
    } else {
        f.to_bits()
    }
}

// ---- phash2 ----

/// What `phash2` still has to do after the current term.
enum Op2 {
    Term(Term),
    /// A map's key and value are hashed: fold the pair's hash into the map's xor.
    MapPair,
    /// A map's pairs are all hashed: restore the enclosing hash and xor.
    MapTail {
        hash: u32,
        xor: u32,
    },
}

/// `erlang:phash2/2` with the range 2^32: the full 32-bit portable hash.
pub fn phash2(t: Term) -> u32 {
    let mut hash: u32 = 0;
    let mut xor: u32 = 0;
    let mut stack: Vec<Op2> = Vec::new();
    let mut next = Some(t);
    loop {
        if let Some(term) = next.take() {
            next = phash2_step(term, &mut hash, &mut xor, &mut stack);
            continue;
        }
        match stack.pop() {
            None => return hash,
            Some(Op2::Term(t)) => next = Some(t),
            Some(Op2::MapPair) => {
                xor ^= hash;
                hash = 0;
            }
            Some(Op2::MapTail {
                hash: saved_hash,
                xor: saved_xor,
            }) => {
                hash = saved_hash;
                mix1(&mut hash, xor, HCONST_19);
                xor = saved_xor;
            }
        }
    }
}

/// `erlang:phash2/2`: `phash2(T) % range`, or `None` (badarg) unless `range` is in
/// `1..=2^32`.
pub fn phash2_range(t: Term, range: u64) -> Option<u32> {
    match range {
        0 => None,
        1..=0xFFFF_FFFF => Some(((phash2(t) as u64) % range) as u32),
        0x1_0000_0000 => Some(phash2(t)),
        _ => None,
    }
}

/// Hashes one term into `hash`; returns the term to hash next when BEAM continues with it
/// directly (a list's head or tail, a tuple's first element).
fn phash2_step(t: Term, hash: &mut u32, xor: &mut u32, stack: &mut Vec<Op2>) -> Option<Term> {
    match t.kind() {
        Kind::Small => {
            let v = t.small_value();
            if (-(1 << 27)..(1 << 27)).contains(&v) {
                let y = v as i32;
                if y < 0 {
                    // BEAM mixes negative numbers twice.
                    mix1(hash, y.wrapping_neg() as u32, HCONST);
                }
                mix1(hash, y as u32, HCONST);
            } else {
                let (con, m) = if v < 0 {
                    (HCONST_10, v.unsigned_abs())
                } else {
                    (HCONST_11, v as u64)
                };
                mix2(hash, m as u32, (m >> 32) as u32, con);
            }
            None
        }
        Kind::Atom => {
            let h = atom_term_hash(t);
            if *hash == 0 {
                *hash = h;
            } else {
                mix1(hash, h, HCONST_3);
            }
            None
        }
        Kind::Nil => {
            if *hash == 0 {
                *hash = NIL_HASH;
            } else {
                mix1(hash, NIL_DEF, HCONST_2);
            }
            None
        }
        Kind::Cons => {
            let mut count = 0;
            let mut chunk: u32 = 0;
            let mut cell = t;
            loop {
                let (head, tail) = cell.as_cons()?;
                if !is_byte(head) {
                    if count > 0 {
                        mix1(hash, chunk, HCONST_4);
                    }
                    stack.push(Op2::Term(tail));
                    return Some(head);
                }
                chunk = (chunk << 8).wrapping_add(head.small_value() as u32);
                if count == 3 {
                    mix1(hash, chunk, HCONST_4);
                    count = 0;
                    chunk = 0;
                } else {
                    count += 1;
                }
                if !tail.is_cons() {
                    if count > 0 {
                        mix1(hash, chunk, HCONST_4);
                    }
                    return Some(tail);
                }
                cell = tail;
            }
        }
        Kind::Tuple => {
            let elems = t.boxed_payload();
            mix1(hash, elems.len() as u32, HCONST_9);
            let (first, rest) = elems.split_first()?;
            stack.extend(rest.iter().rev().map(|e| Op2::Term(*e)));
            Some(*first)
        }
        Kind::Map => {
            let (size, pairs): (usize, Vec<(Term, Term)>) = match map::node(t)? {
                Node::Flat { keys, values, .. } => (
                    keys.len(),
                    keys.iter().copied().zip(values.iter().copied()).collect(),
                ),
                Node::Head { size, .. } => (size, map::iter(t).collect()),
                Node::Inner { .. } => return None,
            };
            mix1(hash, size as u32, HCONST_16);
            if size == 0 {
                return None;
            }
            // Each pair is hashed from zero and the pair hashes are xored: the result does
            // not depend on the order of the pairs.
            stack.push(Op2::MapTail {
                hash: *hash,
                xor: *xor,
            });
            *hash = 0;
            *xor = 0;
            for (k, v) in pairs.into_iter().rev() {
                stack.push(Op2::MapPair);
                stack.push(Op2::Term(v));
                stack.push(Op2::Term(k));
            }
            None
        }
        Kind::Fun => {
            if t.header().subtag() == boxed::FUN {
                let entry = t.fun_entry();
                let env = t.fun_env();
                mix2(
                    hash,
                    env.len() as u32,
                    atom_hash(entry.module.name()),
                    HCONST,
                );
                mix2(hash, entry.index, entry.old_uniq, HCONST);
                let (first, rest) = env.split_first()?;
                stack.extend(rest.iter().rev().map(|e| Op2::Term(*e)));
                Some(*first)
            } else {
                let export = t.export_entry();
                mix2(hash, export.arity, atom_hash(export.module.name()), HCONST);
                mix1(hash, atom_hash(export.function.name()), HCONST_14);
                None
            }
        }
        Kind::Binary => {
            *hash = hash_bits(*hash, t);
            None
        }
        Kind::Big => {
            hash_bignum(hash, t);
            None
        }
        Kind::Float => {
            let bits = float_bits(t);
            mix2(hash, (bits >> 32) as u32, bits as u32, HCONST_12);
            None
        }
        Kind::Ref => {
            let n0 = if t.header().subtag() == boxed::REF {
                t.ref_numbers()[0]
            } else {
                external_data(t) as u32
            };
            mix1(hash, n0, HCONST_7);
            None
        }
        Kind::Pid => {
            let number = match t.as_local_pid() {
                Some(id) => beam_pid_number(id),
                None => external_data(t) as u32,
            };
            mix1(hash, number, HCONST_5);
            None
        }
        Kind::Port => {
            let number = match t.as_local_port() {
                Some(id) => beam_port_number(id),
                None => external_data(t),
            };
            mix2(hash, number as u32, (number >> 32) as u32, HCONST_6);
            None
        }
        Kind::MatchContext | Kind::Other => None,
    }
}

// ---- legacy phash ----

const FUNNY_NUMBER1: u32 = 268_440_163;
const FUNNY_NUMBER2: u32 = 268_439_161;
const FUNNY_NUMBER3: u32 = 268_435_459;
const FUNNY_NUMBER4: u32 = 268_436_141;
const FUNNY_NUMBER5: u32 = 268_438_633;
const FUNNY_NUMBER6: u32 = 268_437_017;
const FUNNY_NUMBER8: u32 = 268_437_511;
const FUNNY_NUMBER9: u32 = 268_439_627;
const FUNNY_NUMBER10: u32 = 268_440_479;
const FUNNY_NUMBER11: u32 = 268_440_577;
const FUNNY_NUMBER12: u32 = 268_440_581;
const FUNNY_NUMBER13: u32 = 268_440_593;
const FUNNY_NUMBER14: u32 = 268_440_611;

/// What `make_hash` still has to do after the current term.
enum Op1 {
    Term(Term),
    /// A tuple's elements are hashed: mix in its arity.
    TupleEnd(u32),
    /// A list's non-byte head is hashed: continue with its tail.
    ListTail(Term),
    /// A list's final tail is hashed.
    ListEnd,
}

/// Hashes a 32-bit value byte by byte, least significant first (`UINT32_HASH_STEP`).
fn step_bytes(hash: u32, x: u32, prime: u32) -> u32 {
    (0..4).fold(hash, |h, i| {
        h.wrapping_mul(prime).wrapping_add((x >> (8 * i)) & 0xFF)
    })
}

/// The legacy hash behind `erlang:phash/2` (BEAM's `make_hash`).
pub fn make_hash(t: Term) -> u32 {
    let mut hash: u32 = 0;
    let mut stack: Vec<Op1> = Vec::new();
    let mut next = Some(t);
    loop {
        if let Some(term) = next.take() {
            next = make_hash_step(term, &mut hash, &mut stack);
            continue;
        }
        match stack.pop() {
            None => return hash,
            Some(Op1::Term(t)) => next = Some(t),
            Some(Op1::TupleEnd(arity)) => {
                hash = hash.wrapping_mul(FUNNY_NUMBER9).wrapping_add(arity)
            }
            Some(Op1::ListTail(tail)) => {
                if !tail.is_cons() {
                    stack.push(Op1::ListEnd);
                }
                next = Some(tail);
            }
            Some(Op1::ListEnd) => hash = hash.wrapping_mul(FUNNY_NUMBER8),
        }
    }
}

/// `erlang:phash/2`: `1 + make_hash(T) % range`, in `1..=range`; `None` (badarg) unless
/// `range` is in `1..=2^32`.
pub fn phash(t: Term, range: u64) -> Option<u64> {
    match range {
        1..=0x1_0000_0000 => Some(1 + (make_hash(t) as u64) % range),
        _ => None,
    }
}

fn make_hash_step(t: Term, hash: &mut u32, stack: &mut Vec<Op1>) -> Option<Term> {
    let h = *hash;
    *hash = match t.kind() {
        Kind::Nil => h.wrapping_mul(FUNNY_NUMBER3).wrapping_add(1),
        Kind::Atom => h
            .wrapping_mul(FUNNY_NUMBER1)
            .wrapping_add(atom_term_hash(t)),
        Kind::Small => {
            let v = t.small_value();
            let m = v.unsigned_abs();
            let mut h = step_bytes(h, m as u32, FUNNY_NUMBER2);
            if m >> 32 != 0 {
                h = step_bytes(h, (m >> 32) as u32, FUNNY_NUMBER2);
            }
            h.wrapping_mul(if v < 0 { FUNNY_NUMBER4 } else { FUNNY_NUMBER3 })
        }
        Kind::Big => {
            // The same bytes as a small integer of that magnitude: every digit but the
            // last in full, the last without its zero upper half.
            let digits = t.boxed_payload();
            let last = digits.len().saturating_sub(1);
            let mut h = h;
            for (i, d) in digits.iter().enumerate() {
                let d = d.raw();
                let nbytes = if i == last && d >> 32 == 0 { 4 } else { 8 };
                for b in 0..nbytes {
                    h = h
                        .wrapping_mul(FUNNY_NUMBER2)
                        .wrapping_add(((d >> (8 * b)) & 0xFF) as u32);
                }
            }
            let neg = t.header().subtag() == boxed::NEG_BIG;
            h.wrapping_mul(if neg { FUNNY_NUMBER4 } else { FUNNY_NUMBER3 })
        }
        Kind::Float => {
            let bits = float_bits(t);
            h.wrapping_mul(FUNNY_NUMBER6)
                .wrapping_add((bits as u32) ^ ((bits >> 32) as u32))
        }
        Kind::Binary => match t.as_bits() {
            Some(bits) => {
                let size = bits.bit_size / 8;
                let rest = (bits.bit_size % 8) as u32;
                let mut h = h;
                for i in 0..size {
                    h = h
                        .wrapping_mul(FUNNY_NUMBER1)
                        .wrapping_add(bits.byte_at(i) as u32);
                }
                if rest > 0 {
                    let b = (bits.byte_at(size) >> (8 - rest)) as u32;
                    h = h
                        .wrapping_mul(FUNNY_NUMBER1)
                        .wrapping_add(b)
                        .wrapping_mul(FUNNY_NUMBER12)
                        .wrapping_add(rest);
                }
                h.wrapping_mul(FUNNY_NUMBER4).wrapping_add(size as u32)
            }
            None => h,
        },
        Kind::Fun => {
            if t.header().subtag() == boxed::FUN {
                let entry = t.fun_entry();
                let env = t.fun_env();
                let h = h
                    .wrapping_mul(FUNNY_NUMBER10)
                    .wrapping_add(env.len() as u32);
                let h = h
                    .wrapping_mul(FUNNY_NUMBER1)
                    .wrapping_add(atom_hash(entry.module.name()));
                let h = h.wrapping_mul(FUNNY_NUMBER2).wrapping_add(entry.index);
                *hash = h.wrapping_mul(FUNNY_NUMBER2).wrapping_add(entry.old_uniq);
                let (first, rest) = env.split_first()?;
                stack.extend(rest.iter().rev().map(|e| Op1::Term(*e)));
                return Some(*first);
            }
            let export = t.export_entry();
            let h = h.wrapping_mul(FUNNY_NUMBER11).wrapping_add(export.arity);
            let h = h
                .wrapping_mul(FUNNY_NUMBER1)
                .wrapping_add(atom_hash(export.module.name()));
            h.wrapping_mul(FUNNY_NUMBER1)
                .wrapping_add(atom_hash(export.function.name()))
        }
        Kind::Pid => {
            let number = match t.as_local_pid() {
                Some(id) => beam_pid_number(id),
                None => external_data(t) as u32,
            };
            step_bytes(h, number, FUNNY_NUMBER5).wrapping_mul(FUNNY_NUMBER6)
        }
        Kind::Port => {
            let number = match t.as_local_port() {
                Some(id) => beam_port_number(id),
                None => external_data(t),
            };
            let high = (number >> 32) as u32;
            let h = if high != 0 {
                step_bytes(h, high, FUNNY_NUMBER11)
            } else {
                h
            };
            step_bytes(h, number as u32, FUNNY_NUMBER9).wrapping_mul(FUNNY_NUMBER10)
        }
        Kind::Ref => {
            let n0 = if t.header().subtag() == boxed::REF {
                t.ref_numbers()[0]
            } else {
                external_data(t) as u32
            };
            step_bytes(h, n0, FUNNY_NUMBER9).wrapping_mul(FUNNY_NUMBER10)
        }
        Kind::Map => h
            .wrapping_mul(FUNNY_NUMBER13)
            .wrapping_add(FUNNY_NUMBER14)
            .wrapping_add(phash2(t)),
        Kind::Tuple => {
            let elems = t.boxed_payload();
            stack.push(Op1::TupleEnd(elems.len() as u32));
            stack.extend(elems.iter().rev().map(|e| Op1::Term(*e)));
            h
        }
        Kind::Cons => {
            let mut h = h;
            let mut cell = t;
            loop {
                let Some((head, tail)) = cell.as_cons() else {
                    *hash = h;
                    return None;
                };
                if !is_byte(head) {
                    *hash = h;
                    stack.push(Op1::ListTail(tail));
                    return Some(head);
                }
                h = h
                    .wrapping_mul(FUNNY_NUMBER2)
                    .wrapping_add(head.small_value() as u32);
                if !tail.is_cons() {
                    *hash = h;
                    stack.push(Op1::ListEnd);
                    return Some(tail);
                }
                cell = tail;
            }
        }
        Kind::MatchContext | Kind::Other => h,
    };
    None
}

// ---- the internal hash (HAMT placement) ----

/// What `internal_hash` still has to do after the current term.
enum OpI {
    Term(Term),
    /// The last cons cell's head is hashed; mark the switch to its (non-list) tail.
    Cdr,
}

/// Rotates a type constant into `hash` (BEAM's `CONST_HASH`).
fn const_hash(hash: &mut u32, k: u32) {
    *hash = (*hash ^ k).rotate_left(17);
}

/// BEAM's `make_internal_hash(T, salt)`: not portable between nodes; every bit that `=:=`
/// looks at is hashed, so equal terms hash equal and different ones can be told apart by
/// re-salting.
pub fn internal_hash(t: Term, salt: u32) -> u32 {
    let mut hash = salt ^ INTERNAL_HASH_SALT;
    let mut stack: Vec<OpI> = Vec::new();
    let mut next = Some(t);
    loop {
        if let Some(term) = next.take() {
            next = internal_step(term, &mut hash, &mut stack);
            continue;
        }
        match stack.pop() {
            None => return hash,
            Some(OpI::Term(t)) => next = Some(t),
            Some(OpI::Cdr) => const_hash(&mut hash, HCONST_18),
        }
    }
}

/// The hash that places `key` in a HAMT at trie levels `8 * depth .. 8 * depth + 8`
/// (BEAM's `make_map_hash`).
pub fn map_hash(key: Term, depth: u32) -> u32 {
    let mut salt = 0;
    if depth > 0 {
        mix2(&mut salt, depth, 1, HCONST_22);
    }
    internal_hash(key, salt)
}

/// Pushes a HAMT node's children so that they are hashed in BEAM's order (last slot first,
/// key before value).
fn push_hamt_children(children: &[Term], stack: &mut Vec<OpI>) {
    for c in children {
        match c.as_cons() {
            Some((k, v)) => {
                stack.push(OpI::Term(v));
                stack.push(OpI::Term(k));
            }
            None => stack.push(OpI::Term(*c)),
        }
    }
}

fn internal_step(t: Term, hash: &mut u32, stack: &mut Vec<OpI>) -> Option<Term> {
    if t.is_immediate() {
        let w = beam_immediate_word(t);
        mix2(hash, w as u32, (w >> 32) as u32, HCONST);
        return None;
    }
    match t.kind() {
        Kind::Cons => {
            let mut count: u32 = 0;
            let mut chunk: u32 = 0;
            let mut cell = t;
            loop {
                let (head, tail) = cell.as_cons()?;
                if !is_byte(head) {
                    if count > 0 {
                        mix2(hash, chunk, count, HCONST_22);
                    }
                    const_hash(hash, HCONST_17);
                    stack.push(OpI::Term(tail));
                    if !tail.is_cons() {
                        stack.push(OpI::Cdr);
                    }
                    return Some(head);
                }
                chunk = (chunk << 8).wrapping_add(head.small_value() as u32);
                if count == 3 {
                    mix1(hash, chunk, HCONST_4);
                    count = 0;
                    chunk = 0;
                } else {
                    count += 1;
                }
                if !tail.is_cons() {
                    if count > 0 {
                        mix2(hash, chunk, count, HCONST_22);
                    }
                    return Some(tail);
                }
                cell = tail;
            }
        }
        Kind::Tuple => {
            let elems = t.boxed_payload();
            mix1(hash, elems.len() as u32, HCONST_9);
            let (first, rest) = elems.split_first()?;
            stack.extend(rest.iter().rev().map(|e| OpI::Term(*e)));
            Some(*first)
        }
        Kind::Map => {
            match map::node(t)? {
                Node::Flat { keys, values, .. } => {
                    mix1(hash, keys.len() as u32, HCONST_16);
                    for (k, v) in keys.iter().zip(values).rev() {
                        stack.push(OpI::Term(*v));
                        stack.push(OpI::Term(*k));
                    }
                }
                Node::Head { size, children, .. } => {
                    mix1(hash, size as u32, HCONST_16);
                    if size > 0 {
                        push_hamt_children(children, stack);
                    }
                }
                Node::Inner { children, .. } => push_hamt_children(children, stack),
            }
            None
        }
        Kind::Fun => {
            if t.header().subtag() == boxed::FUN {
                let entry = t.fun_entry();
                let env = t.fun_env();
                mix2(
                    hash,
                    env.len() as u32,
                    Term::atom(entry.module).raw() as u32,
                    HCONST_20,
                );
                mix2(hash, entry.index, entry.old_uniq, HCONST_21);
                let (first, rest) = env.split_first()?;
                stack.extend(rest.iter().rev().map(|e| OpI::Term(*e)));
                Some(*first)
            } else {
                // BEAM hashes the export entry's address, which never moves.
                let p = t.export_entry() as *const boxed::Export as u64;
                mix2(hash, p as u32, (p >> 32) as u32, HCONST_14);
                None
            }
        }
        Kind::Binary => {
            *hash = hash_bits(*hash, t);
            None
        }
        Kind::Big => {
            hash_bignum(hash, t);
            None
        }
        Kind::Float => {
            let bits = float_bits(t);
            mix2(hash, bits as u32, (bits >> 32) as u32, HCONST_12);
            None
        }
        Kind::Ref if t.header().subtag() == boxed::REF => {
            let [n0, n1, n2] = t.ref_numbers();
            mix1(hash, n0, HCONST_7);
            mix2(hash, n1, n2, HCONST_8);
            None
        }
        Kind::Ref | Kind::Pid | Kind::Port => {
            let k = match t.kind() {
                Kind::Ref => HCONST_7,
                Kind::Pid => HCONST_5,
                _ => HCONST_6,
            };
            for w in t.boxed_payload() {
                mix2(hash, w.raw() as u32, (w.raw() >> 32) as u32, k);
            }
            None
        }
        Kind::Small | Kind::Atom | Kind::Nil | Kind::MatchContext | Kind::Other => None,
    }
}

/// Test support shared by the term crate's tests: a reader for the `~w` text of terms, so
/// that expected values printed by `erl` can be pasted as they are.
#[cfg(test)]
pub(crate) mod testing {
    use crate::alloc::VecAlloc;
    use crate::atom::Atom;
    use crate::term::Term;
    use crate::{build, integer, map};
    use num_bigint::BigInt;
    use std::collections::HashMap;

    /// Reads `~w` output: integers, floats, atoms, lists, tuples, bitstrings, maps, local
    /// pids, ports and references. Atoms come from `atoms` (BEAM's atom indices) when given.
    pub(crate) struct Reader<'a> {
        s: &'a [u8],
        pos: usize,
        atoms: Option<&'a HashMap<String, u32>>,
    }

    /// The term written as `text`.
    pub(crate) fn term(heap: &mut VecAlloc, text: &str) -> Term {
        Reader {
            s: text.as_bytes(),
            pos: 0,
            atoms: None,
        }
        .read(heap)
    }

    /// The term written as `text`, its atoms given the indices BEAM gave them.
    pub(crate) fn term_with_beam_atoms(
        heap: &mut VecAlloc,
        text: &str,
        atoms: &HashMap<String, u32>,
    ) -> Term {
        Reader {
            s: text.as_bytes(),
            pos: 0,
            atoms: Some(atoms),
        }
        .read(heap)
    }

    /// The name of the atom written as `text`.
    pub(crate) fn atom_name(text: &str) -> String {
        Reader {
            s: text.as_bytes(),
            pos: 0,
            atoms: None,
        }
        .atom_text()
    }

    impl Reader<'_> {
        fn peek(&self) -> u8 {
            self.s.get(self.pos).copied().unwrap_or(0)
        }

        fn skip_ws(&mut self) {
            while self.peek() == b' ' {
                self.pos += 1;
            }
        }

        fn eat(&mut self, lit: &str) -> bool {
            self.skip_ws();
            if self.s[self.pos..].starts_with(lit.as_bytes()) {
                self.pos += lit.len();
                true
            } else {
                false
            }
        }

        fn expect(&mut self, lit: &str) {
            assert!(
                self.eat(lit),
                "expected {lit} at {} in {}",
                self.pos,
                String::from_utf8_lossy(self.s)
            );
        }

        fn int(&mut self) -> BigInt {
            self.skip_ws();
            let start = self.pos;
            if self.peek() == b'-' {
                self.pos += 1;
            }
            while self.peek().is_ascii_digit() {
                self.pos += 1;
            }
            std::str::from_utf8(&self.s[start..self.pos])
                .unwrap()
                .parse()
                .unwrap()
        }

        fn read(&mut self, heap: &mut VecAlloc) -> Term {
            self.skip_ws();
            match self.peek() {
                b'[' => self.list(heap),
                b'{' => {
                    self.expect("{");
                    let elems = self.seq(heap, "}");
                    build::tuple(heap, &elems)
                }
                b'<' if self.s.get(self.pos + 1) == Some(&b'<') => self.bits(heap),
                b'<' => {
                    self.expect("<");
                    let _node = self.int();
                    self.expect(".");
                    let number: u64 = self.int().try_into().unwrap();
                    self.expect(".");
                    let serial: u64 = self.int().try_into().unwrap();
                    self.expect(">");
                    Term::pid(serial << 28 | number)
                }
                b'#' if self.eat("#{") => {
                    let mut pairs = Vec::new();
                    while !self.eat("}") {
                        self.eat(",");
                        let k = self.read(heap);
                        self.expect("=>");
                        let v = self.read(heap);
                        pairs.push((k, v));
                    }
                    map::from_pairs(heap, pairs)
                }
                b'#' if self.eat("#Ref<") => {
                    let mut n = [0u32; 4];
                    for (i, slot) in n.iter_mut().enumerate() {
                        if i > 0 {
                            self.expect(".");
                        }
                        *slot = self.int().try_into().unwrap();
                    }
                    self.expect(">");
                    build::reference(heap, [n[3], n[2], n[1]])
                }
                b'#' if self.eat("#Port<") => {
                    let _node = self.int();
                    self.expect(".");
                    let n: u64 = self.int().try_into().unwrap();
                    self.expect(">");
                    Term::port(n)
                }
                b'-' | b'0'..=b'9' => self.number(heap),
                _ => {
                    let name = self.atom_text();
                    match self.atoms {
                        Some(ix) => Term::atom(Atom(
                            *ix.get(&name)
                                .unwrap_or_else(|| panic!("no index for {name}")),
                        )),
                        None => Term::atom(Atom::intern(&name).unwrap()),
                    }
                }
            }
        }

        fn seq(&mut self, heap: &mut VecAlloc, close: &str) -> Vec<Term> {
            let mut elems = Vec::new();
            while !self.eat(close) {
                self.eat(",");
                elems.push(self.read(heap));
            }
            elems
        }

        fn list(&mut self, heap: &mut VecAlloc) -> Term {
            self.expect("[");
            let mut elems = Vec::new();
            let mut tail = Term::NIL;
            loop {
                if self.eat("]") {
                    break;
                }
                if self.eat("|") {
                    tail = self.read(heap);
                    self.expect("]");
                    break;
                }
                self.eat(",");
                elems.push(self.read(heap));
            }
            build::list_with_tail(heap, &elems, tail)
        }

        fn bits(&mut self, heap: &mut VecAlloc) -> Term {
            self.expect("<<");
            let mut bytes = Vec::new();
            let mut bit_size = 0;
            while !self.eat(">>") {
                self.eat(",");
                let v: u32 = self.int().try_into().unwrap();
                let size = if self.eat(":") {
                    self.int().try_into().unwrap()
                } else {
                    8
                };
                bytes.push((v << (8 - size)) as u8);
                bit_size += size as usize;
            }
            let whole = build::binary(heap, &bytes);
            if bit_size.is_multiple_of(8) {
                whole
            } else {
                build::sub_binary(heap, whole, 0, bit_size)
            }
        }

        fn number(&mut self, heap: &mut VecAlloc) -> Term {
            let start = self.pos;
            let i = self.int();
            if self.peek() == b'.' && self.s.get(self.pos + 1).is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
                while self.peek().is_ascii_alphanumeric()
                    || (self.peek() == b'-' && self.s[self.pos - 1] == b'e')
                {
                    self.pos += 1;
                }
                let f: f64 = std::str::from_utf8(&self.s[start..self.pos])
                    .unwrap()
                    .parse()
                    .unwrap();
                return build::float(heap, f);
            }
            integer::from_bigint(heap, &i)
        }

        fn escape(&mut self, out: &mut String) {
            self.pos += 1;
            let c = self.peek();
            self.pos += 1;
            match c {
                b'x' => {
                    self.expect("{");
                    let start = self.pos;
                    while self.peek() != b'}' {
                        self.pos += 1;
                    }
                    let hex = std::str::from_utf8(&self.s[start..self.pos]).unwrap();
                    out.push(char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap());
                    self.pos += 1;
                }
                b'0'..=b'7' => {
                    let mut v = (c - b'0') as u32;
                    for _ in 0..2 {
                        if (b'0'..=b'7').contains(&self.peek()) {
                            v = v * 8 + (self.peek() - b'0') as u32;
                            self.pos += 1;
                        }
                    }
                    out.push(char::from_u32(v).unwrap());
                }
                b'n' => out.push('\n'),
                b't' => out.push('\t'),
                b's' => out.push(' '),
                other => out.push(other as char),
            }
        }

        fn atom_text(&mut self) -> String {
            self.skip_ws();
            let mut out = String::new();
            if self.peek() == b'\'' {
                self.pos += 1;
                while self.peek() != b'\'' {
                    if self.peek() == b'\\' {
                        self.escape(&mut out);
                    } else {
                        out.push(self.peek() as char);
                        self.pos += 1;
                    }
                }
                self.pos += 1;
                return out;
            }
            loop {
                match self.peek() {
                    b'\\' => self.escape(&mut out),
                    c if c.is_ascii_alphanumeric() || c == b'_' || c == b'@' => {
                        out.push(c as char);
                        self.pos += 1;
                    }
                    _ => return out,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{atom_name, term, term_with_beam_atoms};
    use super::*;
    use crate::alloc::VecAlloc;
    use crate::atom::Atom;
    use crate::boxed::{Export, FunEntry};
    use crate::build;
    use std::collections::HashMap;
    use std::sync::atomic::AtomicUsize;

    /// Printed by `erl` (OTP 25, 64-bit): for each term its `~w` text, then
    /// `phash2(T, 1 bsl 32)`, `phash(T, 1 bsl 32) - 1` and
    /// `erts_debug:get_internal_state({internal_hash, T})`; then BEAM's atom-table index of
    /// every atom used (internal hashes depend on it), then funs from a compiled module
    /// (type, module, name, arity, new_index, old_uniq, env, phash2, phash - 1).
    const ORACLE: &str = r##"
0	3175731469	0	3620831944
1	539485162	2788898427	2441450838
-1	1117813597	1680185269	559702020
2	2577631668	1282829558	1268203079
7	1208805918	2342419805	973072919
255	715823293	2499495045	3445581034
256	3929335767	1920229267	3271219649
-255	661110369	3245481291	664729336
1000	4226537057	4245061169	3445452635
65535	1351941859	2531686386	2241922907
65536	616644471	3221236587	1758607287
134217727	4273352567	1192343452	3843226830
134217728	2562491755	2147483672	3413405710
-134217728	874979335	2147489128	1411125154
-134217729	1418916782	3827674397	650447913
2147483648	2832818325	384	2980658992
4294967296	2108323275	2788898427	4085666484
4294967295	2108319181	3339827844	965737514
-4294967296	2586067094	1680185269	3677901089
1099511627776	282329375	1920229267	1309661989
-1099511627776	2464100025	3765867549	2729989810
576460752303423487	1638133000	3114282912	2748343757
-576460752303423488	2316875190	2147489128	767231620
576460752303423488	2442888721	2147483672	2160620466
-576460752303423489	2855034599	3227238397	1026718139
9223372036854775808	710941318	384	590866911
18446744073709551615	321870806	966800008	1068377571
18446744073709551616	2519041713	2788898427	1670597026
-18446744073709551616	2563594619	1680185269	1776020955
18446744073709563961	1834468394	3277617070	2786531338
1267650600228229401496703205376	528873168	1672701872	1110310564
-1267650600228229401496703205376	3614518472	1113160528	1615963138
1606938044258990275541962092341162602522202993782792835301383	3923017828	1869399088	3736907483
123456789012345678901234567890	3353369072	2723083118	3068014616
-98765432109876543210987654321	3990111320	1651517636	625819387
0.0	423528920	0	2778859731
-0.0	423528920	0	2778859731
1.0	3029937084	1072693248	1476340101
-1.0	1043224280	3220176896	250165494
1.5	2023646235	1073217536	1817557079
-2.75	1648795369	3221618688	1002572879
3.141592653589793	764465415	340593891	2068728779
1.0e300	387524106	4130836896	4116291860
-1.0e-300	2634745468	1130208582	3804541202
123456.789	2225797246	3745534661	205030161
5.0e-324	3731526247	1	402330220
a	97	97	582073361
ok	1883	1883	3384569755
''	0	0	940205751
'hello world'	18131988	18131988	721845891
false	7111573	7111573	3122416460
true	506293	506293	37675283
'Hello'	5161775	5161775	1631708275
\x{E9}	233	233	2623548904
'\x{3A9}mega'	227556305	227556305	1521967417
'\x{65E5}\x{672C}'	251805804	251805804	3793822491
'\000'	0	0	2168093268
'ab\x{C3}\x{A9}'	425689	425689	1203999363
[]	3468870702	1	2464209347
[1]	2768963718	2952798236	1762143407
[1,2,3]	4186538188	3336869157	2915507666
[104,101,108,108,111]	753008767	2340352115	2010329607
[97,98,99,100]	1752753207	1938728201	2584962673
[97,98,99,100,101]	2487089008	721934914	513042836
[97,98,99,100,101,102,103,104,105]	345885043	59490904	2559566225
[a]	1634476877	2953390076	1753081435
[a,b]	3632954310	667932112	2553596520
[1|2]	3844221178	2402949551	813403020
[a|b]	2356411656	4159696707	3300566205
[1,2|3]	4169601349	265598414	411185328
[256]	1684221134	1015129878	452838862
[-1]	3800508964	3981341152	76863840
[1,a,2,3]	2354961463	495473140	3753701983
[[]]	499070068	2952798236	2972560227
[[1],[2]]	2928514407	1718464616	3236719279
[1,2,3,4,5,[6]]	3171110070	479287983	2468266107
[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,121,122,123,124,125,126,127,128,129,130,131,132,133,134,135,136,137,138,139,140,141,142,143,144,145,146,147,148,149,150,151,152,153,154,155,156,157,158,159,160,161,162,163,164,165,166,167,168,169,170,171,172,173,174,175,176,177,178,179,180,181,182,183,184,185,186,187,188,189,190,191,192,193,194,195,196,197,198,199,200,201,202,203,204,205,206,207,208,209,210,211,212,213,214,215,216,217,218,219,220,221,222,223,224,225,226,227,228,229,230,231,232,233,234,235,236,237,238,239,240,241,242,243,244,245,246,247,248,249,250,251,252,253,254,255,256,257,258,259,260,261,262,263,264,265,266,267,268,269,270,271,272,273,274,275,276,277,278,279,280,281,282,283,284,285,286,287,288,289,290,291,292,293,294,295,296,297,298,299,300]	3909413633	4137644928	2464782127
[1.5,2]	2592214763	1352153137	3464444329
[<<1>>]	1227261991	541102157	1875549390
[1,2,3|<<4>>]	467259888	3576584441	1436664137
[{}]	4050867804	268437511	1267829174
[97,256,98,99]	2925045102	168947982	3368381184
[255,256,0]	2222092089	1415964599	536429963
[a,98,99]	746451227	3654580165	3009797066
<<>>	147926629	0	3580844982
<<1>>	881997586	268436142	1985782986
<<0>>	2914887855	1	1046748106
<<104,101,108,108,111,32,119,111,114,108,100,33>>	965223795	625310645	2655069432
<<104,101,108,108,111,32,119,111,114,108,100,33,33>>	2552201628	3968928949	3333130923
<<97,98,99,100,101,102,103,104,105,106,107>>	96993671	2871496361	3839388594
<<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100>>	3051755777	2312692742	3578012041
<<0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,121,122,123,124,125,126,127,128,129,130,131,132,133,134,135,136,137,138,139,140,141,142,143,144,145,146,147,148,149,150,151,152,153,154,155,156,157,158,159,160,161,162,163,164,165,166,167,168,169,170,171,172,173,174,175,176,177,178,179,180,181,182,183,184,185,186,187,188,189,190,191,192,193,194,195,196,197,198,199,200,201,202,203,204,205,206,207,208,209,210,211,212,213,214,215,216,217,218,219,220,221,222,223,224,225,226,227,228,229,230,231,232,233,234,235,236,237,238,239,240,241,242,243,244,245,246,247,248,249,250,251,252,253,254,255>>	4163814291	1678058368	3192935338
<<1:1>>	3994547237	808817678	2541828467
<<0:1>>	1285484408	268436141	382848695
<<5:3>>	3354768668	3507216108	1285585474
<<97,98,3:2>>	288290887	3364914606	1483425164
<<1,2,3,4,5,6,7,8,9,10,11,12,13:7>>	1391247891	3159760958	3445541260
<<127:7>>	911751529	1788031450	1736448552
<<120,0:1>>	3243682000	1082454038	3489991172
{}	221703996	0	904478834
{a}	2853905094	268840044	2435930743
{1,2}	4118095950	3114748239	240741374
{a,{b,[c]},<<120>>}	2717355241	1581381247	304297206
{1.0,-1,[]}	3272658629	1655461475	2088917443
{{{{}}}}	825054926	1896449605	2922155787
{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20}	1555218995	4273187334	1425514208
#{}	844985373	1113425984	4050418618
#{a => 1}	1401795262	1670235873	1795012210
#{1 => 2,3 => 4}	3188238634	3456679245	293805823
#{{t} => 1.5,<<107>> => [v]}	2765124996	3033565607	3097889480
#{#{} => #{a => #{}}}	3330400090	3598840701	3169895452
#{1 => 1,1.0 => 2}	1661906789	1930347400	4200095309
#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 => 24,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,1 => 1,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,13 => 13,6 => 6,28 => 28,25 => 25,32 => 32,9 => 9,11 => 11,31 => 31,26 => 26,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33}	3325913628	3594354239	3422438524
#{16 => -16,79 => -79,18 => -18,54 => -54,5 => -5,65 => -65,93 => -93,67 => -67,19 => -19,42 => -42,92 => -92,94 => -94,84 => -84,27 => -27,49 => -49,62 => -62,56 => -56,70 => -70,35 => -35,10 => -10,24 => -24,66 => -66,50 => -50,53 => -53,36 => -36,82 => -82,4 => -4,96 => -96,21 => -21,87 => -87,52 => -52,22 => -22,17 => -17,55 => -55,58 => -58,90 => -90,75 => -75,3 => -3,8 => -8,97 => -97,1 => -1,99 => -99,74 => -74,83 => -83,7 => -7,2 => -2,60 => -60,14 => -14,15 => -15,78 => -78,20 => -20,41 => -41,95 => -95,77 => -77,40 => -40,59 => -59,13 => -13,38 => -38,80 => -80,51 => -51,86 => -86,68 => -68,72 => -72,6 => -6,64 => -64,91 => -91,85 => -85,28 => -28,25 => -25,34 => -34,32 => -32,76 => -76,9 => -9,37 => -37,11 => -11,81 => -81,98 => -98,31 => -31,46 => -46,71 => -71,100 => -100,63 => -63,88 => -88,69 => -69,26 => -26,57 => -57,48 => -48,45 => -45,39 => -39,43 => -43,30 => -30,61 => -61,89 => -89,47 => -47,29 => -29,23 => -23,44 => -44,73 => -73,12 => -12,33 => -33}	2923820993	3192261604	1437459880
#{<<49,57>> => 19,<<49>> => 1,<<57>> => 9,<<49,54>> => 16,<<49,51>> => 13,<<52>> => 4,<<51,55>> => 37,<<50,52>> => 24,<<50,50>> => 22,<<50>> => 2,<<51,48>> => 30,<<50,57>> => 29,<<50,56>> => 28,<<51,50>> => 32,<<51,53>> => 35,<<51,56>> => 38,<<51,57>> => 39,<<49,56>> => 18,<<52,48>> => 40,<<49,48>> => 10,<<49,55>> => 17,<<49,49>> => 11,<<49,50>> => 12,<<50,51>> => 23,<<49,53>> => 15,<<50,49>> => 21,<<50,54>> => 26,<<51,52>> => 34,<<51,51>> => 33,<<51>> => 3,<<54>> => 6,<<53>> => 5,<<51,49>> => 31,<<50,48>> => 20,<<51,54>> => 36,<<56>> => 8,<<49,52>> => 14,<<50,53>> => 25,<<50,55>> => 27,<<55>> => 7}	3077112331	3345552942	2742340818
#{[1] => #{16 => {16},18 => {18},5 => {5},19 => {19},27 => {27},35 => {35},10 => {10},24 => {24},36 => {36},4 => {4},21 => {21},22 => {22},17 => {17},3 => {3},8 => {8},1 => {1},7 => {7},2 => {2},14 => {14},15 => {15},20 => {20},40 => {40},13 => {13},38 => {38},6 => {6},28 => {28},25 => {25},34 => {34},32 => {32},9 => {9},37 => {37},11 => {11},31 => {31},26 => {26},39 => {39},30 => {30},29 => {29},23 => {23},12 => {12},33 => {33}}}	1486054884	1754495495	2185332924
<0.0.0>	2858162279	0	2922269834
<0.5.0>	1742111205	3820617877	4003842063
<0.123.7>	1163477573	2933893099	4137075534
<0.32767.8191>	3447426037	290111366	3115696546
<0.1000.3>	776224933	185375075	1666314063
#Port<0.0>	2167609773	0	481523172
#Port<0.5>	2004953508	3777324193	1789668179
#Port<0.123456>	263299691	461635139	3682114213
#Ref<0.1.2.3>	3833100999	3125387975	176710620
#Ref<0.0.0.0>	4109579800	0	1436350539
#Ref<0.4294967295.2495086593.262143>	2976719938	3612410155	2012551222
#Ref<0.1323226749.2495086593.62010>	2255005983	2412581776	2742094581
{a,[1,2.0,<<3>>],#{k => [118]},{}}	1953929317	1041575543	2393044669
[{1,2},{3,4}]	3727569844	1928378555	3060711141
{<0.7.0>,make_ref_like}	2258575488	3164122448	326704810
ATOM	''	5
ATOM	'\000'	8392
ATOM	'Hello'	8388
ATOM	a	5830
ATOM	'ab\x{C3}\x{A9}'	8393
ATOM	b	8385
ATOM	c	3114
ATOM	false	0
ATOM	'hello world'	8387
ATOM	k	4142
ATOM	make_ref_like	8366
ATOM	ok	478
ATOM	t	8386
ATOM	true	1
ATOM	v	4141
ATOM	\x{E9}	8389
ATOM	'\x{3A9}mega'	8390
ATOM	'\x{65E5}\x{672C}'	8391
FUN	local	hgen	'-funs/2-fun-2-'	0	0	25926587	[]	3503770920	94696217
FUN	local	hgen	'-funs/2-fun-1-'	1	1	25926587	[42]	3339921915	808211293
FUN	local	hgen	'-funs/2-fun-0-'	2	2	25926587	[42,{x,[1,2]}]	15994429	1267991865
FUN	external	lists	map	2	undefined	undefined	[]	840287883	904024395
FUN	external	erlang	abs	1	undefined	undefined	[]	2174955236	2515667793
"##;

    fn beam_atoms() -> HashMap<String, u32> {
        ORACLE
            .lines()
            .filter_map(|l| l.strip_prefix("ATOM\t"))
            .map(|l| {
                let (name, ix) = l.split_once('\t').unwrap();
                (atom_name(name), ix.parse().unwrap())
            })
            .collect()
    }

    #[test]
    fn hashes_match_beam_for_every_term_kind() {
        let atoms = beam_atoms();
        let mut failures = Vec::new();
        let mut checked = 0;
        for line in ORACLE
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with("ATOM") && !l.starts_with("FUN"))
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let [text, p2, p1, ih] = cols[..] else {
                panic!("bad line {line}")
            };
            let (p2, p1, ih): (u32, u32, u32) = (
                p2.parse().unwrap(),
                p1.parse().unwrap(),
                ih.parse().unwrap(),
            );
            let mut heap = VecAlloc::new();
            let t = term(&mut heap, text);
            let beam_t = term_with_beam_atoms(&mut heap, text, &atoms);
            let got = (phash2(t), make_hash(t), internal_hash(beam_t, 0));
            if got != (p2, p1, ih) {
                failures.push(format!("{text}: got {got:?}, erl {:?}", (p2, p1, ih)));
            }
            checked += 1;
        }
        assert_eq!(checked, 131);
        assert!(
            failures.is_empty(),
            "{} mismatches:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn funs_hash_as_on_beam() {
        for line in ORACLE.lines().filter_map(|l| l.strip_prefix("FUN\t")) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [ty, module, name, arity, index, uniq, env, p2, p1] = cols[..] else {
                panic!("bad line {line}")
            };
            let mut heap = VecAlloc::new();
            let module = Atom::intern(&atom_name(module)).unwrap();
            let function = Atom::intern(&atom_name(name)).unwrap();
            let arity: u32 = arity.parse().unwrap();
            let f = if ty == "local" {
                let env = crate::build::list_to_vec(term(&mut heap, env)).unwrap();
                let entry: &'static FunEntry = Box::leak(Box::new(FunEntry {
                    module,
                    function,
                    arity,
                    num_free: env.len() as u32,
                    index: index.parse().unwrap(),
                    old_uniq: uniq.parse().unwrap(),
                    new_uniq: [0; 16],
                    old_index: index.parse().unwrap(),
                    code: AtomicUsize::new(0),
                }));
                build::fun(&mut heap, entry, Term::pid(9), &env)
            } else {
                let export: &'static Export = Box::leak(Box::new(Export {
                    module,
                    function,
                    arity,
                    code: AtomicUsize::new(0),
                }));
                build::export_fun(&mut heap, export)
            };
            assert_eq!(phash2(f), p2.parse::<u32>().unwrap(), "{line}");
            assert_eq!(make_hash(f), p1.parse::<u32>().unwrap(), "{line}");
        }
    }

    /// `erl`: in module `agen` (atom index 3029), `mk(Y) -> fun(X) -> X + Y end` called
    /// with 7 gives a fun with new_index 0, old_uniq 21297488 and env `[7]`; its internal
    /// hash is 809334331 and that of `{F, [F]}` is 764979255.
    #[test]
    fn closures_internal_hash_as_on_beam() {
        let mut heap = VecAlloc::new();
        let entry: &'static FunEntry = Box::leak(Box::new(FunEntry {
            module: Atom(3029),
            function: Atom(0),
            arity: 1,
            num_free: 1,
            index: 0,
            old_uniq: 21_297_488,
            new_uniq: [0; 16],
            old_index: 0,
            code: AtomicUsize::new(0),
        }));
        let f = build::fun(&mut heap, entry, Term::pid(1), &[Term::small(7)]);
        assert_eq!(internal_hash(f, 0), 809_334_331);
        let l = build::list(&mut heap, &[f]);
        let t = build::tuple(&mut heap, &[f, l]);
        assert_eq!(internal_hash(t, 0), 764_979_255);
    }

    #[test]
    fn representation_does_not_change_binary_hashes() {
        let mut heap = VecAlloc::new();
        let data: Vec<u8> = (0..200u8).collect();
        let refc = build::binary(&mut heap, &data);
        let sub = build::sub_binary(&mut heap, refc, 8 * 3, 8 * 20);
        let heap_bin = build::binary(&mut heap, &data[3..23]);
        assert_eq!(phash2(sub), phash2(heap_bin));
        assert_eq!(make_hash(sub), make_hash(heap_bin));
        assert_eq!(internal_hash(sub, 0), internal_hash(heap_bin, 0));
        // <<1,2,3,4,5,6,7,8,9,10,11,12,13:7>> read at a bit offset of 3.
        let bits = term(&mut heap, "<<1,2,3,4,5,6,7,8,9,10,11,12,13:7>>");
        let mut shifted = vec![0u8; 14];
        for i in 0..103 {
            if bits.as_bits().unwrap().bit(i) {
                shifted[(i + 3) / 8] |= 0x80 >> ((i + 3) % 8);
            }
        }
        let base = build::binary(&mut heap, &shifted);
        let unaligned = build::sub_binary(&mut heap, base, 3, 103);
        assert_eq!(phash2(unaligned), phash2(bits));
        assert_eq!(make_hash(unaligned), make_hash(bits));
        assert_eq!(internal_hash(unaligned, 0), internal_hash(bits, 0));
    }

    #[test]
    fn ranges_follow_the_bifs() {
        // erl: T = {a, "b", 3}: phash2(T) = 78084705, phash2(T, 1000) = 177,
        // phash2(T, 1 bsl 32) = 3299310177, phash(T, 1000) = 29, phash(T, 1) = 1,
        // phash(T, 1 bsl 32) = 3000892029.
        let mut heap = VecAlloc::new();
        let t = term(&mut heap, "{a,[98],3}");
        assert_eq!(phash2(t) & ((1 << 27) - 1), 78_084_705);
        assert_eq!(phash2_range(t, 1000), Some(177));
        assert_eq!(phash2_range(t, 1 << 32), Some(3_299_310_177));
        assert_eq!(phash2_range(t, 0), None);
        assert_eq!(phash2_range(t, (1 << 32) + 1), None);
        assert_eq!(phash(t, 1000), Some(29));
        assert_eq!(phash(t, 1), Some(1));
        assert_eq!(phash(t, 1 << 32), Some(3_000_892_029));
        assert_eq!(phash(t, 0), None);
    }

    #[test]
    fn deep_terms_do_not_use_the_rust_stack() {
        let mut heap = VecAlloc::new();
        let mut t = Term::NIL;
        for i in 0..1_000_000 {
            t = build::cons(&mut heap, Term::small(i), t);
        }
        let mut nested = Term::NIL;
        for _ in 0..200_000 {
            nested = build::tuple(&mut heap, &[nested]);
            nested = build::cons(&mut heap, nested, Term::NIL);
        }
        let both = build::tuple(&mut heap, &[t, nested]);
        let _ = (phash2(both), make_hash(both), internal_hash(both, 0));
    }
}
