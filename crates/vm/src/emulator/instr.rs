//! The emulator's internal instruction form: every generic instruction decoded once at load
//! time into an [`Op`] whose operands are resolved — registers as indices, literals and
//! immediates as terms, labels as code addresses, imports as export entries, BIFs as
//! function pointers. The loop never looks at the compact encoding.

use crate::bifs::BifFn;
use enigma_term::boxed::{Export, FunEntry};
use enigma_term::{Atom, Term};

/// A source operand: a register or a constant (an immediate, or a term in the module's
/// literal area, which never moves).
#[derive(Copy, Clone, Debug)]
pub enum Src {
    X(u16),
    Y(u16),
    Const(Term),
}

/// A destination register.
#[derive(Copy, Clone, Debug)]
pub enum Dst {
    X(u16),
    Y(u16),
}

/// A code address (an `Op` in some module's code), or [`Label::FAIL`] for "raise instead of
/// jumping" (the compiler's label 0).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Label(pub usize);

impl Label {
    /// No label: a failing test or BIF raises an exception.
    pub const FAIL: Label = Label(0);

    pub fn is_fail(self) -> bool {
        self.0 == 0
    }
}

/// A float register source for the float instructions.
#[derive(Copy, Clone, Debug)]
pub enum FSrc {
    F(u16),
    Reg(Src),
}

/// A type test of `is_*` instructions.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TypeTest {
    Integer,
    Float,
    Number,
    Atom,
    Pid,
    Reference,
    Port,
    Nil,
    Binary,
    Bitstring,
    List,
    NonemptyList,
    Tuple,
    Function,
    Boolean,
    Map,
}

/// A comparison of `is_lt` and friends.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Compare {
    Lt,
    Ge,
    Eq,
    Ne,
    EqExact,
    NeExact,
}

/// The module, function and arity of a function (for `func_info` and stack traces).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Mfa {
    pub module: Atom,
    pub function: Atom,
    pub arity: u32,
}

/// One segment of `bs_create_bin`.
#[derive(Clone, Debug)]
pub struct BsSegment {
    pub kind: BsSegKind,
    /// The compiler's number of the segment in the source expression (1-based; 0 for a
    /// string the compiler merged from several): what an error names.
    pub number: u32,
    /// Unit of the size (bits per size unit).
    pub unit: u32,
    /// Segment flags: bit 0 aligned (unused), 1 little, 2 signed, 3 native.
    pub flags: u32,
    pub value: Src,
    /// The size operand: an integer, `all` (as `Const(atom all)`), or `[]` when absent.
    pub size: Src,
}

/// The kind of a `bs_create_bin` segment.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BsSegKind {
    Integer,
    Float,
    Binary,
    Utf8,
    Utf16,
    Utf32,
    String,
    Append,
    PrivateAppend,
}

/// One of the binary-construction instructions of OTP 24 and earlier compilers, which OTP 25
/// still loads (`bs_init2`, `bs_add`, `bs_put_integer`, ...). They build a binary in steps:
/// `bs_init*` or `bs_append` allocates it and makes it the process's binary under
/// construction, each `bs_put_*` writes the next segment into it. Boxed: they are rare
/// beside the rest of the instruction set and would otherwise widen every `Op`.
#[derive(Clone, Debug)]
pub struct LegacyBs {
    /// Where to jump on failure, or [`Label::FAIL`] to raise.
    pub fail: Label,
    pub kind: LegacyBsKind,
}

/// What a [`LegacyBs`] instruction does.
#[derive(Clone, Debug)]
pub enum LegacyBsKind {
    /// `bs_init2` (`bits` false: `size` in bytes) or `bs_init_bits` (`size` in bits).
    Init {
        size: Src,
        bits: bool,
        /// Heap words the code allocates right after (its own `test_heap` is folded in).
        extra: u32,
        live: u32,
        dst: Dst,
    },
    /// `bs_add`: `a + b * unit`, the running size of a binary about to be built.
    Add {
        a: Src,
        b: Src,
        unit: u32,
        dst: Dst,
    },
    /// `bs_append` / `bs_private_append`: `bin` followed by `size` bits still to be put.
    Append {
        size: Src,
        extra: u32,
        /// Live registers, or `None` for `bs_private_append` (no collection).
        live: Option<u32>,
        unit: u32,
        bin: Src,
        dst: Dst,
    },
    PutInteger {
        size: Src,
        unit: u32,
        flags: u32,
        src: Src,
    },
    PutFloat {
        size: Src,
        unit: u32,
        flags: u32,
        src: Src,
    },
    /// `size` is a number of units or the atom `all`.
    PutBinary {
        size: Src,
        unit: u32,
        src: Src,
    },
    PutString(Box<[u8]>),
    /// `bs_put_utf8`/`16`/`32` (`width` 8, 16 or 32).
    PutUtf {
        width: u8,
        flags: u32,
        src: Src,
    },
    /// `bs_utf8_size` / `bs_utf16_size`: bytes the code point will take.
    UtfSize {
        width: u8,
        src: Src,
        dst: Dst,
    },
}

/// Flags of a bit-syntax match segment.
pub const BS_LITTLE: u32 = 0x02;
pub const BS_SIGNED: u32 = 0x04;
pub const BS_NATIVE: u32 = 0x10;

/// An internal instruction.
#[derive(Clone, Debug)]
pub enum Op {
    // ---- functions and calls ----
    FuncInfo(Mfa),
    Call {
        arity: u32,
        target: Label,
    },
    CallLast {
        arity: u32,
        target: Label,
        dealloc: u32,
    },
    CallOnly {
        arity: u32,
        target: Label,
    },
    CallExt {
        arity: u32,
        export: &'static Export,
    },
    CallExtLast {
        arity: u32,
        export: &'static Export,
        dealloc: u32,
    },
    CallExtOnly {
        arity: u32,
        export: &'static Export,
    },
    /// A BIF called as a function (`call_ext` to a BIF; also the stub of a BIF's export
    /// entry): arguments in x0.., result in x0. `tail` says what follows: 0 = continue,
    /// 1 = return (`call_ext_only`), n+2 = deallocate n then return (`call_ext_last`).
    CallBif {
        bif: BifFn,
        mfa: &'static Export,
        tail: u32,
    },
    /// As `CallBif`, for a native function that may block on I/O (file operations): the
    /// process is handed to the dirty I/O pool (`runtime::dirty`), which runs it there;
    /// when the process is scheduled again, the result it left takes the call's place.
    CallDirtyBif {
        bif: BifFn,
        mfa: &'static Export,
        tail: u32,
    },
    /// `bif0`..`bif2`, `gc_bif1`, `gc_bif2`: a guard-safe BIF with explicit operands.
    Bif {
        bif: BifFn,
        fail: Label,
        args: [Src; 2],
        argc: u8,
        live: u16,
        dst: Dst,
    },
    /// An arithmetic guard BIF (`+`, `-`, `*`, `div`, `rem`, `band`, `bor`, `bxor`, `bsl`,
    /// `bsr`) with an inline small-integer fast path; other operands go to `bif`. `quiet`:
    /// a failure leaves no `erlang:'+'/2` frame in the stack trace, as BEAM's specialised
    /// `Reg + SmallConst` / `Reg - SmallConst` instructions do.
    Arith {
        op: ArithOp,
        quiet: bool,
        bif: BifFn,
        fail: Label,
        a: Src,
        b: Src,
        dst: Dst,
        live: u16,
    },
    /// `gc_bif3` (rare, so kept out of line to keep instructions small).
    Bif3(Box<Bif3>),
    Apply {
        arity: u32,
    },
    ApplyLast {
        arity: u32,
        dealloc: u32,
    },
    CallFun {
        arity: u32,
    },
    CallFun2 {
        arity: u32,
        fun: Src,
    },
    /// `call_fun`/`call_fun2` followed by `deallocate D; return`: a tail call of the fun
    /// (BEAM's loader fuses them the same way into `i_call_fun_last`), so a fun called in
    /// tail position leaves no frame behind, on the stack or in stack traces.
    CallFunLast {
        arity: u32,
        fun: Src,
        dealloc: u32,
    },
    MakeFun {
        entry: &'static FunEntry,
        dst: Dst,
        env: Box<[Src]>,
    },
    Return,

    // ---- stack and heap ----
    Allocate {
        stack: u32,
        heap: u32,
        live: u32,
        zero: bool,
    },
    TestHeap {
        need: u32,
        live: u32,
    },
    Init(u16),
    InitYregs(Box<[u16]>),
    Deallocate(u32),
    Trim {
        remove: u32,
        remaining: u32,
    },

    // ---- moves and data ----
    Move {
        src: Src,
        dst: Dst,
    },
    Swap {
        a: Dst,
        b: Dst,
    },
    GetList {
        src: Src,
        head: Dst,
        tail: Dst,
    },
    GetHd {
        src: Src,
        dst: Dst,
    },
    GetTl {
        src: Src,
        dst: Dst,
    },
    GetTupleElement {
        src: Src,
        index: u32,
        dst: Dst,
    },
    SetTupleElement {
        value: Src,
        tuple: Src,
        index: u32,
    },
    PutList {
        head: Src,
        tail: Src,
        dst: Dst,
    },
    PutTuple2 {
        dst: Dst,
        elems: Box<[Src]>,
    },

    // ---- tests and branches ----
    Test {
        kind: TypeTest,
        fail: Label,
        src: Src,
    },
    Cmp {
        kind: Compare,
        fail: Label,
        a: Src,
        b: Src,
    },
    TestArity {
        fail: Label,
        src: Src,
        arity: u32,
    },
    IsTaggedTuple {
        fail: Label,
        src: Src,
        arity: u32,
        tag: Term,
    },
    IsFunction2 {
        fail: Label,
        src: Src,
        arity: Src,
    },
    /// `sorted`: every value is an immediate and the table is sorted by word (binary search).
    SelectVal {
        src: Src,
        fail: Label,
        table: Box<[(Term, Label)]>,
        sorted: bool,
    },
    SelectTupleArity {
        src: Src,
        fail: Label,
        table: Box<[(u32, Label)]>,
    },
    Jump(Label),

    // ---- errors ----
    Badmatch(Src),
    CaseEnd(Src),
    IfEnd,
    TryCaseEnd(Src),
    Badrecord(Src),

    // ---- exceptions ----
    Catch {
        y: u16,
        handler: Label,
    },
    CatchEnd(u16),
    Try {
        y: u16,
        handler: Label,
    },
    TryEnd(u16),
    TryCase(u16),
    Raise {
        trace: Src,
        value: Src,
    },
    BuildStacktrace,
    RawRaise,

    // ---- messages ----
    Send,
    LoopRec {
        fail: Label,
        dst: Dst,
    },
    LoopRecEnd(Label),
    RemoveMessage,
    Wait(Label),
    WaitTimeout {
        target: Label,
        time: Src,
    },
    Timeout,
    RecvMarkerReserve(Dst),
    RecvMarkerBind {
        marker: Src,
        reference: Src,
    },
    RecvMarkerClear(Src),
    RecvMarkerUse(Src),

    // ---- maps ----
    PutMapAssoc {
        fail: Label,
        src: Src,
        dst: Dst,
        live: u32,
        pairs: Box<[(Src, Src)]>,
    },
    PutMapExact {
        fail: Label,
        src: Src,
        dst: Dst,
        live: u32,
        pairs: Box<[(Src, Src)]>,
    },
    HasMapFields {
        fail: Label,
        src: Src,
        keys: Box<[Src]>,
    },
    GetMapElements {
        fail: Label,
        src: Src,
        pairs: Box<[(Src, Dst)]>,
    },

    // ---- floats ----
    Fclearerror,
    Fcheckerror,
    Fmove {
        src: FSrc,
        dst: FDst,
    },
    Fconv {
        src: Src,
        dst: u16,
    },
    Farith {
        op: FloatOp,
        a: u16,
        b: u16,
        dst: u16,
    },
    Fnegate {
        src: u16,
        dst: u16,
    },

    // ---- binaries ----
    BsCreateBin {
        fail: Label,
        live: u32,
        unit: u32,
        dst: Dst,
        segments: Box<[BsSegment]>,
    },
    BsStartMatch {
        fail: Label,
        live: u32,
        src: Src,
        dst: Dst,
    },
    BsGetInteger {
        fail: Label,
        ctx: Src,
        live: u32,
        size: Src,
        unit: u32,
        flags: u32,
        dst: Dst,
    },
    BsGetFloat {
        fail: Label,
        ctx: Src,
        live: u32,
        size: Src,
        unit: u32,
        flags: u32,
        dst: Dst,
    },
    BsGetBinary {
        fail: Label,
        ctx: Src,
        live: u32,
        size: Src,
        unit: u32,
        flags: u32,
        dst: Dst,
    },
    BsSkipBits {
        fail: Label,
        ctx: Src,
        size: Src,
        unit: u32,
    },
    BsTestTail {
        fail: Label,
        ctx: Src,
        bits: u64,
    },
    BsTestUnit {
        fail: Label,
        ctx: Src,
        unit: u32,
    },
    BsMatchString {
        fail: Label,
        ctx: Src,
        bits: u32,
        bytes: Box<[u8]>,
    },
    BsGetUtf {
        fail: Label,
        ctx: Src,
        width: u8,
        flags: u32,
        dst: Option<Dst>,
    },
    BsGetTail {
        ctx: Src,
        dst: Dst,
        live: u32,
    },
    BsGetPosition {
        ctx: Src,
        dst: Dst,
    },
    BsSetPosition {
        ctx: Src,
        pos: Src,
    },
    /// `bs_init_writable`: x0 (a size hint) becomes an empty binary to append to.
    BsInitWritable,
    /// An OTP 24-style construction instruction (see [`LegacyBs`]).
    BsLegacy(Box<LegacyBs>),

    // ---- fallbacks ----
    /// An instruction that BEAM has but Enigma does not implement yet: raises
    /// `{enigma_unimplemented, Name}` when executed (loading still succeeds).
    Unimplemented(&'static str),
    /// Executing this is a loader bug (a label's position, the end of code).
    CodeEnd,
    /// Does nothing (hints the emulator does not need).
    Nop,
    /// The return address at the bottom of every process's stack: its initial call returned.
    NormalExit,
}

/// The operation of [`Op::Arith`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    IntDiv,
    Rem,
    Band,
    Bor,
    Bxor,
    Bsl,
    Bsr,
}

impl ArithOp {
    /// The operation of `erlang:Name/2`, if it has a fast path.
    pub fn from_name(name: &str) -> Option<ArithOp> {
        Some(match name {
            "+" => ArithOp::Add,
            "-" => ArithOp::Sub,
            "*" => ArithOp::Mul,
            "div" => ArithOp::IntDiv,
            "rem" => ArithOp::Rem,
            "band" => ArithOp::Band,
            "bor" => ArithOp::Bor,
            "bxor" => ArithOp::Bxor,
            "bsl" => ArithOp::Bsl,
            "bsr" => ArithOp::Bsr,
            _ => return None,
        })
    }

    /// The result for two small integers, if it is a small integer too (else the BIF
    /// handles it: overflow to a bignum, division by zero, huge shifts).
    #[inline(always)]
    pub fn small(self, a: i64, b: i64) -> Option<i64> {
        use enigma_term::tag::{MAX_SMALL, MIN_SMALL};
        let v = match self {
            ArithOp::Add => a + b,
            ArithOp::Sub => a - b,
            ArithOp::Mul => a.checked_mul(b)?,
            ArithOp::IntDiv => {
                if b == 0 {
                    return None;
                }
                a / b
            }
            ArithOp::Rem => {
                if b == 0 {
                    return None;
                }
                a % b
            }
            ArithOp::Band => a & b,
            ArithOp::Bor => a | b,
            ArithOp::Bxor => a ^ b,
            ArithOp::Bsl => {
                if !(0..64).contains(&b) {
                    return None;
                }
                let v = a << b;
                if v >> b != a {
                    return None;
                }
                v
            }
            ArithOp::Bsr => {
                if !(0..64).contains(&b) {
                    return None;
                }
                a >> b
            }
        };
        (MIN_SMALL..=MAX_SMALL).contains(&v).then_some(v)
    }
}

/// The operands of a three-argument guard BIF.
#[derive(Clone, Debug)]
pub struct Bif3 {
    pub bif: BifFn,
    pub fail: Label,
    pub args: [Src; 3],
    pub live: u16,
    pub dst: Dst,
}

/// A float register or x/y register destination of `fmove`.
#[derive(Copy, Clone, Debug)]
pub enum FDst {
    F(u16),
    Reg(Dst),
}

/// The arithmetic of the float instructions.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
}

// Keep instructions compact: the loop walks arrays of them.
const _: () = assert!(core::mem::size_of::<Op>() <= 64);
