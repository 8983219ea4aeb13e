//! The external term format: `term_to_binary/1,2` ([`encode`]) and `binary_to_term/1,2`
//! ([`decode`]), byte for byte as OTP 25 does them.
//!
//! The encoder writes what BEAM writes for the same term and options (atoms as `ATOM_EXT`
//! when they are Latin-1 unless `{minor_version, 2}`, `NEW_FLOAT_EXT` unless
//! `{minor_version, 0}`, maps in their iteration order unless `deterministic`, and zlib
//! compression kept only when it is no larger). The decoder accepts every tag BEAM 25
//! accepts outside distribution (old pid/port/reference tags included; `FUN_EXT` is refused,
//! as since OTP 23) and is safe on any input: it first checks the whole structure against
//! the input length without allocating, then builds, so a hostile binary can make it neither
//! allocate without bound nor recurse.
//!
//! Both walk terms with explicit stacks, never recursing on the Rust stack. Pids, ports and
//! references of other nodes are not supported yet: the decoder returns
//! [`DecodeError::Unsupported`] for them (distribution is not implemented), and the encoder
//! [`EncodeError::Unsupported`] for the external kinds. Funs need the code tables, which
//! live above this crate: the caller resolves them through [`DecodeOptions`].

mod decode;
mod encode;

use crate::atom::{self, Atom};
use crate::boxed::{Export, FunEntry};
use crate::term::Term;

pub use decode::decode;
pub use encode::encode;

/// First byte of every external term.
pub const VERSION_MAGIC: u8 = 131;

/// The tags of the external term format (`erts/emulator/beam/external.h`).
pub mod tag {
    pub const NEW_FLOAT_EXT: u8 = b'F';
    pub const BIT_BINARY_EXT: u8 = b'M';
    pub const COMPRESSED: u8 = b'P';
    pub const NEW_PID_EXT: u8 = b'X';
    pub const NEW_PORT_EXT: u8 = b'Y';
    pub const NEWER_REFERENCE_EXT: u8 = b'Z';
    pub const SMALL_INTEGER_EXT: u8 = b'a';
    pub const INTEGER_EXT: u8 = b'b';
    pub const FLOAT_EXT: u8 = b'c';
    pub const ATOM_EXT: u8 = b'd';
    pub const REFERENCE_EXT: u8 = b'e';
    pub const PORT_EXT: u8 = b'f';
    pub const PID_EXT: u8 = b'g';
    pub const SMALL_TUPLE_EXT: u8 = b'h';
    pub const LARGE_TUPLE_EXT: u8 = b'i';
    pub const NIL_EXT: u8 = b'j';
    pub const STRING_EXT: u8 = b'k';
    pub const LIST_EXT: u8 = b'l';
    pub const BINARY_EXT: u8 = b'm';
    pub const SMALL_BIG_EXT: u8 = b'n';
    pub const LARGE_BIG_EXT: u8 = b'o';
    pub const NEW_FUN_EXT: u8 = b'p';
    pub const EXPORT_EXT: u8 = b'q';
    pub const NEW_REFERENCE_EXT: u8 = b'r';
    pub const SMALL_ATOM_EXT: u8 = b's';
    pub const MAP_EXT: u8 = b't';
    pub const FUN_EXT: u8 = b'u';
    pub const ATOM_UTF8_EXT: u8 = b'v';
    pub const SMALL_ATOM_UTF8_EXT: u8 = b'w';
    pub const V4_PORT_EXT: u8 = b'x';
}

/// The node name written into local pids, ports and references: a node that is not
/// distributed is `nonode@nohost`.
pub const LOCAL_NODE: Atom = atom::NONODE_NOHOST;
/// The creation written for the local node; 0 when not distributed, as in BEAM.
pub const LOCAL_CREATION: u32 = 0;

/// Bits of a local pid's identifier that hold its number (the rest is the serial), as
/// `Term::pid` documents; `<0.Number.Serial>`.
pub const PID_NUMBER_BITS: u32 = 28;

/// The number of a local pid (`<0.N.S>`'s N).
pub fn pid_number(id: u64) -> u64 {
    id & ((1 << PID_NUMBER_BITS) - 1)
}

/// The serial of a local pid (`<0.N.S>`'s S).
pub fn pid_serial(id: u64) -> u64 {
    id >> PID_NUMBER_BITS
}

/// zlib's default level, what the plain `compressed` option means (`Z_DEFAULT_COMPRESSION`).
pub const DEFAULT_COMPRESSION: u32 = 6;

/// Options of `term_to_binary/2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EncodeOptions {
    /// zlib level 0..=9; 0 means no compression (as `{compressed, 0}` does in BEAM).
    pub compression: u32,
    /// 0, 1 (the default) or 2.
    pub minor_version: u8,
    /// Encode map entries sorted by term order instead of the map's own order.
    pub deterministic: bool,
}

impl Default for EncodeOptions {
    fn default() -> EncodeOptions {
        EncodeOptions { compression: 0, minor_version: 1, deterministic: false }
    }
}

impl EncodeOptions {
    /// Parses the option list of `term_to_binary/2`; `None` means `badarg`. Later options
    /// override earlier ones, as in BEAM.
    pub fn from_list(mut list: Term) -> Option<EncodeOptions> {
        let mut opts = EncodeOptions::default();
        while let Some((opt, rest)) = list.as_cons() {
            if opt == Term::atom(atom::COMPRESSED) {
                opts.compression = DEFAULT_COMPRESSION;
            } else if opt == Term::atom(atom::DETERMINISTIC) {
                opts.deterministic = true;
            } else {
                let pair = opt.as_tuple().filter(|t| t.len() == 2)?;
                let value = pair[1].as_small()?;
                if pair[0] == Term::atom(atom::MINOR_VERSION) && (0..=2).contains(&value) {
                    opts.minor_version = value as u8;
                } else if pair[0] == Term::atom(atom::COMPRESSED) && (0..=9).contains(&value) {
                    opts.compression = value as u32;
                } else {
                    return None;
                }
            }
            list = rest;
        }
        list.is_nil().then_some(opts)
    }
}

/// Why a term could not be encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// A length does not fit the format's 32-bit fields (BEAM: `system_limit`).
    SystemLimit,
    /// A term kind this VM cannot encode yet (external pids, ports and references).
    Unsupported(&'static str),
    /// Something that is not an Erlang term (a match context, a header, the non-value).
    NotATerm,
    /// Options outside their ranges.
    BadOptions,
}

/// Finds the lambda a `NEW_FUN_EXT` names: module, index in its lambda table and the
/// module's 16-byte `new_uniq`. `None` when no such code is loaded.
pub type FunResolver<'a> = &'a dyn Fn(Atom, u32, &[u8; 16]) -> Option<&'static FunEntry>;

/// Finds or makes the export entry an `EXPORT_EXT` names: module, function, arity. A caller
/// decoding with `safe` must return `None` for entries that do not exist yet (BEAM refuses to
/// create new export entries in safe mode); otherwise it makes a stub, as BEAM does.
pub type ExportResolver<'a> = &'a dyn Fn(Atom, Atom, u32) -> Option<&'static Export>;

/// Options of `binary_to_term/2`, and the code lookups funs need. The bytes-used count of
/// the `used` option is always returned by [`decode`].
#[derive(Clone, Copy, Default)]
pub struct DecodeOptions<'a> {
    /// Refuse to create atoms (and, through the resolver, export entries).
    pub safe: bool,
    /// Resolves closures; without it a `NEW_FUN_EXT` fails to decode.
    pub fun_resolver: Option<FunResolver<'a>>,
    /// Resolves export funs; without it an `EXPORT_EXT` fails to decode.
    pub export_resolver: Option<ExportResolver<'a>>,
}

/// The `safe` and `used` flags of a `binary_to_term/2` option list; `None` means `badarg`
/// (BEAM then also sets the `badopt` error info).
pub fn parse_decode_flags(mut list: Term) -> Option<(bool, bool)> {
    let (mut safe, mut used) = (false, false);
    while let Some((opt, rest)) = list.as_cons() {
        if opt == Term::atom(atom::SAFE) {
            safe = true;
        } else if opt == Term::atom(atom::USED) {
            used = true;
        } else {
            return None;
        }
        list = rest;
    }
    list.is_nil().then_some((safe, used))
}

/// Why a binary could not be decoded. `binary_to_term` raises `badarg` for all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not a valid external term: bad magic, unknown tag, truncated, inconsistent sizes,
    /// invalid UTF-8 in an atom, a non-finite float, duplicate map keys, a bad compressed
    /// stream.
    Invalid,
    /// `safe` was given and the atom does not exist.
    UnsafeAtom,
    /// The atom table is full, or a name is too long.
    AtomLimit,
    /// A pid, port or reference of another node (distribution is not implemented yet).
    Unsupported,
    /// A `NEW_FUN_EXT` whose code the resolver did not find (or no resolver was given).
    UnknownFun,
    /// An `EXPORT_EXT` the resolver refused (or no resolver was given).
    UnknownExport,
}

impl core::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let s = match self {
            DecodeError::Invalid => "invalid external term",
            DecodeError::UnsafeAtom => "atom does not exist (safe)",
            DecodeError::AtomLimit => "atom limit",
            DecodeError::Unsupported => "term of another node",
            DecodeError::UnknownFun => "fun code not loaded",
            DecodeError::UnknownExport => "export refused",
        };
        f.write_str(s)
    }
}

impl core::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            EncodeError::SystemLimit => f.write_str("system_limit"),
            EncodeError::Unsupported(what) => write!(f, "cannot encode {what}"),
            EncodeError::NotATerm => f.write_str("not a term"),
            EncodeError::BadOptions => f.write_str("bad options"),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    //! Expected bytes come from `term_to_binary/1,2` on erl 25 (the terms are written in
    //! Erlang syntax and read by both erl and [`parse`]).

    use super::*;
    use crate::alloc::{TermAlloc, VecAlloc};
    use crate::boxed::{Export, FunEntry};
    use crate::{build, integer, print};
    use core::sync::atomic::AtomicUsize;
    use num_bigint::BigInt;

    /// Reads one term in Erlang syntax (integers, floats, atoms, strings, tuples, lists,
    /// maps, binaries with `Value:Bits` segments) for tests.
    pub(crate) fn parse(heap: &mut dyn TermAlloc, text: &str) -> Term {
        let chars: Vec<char> = text.chars().collect();
        let mut p = Parser { s: chars, i: 0 };
        let t = p.term(heap);
        p.ws();
        assert_eq!(p.i, p.s.len(), "trailing text in {text}");
        t
    }

    struct Parser {
        s: Vec<char>,
        i: usize,
    }

    impl Parser {
        fn peek(&self) -> char {
            self.s.get(self.i).copied().unwrap_or('\0')
        }

        fn ws(&mut self) {
            while self.peek().is_whitespace() {
                self.i += 1;
            }
        }

        fn eat(&mut self, s: &str) -> bool {
            self.ws();
            let n = s.chars().count();
            if self.s.get(self.i..self.i + n).is_some_and(|w| w.iter().copied().eq(s.chars())) {
                self.i += n;
                true
            } else {
                false
            }
        }

        fn expect(&mut self, s: &str) {
            assert!(self.eat(s), "expected {s} at {}", self.i);
        }

        /// Characters up to `quote`, with Erlang's escapes.
        fn quoted(&mut self, quote: char) -> Vec<u32> {
            self.i += 1;
            let mut out = Vec::new();
            loop {
                let c = self.peek();
                self.i += 1;
                if c == quote {
                    return out;
                }
                if c != '\\' {
                    out.push(c as u32);
                    continue;
                }
                let e = self.peek();
                self.i += 1;
                out.push(match e {
                    'n' => 10,
                    'r' => 13,
                    't' => 9,
                    'x' => {
                        self.expect("{");
                        let start = self.i;
                        while self.peek() != '}' {
                            self.i += 1;
                        }
                        let hex: String = self.s[start..self.i].iter().collect();
                        self.i += 1;
                        u32::from_str_radix(&hex, 16).unwrap_or(0)
                    }
                    other => other as u32,
                });
            }
        }

        fn elems(&mut self, heap: &mut dyn TermAlloc, close: &str) -> Vec<Term> {
            let mut v = Vec::new();
            if self.eat(close) {
                return v;
            }
            loop {
                v.push(self.term(heap));
                if !self.eat(",") {
                    return v;
                }
            }
        }

        fn term(&mut self, heap: &mut dyn TermAlloc) -> Term {
            self.ws();
            if self.eat("{") {
                let v = self.elems(heap, "}");
                if !v.is_empty() {
                    self.expect("}");
                }
                return build::tuple(heap, &v);
            }
            if self.eat("#{") {
                let mut pairs = Vec::new();
                if !self.eat("}") {
                    loop {
                        let k = self.term(heap);
                        self.expect("=>");
                        let v = self.term(heap);
                        pairs.push((k, v));
                        if !self.eat(",") {
                            break;
                        }
                    }
                    self.expect("}");
                }
                return crate::map::from_pairs(heap, pairs);
            }
            if self.eat("<<") {
                let mut bits: Vec<bool> = Vec::new();
                if !self.eat(">>") {
                    loop {
                        self.ws();
                        let (values, size) = if self.peek() == '"' {
                            (self.quoted('"'), 8)
                        } else {
                            let v = self.term(heap).as_small().unwrap_or(0) as u32;
                            let size = if self.eat(":") { self.term(heap).as_small().unwrap_or(8) as u32 } else { 8 };
                            (vec![v], size)
                        };
                        for v in values {
                            bits.extend((0..size).rev().map(|b| v >> b & 1 == 1));
                        }
                        if !self.eat(",") {
                            break;
                        }
                    }
                    self.expect(">>");
                }
                let bytes: Vec<u8> =
                    bits.chunks(8).map(|c| c.iter().enumerate().fold(0u8, |a, (i, &b)| a | (u8::from(b) << (7 - i)))).collect();
                let bin = build::binary(heap, &bytes);
                return if bits.len() % 8 == 0 { bin } else { build::sub_binary(heap, bin, 0, bits.len()) };
            }
            if self.eat("[") {
                let v = self.elems(heap, "]");
                if v.is_empty() {
                    return Term::NIL;
                }
                let tail = if self.eat("|") { self.term(heap) } else { Term::NIL };
                self.expect("]");
                return build::list_with_tail(heap, &v, tail);
            }
            match self.peek() {
                '"' => {
                    let cs = self.quoted('"');
                    build::string_list(heap, cs)
                }
                '\'' => {
                    let cs = self.quoted('\'');
                    let name: String = cs.iter().filter_map(|&c| char::from_u32(c)).collect();
                    Term::atom(Atom::intern(&name).unwrap_or(atom::UNDEFINED))
                }
                c if c.is_ascii_lowercase() => {
                    let start = self.i;
                    while self.peek().is_ascii_alphanumeric() || self.peek() == '_' || self.peek() == '@' {
                        self.i += 1;
                    }
                    let name: String = self.s[start..self.i].iter().collect();
                    Term::atom(Atom::intern(&name).unwrap_or(atom::UNDEFINED))
                }
                _ => {
                    let start = self.i;
                    if self.peek() == '-' {
                        self.i += 1;
                    }
                    while self.peek().is_ascii_alphanumeric() || self.peek() == '.' || (self.peek() == '-' && self.s[self.i - 1] == 'e') {
                        self.i += 1;
                    }
                    let text: String = self.s[start..self.i].iter().collect();
                    if text.contains('.') {
                        build::float(heap, text.parse().unwrap_or(f64::NAN))
                    } else {
                        integer::from_bigint(heap, &text.parse::<BigInt>().unwrap_or_default())
                    }
                }
            }
        }
    }

    fn enc(t: Term) -> Vec<u8> {
        encode(t, &EncodeOptions::default()).unwrap_or_default()
    }

    fn dec(bytes: &[u8], heap: &mut VecAlloc) -> Result<(Term, usize), DecodeError> {
        decode(bytes, heap, &DecodeOptions::default())
    }

    const ENCODED: &[(&str, &[u8])] = &[
        ("0", &[131,97,0]),
        ("255", &[131,97,255]),
        ("256", &[131,98,0,0,1,0]),
        ("-1", &[131,98,255,255,255,255]),
        ("2147483647", &[131,98,127,255,255,255]),
        ("2147483648", &[131,110,4,0,0,0,0,128]),
        ("-2147483648", &[131,98,128,0,0,0]),
        ("-2147483649", &[131,110,4,1,1,0,0,128]),
        ("576460752303423487", &[131,110,8,0,255,255,255,255,255,255,255,7]),
        ("576460752303423488", &[131,110,8,0,0,0,0,0,0,0,0,8]),
        ("-576460752303423488", &[131,110,8,1,0,0,0,0,0,0,0,8]),
        ("-576460752303423489", &[131,110,8,1,1,0,0,0,0,0,0,8]),
        ("18446744073709551616", &[131,110,9,0,0,0,0,0,0,0,0,0,1]),
        ("-9223372036854775808", &[131,110,8,1,0,0,0,0,0,0,0,128]),
        ("123456789012345678901234567890123456789012345678901234567890", &[131,110,25,0,210,10,63,206,150,241,207,140,156,180,55,140,55,164,135,63,23,98,30,188,228,4,245,170,19]),
        ("1.5", &[131,70,63,248,0,0,0,0,0,0]),
        ("-0.0", &[131,70,128,0,0,0,0,0,0,0]),
        ("1.0e300", &[131,70,126,55,228,60,136,0,117,156]),
        ("5.0e-324", &[131,70,0,0,0,0,0,0,0,1]),
        ("abc", &[131,100,0,3,97,98,99]),
        ("'h\\x{E9}'", &[131,100,0,2,104,233]),
        ("'h\\x{20AC}'", &[131,119,4,104,226,130,172]),
        ("''", &[131,100,0,0]),
        ("'hello world'", &[131,100,0,11,104,101,108,108,111,32,119,111,114,108,100]),
        ("{}", &[131,104,0]),
        ("{a,b}", &[131,104,2,100,0,1,97,100,0,1,98]),
        ("[]", &[131,106]),
        ("\"abc\"", &[131,107,0,3,97,98,99]),
        ("[1,2|3]", &[131,108,0,0,0,2,97,1,97,2,97,3]),
        ("[256]", &[131,108,0,0,0,1,98,0,0,1,0,106]),
        ("[1.0,2.5]", &[131,108,0,0,0,2,70,63,240,0,0,0,0,0,0,70,64,4,0,0,0,0,0,0,106]),
        ("[[1],[[]],{[]}]", &[131,108,0,0,0,3,107,0,1,1,108,0,0,0,1,106,106,104,1,106,106]),
        ("<<>>", &[131,109,0,0,0,0]),
        ("<<1,2,3>>", &[131,109,0,0,0,3,1,2,3]),
        ("<<1:3>>", &[131,77,0,0,0,1,3,32]),
        ("<<255,7:3>>", &[131,77,0,0,0,2,3,255,224]),
        ("#{}", &[131,116,0,0,0,0]),
        ("#{a => 1,b => [2]}", &[131,116,0,0,0,2,100,0,1,97,97,1,100,0,1,98,107,0,1,2]),
        ("#{a => 1,1 => 2,\"x\" => 3,1.0 => 4}", &[131,116,0,0,0,4,97,1,97,2,70,63,240,0,0,0,0,0,0,97,4,100,0,1,97,97,1,107,0,1,120,97,3]),
        ("#{#{1 => 2} => #{},[] => {#{a => b}}}", &[131,116,0,0,0,2,116,0,0,0,1,97,1,97,2,116,0,0,0,0,106,104,1,116,0,0,0,1,100,0,1,97,100,0,1,98]),
        ("{[],<<\"hello\">>,\"\",[a|b],{{{}}}}", &[131,104,5,106,109,0,0,0,5,104,101,108,108,111,106,108,0,0,0,1,100,0,1,97,100,0,1,98,104,1,104,1,104,0]),
        ("'case'", &[131,100,0,4,99,97,115,101]),
        ("'receive'", &[131,100,0,7,114,101,99,101,105,118,101]),
        ("'Abc'", &[131,100,0,3,65,98,99]),
        ("'a b'", &[131,100,0,3,97,32,98]),
        ("aB_9@x", &[131,100,0,6,97,66,95,57,64,120]),
        ("'_x'", &[131,100,0,2,95,120]),
        ("'a.b'", &[131,100,0,3,97,46,98]),
        ("'nonode@nohost'", &[131,100,0,13,110,111,110,111,100,101,64,110,111,104,111,115,116]),
        ("'end'", &[131,100,0,3,101,110,100]),
        ("'maybe'", &[131,100,0,5,109,97,121,98,101]),
        ("'else'", &[131,100,0,4,101,108,115,101]),
        ("'cond'", &[131,100,0,4,99,111,110,100]),
        ("'query'", &[131,100,0,5,113,117,101,114,121]),
        ("'div'", &[131,100,0,3,100,105,118]),
        ("'a\\nb'", &[131,100,0,3,97,10,98]),
        ("'a\\'b'", &[131,100,0,3,97,39,98]),
        ("'a\\\\b'", &[131,100,0,3,97,92,98]),
        ("'a\"b'", &[131,100,0,3,97,34,98]),
        ("'\\x{FF}'", &[131,100,0,1,255]),
        ("'\\x{DF}'", &[131,100,0,1,223]),
        ("'\\x{C4}'", &[131,100,0,1,196]),
        ("'\\x{7F}'", &[131,100,0,1,127]),
        ("'\\x{80}'", &[131,100,0,1,128]),
        ("'a\\x{A0}'", &[131,100,0,2,97,160]),
        ("'a\\x{E9}'", &[131,100,0,2,97,233]),
        ("'\\x{E9}a'", &[131,100,0,2,233,97]),
        ("'\\x{E7}a'", &[131,100,0,2,231,97]),
        ("'a\\x{1}b\\x{C8}\\x{80}\\n'", &[131,100,0,6,97,1,98,200,128,10]),
        ("'\\x{3B1}'", &[131,119,2,206,177]),
        ("'\\x{F7}x'", &[131,100,0,2,247,120]),
        ("'x\\x{F7}'", &[131,100,0,2,120,247]),
        ("'x\\x{D7}'", &[131,100,0,2,120,215]),
        ("'\\x{C0}x'", &[131,100,0,2,192,120]),
        ("'a\\tb\\r\\x{B}\\x{8}\\x{C}\\x{1B}'", &[131,100,0,8,97,9,98,13,11,8,12,27]),
        ("[97,34,92,10,9,233]", &[131,107,0,6,97,34,92,10,9,233]),
        ("\"a\\nb\"", &[131,107,0,3,97,10,98]),
        ("[160]", &[131,107,0,1,160]),
        ("[97,256]", &[131,108,0,0,0,2,97,97,98,0,0,1,0,106]),
        ("[127]", &[131,107,0,1,127]),
        ("<<\"a\\\"b\\\\c\">>", &[131,109,0,0,0,5,97,34,98,92,99]),
        ("\"hello world\\r\"", &[131,107,0,12,104,101,108,108,111,32,119,111,114,108,100,13]),
        ("{1.0,0.1,1.0e-10,1.0e22,123456789012345680.0,100.0,1.0e15,1.0e16,0.001,0.0001,123.456}", &[131,104,11,70,63,240,0,0,0,0,0,0,70,63,185,153,153,153,153,153,154,70,61,219,124,223,217,215,189,187,70,68,128,240,207,6,77,213,146,70,67,123,105,180,186,99,15,53,70,64,89,0,0,0,0,0,0,70,67,12,107,245,38,52,0,0,70,67,65,195,121,55,224,128,0,70,63,80,98,77,210,241,169,252,70,63,26,54,226,235,28,67,45,70,64,94,221,47,26,159,190,119]),
        ("[-5,-576460752303423489]", &[131,108,0,0,0,2,98,255,255,255,251,110,8,1,1,0,0,0,0,0,0,8,106]),
        ("#{a => \"bc\"}", &[131,116,0,0,0,1,100,0,1,97,107,0,2,98,99]),
        ("[[]]", &[131,108,0,0,0,1,106,106]),
        ("\"a\"", &[131,107,0,1,97]),
        ("{<<0:1>>,<<128,3:2>>,<<\" \">>,<<\"~\">>,<<127>>}", &[131,104,5,77,0,0,0,1,1,0,77,0,0,0,2,2,128,192,109,0,0,0,1,32,109,0,0,0,1,126,109,0,0,0,1,127]),
    ];
