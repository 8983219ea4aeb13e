//! `binary_to_term`: inflate if compressed, check the structure, then build.
//!
//! The check pass ([`check`]) walks the bytes with a count of terms still expected, as
//! BEAM's `decoded_size` does: every count read from the input is checked against the bytes
//! left, and every term takes at least one byte, so the terms it admits number at most the
//! input length. Only then does the build pass ([`Builder`]) allocate, post-order: leaves
//! are pushed on a value stack, and a container is built once all its parts are there.
//! Both passes use explicit stacks, so nesting depth costs heap memory proportional to the
//! input and never Rust stack.

use super::tag::*;
use super::{
    DecodeError, DecodeOptions, LOCAL_CREATION, LOCAL_NODE, PID_NUMBER_BITS, VERSION_MAGIC,
};
use crate::alloc::TermAlloc;
use crate::atom::{self, Atom};
use crate::boxed::FunEntry;
use crate::build;
use crate::integer;
use crate::map;
use crate::term::Term;
use flate2::{Decompress, FlushDecompress, Status};
use num_bigint::{BigInt, BigUint, Sign};

type Result<T> = core::result::Result<T, DecodeError>;

/// Longest atom in characters (and in Latin-1 bytes).
const MAX_ATOM_CHARS: usize = atom::MAX_ATOM_CHARS;
/// Longest UTF-8 atom in bytes: four bytes per character.
const MAX_ATOM_BYTES: usize = 4 * MAX_ATOM_CHARS;
/// Largest bignum accepted, in bytes: BEAM's `BIG_ARITY_MAX` words of 8 bytes.
const MAX_BIG_BYTES: usize = ((1 << 19) - 1) * 8;
/// Maps up to this size are flat maps in BEAM; larger ones are checked against the input.
const SMALL_MAP_LIMIT: u32 = 32;
/// Most free variables a fun may have (BEAM's `MAX_ARG`).
const MAX_FUN_FREE: u32 = 255;
/// Most numbers in an encoded reference (BEAM's `ERTS_MAX_REF_NUMBERS`).
const MAX_REF_NUMBERS: usize = 5;
/// Numbers in a local reference.
const LOCAL_REF_NUMBERS: usize = 3;
/// The first number of a local reference has 18 bits (`MAX_REFERENCE`).
const MAX_REF_FIRST: u32 = 1 << 18;
/// Largest creation in the old one-byte creation fields.
const MAX_TINY_CREATION: u32 = 3;
/// Local pid numbers have this many bits (see `Term::pid`), serials 32.
const MAX_PID_NUMBER: u32 = (1 << PID_NUMBER_BITS) - 1;
/// Largest local port number: what a port immediate holds (60 bits). BEAM's own limit is
/// 2^28 - 1, but our ports may be numbered higher and must survive a round trip.
const MAX_PORT_NUMBER: u64 = (1 << 60) - 1;
/// Deflate cannot expand data by more than about 1032 to 1; a declared size beyond this
/// many times the compressed length is a lie, refused before inflating anything.
const MAX_INFLATE_RATIO: usize = 1040;
/// Bytes inflated per step, so memory grows only with data actually produced.
const INFLATE_CHUNK: usize = 64 * 1024;

/// `binary_to_term(Bytes, Options)`: the term and the number of bytes it used (the `used`
/// option's count: the version byte included, trailing bytes excluded).
pub fn decode(
    bytes: &[u8],
    heap: &mut dyn TermAlloc,
    opts: &DecodeOptions<'_>,
) -> Result<(Term, usize)> {
    let (&magic, body) = bytes.split_first().ok_or(DecodeError::Invalid)?;
    if magic != VERSION_MAGIC {
        return Err(DecodeError::Invalid);
    }
    if body.len() >= 5 && body[0] == COMPRESSED {
        let declared = u32::from_be_bytes([body[1], body[2], body[3], body[4]]);
        let (data, consumed) = inflate(&body[5..], declared as usize)?;
        check(&data)?;
        let (t, _) = Builder::new(&data, heap, opts).run()?;
        return Ok((t, 1 + 5 + consumed));
    }
    check(body)?;
    let (t, used) = Builder::new(body, heap, opts).run()?;
    Ok((t, 1 + used))
}

/// Inflates a zlib stream that must produce exactly `declared` bytes; returns them and the
/// number of input bytes the stream took.
fn inflate(input: &[u8], declared: usize) -> Result<(Vec<u8>, usize)> {
    if declared == 0
        || declared
            > input
                .len()
                .saturating_mul(MAX_INFLATE_RATIO)
                .saturating_add(64)
    {
        return Err(DecodeError::Invalid);
    }
    let mut z = Decompress::new(true);
    let mut out = Vec::with_capacity(declared.min(INFLATE_CHUNK));
    let mut buf = vec![0u8; INFLATE_CHUNK];
    loop {
        let room = (declared - out.len()).min(INFLATE_CHUNK);
        let in_before = usize::try_from(z.total_in()).map_err(|_| DecodeError::Invalid)?;
        let out_before = z.total_out();
        let rest = input.get(in_before..).ok_or(DecodeError::Invalid)?;
        let dst = buf.get_mut(..room).ok_or(DecodeError::Invalid)?;
        let status = z
            .decompress(rest, dst, FlushDecompress::None)
            .map_err(|_| DecodeError::Invalid)?;
        let produced =
            usize::try_from(z.total_out() - out_before).map_err(|_| DecodeError::Invalid)?;
        out.extend_from_slice(buf.get(..produced).ok_or(DecodeError::Invalid)?);
        if status == Status::StreamEnd {
            break;
        }
        let progressed = produced > 0 || z.total_in() as usize > in_before;
        if out.len() >= declared || !progressed {
            return Err(DecodeError::Invalid);
        }
    }
    if out.len() != declared {
        return Err(DecodeError::Invalid);
    }
    let used = usize::try_from(z.total_in()).map_err(|_| DecodeError::Invalid)?;
    Ok((out, used))
}

/// A bounds-checked reader.
struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).ok_or(DecodeError::Invalid)?;
        let s = self.data.get(self.pos..end).ok_or(DecodeError::Invalid)?;
        self.pos = end;
        Ok(s)
    }

    fn skip(&mut self, n: usize) -> Result<()> {
        self.take(n).map(|_| ())
    }

    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        self.take(N)?.try_into().map_err(|_| DecodeError::Invalid)
    }

    fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_be_bytes(self.array()?))
    }

    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_be_bytes(self.array()?))
    }

    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_be_bytes(self.array()?))
    }
}

/// Skips an atom in the check pass (a node name, which must be an atom).
fn skip_atom(c: &mut Cursor<'_>) -> Result<()> {
    match c.u8()? {
        ATOM_EXT => {
            let n = c.u16()? as usize;
            if n > MAX_ATOM_CHARS {
                return Err(DecodeError::Invalid);
            }
            c.skip(n)
        }
        SMALL_ATOM_EXT | SMALL_ATOM_UTF8_EXT => {
            let n = c.u8()? as usize;
            c.skip(n)
        }
        ATOM_UTF8_EXT => {
            let n = c.u16()? as usize;
            if n > MAX_ATOM_BYTES {
                return Err(DecodeError::Invalid);
            }
            c.skip(n)
        }
        ATOM_INTERNAL_REF2 => c.skip(2),
        ATOM_INTERNAL_REF3 => c.skip(3),
        _ => Err(DecodeError::Invalid),
    }
}

/// BEAM's internal atom-index tags, which `binary_to_term` also accepts (an index into the
/// atom table, 2 or 3 bytes).
const ATOM_INTERNAL_REF2: u8 = b'I';
const ATOM_INTERNAL_REF3: u8 = b'K';

/// The check pass: validates tags and lengths of one term without allocating.
fn check(data: &[u8]) -> Result<()> {
    let mut c = Cursor { data, pos: 0 };
    let mut terms: u32 = 1;
    let add = |terms: &mut u32, n: u32| -> Result<()> {
        *terms = terms.checked_add(n).ok_or(DecodeError::Invalid)?;
        Ok(())
    };
    while terms > 0 {
        match c.u8()? {
            INTEGER_EXT => c.skip(4)?,
            SMALL_INTEGER_EXT => c.skip(1)?,
            SMALL_BIG_EXT => {
                let n = c.u8()? as usize;
                c.skip(1 + n)?;
            }
            LARGE_BIG_EXT => {
                let n = c.u32()? as usize;
                if n > MAX_BIG_BYTES {
                    return Err(DecodeError::Invalid);
                }
                c.skip(1 + n)?;
            }
            ATOM_EXT | SMALL_ATOM_EXT | ATOM_UTF8_EXT | SMALL_ATOM_UTF8_EXT
            | ATOM_INTERNAL_REF2 | ATOM_INTERNAL_REF3 => {
                c.pos -= 1;
                skip_atom(&mut c)?;
            }
            NEW_PID_EXT => {
                skip_atom(&mut c)?;
                c.skip(12)?;
            }
            PID_EXT => {
                skip_atom(&mut c)?;
                c.skip(9)?;
            }
            V4_PORT_EXT => {
                skip_atom(&mut c)?;
                c.skip(12)?;
            }
            NEW_PORT_EXT => {
                skip_atom(&mut c)?;
                c.skip(8)?;
            }
            PORT_EXT => {
                skip_atom(&mut c)?;
                c.skip(5)?;
            }
            tag @ (NEWER_REFERENCE_EXT | NEW_REFERENCE_EXT) => {
                let n = c.u16()? as usize;
                if n > MAX_REF_NUMBERS {
                    return Err(DecodeError::Invalid);
                }
                skip_atom(&mut c)?;
                let creation = if tag == NEWER_REFERENCE_EXT { 4 } else { 1 };
                // The first number is always read, even when the count says none.
                c.skip(creation + 4 * n.max(1))?;
            }
            REFERENCE_EXT => {
                skip_atom(&mut c)?;
                c.skip(5)?;
            }
            NIL_EXT => {}
            LIST_EXT => {
                let n = c.u32()?;
                if n as usize > c.remaining() {
                    return Err(DecodeError::Invalid);
                }
                add(&mut terms, n)?;
                add(&mut terms, 1)?;
            }
            SMALL_TUPLE_EXT => {
                let n = c.u8()?;
                add(&mut terms, u32::from(n))?;
            }
            LARGE_TUPLE_EXT => {
                let n = c.u32()?;
                if n as usize > c.remaining() {
                    return Err(DecodeError::Invalid);
                }
                add(&mut terms, n)?;
            }
            MAP_EXT => {
                let n = c.u32()?;
                if n > SMALL_MAP_LIMIT && (n >> 31 != 0 || 2 * n as usize > c.remaining()) {
                    return Err(DecodeError::Invalid);
                }
                add(&mut terms, n)?;
                add(&mut terms, n)?;
            }
            STRING_EXT => {
                let n = c.u16()? as usize;
                c.skip(n)?;
            }
            FLOAT_EXT => c.skip(31)?,
            NEW_FLOAT_EXT => c.skip(8)?,
            BINARY_EXT => {
                let n = c.u32()? as usize;
                c.skip(n)?;
            }
            BIT_BINARY_EXT => {
                let n = c.u32()? as usize;
                c.skip(1)?;
                c.skip(n)?;
            }
            EXPORT_EXT => add(&mut terms, 3)?,
            NEW_FUN_EXT => {
                // Size (ignored, as BEAM does), arity, uniq, index.
                c.skip(4 + 1 + 16 + 4)?;
                let num_free = c.u32()?;
                if num_free > MAX_FUN_FREE {
                    return Err(DecodeError::Invalid);
                }
                add(&mut terms, 4 + num_free)?;
            }
            _ => return Err(DecodeError::Invalid),
        }
        terms -= 1;
    }
    Ok(())
}

/// A container waiting for its parts on the value stack.
struct Frame {
    kind: FrameKind,
    /// Values the container needs.
    need: usize,
    /// Where its values start on the value stack.
    base: usize,
}

enum FrameKind {
    Tuple,
    /// `n` elements, then the tail.
    List,
    /// Keys and values alternating, `need / 2` pairs.
    Map,
    /// The creator, then the free variables.
    Fun(&'static FunEntry),
}

/// The build pass over checked bytes.
struct Builder<'a, 'h, 'o> {
    c: Cursor<'a>,
    heap: &'h mut dyn TermAlloc,
    opts: &'o DecodeOptions<'o>,
}

impl<'a, 'h, 'o> Builder<'a, 'h, 'o> {
    fn new(data: &'a [u8], heap: &'h mut dyn TermAlloc, opts: &'o DecodeOptions<'o>) -> Self {
        Builder {
            c: Cursor { data, pos: 0 },
            heap,
            opts,
        }
    }

    /// Builds the term; returns it and the bytes it took.
    fn run(mut self) -> Result<(Term, usize)> {
        let mut values: Vec<Term> = Vec::new();
        let mut frames: Vec<Frame> = Vec::new();
        loop {
            let tag = self.c.u8()?;
            let opened = match tag {
                SMALL_TUPLE_EXT => Some((FrameKind::Tuple, self.c.u8()? as usize)),
                LARGE_TUPLE_EXT => Some((FrameKind::Tuple, self.c.u32()? as usize)),
                LIST_EXT => Some((FrameKind::List, self.c.u32()? as usize + 1)),
                MAP_EXT => Some((FrameKind::Map, 2 * self.c.u32()? as usize)),
                NEW_FUN_EXT => {
                    let (entry, num_free) = self.fun_head()?;
                    Some((FrameKind::Fun(entry), 1 + num_free))
                }
                _ => None,
            };
            match opened {
                Some((kind, need)) if need > 0 => {
                    frames.push(Frame {
                        kind,
                        need,
                        base: values.len(),
                    });
                    continue;
                }
                Some((kind, _)) => {
                    let t = self.close(&kind, &[])?;
                    values.push(t);
                }
                None => {
                    let t = self.leaf(tag)?;
                    values.push(t);
                }
            }
            while let Some(f) = frames.last() {
                if values.len() - f.base < f.need {
                    break;
                }
                let base = f.base;
                let kind = match frames.pop() {
                    Some(f) => f.kind,
                    None => break,
                };
                let t = self.close(&kind, values.get(base..).unwrap_or(&[]))?;
                values.truncate(base);
                values.push(t);
            }
            if frames.is_empty() {
                let t = values.pop().ok_or(DecodeError::Invalid)?;
                return Ok((t, self.c.pos));
            }
        }
    }

    /// Builds a container from all its parts.
    fn close(&mut self, kind: &FrameKind, parts: &[Term]) -> Result<Term> {
        Ok(match kind {
            FrameKind::Tuple => build::tuple(self.heap, parts),
            FrameKind::List => match parts.split_last() {
                Some((tail, elems)) => build::list_with_tail(self.heap, elems, *tail),
                None => return Err(DecodeError::Invalid),
            },
            FrameKind::Map => {
                let pairs: Vec<(Term, Term)> =
                    parts.chunks_exact(2).map(|kv| (kv[0], kv[1])).collect();
                let n = pairs.len();
                let m = map::from_pairs(self.heap, pairs);
                if map::size(m) != n {
                    // Duplicate keys: BEAM refuses the binary.
                    return Err(DecodeError::Invalid);
                }
                m
            }
            FrameKind::Fun(entry) => match parts.split_first() {
                Some((creator, env)) => build::fun(self.heap, entry, *creator, env),
                None => return Err(DecodeError::Invalid),
            },
        })
    }

    /// Reads a `NEW_FUN_EXT` up to its creator and resolves its code.
    fn fun_head(&mut self) -> Result<(&'static FunEntry, usize)> {
        let _size = self.c.u32()?;
        let arity = self.c.u8()?;
        let uniq: [u8; 16] = self.c.array()?;
        let index = self.c.u32()?;
        let num_free = self.c.u32()?;
        let module = self.atom()?;
        let _old_index = self.small_int()?.ok_or(DecodeError::Invalid)?;
        let _old_uniq = self.small_int()?.ok_or(DecodeError::Invalid)?;
        let resolve = self.opts.fun_resolver.ok_or(DecodeError::UnknownFun)?;
        let entry = resolve(module, index, &uniq).ok_or(DecodeError::UnknownFun)?;
        if entry.num_free != num_free || entry.arity != u32::from(arity) {
            return Err(DecodeError::UnknownFun);
        }
        Ok((entry, num_free as usize))
    }

    /// Decodes a term that has no parts to wait for.
    fn leaf(&mut self, tag: u8) -> Result<Term> {
        Ok(match tag {
            SMALL_INTEGER_EXT => Term::small(i64::from(self.c.u8()?)),
            INTEGER_EXT => Term::small(i64::from(self.c.u32()? as i32)),
            SMALL_BIG_EXT => {
                let n = self.c.u8()? as usize;
                self.big(n)?
            }
            LARGE_BIG_EXT => {
                let n = self.c.u32()? as usize;
                self.big(n)?
            }
            ATOM_EXT | SMALL_ATOM_EXT | ATOM_UTF8_EXT | SMALL_ATOM_UTF8_EXT
            | ATOM_INTERNAL_REF2 | ATOM_INTERNAL_REF3 => {
                self.c.pos -= 1;
                Term::atom(self.atom()?)
            }
            NIL_EXT => Term::NIL,
            STRING_EXT => {
                let n = self.c.u16()? as usize;
                let bytes = self.c.take(n)?;
                build::string_list(self.heap, bytes.iter().map(|&b| u32::from(b)))
            }
            FLOAT_EXT => {
                let text = self.c.take(31)?;
                let end = text.iter().position(|&b| b == 0).unwrap_or(text.len());
                let f =
                    crate::float_fmt::chars_to_double(&text[..end]).ok_or(DecodeError::Invalid)?;
                build::float(self.heap, f)
            }
            NEW_FLOAT_EXT => {
                let f = f64::from_bits(self.c.u64()?);
                if !f.is_finite() {
                    return Err(DecodeError::Invalid);
                }
                build::float(self.heap, f)
            }
            BINARY_EXT => {
                let n = self.c.u32()? as usize;
                let bytes = self.c.take(n)?;
                build::binary(self.heap, bytes)
            }
            BIT_BINARY_EXT => {
                let n = self.c.u32()? as usize;
                let bits = self.c.u8()?;
                if (bits == 0) != (n == 0) || bits > 8 {
                    return Err(DecodeError::Invalid);
                }
                let bytes = self.c.take(n)?;
                let bin = build::binary(self.heap, bytes);
                if bits == 8 || n == 0 {
                    bin
                } else {
                    build::sub_binary(self.heap, bin, 0, (n - 1) * 8 + bits as usize)
                }
            }
            NEW_PID_EXT | PID_EXT => {
                let node = self.atom()?;
                let num = self.c.u32()?;
                let serial = self.c.u32()?;
                let creation = self.creation(tag == PID_EXT)?;
                if node != LOCAL_NODE || creation != LOCAL_CREATION {
                    return Err(DecodeError::Unsupported);
                }
                if num > MAX_PID_NUMBER {
                    return Err(DecodeError::Invalid);
                }
                Term::pid(u64::from(serial) << PID_NUMBER_BITS | u64::from(num))
            }
            PORT_EXT | NEW_PORT_EXT | V4_PORT_EXT => {
                let node = self.atom()?;
                let num = if tag == V4_PORT_EXT {
                    self.c.u64()?
                } else {
                    u64::from(self.c.u32()?)
                };
                let creation = self.creation(tag == PORT_EXT)?;
                if node != LOCAL_NODE || creation != LOCAL_CREATION {
                    return Err(DecodeError::Unsupported);
                }
                if num > MAX_PORT_NUMBER {
                    return Err(DecodeError::Invalid);
                }
                Term::port(num)
            }
            REFERENCE_EXT | NEW_REFERENCE_EXT | NEWER_REFERENCE_EXT => self.reference(tag)?,
            EXPORT_EXT => {
                let module = self.atom()?;
                let function = self.atom()?;
                let arity = self.small_int()?.ok_or(DecodeError::Invalid)?;
                let arity = u32::try_from(arity).map_err(|_| DecodeError::Invalid)?;
                let resolve = self
                    .opts
                    .export_resolver
                    .ok_or(DecodeError::UnknownExport)?;
                let export = resolve(module, function, arity).ok_or(DecodeError::UnknownExport)?;
                build::export_fun(self.heap, export)
            }
            _ => return Err(DecodeError::Invalid),
        })
    }

    /// A creation field: one byte (at most 3) in the old tags, four in the new ones.
    fn creation(&mut self, tiny: bool) -> Result<u32> {
        if tiny {
            let c = u32::from(self.c.u8()?);
            if c > MAX_TINY_CREATION {
                return Err(DecodeError::Invalid);
            }
            Ok(c)
        } else {
            self.c.u32()
        }
    }

    fn reference(&mut self, tag: u8) -> Result<Term> {
        let words = if tag == REFERENCE_EXT {
            1
        } else {
            self.c.u16()? as usize
        };
        let node = self.atom()?;
        let (creation, first) = match tag {
            REFERENCE_EXT => {
                let first = self.c.u32()?;
                (self.creation(true)?, first)
            }
            NEW_REFERENCE_EXT => (self.creation(true)?, self.c.u32()?),
            _ => (self.c.u32()?, self.c.u32()?),
        };
        if tag != NEWER_REFERENCE_EXT && first >= MAX_REF_FIRST {
            return Err(DecodeError::Invalid);
        }
        if words > MAX_REF_NUMBERS {
            return Err(DecodeError::Invalid);
        }
        if node != LOCAL_NODE || creation != LOCAL_CREATION {
            return Err(DecodeError::Unsupported);
        }
        if first >= MAX_REF_FIRST || words > LOCAL_REF_NUMBERS {
            return Err(DecodeError::Invalid);
        }
        let mut n = [0u32; LOCAL_REF_NUMBERS];
        if words > 0 {
            n[0] = first;
        }
        for slot in n.iter_mut().take(words).skip(1) {
            *slot = self.c.u32()?;
        }
        Ok(build::reference(self.heap, n))
    }

    /// A bignum of `n` little-endian magnitude bytes after its sign byte, normalised (a
    /// small integer when it fits, 0 when all bytes are zero).
    fn big(&mut self, n: usize) -> Result<Term> {
        let negative = self.c.u8()? != 0;
        let mag = self.c.take(n)?;
        let v = BigInt::from_biguint(
            if negative { Sign::Minus } else { Sign::Plus },
            BigUint::from_bytes_le(mag),
        );
        Ok(integer::from_bigint(self.heap, &v))
    }

    /// An integer term read where BEAM requires a small (fun indices, export arities):
    /// `Some` with its value if it is one, `None` for a larger integer.
    fn small_int(&mut self) -> Result<Option<i64>> {
        let v = match self.c.u8()? {
            SMALL_INTEGER_EXT => i64::from(self.c.u8()?),
            INTEGER_EXT => i64::from(self.c.u32()? as i32),
            tag @ (SMALL_BIG_EXT | LARGE_BIG_EXT) => {
                let n = if tag == SMALL_BIG_EXT {
                    self.c.u8()? as usize
                } else {
                    self.c.u32()? as usize
                };
                if n > MAX_BIG_BYTES {
                    return Err(DecodeError::Invalid);
                }
                let negative = self.c.u8()? != 0;
                let mag = self.c.take(n)?;
                let v = BigInt::from_biguint(
                    if negative { Sign::Minus } else { Sign::Plus },
                    BigUint::from_bytes_le(mag),
                );
                match i64::try_from(&v).ok().and_then(Term::try_small) {
                    Some(t) => t.small_value(),
                    None => return Ok(None),
                }
            }
            _ => return Err(DecodeError::Invalid),
        };
        Ok(Term::try_small(v).map(|t| t.small_value()))
    }

    /// An atom in any of the atom encodings.
    fn atom(&mut self) -> Result<Atom> {
        let tag = self.c.u8()?;
        let (n, utf8) = match tag {
            ATOM_EXT => (self.c.u16()? as usize, false),
            SMALL_ATOM_EXT => (self.c.u8()? as usize, false),
            ATOM_UTF8_EXT => (self.c.u16()? as usize, true),
            SMALL_ATOM_UTF8_EXT => (self.c.u8()? as usize, true),
            ATOM_INTERNAL_REF2 | ATOM_INTERNAL_REF3 => {
                let index = if tag == ATOM_INTERNAL_REF2 {
                    u32::from(self.c.u16()?)
                } else {
                    let b: [u8; 3] = self.c.array()?;
                    u32::from_be_bytes([0, b[0], b[1], b[2]])
                };
                if index as usize >= Atom::count() {
                    return Err(DecodeError::Invalid);
                }
                return Ok(Atom(index));
            }
            _ => return Err(DecodeError::Invalid),
        };
        let bytes = self.c.take(n)?;
        let name: std::borrow::Cow<'_, str> = if utf8 {
            if n > MAX_ATOM_BYTES {
                return Err(DecodeError::Invalid);
            }
            let s = core::str::from_utf8(bytes).map_err(|_| DecodeError::Invalid)?;
            if s.chars().count() > MAX_ATOM_CHARS {
                return Err(DecodeError::Invalid);
            }
            std::borrow::Cow::Borrowed(s)
        } else {
            if n > MAX_ATOM_CHARS {
                return Err(DecodeError::Invalid);
            }
            match core::str::from_utf8(bytes) {
                Ok(s) if bytes.is_ascii() => std::borrow::Cow::Borrowed(s),
                _ => std::borrow::Cow::Owned(bytes.iter().map(|&b| b as char).collect()),
            }
        };
        if self.opts.safe {
            return Atom::existing(&name).ok_or(DecodeError::UnsafeAtom);
        }
        Atom::intern(&name).map_err(|_| DecodeError::AtomLimit)
    }
}
