//! Natives of `enigma_io`, the byte-level half of the I/O server that `enigma run` gives its
//! processes as group leader (its Erlang half is `crates/vm/erl/enigma_io_server.erl`).

use std::io::{BufRead, Read, Write};

use enigma_term::{atom, build, Term};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult};
use crate::process::Process;

/// Characters of chardata (a possibly deep list of code points and binaries) in `encoding`
/// of its binaries (`unicode`: UTF-8, `latin1`: bytes). `None` if malformed.
pub fn chardata_chars(t: Term, binaries_utf8: bool, out: &mut Vec<u32>) -> Option<()> {
    let mut work = vec![t];
    while let Some(t) = work.pop() {
        if let Some(c) = t.as_small() {
            if !(0..=0x10FFFF).contains(&c) {
                return None;
            }
            out.push(c as u32);
        } else if let Some((h, tl)) = t.as_cons() {
            work.push(tl);
            work.push(h);
        } else if t.is_nil() {
        } else if let Some(bytes) = t.binary_bytes() {
            if binaries_utf8 {
                out.extend(std::str::from_utf8(&bytes).ok()?.chars().map(|c| c as u32));
            } else {
                out.extend(bytes.iter().map(|b| *b as u32));
            }
        } else {
            return None;
        }
    }
    Some(())
}

/// `write(Stream, DeviceEncoding, {Encoding, Chars})`: writes to `stdout` or `stderr` as
/// erl's `user` and `standard_error` would.
fn write_3(_p: &mut Process, a: &[Term]) -> BifResult {
    let to_stderr = match a[0].as_atom() {
        Some(s) if s == atom::STDOUT => false,
        Some(s) if s == atom::STDERR => true,
        _ => return Err(badarg()),
    };
    let device = a[1].as_atom().ok_or_else(badarg)?;
    let (enc, data) = match a[2].as_tuple() {
        Some([e, d]) => (e.as_atom().ok_or_else(badarg)?, *d),
        _ => return Err(badarg()),
    };
    let mut chars = Vec::new();
    if chardata_chars(data, enc == atom::UNICODE, &mut chars).is_none() {
        return Ok(error_tuple(_p, atom::PUT_CHARS));
    }
    let mut bytes = Vec::with_capacity(chars.len());
    for c in chars {
        if device == atom::UNICODE {
            let mut buf = [0u8; 4];
            if let Some(ch) = char::from_u32(c) {
                bytes.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
        } else if c < 256 {
            bytes.push(c as u8);
        } else {
            bytes.extend_from_slice(format!("\\x{{{c:X}}}").as_bytes());
        }
    }
    if to_stderr {
        let _ = std::io::stderr().lock().write_all(&bytes);
    } else {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(&bytes);
        let _ = out.flush();
    }
    Ok(Term::atom(atom::OK))
}

fn error_tuple(p: &mut Process, what: enigma_term::Atom) -> Term {
    let inner = build::tuple(&mut p.heap, &[Term::atom(what), Term::atom(atom::BADARG)]);
    build::tuple(&mut p.heap, &[Term::atom(atom::ERROR), inner])
}

/// `read_line()`: the next line of stdin (with its newline) as a binary, or `eof`.
fn read_line_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let mut buf = Vec::new();
    match std::io::stdin().lock().read_until(b'\n', &mut buf) {
        Ok(0) => Ok(Term::atom(atom::EOF)),
        Ok(_) => Ok(build::binary_from_vec(&mut p.heap, buf)),
        Err(_) => Ok(Term::atom(atom::EOF)),
    }
}

/// `read_chars(N)`: up to N bytes of stdin as a binary, or `eof`.
fn read_chars_1(p: &mut Process, a: &[Term]) -> BifResult {
    let n = a[0].as_small().filter(|n| *n >= 0).ok_or_else(badarg)? as u64;
    let mut buf = Vec::new();
    match std::io::stdin().lock().take(n).read_to_end(&mut buf) {
        Ok(0) if n > 0 => Ok(Term::atom(atom::EOF)),
        Ok(_) => Ok(build::binary_from_vec(&mut p.heap, buf)),
        Err(_) => Ok(Term::atom(atom::EOF)),
    }
}

pub const BIFS: &[BifEntry] = &[
    bif!("enigma_io", "write", 3, write_3),
    bif!("enigma_io", "read_line", 0, read_line_0),
    bif!("enigma_io", "read_chars", 1, read_chars_1),
];
