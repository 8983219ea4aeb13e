//! A debugging disassembler: prints a [`BeamModule`] in the style of `erlc -S`.
//!
//! Instruction names come from the opcode table. Operands print as in
//! `erlc -S` where the loader knows enough (`{x,0}`, `{atom,ok}`, `nil`,
//! `{f,4}`, `{integer,-1}`, `{list,[...]}`, `{extfunc,lists,reverse,2}` for
//! import operands, `{location,"m.erl",3}` for line items); literals print as
//! `{literal,Index}` because decoding terms belongs to the term crate. The
//! output is for people, not for parsing: no compatibility is promised.

use std::fmt::Write;

use crate::instr::{AllocKind, Instr, Operand};
use crate::opcodes::Opcode;
use crate::BeamModule;

/// Renders the whole module, one instruction per line.
pub fn disasm(m: &BeamModule) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{{module, {}}}.", quote_atom(&m.name));
    let exports: Vec<String> = m
        .exports
        .iter()
        .map(|e| format!("{{{},{}}}", atom(m, e.function), e.arity))
        .collect();
    let _ = writeln!(out, "\n{{exports, [{}]}}.", exports.join(","));
    let _ = writeln!(out, "\n{{labels, {}}}.", m.label_count);
    for (i, instr) in m.code.iter().enumerate() {
        if let Some((name, arity, entry)) = function_start(m, i) {
            let _ = writeln!(
                out,
                "\n\n{{function, {}, {}, {}}}.",
                atom(m, name),
                arity,
                entry
            );
        }
        let indent = if instr.op == Opcode::Label {
            "  "
        } else {
            "    "
        };
        let _ = writeln!(out, "{indent}{}.", render_instr(m, instr));
    }
    out
}

/// If instruction `i` is the first label of a function, that function's
/// name atom, arity and entry label.
fn function_start(m: &BeamModule, i: usize) -> Option<(u32, u32, u32)> {
    if m.code.get(i)?.op != Opcode::Label {
        return None;
    }
    let mut j = i + 1;
    if m.code.get(j)?.op == Opcode::Line {
        j += 1;
    }
    let fi = m.code.get(j)?;
    let entry = m.code.get(j + 1)?;
    match (fi.op, fi.args.as_slice(), entry.args.as_slice()) {
        (Opcode::FuncInfo, [_, Operand::Atom(f), Operand::Literal(a)], [Operand::Literal(e)]) => {
            Some((*f, *a, *e))
        }
        _ => None,
    }
}

/// Renders one instruction without indentation or the final period.
pub fn render_instr(m: &BeamModule, instr: &Instr) -> String {
    if instr.args.is_empty() {
        return instr.op.name().to_owned();
    }
    let import_pos = instr.op.import_operand();
    let lambda_pos = instr.op.lambda_operand();
    let args: Vec<String> = instr
        .args
        .iter()
        .enumerate()
        .map(|(pos, op)| match (op, instr.op) {
            (Operand::Literal(i), _) if Some(pos) == import_pos => extfunc(m, *i),
            (Operand::Literal(i), _) if Some(pos) == lambda_pos => lambda(m, *i),
            (Operand::Literal(i), Opcode::Line) => location(m, *i),
            _ => render_operand(m, op),
        })
        .collect();
    format!("{{{},{}}}", instr.op.name(), args.join(","))
}

/// Renders one operand.
pub fn render_operand(m: &BeamModule, op: &Operand) -> String {
    match op {
        Operand::Literal(v) => v.to_string(),
        Operand::WideLiteral(v) => v.to_string(),
        Operand::Integer(v) => format!("{{integer,{v}}}"),
        Operand::BigInt(v) => format!("{{integer,{v}}}"),
        Operand::Atom(0) => "nil".to_owned(),
        Operand::Atom(i) => format!("{{atom,{}}}", atom(m, *i)),
        Operand::X(r) => format!("{{x,{r}}}"),
        Operand::Y(r) => format!("{{y,{r}}}"),
        Operand::Label(l) => format!("{{f,{l}}}"),
        Operand::Char(c) => format!("{{char,{c}}}"),
        Operand::FloatReg(r) => format!("{{fr,{r}}}"),
        Operand::List(items) => {
            let items: Vec<String> = items.iter().map(|o| render_operand(m, o)).collect();
            format!("{{list,[{}]}}", items.join(","))
        }
        Operand::AllocList(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|(k, n)| {
                    let k = match k {
                        AllocKind::Words => "words",
                        AllocKind::Floats => "floats",
                        AllocKind::Funs => "funs",
                    };
                    format!("{{{k},{n}}}")
                })
                .collect();
            format!("{{alloc,[{}]}}", items.join(","))
        }
        Operand::LiteralIndex(i) => format!("{{literal,{i}}}"),
        Operand::TypedReg { reg, type_index } => {
            format!("{{tr,{},{type_index}}}", render_operand(m, reg))
        }
    }
}

/// The atom with 1-based index `i`, quoted if needed (`'?'` if out of range).
fn atom(m: &BeamModule, i: u32) -> String {
    match (i as usize).checked_sub(1).and_then(|k| m.atoms.get(k)) {
        Some(a) => quote_atom(a),
        None => "'?'".to_owned(),
    }
}

fn extfunc(m: &BeamModule, i: u32) -> String {
    match m.imports.get(i as usize) {
        Some(imp) => format!(
            "{{extfunc,{},{},{}}}",
            atom(m, imp.module),
            atom(m, imp.function),
            imp.arity
        ),
        None => format!("{{extfunc,{i}}}"),
    }
}

fn lambda(m: &BeamModule, i: u32) -> String {
    match m.lambdas.get(i as usize) {
        Some(l) => format!("{{lambda,{i},{}/{}}}", atom(m, l.function), l.arity),
        None => format!("{{lambda,{i}}}"),
    }
}

fn location(m: &BeamModule, i: u32) -> String {
    let lines = match &m.lines {
        Some(l) => l,
        None => return format!("[{i}]"),
    };
    match lines.items.get(i as usize) {
        Some(item) if i > 0 => {
            let file = lines
                .files
                .get(item.file as usize)
                .map(String::as_str)
                .unwrap_or("?");
            format!("[{{location,{file:?},{}}}]", item.line)
        }
        _ => "[]".to_owned(),
    }
}

/// Quotes an atom the way Erlang prints it: bare when it is a lowercase
/// word that is not a reserved word, otherwise in single quotes.
pub fn quote_atom(name: &str) -> String {
    const RESERVED: [&str; 28] = [
        "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
        "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive",
        "rem", "try", "when", "xor", "maybe",
    ];
    let mut chars = name.chars();
    let bare = matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@')
        && !RESERVED.contains(&name);
    if bare {
        return name.to_owned();
    }
    let mut out = String::from("'");
    for c in name.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\x{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::minimal_beam;

    #[test]
    fn quoting() {
        assert_eq!(quote_atom("ok"), "ok");
        assert_eq!(quote_atom("Ok"), "'Ok'");
        assert_eq!(quote_atom("-f/0-fun-0-"), "'-f/0-fun-0-'");
        assert_eq!(quote_atom("receive"), "'receive'");
        assert_eq!(quote_atom("it's"), "'it\\'s'");
        assert_eq!(quote_atom(""), "''");
    }

    #[test]
    fn minimal_module_listing() {
        let m = crate::load(&minimal_beam()).unwrap();
        let text = disasm(&m);
        assert!(text.contains("{function, f, 0, 2}."), "{text}");
        assert!(
            text.contains("  {label,1}.\n    {func_info,{atom,m},{atom,f},0}.\n  {label,2}."),
            "{text}"
        );
        assert!(
            text.contains("    {move,{atom,ok},{x,0}}.\n    return.\n    int_code_end."),
            "{text}"
        );
    }
}
