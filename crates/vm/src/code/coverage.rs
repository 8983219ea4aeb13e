//! The coverage report of `docs/STATUS.md`: which of OTP 25's generic instructions the loader
//! translates, and which of BEAM's BIFs Enigma implements, computed from the loader's opcode
//! table, the loader itself, BEAM's BIF list and the BIF registry — never written by hand.

use std::fmt::Write;

use enigma_loader::Opcode;
use enigma_term::Atom;

use crate::bifs;

/// The generated Markdown section.
pub fn report() -> String {
    let mut out = String::new();
    let current: Vec<Opcode> = Opcode::ALL
        .iter()
        .copied()
        .filter(|o| !o.is_obsolete())
        .collect();
    let missing_ops: Vec<&str> = current
        .iter()
        .filter(|o| !super::load::opcode_supported(**o))
        .map(|o| o.name())
        .collect();
    let _ = writeln!(out, "### Instructions\n");
    let _ = writeln!(
        out,
        "{} of {} OTP 25 generic instructions are translated ({} obsolete ones are rejected as BEAM does).\n",
        current.len() - missing_ops.len(),
        current.len(),
        Opcode::ALL.len() - current.len()
    );
    if !missing_ops.is_empty() {
        let _ = writeln!(
            out,
            "Not yet: {}.\n",
            missing_ops
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let _ = writeln!(
            out,
            "(`enigma check` reports which of these a set of modules uses: none of OTP 25's own modules does, as OTP 25's compiler builds binaries with `bs_create_bin`.)\n"
        );
    }
    let _ = writeln!(out, "### BIFs\n");
    let mut by_module: std::collections::BTreeMap<&str, (usize, Vec<String>)> = Default::default();
    for &(m, f, a) in bifs::beam_bifs::BEAM_BIFS {
        let entry = by_module.entry(m).or_default();
        entry.0 += 1;
        let have = match (Atom::intern(m), Atom::intern(f)) {
            (Ok(ma), Ok(fa)) => bifs::lookup(ma, fa, a).is_some(),
            _ => false,
        };
        if !have {
            entry.1.push(format!("{f}/{a}"));
        }
    }
    let total: usize = by_module.values().map(|v| v.0).sum();
    let missing: usize = by_module.values().map(|v| v.1.len()).sum();
    let _ = writeln!(
        out,
        "{} of {} BEAM BIFs are implemented.\n",
        total - missing,
        total
    );
    let _ = writeln!(out, "| module | implemented | missing |");
    let _ = writeln!(out, "|---|---|---|");
    for (m, (n, miss)) in &by_module {
        let list = if miss.is_empty() {
            "—".to_owned()
        } else {
            miss.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let _ = writeln!(out, "| {m} | {} / {n} | {list} |", n - miss.len());
    }
    out
}
