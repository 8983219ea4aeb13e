//! The file-name BIFs of `prim_file` (in BEAM's `erl_unicode.c`): names to the native
//! encoding and back. Enigma's native name encoding is UTF-8, as BEAM's `+fnu`.

use enigma_term::{atom, build, Term};

use super::atom_term;
use crate::emulator::exception::{badarg, BifResult, Fault};
use crate::process::Process;

/// `internal_name2native(Name)`: a file name (a flat or deep list of characters, or a
/// binary) as NUL-terminated UTF-8 bytes. `badarg` for an atom, a NUL character, a
/// character UTF-8 cannot encode, or anything but characters and lists.
pub(super) fn internal_name2native_1(p: &mut Process, a: &[Term]) -> BifResult {
    let name = a[0];
    let mut out: Vec<u8> = Vec::new();
    if let Some(bytes) = name.binary_bytes() {
        if bytes.contains(&0) {
            return Err(badarg());
        }
        out.extend_from_slice(&bytes);
    } else if name.is_list() {
        // Walk the deep list with an explicit stack of the tails still to visit.
        let mut stack = vec![name];
        while let Some(mut l) = stack.pop() {
            while let Some((h, t)) = l.as_cons() {
                if let Some(c) = h.as_small() {
                    let ch = u32::try_from(c)
                        .ok()
                        .filter(|&c| c != 0)
                        .and_then(char::from_u32)
                        .ok_or_else(badarg)?;
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                } else if h.is_list() {
                    stack.push(t);
                    l = h;
                    continue;
                } else {
                    return Err(badarg());
                }
                l = t;
            }
            if !l.is_nil() {
                return Err(badarg());
            }
        }
    } else {
        return Err(badarg());
    }
    out.push(0);
    Ok(build::binary_from_vec(&mut p.heap, out))
}

/// The bytes of a binary argument: `badarg` for anything else (bitstrings too).
fn utf8_arg(t: Term) -> Result<std::borrow::Cow<'static, [u8]>, Fault> {
    t.binary_bytes().ok_or_else(badarg)
}

/// `internal_native2name(Bin)`: a name the system gave, as a list of characters;
/// `{error, warning}` if it is not UTF-8 (BEAM's default `+fnuw`).
pub(super) fn internal_native2name_1(p: &mut Process, a: &[Term]) -> BifResult {
    let bytes = utf8_arg(a[0])?;
    match std::str::from_utf8(&bytes) {
        Ok(s) => Ok(build::str_list(&mut p.heap, s)),
        Err(_) => {
            let w = atom_term("warning");
            Ok(build::tuple(&mut p.heap, &[Term::atom(atom::ERROR), w]))
        }
    }
}

/// `internal_normalize_utf8(Bin)`: the characters of a UTF-8 binary. BEAM also composes
/// decomposed characters (macOS names); Enigma does not yet.
pub(super) fn internal_normalize_utf8_1(p: &mut Process, a: &[Term]) -> BifResult {
    let bytes = utf8_arg(a[0])?;
    let s = std::str::from_utf8(&bytes).map_err(|_| badarg())?;
    Ok(build::str_list(&mut p.heap, s))
}

/// `is_translatable(Bin)`: whether a raw name is valid UTF-8.
pub(super) fn is_translatable_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let bytes = utf8_arg(a[0])?;
    Ok(Term::bool(std::str::from_utf8(&bytes).is_ok()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::instr::Mfa;

    fn proc(n: u64) -> Process {
        Process::new(
            Term::pid(n),
            Default::default(),
            Term::NIL,
            Mfa {
                module: atom::ERLANG,
                function: atom::APPLY,
                arity: 0,
            },
        )
    }

    #[test]
    fn name2native_encodes_deep_lists() {
        let mut p = proc(2);
        let inner = build::str_list(&mut p.heap, "b\u{20AC}");
        let l = build::list(&mut p.heap, &[Term::small('a' as i64), inner, Term::NIL]);
        let r = internal_name2native_1(&mut p, &[l]).ok();
        assert_eq!(
            r.and_then(|t| t.binary_bytes()).as_deref(),
            Some(&b"ab\xE2\x82\xAC\0"[..])
        );
        let bad = build::list(&mut p.heap, &[Term::small(0)]);
        assert!(internal_name2native_1(&mut p, &[bad]).is_err());
        assert!(internal_name2native_1(&mut p, &[Term::atom(atom::OK)]).is_err());
    }
}
