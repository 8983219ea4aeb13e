//! The external term format: `term_to_binary/1,2` ([`encode`]) and `binary_to_term/1,2`
//! ([`decode`]), byte for byte as OTP 25 does them.
//!
//! The encoder writes what BEAM writes for the same term and options (atoms as `ATOM_EXT`
//! when they are Latin-1 unless `{minor_version, 2}`, `NEW_FLOAT_EXT` unless
//! `{minor_version, 0}`, maps in `maps:to_list/1` order unless `deterministic`, and zlib
//! compression kept only when it is no larger). The decoder accepts every tag BEAM 25
//! accepts outside distribution (old pid/port/reference tags included; `FUN_EXT` is refused,
//! as since OTP 23) and is safe on any input: it first checks the whole structure against
//! the input length without allocating, then builds, so a hostile binary can make it neither
//! allocate without bound nor recurse.
//!
//! Both walk terms with explicit stacks, never recursing on the Rust stack. Where the
//! decoder knowingly differs from BEAM:
//! - pids, ports and references of other nodes (another node name, or our name with another
//!   creation) give [`DecodeError::Unsupported`]: distribution is not implemented yet. The
//!   encoder likewise refuses the external kinds ([`EncodeError::Unsupported`]);
//! - local pid numbers up to 2^28 and serials up to 2^32, and local port numbers up to 2^60,
//!   are accepted (BEAM: 15 and 13 bits, 28 bits), because our own identifiers may be that
//!   large (see [`Term::pid`]) and must survive a round trip;
//! - funs need the code tables, which live above this crate: the caller resolves them
//!   through [`DecodeOptions`] (without a resolver, or when it finds nothing, decoding
//!   fails, where BEAM would make a fun entry for code not loaded yet);
//! - BEAM's internal `ATOM_INTERNAL_REF2/3` tags, which `binary_to_term` accepts, index our
//!   atom table, not BEAM's.

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
        EncodeOptions {
            compression: 0,
            minor_version: 1,
            deterministic: false,
        }
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
pub(crate) mod tests;
