//! The decoded form of generic instructions: [`Instr`] and its [`Operand`]s.
//!
//! These are the instructions exactly as the `Code` chunk lists them, one
//! [`Instr`] per encoded instruction, with each operand's compact-term
//! encoding (see `compact.rs`) resolved into a Rust value. Turning them into
//! the emulator's internal form (resolving labels to offsets, imports to
//! export entries, specialising) is left to the emulator's loader stage.

use num_bigint::BigInt;

use crate::opcodes::Opcode;

/// One generic instruction: an opcode and exactly `op.arity()` operands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instr {
    /// The instruction.
    pub op: Opcode,
    /// Its operands, in file order; a variable-length tail is one [`Operand::List`].
    pub args: Vec<Operand>,
}

/// What kind of heap space an allocation-list entry asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AllocKind {
    /// Plain heap words (allocation-list kind 0).
    Words,
    /// Room for this many floats (kind 1).
    Floats,
    /// Room for this many funs (kind 2).
    Funs,
}

/// A decoded operand.
///
/// The compact encoding has eight tags: `u` (0), `i` (1), `a` (2), `x` (3),
/// `y` (4), `f` (5), `h` (6) and `z` (7, extended). Each maps to one variant
/// below, and the extended tag's sub-kinds (list 1, float register 2,
/// allocation list 3, literal 4, typed register 5) map to the rest. The old
/// inline float (extended 0, superseded in OTP R16B) is rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operand {
    /// Tag `u`: an unsigned number whose meaning depends on the instruction:
    /// a count, an arity, a live-register count, a flag word, or an index into
    /// the import, lambda, line or string table. `label` instructions carry
    /// their label number this way. At most `u32::MAX`.
    Literal(u32),
    /// Tag `u` beyond `u32::MAX`: the bit count of a `bs_test_tail2` that asks for a tail
    /// longer than 4 GiB bits (OTP's bs_match_tail_SUITE has one of 2^64). Counts beyond
    /// `u64::MAX` are `u64::MAX`: no binary has that many bits either way.
    WideLiteral(u64),
    /// Tag `i`: an integer that fits in `i64`.
    Integer(i64),
    /// Tag `i`: an integer that does not fit in `i64` (never one that does).
    BigInt(BigInt),
    /// Tag `a`: a 1-based index into [`crate::BeamModule::atoms`]; `Atom(0)`
    /// is the empty list `[]`. Always at most the atom count.
    Atom(u32),
    /// Tag `x`: an x register, below 1024.
    X(u32),
    /// Tag `y`: a y register (stack slot), below 1024.
    Y(u32),
    /// Tag `f`: a label. `Label(0)` means "no label" (a failure raises an
    /// exception instead of jumping); any other value is a defined label.
    Label(u32),
    /// Tag `h`: a character (not emitted by current compilers).
    Char(u32),
    /// Extended 2: a floating-point register, below 1024.
    FloatReg(u32),
    /// Extended 1: a list of operands (select lists, map keys, `bs_create_bin`
    /// segments, ...). Only ever the last operand; never contains a list.
    List(Vec<Operand>),
    /// Extended 3: what a `test_heap`/`allocate_heap` needs (at most 3 entries).
    AllocList(Vec<(AllocKind, u32)>),
    /// Extended 4: an index into [`crate::BeamModule::literals`], checked in range.
    LiteralIndex(u32),
    /// Extended 5: a register annotated with an index into the `Type` chunk's
    /// table. When the module has no usable `Type` chunk (stripped, or an
    /// unknown version) the annotation is dropped and the plain `X`/`Y`
    /// register is produced instead, as BEAM does.
    TypedReg {
        /// [`Operand::X`] or [`Operand::Y`].
        reg: Box<Operand>,
        /// Index into [`crate::TypeTable::entries`], checked in range.
        type_index: u32,
    },
}

impl Operand {
    /// The register this operand names, looking through a type annotation.
    pub fn untyped(&self) -> &Operand {
        match self {
            Operand::TypedReg { reg, .. } => reg,
            other => other,
        }
    }
}
