//! The `Code` chunk: its header and the instruction stream.
//!
//! The chunk starts with a 32-bit header size (16 for every OTP release; a
//! larger header is allowed and its extra bytes skipped), then, inside the
//! header, four 32-bit words: the instruction-set number (0), the highest
//! opcode used, the label count (labels are numbered `1..label_count`) and
//! the function count. Instructions follow: an opcode byte, then exactly
//! `arity` operands in compact encoding (`compact.rs`). Decoding stops at
//! `int_code_end`; bytes after it are ignored, as BEAM does.
//!
//! This file checks what one instruction shows by itself: a known, current
//! opcode and well-formed operands within the atom, literal and type tables.
//! Checks that span instructions (labels, functions, imports) are in
//! `validate.rs`.

use crate::compact::{read_operand, Limits};
use crate::error::LoadError;
use crate::instr::Instr;
use crate::opcodes::{Opcode, MAX_OPCODE};
use crate::reader::Reader;

/// Size of the header fields this loader reads, in bytes.
const HEADER_BYTES: u32 = 16;

/// The `Code` chunk header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CodeHeader {
    /// Highest opcode the module uses.
    pub max_opcode: u32,
    /// Labels are numbered `1..label_count`.
    pub label_count: u32,
    /// Number of functions (`func_info` instructions).
    pub function_count: u32,
}

/// Reads the header; returns it and the instruction bytes after it.
pub(crate) fn parse_header(data: &[u8]) -> Result<(CodeHeader, &[u8]), LoadError> {
    let mut r = Reader::new(data);
    let header_size = r.u32("code header")?;
    if header_size < HEADER_BYTES {
        return Err(LoadError::BadChunk {
            id: "Code",
            reason: "header shorter than 16 bytes",
        });
    }
    let header = r.bytes(header_size as usize, "code header")?;
    let code = r.rest();
    let mut h = Reader::new(header);
    let version = h.u32("code header")?;
    if version != 0 {
        return Err(LoadError::UnsupportedFormat { version });
    }
    let max_opcode = h.u32("code header")?;
    if max_opcode > u32::from(MAX_OPCODE) {
        return Err(LoadError::OpcodeMaxTooHigh { max: max_opcode });
    }
    let label_count = h.u32("code header")?;
    let function_count = h.u32("code header")?;
    // Compilers emit about one label per 7 bytes of code at most; a label
    // count beyond the code size is a corrupt header and would make anything
    // indexed by label allocate far more than the file holds.
    let label_limit = code.len().saturating_add(1);
    if label_count as usize > label_limit {
        return Err(LoadError::TooLarge {
            what: "label count",
            value: u64::from(label_count),
            limit: label_limit as u64,
        });
    }
    Ok((
        CodeHeader {
            max_opcode,
            label_count,
            function_count,
        },
        code,
    ))
}

/// Decodes instructions up to and including `int_code_end`.
pub(crate) fn decode(code: &[u8], lim: &Limits) -> Result<Vec<Instr>, LoadError> {
    let mut r = Reader::new(code);
    let mut instrs = Vec::new();
    loop {
        let offset = r.pos();
        let byte = r.u8("code").map_err(|_| LoadError::MissingCodeEnd)?;
        let op = Opcode::from_u8(byte).ok_or(LoadError::UnknownOpcode {
            opcode: byte,
            offset,
        })?;
        if op.is_obsolete() {
            return Err(LoadError::ObsoleteOpcode {
                name: op.name(),
                offset,
            });
        }
        let arity = op.arity();
        let mut args = Vec::with_capacity(arity);
        for i in 0..arity {
            args.push(read_operand(&mut r, lim, i + 1 == arity)?);
        }
        instrs.push(Instr { op, args });
        if op == Opcode::IntCodeEnd {
            return Ok(instrs);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instr::Operand;
    use crate::test_util::{code_chunk, encode, minimal_code, words};

    const LIM: Limits = Limits {
        atoms: 3,
        literals: 0,
        types: None,
    };

    #[test]
    fn decodes_the_minimal_module() {
        let chunk = code_chunk(3, 1, &minimal_code());
        let (h, code) = parse_header(&chunk).unwrap();
        assert_eq!(
            h,
            CodeHeader {
                max_opcode: 180,
                label_count: 3,
                function_count: 1
            }
        );
        let is = decode(code, &LIM).unwrap();
        let ops: Vec<_> = is.iter().map(|i| i.op.name()).collect();
        assert_eq!(
            ops,
            [
                "label",
                "func_info",
                "label",
                "move",
                "return",
                "int_code_end"
            ]
        );
        assert_eq!(is[3].args, [Operand::Atom(3), Operand::X(0)]);
    }

    #[test]
    fn header_errors() {
        assert!(matches!(
            parse_header(&words(&[16, 0, 1])),
            Err(LoadError::Truncated { .. })
        ));
        assert!(matches!(
            parse_header(&words(&[12, 0, 1, 1])),
            Err(LoadError::BadChunk { .. })
        ));
        assert!(matches!(
            parse_header(&words(&[16, 1, 1, 1, 1])),
            Err(LoadError::UnsupportedFormat { version: 1 })
        ));
        assert!(matches!(
            parse_header(&words(&[16, 0, 181, 1, 1])),
            Err(LoadError::OpcodeMaxTooHigh { max: 181 })
        ));
        assert!(matches!(
            parse_header(&words(&[16, 0, 1, 100, 1, 0])),
            Err(LoadError::TooLarge { .. })
        ));
        // A longer header is skipped.
        let mut long = words(&[20, 0, 1, 2, 1, 99]);
        long.push(3);
        let (_, code) = parse_header(&long).unwrap();
        assert_eq!(code, [3]);
    }

    #[test]
    fn instruction_errors() {
        assert_eq!(decode(&[19], &LIM), Err(LoadError::MissingCodeEnd));
        assert_eq!(decode(&[], &LIM), Err(LoadError::MissingCodeEnd));
        assert_eq!(
            decode(&[19, 0], &LIM),
            Err(LoadError::UnknownOpcode {
                opcode: 0,
                offset: 1
            })
        );
        assert_eq!(
            decode(&[181], &LIM),
            Err(LoadError::UnknownOpcode {
                opcode: 181,
                offset: 0
            })
        );
        assert!(matches!(
            decode(&[68, 3, 3, 3], &LIM),
            Err(LoadError::ObsoleteOpcode {
                name: "put_string",
                ..
            })
        ));
        // move with one operand missing.
        assert!(matches!(
            decode(&[64, 3], &LIM),
            Err(LoadError::Truncated { .. })
        ));
        // A list in the first operand of a two-operand instruction.
        let mut bad = vec![64];
        bad.extend(encode(7, 1));
        bad.extend(encode(0, 0));
        bad.extend(encode(3, 0));
        bad.push(3);
        assert!(matches!(
            decode(&bad, &LIM),
            Err(LoadError::BadOperand { .. })
        ));
        // Trailing bytes after int_code_end are ignored.
        assert_eq!(decode(&[3, 0xff, 0xff], &LIM).unwrap().len(), 1);
    }
}
