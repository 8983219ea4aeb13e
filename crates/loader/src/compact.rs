//! The compact term encoding of instruction operands (and of Line items).
//!
//! The low three bits of the first byte are the tag (`u i a x y f h z`). The
//! value is then encoded in one of three ways, chosen by bits 3 and 4:
//!
//! * `vvvv0ttt`: a value below 16 in the top four bits;
//! * `vvv01ttt nnnnnnnn`: an 11-bit value, the top three bits first;
//! * `lll11ttt` then `lll + 2` bytes (2 to 8), big-endian; when `lll` is 7,
//!   a nested `u`-tagged number `n` follows and the value has `n + 9` bytes.
//!
//! Multi-byte values of tag `i` are two's complement (so negative numbers and
//! bignums are possible); for every other tag they are unsigned. The extended
//! tag `z` takes its value as a sub-kind and reads further operands after it.
//! This module decodes one [`Tagged`] number or one [`Operand`]; which
//! operands an instruction has is the opcode table's business, and
//! cross-table checks that need labels or imports are in `validate.rs`.

use num_bigint::BigInt;

use crate::error::LoadError;
use crate::instr::{AllocKind, Operand};
use crate::reader::Reader;

/// Highest x, y or float register number plus one (BEAM's `MAX_REG`).
pub const MAX_REG: u32 = 1024;

/// Most entries an allocation list may have (words, floats, funs).
const MAX_ALLOC_ENTRIES: u64 = 3;

/// The eight tags of the compact encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// Untagged unsigned number.
    U,
    /// Integer.
    I,
    /// Atom index (0 is nil).
    A,
    /// X register.
    X,
    /// Y register.
    Y,
    /// Label.
    F,
    /// Character.
    H,
    /// Extended.
    Z,
}

impl Tag {
    fn from_bits(b: u8) -> Tag {
        match b & 7 {
            0 => Tag::U,
            1 => Tag::I,
            2 => Tag::A,
            3 => Tag::X,
            4 => Tag::Y,
            5 => Tag::F,
            6 => Tag::H,
            _ => Tag::Z,
        }
    }
}

/// The number part of a tagged value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Number<'a> {
    /// A value from the one- or two-byte forms (always below 2048).
    Small(u64),
    /// The big-endian bytes of the multi-byte form (at least 2).
    Bytes(&'a [u8]),
}

/// A tag and its number, before the tag's meaning is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tagged<'a> {
    pub tag: Tag,
    pub num: Number<'a>,
}

impl Tagged<'_> {
    /// The number read as unsigned, or `None` if it needs more than 64 bits.
    pub(crate) fn unsigned(&self) -> Option<u64> {
        match self.num {
            Number::Small(v) => Some(v),
            Number::Bytes(b) => {
                let start = b.iter().position(|&x| x != 0).unwrap_or(b.len());
                let significant = b.get(start..).unwrap_or(&[]);
                if significant.len() > 8 {
                    return None;
                }
                Some(
                    significant
                        .iter()
                        .fold(0u64, |acc, &x| (acc << 8) | u64::from(x)),
                )
            }
        }
    }

    /// The number read as a signed integer (the meaning of tag `i`):
    /// [`Operand::Integer`] when it fits in `i64`, else [`Operand::BigInt`].
    pub(crate) fn integer(&self) -> Operand {
        match self.num {
            Number::Small(v) => Operand::Integer(v as i64),
            Number::Bytes(b) if b.len() <= 8 => {
                let negative = b.first().is_some_and(|&x| x & 0x80 != 0);
                let init: i64 = if negative { -1 } else { 0 };
                Operand::Integer(b.iter().fold(init, |acc, &x| (acc << 8) | i64::from(x)))
            }
            Number::Bytes(b) => {
                let big = BigInt::from_signed_bytes_be(b);
                match i64::try_from(&big) {
                    Ok(v) => Operand::Integer(v),
                    Err(_) => Operand::BigInt(big),
                }
            }
        }
    }

    /// The number as a `u32`, or a [`LoadError::BadOperand`] at `offset`.
    fn u32_at(&self, offset: usize) -> Result<u32, LoadError> {
        self.unsigned()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or(LoadError::BadOperand {
                offset,
                reason: "value does not fit in 32 bits",
            })
    }
}

/// Reads one tagged number.
pub(crate) fn read_tagged<'a>(r: &mut Reader<'a>) -> Result<Tagged<'a>, LoadError> {
    read_tagged_inner(r, true)
}

fn read_tagged_inner<'a>(r: &mut Reader<'a>, allow_long: bool) -> Result<Tagged<'a>, LoadError> {
    let offset = r.pos();
    let first = r.u8("operand")?;
    let tag = Tag::from_bits(first);
    let num = if first & 0x08 == 0 {
        Number::Small(u64::from(first >> 4))
    } else if first & 0x10 == 0 {
        let low = r.u8("operand")?;
        Number::Small((u64::from(first >> 5) << 8) | u64::from(low))
    } else {
        let code = first >> 5;
        let len = if code < 7 {
            usize::from(code) + 2
        } else {
            if !allow_long {
                return Err(LoadError::BadOperand {
                    offset,
                    reason: "nested length prefix",
                });
            }
            // The length of a long number is itself a short `u` number.
            let prefix = read_tagged_inner(r, false)?;
            if prefix.tag != Tag::U {
                return Err(LoadError::BadOperand {
                    offset,
                    reason: "length prefix is not tagged u",
                });
            }
            prefix
                .unsigned()
                .and_then(|n| usize::try_from(n).ok())
                .and_then(|n| n.checked_add(9))
                .ok_or(LoadError::BadOperand {
                    offset,
                    reason: "length prefix too large",
                })?
        };
        Number::Bytes(r.bytes(len, "operand")?)
    };
    Ok(Tagged { tag, num })
}

/// Sizes of the tables that operands index, for range checks while decoding.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Number of atoms (valid atom operands are `0..=atoms`).
    pub atoms: u32,
    /// Number of literals.
    pub literals: u32,
    /// Number of type entries, or `None` when typed registers decay to plain ones.
    pub types: Option<u32>,
}

/// Reads one operand. `list_allowed` is true only for an instruction's last
/// operand: an extended list may stand nowhere else, and never inside a list.
pub(crate) fn read_operand(
    r: &mut Reader<'_>,
    lim: &Limits,
    list_allowed: bool,
) -> Result<Operand, LoadError> {
    let offset = r.pos();
    let t = read_tagged(r)?;
    match t.tag {
        Tag::U => Ok(match t.unsigned().map(u32::try_from) {
            Some(Ok(v)) => Operand::Literal(v),
            Some(Err(_)) => Operand::WideLiteral(t.unsigned().unwrap_or(u64::MAX)),
            None => Operand::WideLiteral(u64::MAX),
        }),
        Tag::I => Ok(t.integer()),
        Tag::A => {
            let index = t.u32_at(offset)?;
            if index > lim.atoms {
                return Err(LoadError::IndexOutOfRange {
                    table: "atom",
                    index: u64::from(index),
                    count: u64::from(lim.atoms),
                });
            }
            Ok(Operand::Atom(index))
        }
        Tag::X => Ok(Operand::X(register(&t, 'x')?)),
        Tag::Y => Ok(Operand::Y(register(&t, 'y')?)),
        Tag::F => Ok(Operand::Label(t.u32_at(offset)?)),
        Tag::H => Ok(Operand::Char(t.u32_at(offset)?)),
        Tag::Z => read_extended(r, lim, list_allowed, offset, &t),
    }
}

/// Checks a register number against [`MAX_REG`].
fn register(t: &Tagged<'_>, kind: char) -> Result<u32, LoadError> {
    match t.unsigned() {
        Some(v) if v < u64::from(MAX_REG) => Ok(v as u32),
        v => Err(LoadError::RegisterOutOfRange {
            kind,
            reg: v.unwrap_or(u64::MAX),
        }),
    }
}

/// Reads a `u`-tagged number that follows an extended tag.
fn read_u(r: &mut Reader<'_>, reason: &'static str) -> Result<u64, LoadError> {
    let offset = r.pos();
    let t = read_tagged(r)?;
    match (t.tag, t.unsigned()) {
        (Tag::U, Some(v)) => Ok(v),
        (Tag::U, None) => Err(LoadError::BadOperand {
            offset,
            reason: "value does not fit in 64 bits",
        }),
        _ => Err(LoadError::BadOperand { offset, reason }),
    }
}

fn read_u32(r: &mut Reader<'_>, reason: &'static str) -> Result<u32, LoadError> {
    let offset = r.pos();
    let v = read_u(r, reason)?;
    u32::try_from(v).map_err(|_| LoadError::BadOperand {
        offset,
        reason: "value does not fit in 32 bits",
    })
}

fn read_extended(
    r: &mut Reader<'_>,
    lim: &Limits,
    list_allowed: bool,
    offset: usize,
    t: &Tagged<'_>,
) -> Result<Operand, LoadError> {
    let bad = |reason| LoadError::BadOperand { offset, reason };
    match t.unsigned() {
        Some(0) => Err(bad("inline float operand (superseded in OTP R16B)")),
        Some(1) => {
            if !list_allowed {
                return Err(bad("list operand not in last position"));
            }
            let n = read_u(r, "list length is not tagged u")?;
            let n = u32::try_from(n).map_err(|_| bad("list too long"))?;
            // Every element takes at least one byte.
            let n = r.check_count(n, 1, "operand list length")?;
            let mut items = Vec::with_capacity(n);
            for _ in 0..n {
                items.push(read_operand(r, lim, false)?);
            }
            Ok(Operand::List(items))
        }
        Some(2) => {
            let fr = read_u(r, "float register is not tagged u")?;
            if fr >= u64::from(MAX_REG) {
                return Err(LoadError::RegisterOutOfRange { kind: 'f', reg: fr });
            }
            Ok(Operand::FloatReg(fr as u32))
        }
        Some(3) => {
            let n = read_u(r, "allocation list length is not tagged u")?;
            if n > MAX_ALLOC_ENTRIES {
                return Err(bad("allocation list too long"));
            }
            let mut items = Vec::with_capacity(n as usize);
            for _ in 0..n {
                let kind = match read_u(r, "allocation kind is not tagged u")? {
                    0 => AllocKind::Words,
                    1 => AllocKind::Floats,
                    2 => AllocKind::Funs,
                    _ => return Err(bad("unknown allocation kind")),
                };
                items.push((kind, read_u32(r, "allocation size is not tagged u")?));
            }
            Ok(Operand::AllocList(items))
        }
        Some(4) => {
            let index = read_u(r, "literal index is not tagged u")?;
            if index >= u64::from(lim.literals) {
                return Err(LoadError::IndexOutOfRange {
                    table: "literal",
                    index,
                    count: u64::from(lim.literals),
                });
            }
            Ok(Operand::LiteralIndex(index as u32))
        }
        Some(5) => {
            let rt = read_tagged(r)?;
            let reg = match rt.tag {
                Tag::X => Operand::X(register(&rt, 'x')?),
                Tag::Y => Operand::Y(register(&rt, 'y')?),
                _ => return Err(bad("typed register is not an x or y register")),
            };
            let type_index = read_u(r, "type index is not tagged u")?;
            match lim.types {
                None => Ok(reg),
                Some(count) if type_index < u64::from(count) => Ok(Operand::TypedReg {
                    reg: Box::new(reg),
                    type_index: type_index as u32,
                }),
                Some(count) => Err(LoadError::IndexOutOfRange {
                    table: "type",
                    index: type_index,
                    count: u64::from(count),
                }),
            }
        }
        _ => Err(bad("unknown extended tag")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::{encode, encode_big};

    const LIM: Limits = Limits {
        atoms: 3,
        literals: 2,
        types: Some(4),
    };

    fn decode(bytes: &[u8]) -> Result<Operand, LoadError> {
        let mut r = Reader::new(bytes);
        let op = read_operand(&mut r, &LIM, true)?;
        assert!(
            r.is_empty(),
            "operand {bytes:?} left {} bytes",
            r.remaining()
        );
        Ok(op)
    }

    #[test]
    fn small_forms() {
        assert_eq!(decode(&[0x51]), Ok(Operand::Integer(5)));
        assert_eq!(decode(&[105, 232]), Ok(Operand::Integer(1000)));
        assert_eq!(decode(&[233, 255]), Ok(Operand::Integer(2047)));
        assert_eq!(decode(&[25, 8, 0]), Ok(Operand::Integer(2048)));
        assert_eq!(decode(&[0x03]), Ok(Operand::X(0)));
        assert_eq!(decode(&[0x02]), Ok(Operand::Atom(0)));
        assert_eq!(decode(&[0x35]), Ok(Operand::Label(3)));
    }

    #[test]
    fn negative_and_wide_integers() {
        // The examples in beam_disasm.erl's decode_int comment.
        assert_eq!(decode(&[25, 255, 255]), Ok(Operand::Integer(-1)));
        assert_eq!(
            decode(&[121, 255, 0, 0, 0, 1]),
            Ok(Operand::Integer(-4294967295))
        );
        assert_eq!(
            decode(&[121, 0, 255, 255, 255, 255]),
            Ok(Operand::Integer(4294967295))
        );
        assert_eq!(
            decode(&[121, 99, 255, 255, 255, 157]),
            Ok(Operand::Integer(429496729501))
        );
        for v in [
            -1i64,
            -16,
            -2048,
            -32768,
            -32769,
            i64::MIN,
            i64::MAX,
            1 << 40,
            -(1 << 40),
            65535,
        ] {
            assert_eq!(decode(&encode(1, v)), Ok(Operand::Integer(v)), "value {v}");
        }
    }

    #[test]
    fn bignums() {
        let cases = [
            "9223372036854775808",  // i64::MAX + 1: 9 bytes with a leading 0
            "-9223372036854775809", // i64::MIN - 1
            "340282366920938463463374607431768211455", // 2^128 - 1
            "-340282366920938463463374607431768211456",
            "123456789012345678901234567890123456789012345678901234567890",
        ];
        for s in cases {
            let big: BigInt = s.parse().unwrap_or_default();
            assert_eq!(
                decode(&encode_big(1, &big)),
                Ok(Operand::BigInt(big.clone())),
                "value {s}"
            );
        }
        // A 9-byte encoding of a value that fits i64 still gives Integer.
        assert_eq!(
            decode(&[0xf9, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 5]),
            Ok(Operand::Integer(5))
        );
    }

    #[test]
    fn unsigned_tags_beyond_u32_are_wide() {
        // A u value of 2^32 is a wide literal (only bs_test_tail2 accepts one).
        assert_eq!(
            decode(&[0x78, 1, 0, 0, 0, 0]),
            Ok(Operand::WideLiteral(1 << 32))
        );
        assert_eq!(
            decode(&[0x58, 0xff, 0xff, 0xff, 0xff]),
            Ok(Operand::Literal(u32::MAX))
        );
        assert!(matches!(
            decode(&encode(3, 1024)),
            Err(LoadError::RegisterOutOfRange {
                kind: 'x',
                reg: 1024
            })
        ));
        assert_eq!(decode(&encode(4, 1023)), Ok(Operand::Y(1023)));
        assert!(matches!(
            decode(&encode(2, 4)),
            Err(LoadError::IndexOutOfRange { table: "atom", .. })
        ));
    }

    #[test]
    fn extended_operands() {
        let mut list = encode(7, 1);
        list.extend(encode(0, 2));
        list.extend(encode(2, 1));
        list.extend(encode(5, 7));
        assert_eq!(
            decode(&list),
            Ok(Operand::List(vec![Operand::Atom(1), Operand::Label(7)]))
        );
        // A list whose count exceeds the remaining bytes is rejected before allocating.
        let mut long = encode(7, 1);
        long.extend(encode(0, 0x7fff_ffff));
        assert!(matches!(decode(&long), Err(LoadError::TooLarge { .. })));
        // Nested lists are refused.
        let mut nested = encode(7, 1);
        nested.extend(encode(0, 1));
        nested.extend(encode(7, 1));
        nested.extend(encode(0, 0));
        assert!(matches!(decode(&nested), Err(LoadError::BadOperand { .. })));

        let mut fr = encode(7, 2);
        fr.extend(encode(0, 3));
        assert_eq!(decode(&fr), Ok(Operand::FloatReg(3)));

        let mut alloc = encode(7, 3);
        for v in [2, 0, 10, 1, 2] {
            alloc.extend(encode(0, v));
        }
        assert_eq!(
            decode(&alloc),
            Ok(Operand::AllocList(vec![
                (AllocKind::Words, 10),
                (AllocKind::Floats, 2)
            ]))
        );

        let mut lit = encode(7, 4);
        lit.extend(encode(0, 1));
        assert_eq!(decode(&lit), Ok(Operand::LiteralIndex(1)));
        let mut lit = encode(7, 4);
        lit.extend(encode(0, 2));
        assert!(matches!(
            decode(&lit),
            Err(LoadError::IndexOutOfRange {
                table: "literal",
                ..
            })
        ));

        let mut tr = encode(7, 5);
        tr.extend(encode(4, 2));
        tr.extend(encode(0, 3));
        assert_eq!(
            decode(&tr),
            Ok(Operand::TypedReg {
                reg: Box::new(Operand::Y(2)),
                type_index: 3
            })
        );
        let mut r = Reader::new(&tr);
        let untyped = Limits { types: None, ..LIM };
        assert_eq!(read_operand(&mut r, &untyped, false), Ok(Operand::Y(2)));

        assert!(matches!(
            decode(&encode(7, 0)),
            Err(LoadError::BadOperand { .. })
        ));
        assert!(matches!(
            decode(&encode(7, 6)),
            Err(LoadError::BadOperand { .. })
        ));
    }

    #[test]
    fn truncated_operands() {
        for bytes in [&[][..], &[0x08], &[0x18, 1], &[0xf8], &[0xf8, 0x00, 1, 2]] {
            let mut r = Reader::new(bytes);
            assert!(read_operand(&mut r, &LIM, true).is_err(), "{bytes:?}");
        }
        // A length prefix that itself uses the long form is refused (it would
        // describe a number of more than 2^64 bytes).
        let mut r = Reader::new(&[0xf9, 0xf8, 0x00]);
        assert!(matches!(
            read_operand(&mut r, &LIM, true),
            Err(LoadError::BadOperand { .. })
        ));
    }
}
