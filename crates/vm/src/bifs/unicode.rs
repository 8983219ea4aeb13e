//! BIFs of the `unicode` module: `characters_to_binary/2` and `characters_to_list/2` for
//! `latin1`, `unicode` and `utf8` input, and `bin_is_7bit/1`. The other encodings (UTF-16,
//! UTF-32) and `characters_to_binary/3` are Erlang code in stdlib's `unicode.erl`, which
//! these BIFs trap to, as BEAM's do.
//!
//! Both BIFs first encode their input as UTF-8 (a list's characters and binaries in order,
//! depth first), then return the bytes as a binary or decode them into a list. A character
//! sequence split across binaries is joined ("leftover" bytes carried from one binary to the
//! next). The results on bad input are exactly BEAM's:
//!
//! - `badarg` when a scan of the input (stopping at the first bignum) meets something that
//!   is not a character, a list, a binary or `[]` (an atom, a float, a bitstring, an
//!   improper tail other than a binary);
//! - `{error, Converted, Rest}` at the first character that cannot be encoded (a negative
//!   integer, a surrogate, above `16#10FFFF`, above 255 for `latin1`, a bignum, invalid
//!   UTF-8), where `Rest` is the unconverted input, nested as the input was;
//! - `{incomplete, Converted, RestBinary}` when the input ends inside a UTF-8 sequence.
//!
//! The work is done in one call; BEAM splits it into slices of a few thousand characters
//! (invisible except in reductions).

use enigma_term::{atom, build, Term, TermAlloc};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult, Fault};
use crate::process::Process;

/// How an encoding run ended.
enum Outcome {
    Done,
    /// An unencodable character or invalid UTF-8; the term is the rest of the input.
    Error(Term),
}

/// UTF-8 encoder state: the output and the bytes of a sequence begun at the end of a binary.
struct Encoder {
    latin1: bool,
    out: Vec<u8>,
    leftover: Vec<u8>,
}

/// Length of the UTF-8 sequence a lead byte starts (0 for a byte that cannot start one).
fn utf8_len(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 0,
    }
}

fn is_cont(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Whether the complete sequence `s` (of its lead byte's length) is valid UTF-8: no
/// overlong forms, no surrogates, nothing above `U+10FFFF`.
fn valid_sequence(s: &[u8]) -> bool {
    match *s {
        [a] => a < 0x80,
        [a, b] => is_cont(b) && a >= 0xC2,
        [a, b, c] => {
            is_cont(b)
                && is_cont(c)
                && !(a == 0xE0 && b < 0xA0)
                && !(a & 0x0F == 0x0D && b & 0x20 != 0)
        }
        [a, b, c, d] => {
            is_cont(b)
                && is_cont(c)
                && is_cont(d)
                && !(a == 0xF0 && b < 0x90)
                && (a & 7 < 4 || (a & 7 == 4 && b & 0x3F <= 0x0F))
        }
        _ => false,
    }
}

/// Whether leftover bytes at the very end of the input are the start of a valid sequence
/// (`incomplete`) rather than already wrong (`error`): BEAM's `check_leftovers`.
fn leftover_is_incomplete(s: &[u8]) -> bool {
    let Some(&a) = s.first() else { return false };
    match a {
        _ if a & 0xE0 == 0xC0 => true,
        _ if a & 0xF0 == 0xE0 => {
            s.len() < 2 || (s.len() < 3 && s.get(1).is_some_and(|&b| is_cont(b)))
        }
        _ if a & 0xF8 == 0xF0 => {
            s.len() < 2
                || (s.len() < 3 && s.get(1).is_some_and(|&b| is_cont(b)))
                || (s.len() < 4
                    && s.get(1).is_some_and(|&b| is_cont(b))
                    && s.get(2).is_some_and(|&b| is_cont(b)))
        }
        _ => false,
    }
}

impl Encoder {
    /// Encodes one integer character; `false` if it cannot be encoded.
    fn char(&mut self, t: Term) -> bool {
        let Some(v) = t.as_small() else { return false };
        // BEAM reads a negative small as a huge unsigned value: never a character.
        let Ok(x) = u32::try_from(v) else {
            return false;
        };
        if self.latin1 && x > 255 {
            return false;
        }
        match char::from_u32(x) {
            Some(c) => {
                let mut buf = [0u8; 4];
                self.out
                    .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                true
            }
            None => false,
        }
    }

    /// Encodes a binary. On invalid UTF-8 returns the offset of the bad sequence within it
    /// (0 when the sequence carried over from the previous binary is what fails).
    fn binary(&mut self, bytes: &[u8]) -> Result<(), usize> {
        if self.latin1 {
            for &b in bytes {
                let mut buf = [0u8; 4];
                self.out
                    .extend_from_slice(char::from(b).encode_utf8(&mut buf).as_bytes());
            }
            return Ok(());
        }
        let mut pos = 0;
        if let Some(&lead) = self.leftover.first() {
            let need = utf8_len(lead).saturating_sub(self.leftover.len());
            if bytes.len() < need {
                self.leftover.extend_from_slice(bytes);
                return Ok(());
            }
            let mut seq = self.leftover.clone();
            seq.extend_from_slice(bytes.get(..need).unwrap_or(&[]));
            if !valid_sequence(&seq) {
                return Err(0);
            }
            self.out.extend_from_slice(&seq);
            self.leftover.clear();
            pos = need;
        }
        while let Some(&lead) = bytes.get(pos) {
            let n = utf8_len(lead);
            if n == 0 {
                return Err(pos);
            }
            let rest = bytes.get(pos..).unwrap_or(&[]);
            if rest.len() < n {
                self.leftover.extend_from_slice(rest);
                return Ok(());
            }
            let seq = rest.get(..n).unwrap_or(&[]);
            if !valid_sequence(seq) {
                return Err(pos);
            }
            self.out.extend_from_slice(seq);
            pos += n;
        }
        Ok(())
    }
}

/// BEAM's pre-scan (`utf8_need`): whether the input has the shape of character data, up to
/// the first bignum (a bignum ends the scan: the encoder reports it as an error tuple).
fn well_formed(t: Term) -> bool {
    let binary_ok = |b: Term| b.as_bits().is_some_and(|bits| bits.bit_size % 8 == 0);
    if t.is_nil() {
        return true;
    }
    if t.is_bitstring() {
        return binary_ok(t);
    }
    if !t.is_cons() {
        return false;
    }
    let mut stack = vec![t];
    while let Some(mut l) = stack.pop() {
        while let Some((h, tail)) = l.as_cons() {
            if h.is_small() || h.is_nil() {
            } else if h.is_cons() {
                stack.push(tail);
                l = h;
                continue;
            } else if h.is_bitstring() {
                if !binary_ok(h) {
                    return false;
                }
            } else {
                return h.is_bignum();
            }
            l = tail;
        }
        if !(l.is_nil() || l.is_bitstring() && binary_ok(l)) {
            return false;
        }
    }
    true
}

/// The rest of binary `b` from byte `off` on (a sub-binary sharing its bytes).
fn binary_rest(heap: &mut dyn TermAlloc, b: Term, off: usize) -> Term {
    let size = b.as_bits().map_or(0, |bits| bits.bit_size / 8);
    build::sub_binary(heap, b, off * 8, size.saturating_sub(off) * 8)
}

fn encode_binary(enc: &mut Encoder, heap: &mut dyn TermAlloc, b: Term) -> Outcome {
    let Some(bytes) = b.binary_bytes() else {
        return Outcome::Error(b);
    };
    match enc.binary(&bytes) {
        Ok(()) => Outcome::Done,
        Err(off) => Outcome::Error(binary_rest(heap, b, off)),
    }
}

/// Encodes `input` (already checked by [`well_formed`]).
fn encode(enc: &mut Encoder, heap: &mut dyn TermAlloc, input: Term) -> Outcome {
    if input.is_bitstring() {
        return encode_binary(enc, heap, input);
    }
    // Tails of enclosing lists still to do, innermost last.
    let mut pending: Vec<Term> = Vec::new();
    let mut l = input;
    let failed = 'walk: loop {
        while let Some((h, tail)) = l.as_cons() {
            if h.is_cons() {
                pending.push(tail);
                l = h;
                continue;
            }
            if h.is_nil() {
                l = tail;
                continue;
            }
            if h.is_bitstring() {
                if let Outcome::Error(rest) = encode_binary(enc, heap, h) {
                    break 'walk Some(build::cons(heap, rest, tail));
                }
                l = tail;
                continue;
            }
            if !enc.leftover.is_empty() || !enc.char(h) {
                break 'walk Some(l);
            }
            l = tail;
        }
        if l.is_bitstring() {
            if let Outcome::Error(rest) = encode_binary(enc, heap, l) {
                break 'walk Some(rest);
            }
        } else if !l.is_nil() {
            break 'walk Some(l);
        }
        match pending.pop() {
            Some(t) => l = t,
            None => break 'walk None,
        }
    };
    match failed {
        None => Outcome::Done,
        Some(mut rest) => {
            while let Some(t) = pending.pop() {
                rest = build::cons(heap, rest, t);
            }
            Outcome::Error(rest)
        }
    }
}

/// The result of converting character data to UTF-8.
enum Converted {
    Ok(Vec<u8>),
    Error(Vec<u8>, Term),
    Incomplete(Vec<u8>, Term),
}

/// Converts character data in `latin1` or UTF-8 to UTF-8 bytes, with BEAM's error results.
fn to_utf8(heap: &mut dyn TermAlloc, input: Term, latin1: bool) -> Result<Converted, Fault> {
    if !well_formed(input) {
        return Err(badarg());
    }
    let mut enc = Encoder {
        latin1,
        out: Vec::new(),
        leftover: Vec::new(),
    };
    let outcome = encode(&mut enc, heap, input);
    Ok(match outcome {
        Outcome::Error(rest) if !enc.leftover.is_empty() => {
            let lb = build::binary(heap, &enc.leftover);
            let rest = build::list(heap, &[lb, rest]);
            Converted::Error(enc.out, rest)
        }
        Outcome::Error(rest) => Converted::Error(enc.out, rest),
        Outcome::Done if !enc.leftover.is_empty() => {
            let lb = build::binary(heap, &enc.leftover);
            if leftover_is_incomplete(&enc.leftover) {
                Converted::Incomplete(enc.out, lb)
            } else {
                Converted::Error(enc.out, lb)
            }
        }
        Outcome::Done => Converted::Ok(enc.out),
    })
}

/// `latin1` (true) or UTF-8 (false) input; `None` for an encoding left to Erlang code.
fn simple_encoding(t: Term) -> Option<bool> {
    match t.as_atom()? {
        atom::LATIN1 => Some(true),
        atom::UNICODE | atom::UTF8 => Some(false),
        _ => None,
    }
}

fn unicode_atom(name: &str) -> enigma_term::Atom {
    enigma_term::Atom::intern(name).unwrap_or(atom::UNDEFINED)
}

fn characters_to_binary_2(p: &mut Process, a: &[Term]) -> BifResult {
    let Some(latin1) = simple_encoding(a[1]) else {
        return Err(Fault::Trap {
            module: atom::UNICODE,
            function: unicode_atom("characters_to_binary_int"),
            args: a.to_vec(),
        });
    };
    // `[Binary]` is converted as `Binary` (which shows in the rest of an error).
    let subject = match a[0].as_cons() {
        Some((h, t)) if h.is_binary() && t.is_nil() => h,
        _ => a[0],
    };
    if subject.is_binary() && !latin1 {
        if let Some(bytes) = subject.binary_bytes() {
            if std::str::from_utf8(&bytes).is_ok() {
                return Ok(subject);
            }
        }
    }
    let heap = &mut p.heap;
    Ok(match to_utf8(heap, subject, latin1)? {
        Converted::Ok(bytes) => build::binary_from_vec(heap, bytes),
        Converted::Error(bytes, rest) => {
            let b = build::binary_from_vec(heap, bytes);
            build::tuple(heap, &[Term::atom(atom::ERROR), b, rest])
        }
        Converted::Incomplete(bytes, rest) => {
            let b = build::binary_from_vec(heap, bytes);
            build::tuple(heap, &[Term::atom(atom::INCOMPLETE), b, rest])
        }
    })
}

/// The characters of valid UTF-8 `bytes` as a list.
fn utf8_list(heap: &mut dyn TermAlloc, bytes: &[u8]) -> Term {
    let s = String::from_utf8_lossy(bytes);
    build::str_list(heap, &s)
}

fn characters_to_list_2(p: &mut Process, a: &[Term]) -> BifResult {
    let Some(latin1) = simple_encoding(a[1]) else {
        return Err(Fault::Trap {
            module: atom::UNICODE,
            function: unicode_atom("characters_to_list_int"),
            args: a.to_vec(),
        });
    };
    if a[0].is_bitstring() && !a[0].is_binary() {
        return Err(badarg());
    }
    let heap = &mut p.heap;
    Ok(match to_utf8(heap, a[0], latin1)? {
        Converted::Ok(bytes) => utf8_list(heap, &bytes),
        Converted::Error(bytes, rest) => {
            let l = utf8_list(heap, &bytes);
            build::tuple(heap, &[Term::atom(atom::ERROR), l, rest])
        }
        Converted::Incomplete(bytes, rest) => {
            let l = utf8_list(heap, &bytes);
            build::tuple(heap, &[Term::atom(atom::INCOMPLETE), l, rest])
        }
    })
}

fn bin_is_7bit_1(_p: &mut Process, a: &[Term]) -> BifResult {
    match a[0].binary_bytes() {
        Some(b) => Ok(Term::bool(b.iter().all(|&x| x < 0x80))),
        None => Ok(Term::FALSE),
    }
}

pub const BIFS: &[BifEntry] = &[
    bif!("unicode", "characters_to_binary", 2, characters_to_binary_2),
    bif!("unicode", "characters_to_list", 2, characters_to_list_2),
    bif!("unicode", "bin_is_7bit", 1, bin_is_7bit_1),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn proc() -> Process {
        crate::test_util::test_process()
    }

    fn show(t: Term) -> String {
        let mut s = String::new();
        enigma_term::print::write_term(&mut s, t);
        s
    }

    fn c2b(p: &mut Process, t: Term) -> String {
        match characters_to_binary_2(p, &[t, Term::atom(atom::UNICODE)]) {
            Ok(r) => show(r),
            Err(_) => "badarg".to_string(),
        }
    }

    #[test]
    fn errors_and_rests_match_erl() {
        let mut p = proc();
        let h = &mut p.heap;
        let b1 = build::binary(h, &[97, 255]);
        let l1 = build::list(h, &[b1, Term::small(98)]);
        let inner = build::list(h, &[Term::small(0x110000), Term::small(99)]);
        let mid = build::list(h, &[Term::small(98), inner, Term::small(100)]);
        let l2 = build::list(h, &[Term::small(97), mid, Term::small(101)]);
        let e2 = build::binary(h, &[97, 0xE2]);
        let x = build::list(h, &[e2, Term::small(120)]);
        let inc = build::binary(h, &[97, 0xE2, 0x82]);
        let split_a = build::binary(h, &[97, 0xE2]);
        let split_b = build::binary(h, &[0x82, 0xAC]);
        let split = build::list(h, &[split_a, split_b]);
        let atom_list = build::list(h, &[Term::atom(atom::OK)]);
        assert_eq!(c2b(&mut p, b1), "{error,<<97>>,<<255>>}");
        assert_eq!(c2b(&mut p, l1), "{error,<<97>>,[<<255>>,98]}");
        assert_eq!(
            c2b(&mut p, l2),
            "{error,<<97,98>>,[[[1114112,99],100],101]}"
        );
        assert_eq!(c2b(&mut p, x), "{error,<<97>>,[<<226>>,[120]]}");
        assert_eq!(c2b(&mut p, inc), "{incomplete,<<97>>,<<226,130>>}");
        assert_eq!(c2b(&mut p, split), "<<97,226,130,172>>");
        assert_eq!(c2b(&mut p, atom_list), "badarg");
    }

    #[test]
    fn leftovers_and_latin1() {
        let mut p = proc();
        let h = &mut p.heap;
        let e0 = build::binary(h, &[0xE0, 0x80]);
        let bad = build::binary(h, &[0xE0, 0x41]);
        let l = build::list(h, &[Term::small(233)]);
        assert_eq!(c2b(&mut p, e0), "{incomplete,<<>>,<<224,128>>}");
        assert_eq!(c2b(&mut p, bad), "{error,<<>>,<<224,65>>}");
        let r = characters_to_binary_2(&mut p, &[l, Term::atom(atom::LATIN1)])
            .ok()
            .map(show);
        assert_eq!(r.as_deref(), Some("<<195,169>>"));
        let r = characters_to_list_2(&mut p, &[e0, Term::atom(atom::UNICODE)])
            .ok()
            .map(show);
        assert_eq!(r.as_deref(), Some("{incomplete,[],<<224,128>>}"));
    }
}
