//! Checks that span instructions and tables, run once every chunk is decoded.
//!
//! After decoding, each operand is known to be well formed and within the
//! atom, literal and type tables (`compact.rs`). This pass adds what needs the
//! whole module:
//!
//! * labels: each `label L` has `0 < L < label_count` and is defined once;
//!   every `f` operand is 0 ("no label") or a defined label;
//! * functions: each `func_info M F A` (with `M` the module's own atom and
//!   `A <= 255`) stands after `label` or `label, line` and before its entry
//!   `label`; no other code stands before the first function; the number of
//!   `func_info`s equals the header's function count;
//! * imports, lambdas, line items and strings that instructions refer to
//!   exist (import arities agree with `call_ext*` operands and BIF opcodes);
//! * every export, local and lambda names the entry label of a function
//!   with the same name and arity.
//!
//! For `bs_create_bin` only the segment list's shape (groups of six, each
//! starting with a type atom) and the bounds of `string` segments are
//! checked; the other segment operands are the emulator's to interpret.

use crate::chunks::imports::MAX_ARITY;
use crate::error::LoadError;
use crate::instr::{Instr, Operand};
use crate::opcodes::Opcode;
use crate::BeamModule;

/// What the code says about one label number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LabelInfo {
    /// No `label` instruction defines it.
    Undefined,
    /// Defined, inside a function body.
    Defined,
    /// Defined right after `func_info` for the function `name/arity`.
    Entry { name: u32, arity: u32 },
}

/// Runs every cross-table check on a decoded module.
pub(crate) fn check(m: &BeamModule) -> Result<(), LoadError> {
    let labels = check_structure(m)?;
    check_references(m, &labels)?;
    check_entries(m, &labels)
}

fn bad_function(instr: usize, reason: &'static str) -> LoadError {
    LoadError::BadFunction { instr, reason }
}

/// Defines labels and checks the shape of every function.
fn check_structure(m: &BeamModule) -> Result<Vec<LabelInfo>, LoadError> {
    // `label_count` is bounded by the code size (code.rs), so this is too.
    let mut labels = vec![LabelInfo::Undefined; m.label_count as usize];
    let mut functions = 0u32;
    let mut in_function = false;
    let mut pending_entry: Option<LabelInfo> = None;
    for (i, instr) in m.code.iter().enumerate() {
        match instr.op {
            Opcode::Label => {
                let label = match instr.args.first() {
                    Some(Operand::Literal(l)) => *l,
                    _ => return Err(bad_function(i, "label operand is not an untagged number")),
                };
                let slot = labels.get_mut(label as usize).filter(|_| label > 0).ok_or(
                    LoadError::LabelOutOfRange {
                        label,
                        count: m.label_count,
                    },
                )?;
                if *slot != LabelInfo::Undefined {
                    return Err(LoadError::DuplicateLabel { label });
                }
                *slot = pending_entry.take().unwrap_or(LabelInfo::Defined);
            }
            Opcode::FuncInfo => {
                let (name, arity) = match instr.args.as_slice() {
                    [Operand::Atom(1), Operand::Atom(f), Operand::Literal(a)]
                        if *f > 0 && *a <= MAX_ARITY =>
                    {
                        (*f, *a)
                    }
                    _ => {
                        return Err(bad_function(
                            i,
                            "func_info operands are not {module atom, atom, arity}",
                        ))
                    }
                };
                let before = i.checked_sub(1).and_then(|j| m.code.get(j)).map(|x| x.op);
                let before2 = i.checked_sub(2).and_then(|j| m.code.get(j)).map(|x| x.op);
                let preceded = matches!(
                    (before2, before),
                    (_, Some(Opcode::Label)) | (Some(Opcode::Label), Some(Opcode::Line))
                );
                if !preceded {
                    return Err(bad_function(i, "func_info not preceded by a label"));
                }
                if m.code.get(i + 1).map(|x| x.op) != Some(Opcode::Label) {
                    return Err(bad_function(i, "func_info not followed by an entry label"));
                }
                functions = functions.saturating_add(1);
                in_function = true;
                pending_entry = Some(LabelInfo::Entry { name, arity });
            }
            Opcode::Line | Opcode::IntCodeEnd => {}
            _ if !in_function => return Err(bad_function(i, "code before the first function")),
            _ => {}
        }
    }
    if functions != m.function_count {
        return Err(LoadError::FunctionCount {
            declared: m.function_count,
            found: functions,
        });
    }
    Ok(labels)
}

/// Checks one label reference.
fn check_label(label: u32, labels: &[LabelInfo], count: u32) -> Result<(), LoadError> {
    match labels.get(label as usize) {
        _ if label == 0 => Ok(()),
        None => Err(LoadError::LabelOutOfRange { label, count }),
        Some(LabelInfo::Undefined) => Err(LoadError::UndefinedLabel { label }),
        Some(_) => Ok(()),
    }
}

/// Checks every label operand, recursing into lists.
fn check_operand_labels(op: &Operand, labels: &[LabelInfo], count: u32) -> Result<(), LoadError> {
    match op {
        Operand::Label(l) => check_label(*l, labels, count),
        Operand::List(items) => items
            .iter()
            .try_for_each(|o| check_operand_labels(o, labels, count)),
        _ => Ok(()),
    }
}

/// The untagged number at operand `pos`, or a [`LoadError::BadInstruction`].
fn literal_at(instr: &Instr, pos: usize, i: usize, reason: &'static str) -> Result<u32, LoadError> {
    match instr.args.get(pos) {
        Some(Operand::Literal(v)) => Ok(*v),
        _ => Err(LoadError::BadInstruction { instr: i, reason }),
    }
}

fn index_error(table: &'static str, index: u32, count: usize) -> LoadError {
    LoadError::IndexOutOfRange {
        table,
        index: u64::from(index),
        count: count as u64,
    }
}

/// Checks labels, imports, lambdas, line items and strings used by instructions.
fn check_references(m: &BeamModule, labels: &[LabelInfo]) -> Result<(), LoadError> {
    let mut line_instrs = 0u64;
    for (i, instr) in m.code.iter().enumerate() {
        for op in &instr.args {
            check_operand_labels(op, labels, m.label_count)?;
        }
        if let Some(pos) = instr.op.import_operand() {
            let index = literal_at(instr, pos, i, "import operand is not an untagged number")?;
            let import = m.imports.get(index as usize).ok_or(index_error(
                "import",
                index,
                m.imports.len(),
            ))?;
            let arity = match instr.op.import_arity() {
                Some(a) => a,
                None => literal_at(instr, 0, i, "call arity is not an untagged number")?,
            };
            if import.arity != arity {
                return Err(LoadError::BadInstruction {
                    instr: i,
                    reason: "arity differs from the imported function's",
                });
            }
        }
        if let Some(pos) = instr.op.lambda_operand() {
            match instr.args.get(pos) {
                Some(Operand::Literal(index)) if (*index as usize) < m.lambdas.len() => {}
                Some(Operand::Literal(index)) => {
                    return Err(index_error("lambda", *index, m.lambdas.len()))
                }
                Some(Operand::Atom(_)) if instr.op == Opcode::CallFun2 => {}
                _ => {
                    return Err(LoadError::BadInstruction {
                        instr: i,
                        reason: "lambda operand is not an index",
                    })
                }
            }
        }
        match instr.op {
            Opcode::Line => {
                line_instrs += 1;
                let item = literal_at(instr, 0, i, "line operand is not an untagged number")?;
                if let Some(lines) = &m.lines {
                    if item as usize >= lines.items.len() {
                        return Err(index_error("line item", item, lines.items.len()));
                    }
                }
            }
            Opcode::BsPutString => {
                let len = literal_at(instr, 0, i, "string length is not an untagged number")?;
                let offset = literal_at(instr, 1, i, "string offset is not an untagged number")?;
                check_string(m, i, u64::from(offset), u64::from(len))?;
            }
            Opcode::BsMatchString => {
                let bits = literal_at(instr, 2, i, "string size is not an untagged number")?;
                let offset = literal_at(instr, 3, i, "string offset is not an untagged number")?;
                check_string(m, i, u64::from(offset), u64::from(bits).div_ceil(8))?;
            }
            Opcode::BsCreateBin => check_create_bin(m, instr, i)?,
            _ => {}
        }
    }
    if let Some(lines) = &m.lines {
        if u64::from(lines.instr_count) > line_instrs {
            return Err(LoadError::BadChunk {
                id: "Line",
                reason: "more line instructions declared than the code has",
            });
        }
    }
    Ok(())
}

/// Checks `bs_create_bin`'s segment list: groups of six operands (type,
/// segment number, unit, flags, source, size), where a `string` segment's
/// source is an offset into the string table and its size a byte count.
fn check_create_bin(m: &BeamModule, instr: &Instr, i: usize) -> Result<(), LoadError> {
    let bad = |reason| LoadError::BadInstruction { instr: i, reason };
    let segments = match instr.args.last() {
        Some(Operand::List(items)) if items.len() % 6 == 0 => items,
        _ => {
            return Err(bad(
                "bs_create_bin segments are not a list of groups of six",
            ))
        }
    };
    for seg in segments.chunks_exact(6) {
        match seg {
            [Operand::Atom(t), _, _, _, src, size] if m.atom(*t) == Some("string") => {
                match (src, size) {
                    (Operand::Literal(offset), Operand::Integer(len)) if *len >= 0 => {
                        check_string(m, i, u64::from(*offset), len.unsigned_abs())?
                    }
                    _ => return Err(bad("string segment without an offset and a length")),
                }
            }
            [Operand::Atom(_), ..] => {}
            _ => return Err(bad("bs_create_bin segment type is not an atom")),
        }
    }
    Ok(())
}

/// Checks that `len` bytes at `offset` lie inside the string table.
fn check_string(m: &BeamModule, i: usize, offset: u64, len: u64) -> Result<(), LoadError> {
    if offset.saturating_add(len) > m.strings.len() as u64 {
        return Err(LoadError::BadInstruction {
            instr: i,
            reason: "string outside the string table",
        });
    }
    Ok(())
}

/// Checks that exports, locals and lambdas name function entry labels.
fn check_entries(m: &BeamModule, labels: &[LabelInfo]) -> Result<(), LoadError> {
    let tables = [
        (
            "export",
            m.exports
                .iter()
                .map(|e| (e.function, e.arity, e.label))
                .collect::<Vec<_>>(),
        ),
        (
            "local",
            m.locals
                .iter()
                .map(|e| (e.function, e.arity, e.label))
                .collect(),
        ),
        (
            "lambda",
            m.lambdas
                .iter()
                .map(|e| (e.function, e.arity, e.label))
                .collect(),
        ),
    ];
    for (table, entries) in tables {
        for (index, (function, arity, label)) in entries.into_iter().enumerate() {
            let bad = |reason| LoadError::BadEntry {
                table,
                index,
                reason,
            };
            match labels.get(label as usize) {
                Some(LabelInfo::Entry { name, arity: a }) if *name == function && *a == arity => {}
                Some(LabelInfo::Entry { .. }) => {
                    return Err(bad("name or arity differs from the function's"))
                }
                _ => return Err(bad("label is not a function entry")),
            }
        }
    }
    Ok(())
}
