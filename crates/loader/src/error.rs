//! [`LoadError`]: every way a `.beam` file can be rejected.
//!
//! Each variant says what was wrong in a few words; `Display` gives the short
//! human reason that follows `enigma: cannot load PATH: `. Offsets in code
//! errors count bytes from the first instruction of the `Code` chunk (just
//! after its header), so they can be compared with a hex dump of that chunk.

use std::fmt;

/// Why a `.beam` file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The input does not start with an IFF `FOR1` header and form size.
    NotIff,
    /// The IFF form type is not `BEAM`.
    NotBeam,
    /// The data ended before a complete item (named by `what`) could be read.
    Truncated {
        /// The item being read.
        what: &'static str,
    },
    /// A chunk that every module needs (`Code`, `AtU8`, `ImpT`, `ExpT`) is absent.
    MissingChunk {
        /// Id of the missing chunk.
        id: &'static str,
    },
    /// A chunk id occurs more than once in the file.
    DuplicateChunk {
        /// Id of the repeated chunk, with non-printable bytes escaped.
        id: String,
    },
    /// A chunk's contents break that chunk's format.
    BadChunk {
        /// Id of the chunk.
        id: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A count or size field exceeds what the remaining data could hold, or a fixed limit.
    TooLarge {
        /// The field.
        what: &'static str,
        /// The value found.
        value: u64,
        /// The largest value that would have been accepted.
        limit: u64,
    },
    /// An atom's text is not valid UTF-8, or it is longer than 255 characters.
    BadAtomText {
        /// 1-based atom index, as code refers to it.
        index: u32,
    },
    /// The `Code` chunk's instruction-set number is not 0, the only one defined.
    UnsupportedFormat {
        /// The instruction-set number found.
        version: u32,
    },
    /// The `Code` chunk says it uses opcodes beyond the newest one this loader knows (OTP 25).
    OpcodeMaxTooHigh {
        /// Highest opcode number according to the header.
        max: u32,
    },
    /// An instruction has an opcode number that no OTP release has defined.
    UnknownOpcode {
        /// The opcode byte.
        opcode: u8,
        /// Code offset of the instruction.
        offset: usize,
    },
    /// An instruction uses an opcode that OTP retired long before OTP 25.
    ObsoleteOpcode {
        /// Name of the opcode.
        name: &'static str,
        /// Code offset of the instruction.
        offset: usize,
    },
    /// An operand's encoding is malformed or of a kind not allowed where it stands.
    BadOperand {
        /// Code offset where the operand starts.
        offset: usize,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// An index (atom, literal, type, import, lambda, line item, string) is past the end of its table.
    IndexOutOfRange {
        /// The table indexed.
        table: &'static str,
        /// The index found.
        index: u64,
        /// Number of entries the table has.
        count: u64,
    },
    /// An x, y or float register number is 1024 or above.
    RegisterOutOfRange {
        /// `'x'`, `'y'` or `'f'` (float register).
        kind: char,
        /// The register number.
        reg: u64,
    },
    /// A label number is 0 or not below the label count in a `label` instruction.
    LabelOutOfRange {
        /// The label number.
        label: u32,
        /// Label count from the `Code` header (labels are `1..count`).
        count: u32,
    },
    /// A label is referred to but no `label` instruction defines it.
    UndefinedLabel {
        /// The label number.
        label: u32,
    },
    /// Two `label` instructions define the same label.
    DuplicateLabel {
        /// The label number.
        label: u32,
    },
    /// The code does not end with `int_code_end`.
    MissingCodeEnd,
    /// The `label`/`func_info`/entry-`label` structure of a function is broken.
    BadFunction {
        /// Index of the offending instruction in [`crate::BeamModule::code`].
        instr: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// The number of `func_info` instructions differs from the `Code` header's count.
    FunctionCount {
        /// Count from the header.
        declared: u32,
        /// Number of `func_info` instructions found.
        found: u32,
    },
    /// An instruction's operands disagree with a table (import arity, string bounds).
    BadInstruction {
        /// Index of the instruction in [`crate::BeamModule::code`].
        instr: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// An entry of ExpT, LocT or FunT is invalid.
    BadEntry {
        /// `"export"`, `"local"` or `"lambda"`.
        table: &'static str,
        /// 0-based index of the entry.
        index: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// The compressed literal table could not be inflated to its stated size.
    Inflate {
        /// What went wrong.
        reason: &'static str,
    },
    /// A gzip-compressed module could not be inflated (corrupt, truncated, bad checksum).
    Gzip {
        /// What the inflater reported.
        reason: String,
    },
    /// A literal is not in the external term format (does not start with 131).
    BadLiteral {
        /// 0-based literal index.
        index: u32,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use LoadError::*;
        match self {
            NotIff => write!(f, "not a BEAM file: no IFF header"),
            NotBeam => write!(f, "not a BEAM file: IFF form type is not 'BEAM'"),
            Truncated { what } => write!(f, "truncated {what}"),
            MissingChunk { id } => write!(f, "missing {id} chunk"),
            DuplicateChunk { id } => write!(f, "chunk {id} occurs twice"),
            BadChunk { id, reason } => write!(f, "corrupt {id} chunk: {reason}"),
            TooLarge { what, value, limit } => {
                write!(f, "{what} too large ({value}, at most {limit})")
            }
            BadAtomText { index } => write!(f, "atom {index} is not valid UTF-8 of at most 255 characters"),
            UnsupportedFormat { version } => write!(f, "unsupported code format {version}"),
            OpcodeMaxTooHigh { max } => write!(
                f,
                "uses opcode {max} but this loader supports only up to {}; compiled by a newer OTP?",
                crate::opcodes::MAX_OPCODE
            ),
            UnknownOpcode { opcode, offset } => {
                write!(f, "unknown opcode {opcode} at code offset {offset}")
            }
            ObsoleteOpcode { name, offset } => write!(
                f,
                "obsolete instruction {name} at code offset {offset}; please recompile"
            ),
            BadOperand { offset, reason } => write!(f, "bad operand at code offset {offset}: {reason}"),
            IndexOutOfRange { table, index, count } => {
                write!(f, "{table} index {index} out of range (table has {count})")
            }
            RegisterOutOfRange { kind, reg } => write!(f, "register {{{kind},{reg}}} out of range"),
            LabelOutOfRange { label, count } => {
                write!(f, "label {label} out of range (0 < label < {count})")
            }
            UndefinedLabel { label } => write!(f, "label {label} is used but not defined"),
            DuplicateLabel { label } => write!(f, "label {label} defined more than once"),
            MissingCodeEnd => write!(f, "code does not end with int_code_end"),
            BadFunction { instr, reason } => write!(f, "bad function at instruction {instr}: {reason}"),
            FunctionCount { declared, found } => {
                write!(f, "header declares {declared} functions but code has {found}")
            }
            BadInstruction { instr, reason } => write!(f, "bad instruction {instr}: {reason}"),
            BadEntry { table, index, reason } => write!(f, "bad {table} entry {index}: {reason}"),
            Inflate { reason } => write!(f, "corrupt LitT chunk: {reason}"),
            Gzip { reason } => write!(f, "corrupt gzip-compressed module: {reason}"),
            BadLiteral { index } => write!(f, "literal {index} is not in external term format"),
        }
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_short_and_specific() {
        let e = LoadError::UnknownOpcode {
            opcode: 250,
            offset: 12,
        };
        assert_eq!(e.to_string(), "unknown opcode 250 at code offset 12");
        let e = LoadError::RegisterOutOfRange {
            kind: 'x',
            reg: 5000,
        };
        assert_eq!(e.to_string(), "register {x,5000} out of range");
        assert_eq!(
            LoadError::NotIff.to_string(),
            "not a BEAM file: no IFF header"
        );
    }
}
