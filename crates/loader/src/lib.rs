//! enigma-loader: reads a `.beam` file into a validated, decoded generic module.
//!
//! [`load`] splits the IFF container into chunks (`chunks.rs`), decodes each
//! chunk (`chunks/*.rs`), decodes the instruction stream with the compact term
//! encoding (`compact.rs`) against the opcode table (`opcodes.rs`), and finally
//! checks everything that spans tables (`validate.rs`). A [`BeamModule`] that
//! comes out is safe to index: every atom, literal, type, import, lambda, line
//! item and label it refers to exists, registers are below 1024, and every
//! opcode is a current OTP 25 opcode with its table arity. Any malformed input
//! gives a [`LoadError`]; nothing panics, loops without consuming input, or
//! allocates more than a small multiple of the input size.
//!
//! Left to other crates: decoding literal, attribute and compile-info terms
//! from the external term format (the term crate), and turning generic
//! instructions into the emulator's internal form (label offsets, import
//! resolution, specialisation). This crate depends on no other enigma crate.

#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

mod checksum;
mod chunks;
mod compact;
mod disasm;
mod error;
mod instr;
mod opcodes;
mod reader;
mod validate;

#[cfg(test)]
mod test_util;

pub use checksum::module_md5;

/// The contents of chunk `id` of the `.beam` in `bytes` (`erts_internal:beamfile_chunk/2`),
/// or `None` if the file is not a `.beam` container or has no such (non-empty) chunk.
pub fn chunk<'a>(bytes: &'a [u8], id: &[u8; 4]) -> Option<&'a [u8]> {
    chunks::split(bytes).ok()?.get(id).filter(|d| !d.is_empty())
}
pub use chunks::exports::ExportEntry;
pub use chunks::imports::{Import, MAX_ARITY};
pub use chunks::lambdas::Lambda;
pub use chunks::lines::{LineItem, LineTable};
pub use chunks::literals::{MAX_INFLATE_RATIO, MAX_LITERAL_TABLE_BYTES};
pub use chunks::types::{TypeEntry, TypeTable, TYPES_VERSION, TYPE_ANY};
pub use compact::MAX_REG;
pub use disasm::{disasm, quote_atom, render_instr, render_operand};
pub use error::LoadError;
pub use instr::{AllocKind, Instr, Operand};
pub use opcodes::{Opcode, MAX_OPCODE};

use chunks::atoms::Encoding;
use compact::Limits;

/// A decoded and validated `.beam` module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BeamModule {
    /// Atom names; `atoms[0]` is atom index 1 (the module name). Index 0 in
    /// code means `[]`.
    pub atoms: Vec<String>,
    /// The module name (`atoms[0]`).
    pub name: String,
    /// Generic instructions in file order, `label`, `line`, `func_info` and
    /// the final `int_code_end` included.
    pub code: Vec<Instr>,
    /// Labels are numbered `1..label_count` (from the `Code` header; at most
    /// the code size in bytes plus one).
    pub label_count: u32,
    /// Number of functions (equals the number of `func_info` instructions).
    pub function_count: u32,
    /// Imported functions; call and BIF instructions index this 0-based.
    pub imports: Vec<Import>,
    /// Exported functions (`ExpT`).
    pub exports: Vec<ExportEntry>,
    /// Local functions (`LocT`; empty if the chunk is absent, e.g. stripped).
    pub locals: Vec<ExportEntry>,
    /// Fun entries (`FunT`); `make_fun2`/`make_fun3`/`call_fun2` index this 0-based.
    pub lambdas: Vec<Lambda>,
    /// Each literal's external-term-format bytes exactly as stored (they start
    /// with 131); [`Operand::LiteralIndex`] indexes this.
    pub literals: Vec<Vec<u8>>,
    /// The string table (`StrT`; empty if absent).
    pub strings: Vec<u8>,
    /// Raw external-term-format bytes of the `Attr` chunk, if present and non-empty.
    pub attributes: Option<Vec<u8>>,
    /// Raw external-term-format bytes of the `CInf` chunk, if present and non-empty.
    pub compile_info: Option<Vec<u8>>,
    /// The decoded `Line` chunk, if present with version 0.
    pub lines: Option<LineTable>,
    /// The decoded `Type` chunk, if present with a known version. Without it,
    /// typed registers in the code were decoded as plain registers.
    pub types: Option<TypeTable>,
}

impl BeamModule {
    /// The name of the atom with 1-based index `index` (as operands and
    /// tables use), or `None` for 0 (`[]`) and out-of-range indices.
    pub fn atom(&self, index: u32) -> Option<&str> {
        let i = (index as usize).checked_sub(1)?;
        self.atoms.get(i).map(String::as_str)
    }
}

/// Parses and validates a `.beam` file.
pub fn load(bytes: &[u8]) -> Result<BeamModule, LoadError> {
    let chunks = chunks::split(bytes)?;

    let atoms = match (chunks.get(b"AtU8"), chunks.get(b"Atom")) {
        (Some(data), _) => chunks::atoms::parse(data, Encoding::Utf8)?,
        (None, Some(data)) => chunks::atoms::parse(data, Encoding::Latin1)?,
        (None, None) => return Err(LoadError::MissingChunk { id: "AtU8" }),
    };
    let name = atoms.first().cloned().ok_or(LoadError::BadChunk {
        id: "AtU8",
        reason: "no atoms",
    })?;
    let literals = match chunks.get(b"LitT") {
        Some(data) if !data.is_empty() => chunks::literals::parse(data)?,
        _ => Vec::new(),
    };
    let types = match chunks.get(b"Type") {
        Some(data) if !data.is_empty() => chunks::types::parse(data)?,
        _ => None,
    };

    let (header, code_bytes) = chunks::code::parse_header(chunks.require("Code")?)?;
    let limits = Limits {
        atoms: count_u32(atoms.len()),
        literals: count_u32(literals.len()),
        types: types.as_ref().map(|t| count_u32(t.entries.len())),
    };
    let code = chunks::code::decode(code_bytes, &limits)?;

    let imports = chunks::imports::parse(chunks.require("ImpT")?, atoms.len())?;
    let exports = chunks::exports::parse(chunks.require("ExpT")?, atoms.len(), "export")?;
    let locals = match chunks.get(b"LocT") {
        Some(data) => chunks::exports::parse(data, atoms.len(), "local")?,
        None => Vec::new(),
    };
    let lambdas = match chunks.get(b"FunT") {
        Some(data) if !data.is_empty() => chunks::lambdas::parse(data, atoms.len())?,
        _ => Vec::new(),
    };
    let lines = match chunks.get(b"Line") {
        Some(data) if !data.is_empty() => chunks::lines::parse(data, &name)?,
        _ => None,
    };

    let module = BeamModule {
        strings: chunks::strings::parse(chunks.get(b"StrT")),
        attributes: chunks::attributes::parse(chunks.get(b"Attr"), "Attr")?,
        compile_info: chunks::attributes::parse(chunks.get(b"CInf"), "CInf")?,
        atoms,
        name,
        code,
        label_count: header.label_count,
        function_count: header.function_count,
        imports,
        exports,
        locals,
        lambdas,
        literals,
        lines,
        types,
    };
    validate::check(&module)?;
    Ok(module)
}

/// A table length as `u32`; tables come from 32-bit counts, so this never saturates.
fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::{
        beam_with, build_beam, code_chunk, encode, minimal_beam, minimal_chunks, minimal_code,
        words,
    };

    #[test]
    fn loads_the_minimal_module() {
        let m = load(&minimal_beam()).unwrap();
        assert_eq!(m.name, "m");
        assert_eq!(m.atoms, ["m", "f", "ok"]);
        assert_eq!(m.atom(2), Some("f"));
        assert_eq!(m.atom(0), None);
        assert_eq!(
            m.exports,
            [ExportEntry {
                function: 2,
                arity: 0,
                label: 2
            }]
        );
        assert_eq!(m.code.len(), 6);
        assert!(m.literals.is_empty() && m.lines.is_none() && m.types.is_none());
    }

    #[test]
    fn every_truncation_of_a_chunk_is_an_error() {
        for (index, (id, data)) in minimal_chunks().into_iter().enumerate() {
            for cut in 0..data.len() {
                let mut chunks = minimal_chunks();
                chunks[index].1 = data[..cut].to_vec();
                let r = load(&build_beam(&chunks));
                // Only cutting the (ignored) tail of ExpT/ImpT could succeed,
                // and neither has one here.
                assert!(
                    r.is_err(),
                    "{} cut at {cut} loaded",
                    String::from_utf8_lossy(&id)
                );
            }
        }
    }

    #[test]
    fn missing_chunks() {
        for id in [*b"AtU8", *b"Code", *b"ImpT", *b"ExpT"] {
            let chunks: Vec<_> = minimal_chunks()
                .into_iter()
                .filter(|(i, _)| *i != id)
                .collect();
            assert!(matches!(
                load(&build_beam(&chunks)),
                Err(LoadError::MissingChunk { .. })
            ));
        }
        // StrT is optional.
        let chunks: Vec<_> = minimal_chunks()
            .into_iter()
            .filter(|(i, _)| i != b"StrT")
            .collect();
        assert!(load(&build_beam(&chunks)).is_ok());
    }

    #[test]
    fn bad_headers() {
        assert_eq!(load(b"").unwrap_err(), LoadError::NotIff);
        assert_eq!(load(b"FOR1\0\0\0\x04BEAN").unwrap_err(), LoadError::NotBeam);
        let mut b = minimal_beam();
        b[0] = b'X';
        assert_eq!(load(&b).unwrap_err(), LoadError::NotIff);
    }

    /// The minimal module with its code replaced.
    fn with_code(labels: u32, functions: u32, code: &[u8]) -> Result<BeamModule, LoadError> {
        load(&beam_with(b"Code", code_chunk(labels, functions, code)))
    }

    /// The minimal code with `extra` inserted before `return`.
    fn code_with(extra: &[u8]) -> Vec<u8> {
        let mut c = minimal_code();
        let ret = c.len() - 2;
        c.splice(ret..ret, extra.iter().copied());
        c
    }

    #[test]
    fn label_checks() {
        let jump = |l: i64| {
            let mut j = vec![61];
            j.extend(encode(5, l));
            code_with(&j)
        };
        assert!(with_code(3, 1, &jump(1)).is_ok());
        assert!(with_code(3, 1, &jump(0)).is_ok());
        assert_eq!(
            with_code(3, 1, &jump(3)).unwrap_err(),
            LoadError::LabelOutOfRange { label: 3, count: 3 }
        );
        assert_eq!(
            with_code(4, 1, &jump(3)).unwrap_err(),
            LoadError::UndefinedLabel { label: 3 }
        );
        let mut dup = vec![1];
        dup.extend(encode(0, 2));
        assert_eq!(
            with_code(3, 1, &code_with(&dup)).unwrap_err(),
            LoadError::DuplicateLabel { label: 2 }
        );
        assert!(matches!(
            with_code(3, 2, &minimal_code()),
            Err(LoadError::FunctionCount {
                declared: 2,
                found: 1
            })
        ));
    }

    #[test]
    fn function_structure_checks() {
        // Code before the first function.
        let mut c = vec![19];
        c.extend(minimal_code());
        assert!(matches!(
            with_code(3, 1, &c),
            Err(LoadError::BadFunction { .. })
        ));
        // func_info without its entry label.
        let c: Vec<u8> = minimal_code().into_iter().take(6).chain([19, 3]).collect();
        assert!(matches!(
            with_code(3, 1, &c),
            Err(LoadError::BadFunction { .. })
        ));
        // An export pointing at the function label rather than the entry label.
        let b = beam_with(b"ExpT", words(&[1, 2, 0, 1]));
        assert!(matches!(
            load(&b),
            Err(LoadError::BadEntry {
                table: "export",
                ..
            })
        ));
        let b = beam_with(b"ExpT", words(&[1, 2, 1, 2]));
        assert!(matches!(
            load(&b),
            Err(LoadError::BadEntry {
                table: "export",
                ..
            })
        ));
    }

    #[test]
    fn import_and_literal_checks() {
        // call_ext 1, import 0: the import table is empty.
        let mut call = vec![7];
        call.extend(encode(0, 1));
        call.extend(encode(0, 0));
        assert!(matches!(
            with_code(3, 1, &code_with(&call)),
            Err(LoadError::IndexOutOfRange {
                table: "import",
                ..
            })
        ));
        let mut chunks = minimal_chunks();
        chunks[1].1 = code_chunk(3, 1, &code_with(&call));
        chunks[3].1 = words(&[1, 1, 2, 1]);
        assert!(load(&build_beam(&chunks)).is_ok());
        chunks[3].1 = words(&[1, 1, 2, 2]);
        assert!(matches!(
            load(&build_beam(&chunks)),
            Err(LoadError::BadInstruction { .. })
        ));
        // A literal operand with no literal table.
        let mut mv = vec![64];
        mv.extend(encode(7, 4));
        mv.extend(encode(0, 0));
        mv.extend(encode(3, 0));
        assert!(matches!(
            with_code(3, 1, &code_with(&mv)),
            Err(LoadError::IndexOutOfRange {
                table: "literal",
                ..
            })
        ));
        // bs_put_string beyond the (empty) string table.
        let mut ps = vec![92];
        ps.extend(encode(0, 1));
        ps.extend(encode(0, 0));
        assert!(matches!(
            with_code(3, 1, &code_with(&ps)),
            Err(LoadError::BadInstruction { .. })
        ));
        let mut chunks = minimal_chunks();
        chunks[1].1 = code_chunk(3, 1, &code_with(&ps));
        chunks[2].1 = b"x".to_vec();
        assert!(load(&build_beam(&chunks)).is_ok());
    }

    #[test]
    fn bs_create_bin_string_segments() {
        let mut atoms = words(&[4]);
        for a in ["m", "f", "ok", "string"] {
            atoms.push(a.len() as u8);
            atoms.extend_from_slice(a.as_bytes());
        }
        let instr = |len: i64| {
            let mut c = vec![177];
            for (tag, v) in [
                (5, 0),
                (0, 0),
                (0, 1),
                (0, 1),
                (3, 0),
                (7, 1),
                (0, 6),
                (2, 4),
                (0, 1),
                (0, 8),
                (2, 0),
                (0, 0),
            ] {
                c.extend(encode(tag, v));
            }
            c.extend(encode(1, len));
            code_with(&c)
        };
        let module = |len: i64| {
            let mut chunks = minimal_chunks();
            chunks[0].1 = atoms.clone();
            chunks[1].1 = code_chunk(3, 1, &instr(len));
            chunks[2].1 = b"abc".to_vec();
            load(&build_beam(&chunks))
        };
        assert!(module(3).is_ok());
        assert!(matches!(module(4), Err(LoadError::BadInstruction { .. })));
        assert!(matches!(module(-1), Err(LoadError::BadInstruction { .. })));
    }
}
