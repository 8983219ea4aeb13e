//! Conversion BIFs of the `erlang` module: atoms, integers and floats to and from text,
//! tuples to and from lists (and the tuple-building BIFs), the external term format
//! (`term_to_binary`, `binary_to_term`, `term_to_iovec`, `external_size`), hashing
//! (`phash/2`, `phash2/1,2`), pids, ports, references and funs as text, and `fun_info/2`.
//!
//! The formats themselves live in the term crate (`float_fmt`, `etf`, `hash`, `print`);
//! this file parses the BIF arguments and options exactly as BEAM does and maps failures to
//! BEAM's exceptions (`badarg`, or `system_limit` for results too large).

use enigma_term::atom::{self, Atom, MAX_ATOM_CHARS};
use enigma_term::boxed::{self, FunEntry};
use enigma_term::etf::{self, DecodeError, DecodeOptions, EncodeError, EncodeOptions};
use enigma_term::float_fmt::{self, FloatFormat};
use enigma_term::{build, hash, integer, map, print, Term, TermAlloc};
use num_bigint::BigInt;

use crate::bif;
use crate::bifs::erlang::arith::{make_int, MAX_INT_BITS};
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, system_limit, BifResult, Fault};
use crate::process::Process;

/// Largest tuple (BEAM's `MAX_ARITYVAL`, 2^24 - 1 elements).
pub const MAX_TUPLE_SIZE: usize = (1 << 24) - 1;

/// A list of bytes as an Erlang string.
fn byte_list(heap: &mut dyn TermAlloc, bytes: &[u8]) -> Term {
    build::string_list(heap, bytes.iter().map(|&b| u32::from(b)))
}

/// The bytes of a proper list of integers 0..=255, at most `max` of them (BEAM's
/// `intlist_to_buf`); `None` for anything else.
fn latin1_list(list: Term, max: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut l = list;
    while let Some((h, t)) = l.as_cons() {
        if out.len() >= max {
            return None;
        }
        out.push(u8::try_from(h.as_small()?).ok()?);
        l = t;
    }
    l.is_nil().then_some(out)
}

/// The bytes of a binary argument (a bitstring of whole bytes), or `badarg`.
fn binary_arg(t: Term) -> Result<std::borrow::Cow<'static, [u8]>, Fault> {
    t.binary_bytes().ok_or_else(badarg)
}

// ---- atoms ----

/// The text encodings BIFs accept: `latin1`, or `unicode` / `utf8` (both UTF-8).
#[derive(Copy, Clone, PartialEq, Eq)]
enum Encoding {
    Latin1,
    Utf8,
}

fn encoding(t: Term) -> Result<Encoding, Fault> {
    match t.as_atom() {
        Some(atom::LATIN1) => Ok(Encoding::Latin1),
        Some(atom::UNICODE | atom::UTF8) => Ok(Encoding::Utf8),
        _ => Err(badarg()),
    }
}

fn atom_to_list_1(p: &mut Process, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(badarg)?.name();
    Ok(build::str_list(&mut p.heap, name))
}

fn atom_to_binary(p: &mut Process, t: Term, enc: Encoding) -> BifResult {
    let name = t.as_atom().ok_or_else(badarg)?.name();
    match enc {
        Encoding::Utf8 => Ok(build::binary(&mut p.heap, name.as_bytes())),
        Encoding::Latin1 => {
            let bytes: Option<Vec<u8>> = name
                .chars()
                .map(|c| u8::try_from(u32::from(c)).ok())
                .collect();
            Ok(build::binary(&mut p.heap, &bytes.ok_or_else(badarg)?))
        }
    }
}

fn atom_to_binary_1(p: &mut Process, a: &[Term]) -> BifResult {
    atom_to_binary(p, a[0], Encoding::Utf8)
}

fn atom_to_binary_2(p: &mut Process, a: &[Term]) -> BifResult {
    let enc = encoding(a[1])?;
    atom_to_binary(p, a[0], enc)
}

/// The name a binary spells in `enc`: `badarg` for invalid UTF-8, `system_limit` for more
/// than 255 characters.
fn binary_atom_name(bin: Term, enc: Encoding) -> Result<String, Fault> {
    let bytes = binary_arg(bin)?;
    let name: String = match enc {
        Encoding::Latin1 => bytes.iter().map(|&b| char::from(b)).collect(),
        Encoding::Utf8 => {
            // As BEAM checks: more than 255 characters is system_limit even when bad
            // UTF-8 follows them (the scan stops at the 256th character).
            let valid = match std::str::from_utf8(&bytes) {
                Ok(s) => s,
                Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
            };
            let past_limit = valid.char_indices().nth(MAX_ATOM_CHARS).map(|(i, _)| i);
            if bytes.len() > 4 * MAX_ATOM_CHARS
                || past_limit.is_some()
                || (valid.len() < bytes.len() && valid.chars().count() >= MAX_ATOM_CHARS)
            {
                return Err(system_limit());
            }
            if valid.len() < bytes.len() {
                return Err(badarg());
            }
            valid.to_owned()
        }
    };
    if name.chars().count() > MAX_ATOM_CHARS {
        return Err(system_limit());
    }
    Ok(name)
}

fn make_atom(name: &str) -> BifResult {
    match Atom::intern(name) {
        Ok(a) => Ok(Term::atom(a)),
        Err(_) => Err(system_limit()),
    }
}

fn existing_atom(name: &str) -> BifResult {
    Atom::existing(name).map(Term::atom).ok_or_else(badarg)
}

fn binary_to_atom_1(_p: &mut Process, a: &[Term]) -> BifResult {
    make_atom(&binary_atom_name(a[0], Encoding::Utf8)?)
}

fn binary_to_atom_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let enc = encoding(a[1])?;
    make_atom(&binary_atom_name(a[0], enc)?)
}

/// `binary_to_existing_atom`: a name too long for an atom cannot exist, so `badarg`.
fn binary_to_existing_atom_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let name = binary_atom_name(a[0], Encoding::Utf8).map_err(|_| badarg())?;
    existing_atom(&name)
}

fn binary_to_existing_atom_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let enc = encoding(a[1])?;
    let name = binary_atom_name(a[0], enc).map_err(|_| badarg())?;
    existing_atom(&name)
}

/// The name a list of code points spells: each element is checked in turn (`badarg`), and
/// a 256th element is `system_limit`, as BEAM's `erts_unicode_list_to_buf` does.
fn list_atom_name(list: Term) -> Result<String, Fault> {
    let mut name = String::new();
    let mut count = 0usize;
    let mut l = list;
    while let Some((h, t)) = l.as_cons() {
        if count >= MAX_ATOM_CHARS {
            return Err(system_limit());
        }
        let c = h
            .as_small()
            .and_then(|c| u32::try_from(c).ok())
            .and_then(char::from_u32)
            .ok_or_else(badarg)?;
        name.push(c);
        count += 1;
        l = t;
    }
    if !l.is_nil() {
        return Err(badarg());
    }
    Ok(name)
}

fn list_to_atom_1(_p: &mut Process, a: &[Term]) -> BifResult {
    make_atom(&list_atom_name(a[0])?)
}

fn list_to_existing_atom_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let name = list_atom_name(a[0]).map_err(|_| badarg())?;
    existing_atom(&name)
}

// ---- integers ----

/// A base argument 2..=36.
fn base_arg(t: Term) -> Result<u32, Fault> {
    match t.as_small() {
        Some(b @ 2..=36) => Ok(b as u32),
        _ => Err(badarg()),
    }
}

/// An integer in `base`, upper-case digits, as BEAM writes it.
fn integer_text(t: Term, base: u32) -> Result<String, Fault> {
    if let Some(v) = t.as_small() {
        if base == 10 {
            return Ok(v.to_string());
        }
        let mut digits = Vec::new();
        let mut m = v.unsigned_abs();
        loop {
            let d = (m % u64::from(base)) as u32;
            digits.push(
                char::from_digit(d, base)
                    .unwrap_or('0')
                    .to_ascii_uppercase(),
            );
            m /= u64::from(base);
            if m == 0 {
                break;
            }
        }
        if v < 0 {
            digits.push('-');
        }
        return Ok(digits.iter().rev().collect());
    }
    let b = if t.is_bignum() { t.as_bigint() } else { None }.ok_or_else(badarg)?;
    let mut s = b.to_str_radix(base);
    s.make_ascii_uppercase();
    Ok(s)
}

fn integer_to_list_1(p: &mut Process, a: &[Term]) -> BifResult {
    let s = integer_text(a[0], 10)?;
    Ok(byte_list(&mut p.heap, s.as_bytes()))
}

fn integer_to_list_2(p: &mut Process, a: &[Term]) -> BifResult {
    let base = base_arg(a[1])?;
    let s = integer_text(a[0], base)?;
    Ok(byte_list(&mut p.heap, s.as_bytes()))
}

fn integer_to_binary_1(p: &mut Process, a: &[Term]) -> BifResult {
    let s = integer_text(a[0], 10)?;
    Ok(build::binary(&mut p.heap, s.as_bytes()))
}

fn integer_to_binary_2(p: &mut Process, a: &[Term]) -> BifResult {
    let base = base_arg(a[1])?;
    let s = integer_text(a[0], base)?;
    Ok(build::binary(&mut p.heap, s.as_bytes()))
}

/// `[+-]digits` in `base` (letters in either case): the integer, `badarg` for anything
/// else, `system_limit` beyond BEAM's integer size.
fn parse_integer(heap: &mut dyn TermAlloc, text: &[u8], base: u32) -> BifResult {
    let (neg, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.iter().all(|&c| char::from(c).is_digit(base)) {
        return Err(badarg());
    }
    // Up to 15 digits fit an i64 in any base up to 36 (36^15 < 2^63).
    if digits.len() <= 12 {
        let mut v: i64 = 0;
        for &c in digits {
            v = v * i64::from(base) + i64::from(char::from(c).to_digit(base).unwrap_or(0));
        }
        return Ok(integer::from_i64(heap, if neg { -v } else { v }));
    }
    // Refuse before parsing a number that is certainly too big: `n` significant digits
    // need at least `(n - 1) * log2(base)` bits (a little less, to stay a lower bound).
    let significant = digits.iter().skip_while(|&&c| c == b'0').count();
    let min_bits = significant.saturating_sub(1) as f64 * f64::from(base).log2() * 0.999;
    if min_bits > MAX_INT_BITS as f64 {
        return Err(system_limit());
    }
    // Parsing is quadratic in the digit count (as in BEAM): ten million digits take a while.
    let mag = BigInt::parse_bytes(digits, base).ok_or_else(badarg)?;
    make_int(heap, &if neg { -mag } else { mag })
}

fn list_to_integer_1(p: &mut Process, a: &[Term]) -> BifResult {
    let text = latin1_list(a[0], usize::MAX).ok_or_else(badarg)?;
    parse_integer(&mut p.heap, &text, 10)
}

fn list_to_integer_2(p: &mut Process, a: &[Term]) -> BifResult {
    let base = base_arg(a[1])?;
    let text = latin1_list(a[0], usize::MAX).ok_or_else(badarg)?;
    parse_integer(&mut p.heap, &text, base)
}

fn binary_to_integer_1(p: &mut Process, a: &[Term]) -> BifResult {
    let text = binary_arg(a[0])?;
    parse_integer(&mut p.heap, &text, 10)
}

fn binary_to_integer_2(p: &mut Process, a: &[Term]) -> BifResult {
    let base = base_arg(a[1])?;
    let text = binary_arg(a[0])?;
    parse_integer(&mut p.heap, &text, base)
}

// ---- floats ----

/// The format options of `float_to_list/2` and `float_to_binary/2`: `{decimals, N}`,
/// `{scientific, N}`, `compact`, `short`; the last format option wins. As in BEAM, `N` is
/// any small integer, read as a C `int` (so `{decimals, 2^40 + 2}` means 2 decimals).
fn float_options(mut list: Term) -> Result<(FloatFormat, bool), Fault> {
    let mut format = FloatFormat::Legacy;
    let mut compact = false;
    while let Some((opt, rest)) = list.as_cons() {
        if opt == Term::atom(atom::COMPACT) {
            compact = true;
        } else if opt == Term::atom(atom::SHORT) {
            format = FloatFormat::Short;
        } else {
            let pair = opt.as_tuple().filter(|t| t.len() == 2).ok_or_else(badarg)?;
            let n = i64::from(pair[1].as_small().ok_or_else(badarg)? as i32);
            format = match pair[0].as_atom() {
                Some(atom::DECIMALS) => FloatFormat::Decimals(n),
                Some(atom::SCIENTIFIC) => FloatFormat::Scientific(n),
                _ => return Err(badarg()),
            };
        }
        list = rest;
    }
    if !list.is_nil() {
        return Err(badarg());
    }
    Ok((format, compact))
}

fn float_text(f: Term, opts: Option<Term>) -> Result<String, Fault> {
    let v = f.as_float().ok_or_else(badarg)?;
    match opts {
        None => Ok(float_fmt::float_to_list_default(v)),
        Some(o) => {
            let (format, compact) = float_options(o)?;
            float_fmt::float_to_list_opts(v, format, compact).ok_or_else(badarg)
        }
    }
}

fn float_to_list_1(p: &mut Process, a: &[Term]) -> BifResult {
    let s = float_text(a[0], None)?;
    Ok(byte_list(&mut p.heap, s.as_bytes()))
}

fn float_to_list_2(p: &mut Process, a: &[Term]) -> BifResult {
    let s = float_text(a[0], Some(a[1]))?;
    Ok(byte_list(&mut p.heap, s.as_bytes()))
}

fn float_to_binary_1(p: &mut Process, a: &[Term]) -> BifResult {
    let s = float_text(a[0], None)?;
    Ok(build::binary(&mut p.heap, s.as_bytes()))
}

fn float_to_binary_2(p: &mut Process, a: &[Term]) -> BifResult {
    let s = float_text(a[0], Some(a[1]))?;
    Ok(build::binary(&mut p.heap, s.as_bytes()))
}

/// BEAM parses float text as a C string: a NUL byte ends it.
fn parse_float(heap: &mut dyn TermAlloc, text: &[u8]) -> BifResult {
    let end = text.iter().position(|&b| b == 0).unwrap_or(text.len());
    let v = float_fmt::chars_to_double(&text[..end]).ok_or_else(badarg)?;
    Ok(build::float(heap, v))
}

fn list_to_float_1(p: &mut Process, a: &[Term]) -> BifResult {
    let text = latin1_list(a[0], usize::MAX).ok_or_else(badarg)?;
    parse_float(&mut p.heap, &text)
}

fn binary_to_float_1(p: &mut Process, a: &[Term]) -> BifResult {
    let text = binary_arg(a[0])?;
    parse_float(&mut p.heap, &text)
}

// ---- string:list_to_integer/1, string:list_to_float/1 ----

/// `{error, Reason}` for the `string` module's conversion BIFs.
fn string_error(p: &mut Process, reason: &str) -> BifResult {
    let r = Term::atom(Atom::intern(reason).unwrap_or(atom::ERROR));
    Ok(build::tuple(&mut p.heap, &[Term::atom(atom::ERROR), r]))
}

/// `string:list_to_integer(String)`: the decimal integer at the start of the list and the
/// rest, `{error, no_integer}` without one, `{error, not_a_list}` for a non-list.
fn string_list_to_integer_1(p: &mut Process, a: &[Term]) -> BifResult {
    let list = a[0];
    if list.is_nil() {
        return string_error(p, "no_integer");
    }
    let Some((first, after_first)) = list.as_cons() else {
        return string_error(p, "not_a_list");
    };
    let mut cur = list;
    let mut text = Vec::new();
    if first == Term::small(i64::from(b'-')) || first == Term::small(i64::from(b'+')) {
        if first == Term::small(i64::from(b'-')) {
            text.push(b'-');
        }
        if !after_first.is_cons() {
            return string_error(p, "no_integer");
        }
        cur = after_first;
    }
    let sign_len = text.len();
    while let Some((h, t)) = cur.as_cons() {
        match h.as_small() {
            Some(c @ 0x30..=0x39) => text.push(c as u8),
            _ => break,
        }
        cur = t;
    }
    if text.len() == sign_len {
        return string_error(p, "no_integer");
    }
    let n = parse_integer(&mut p.heap, &text, 10)?;
    Ok(build::tuple(&mut p.heap, &[n, cur]))
}

/// Where `string:list_to_float/1` stands in `[+-]Int(.|,)Frac[(e|E)[+-]Exp]`.
#[derive(Copy, Clone, PartialEq, Eq)]
enum FloatPart {
    Sign,
    Int,
    Frac,
    ExpSign,
    Exp0,
    Exp1,
    End,
}

/// `string:list_to_float(String)`: the float at the start of the list (same syntax as
/// `list_to_float/1`) and the rest. An `e` that turns out not to start an exponent is left
/// in the rest, as BEAM does.
fn string_list_to_float_1(p: &mut Process, a: &[Term]) -> BifResult {
    use FloatPart::*;
    let mut list = a[0];
    if list.is_nil() {
        return string_error(p, "no_float");
    }
    if !list.is_cons() {
        return string_error(p, "not_a_list");
    }
    let mut buf: Vec<u8> = Vec::new();
    let mut part = Sign;
    // The position of a possible exponent marker, to return to if no exponent follows.
    let mut saved = (0usize, list);
    while let Some((h, tail)) = list.as_cons() {
        let Some(c) = h.as_small() else {
            if matches!(part, ExpSign | Exp0) {
                (buf, list) = (buf[..saved.0].to_vec(), saved.1);
            }
            break;
        };
        let ch = u8::try_from(c).unwrap_or(0);
        let mut skip = false;
        match ch {
            b'-' | b'+' => match part {
                Sign => {
                    part = Int;
                    skip = ch == b'+';
                }
                ExpSign => part = Exp0,
                Exp0 => {
                    (buf, list) = (buf[..saved.0].to_vec(), saved.1);
                    part = End;
                }
                _ => part = End,
            },
            b'.' | b',' => match part {
                Int => part = Frac,
                ExpSign | Exp0 => {
                    (buf, list) = (buf[..saved.0].to_vec(), saved.1);
                    part = End;
                }
                _ => part = End,
            },
            b'e' | b'E' => match part {
                Frac => {
                    saved = (buf.len(), list);
                    part = ExpSign;
                }
                ExpSign | Exp0 => {
                    (buf, list) = (buf[..saved.0].to_vec(), saved.1);
                    part = End;
                }
                _ => part = End,
            },
            b'0'..=b'9' => match part {
                Sign => part = Int,
                ExpSign | Exp0 => part = Exp1,
                _ => {}
            },
            _ => {
                if matches!(part, ExpSign | Exp0) {
                    (buf, list) = (buf[..saved.0].to_vec(), saved.1);
                }
                break;
            }
        }
        if part == End {
            if buf.len() < 3 {
                return string_error(p, "no_float");
            }
            break;
        }
        if !skip {
            buf.push(ch);
        }
        list = tail;
        if !list.is_cons() {
            if matches!(part, ExpSign | Exp0) {
                (buf, list) = (buf[..saved.0].to_vec(), saved.1);
            }
            break;
        }
    }
    if buf.is_empty() {
        return string_error(p, "no_float");
    }
    match float_fmt::chars_to_double(&buf) {
        Some(v) => {
            let f = build::float(&mut p.heap, v);
            Ok(build::tuple(&mut p.heap, &[f, list]))
        }
        None => string_error(p, "no_float"),
    }
}

// ---- tuples ----

fn tuple_to_list_1(p: &mut Process, a: &[Term]) -> BifResult {
    let elems = a[0].as_tuple().ok_or_else(badarg)?;
    Ok(build::list(&mut p.heap, elems))
}

fn list_to_tuple_1(p: &mut Process, a: &[Term]) -> BifResult {
    let elems = build::list_to_vec(a[0]).ok_or_else(badarg)?;
    if elems.len() > MAX_TUPLE_SIZE {
        return Err(badarg());
    }
    Ok(build::tuple(&mut p.heap, &elems))
}

/// A tuple size argument 0..=MAX_TUPLE_SIZE.
fn tuple_size_arg(t: Term) -> Result<usize, Fault> {
    t.as_small()
        .and_then(|n| usize::try_from(n).ok())
        .filter(|&n| n <= MAX_TUPLE_SIZE)
        .ok_or_else(badarg)
}

fn make_tuple_2(p: &mut Process, a: &[Term]) -> BifResult {
    let n = tuple_size_arg(a[0])?;
    Ok(build::tuple(&mut p.heap, &vec![a[1]; n]))
}

/// `make_tuple(N, Default, [{Pos, Value}])`: later entries override earlier ones.
fn make_tuple_3(p: &mut Process, a: &[Term]) -> BifResult {
    let n = tuple_size_arg(a[0])?;
    let inits = build::list_to_vec(a[2]).ok_or_else(badarg)?;
    let mut elems = vec![a[1]; n];
    for init in inits {
        let pair = init
            .as_tuple()
            .filter(|t| t.len() == 2)
            .ok_or_else(badarg)?;
        let pos = pair[0]
            .as_small()
            .filter(|&i| i >= 1 && i as u64 <= n as u64)
            .ok_or_else(badarg)?;
        elems[pos as usize - 1] = pair[1];
    }
    Ok(build::tuple(&mut p.heap, &elems))
}

fn append_element_2(p: &mut Process, a: &[Term]) -> BifResult {
    let t = a[0].as_tuple().ok_or_else(badarg)?;
    if t.len() >= MAX_TUPLE_SIZE {
        return Err(badarg());
    }
    let mut v = Vec::with_capacity(t.len() + 1);
    v.extend_from_slice(t);
    v.push(a[1]);
    Ok(build::tuple(&mut p.heap, &v))
}

/// `insert_element(Index, Tuple, Value)`: 1 <= Index <= size + 1.
fn insert_element_3(p: &mut Process, a: &[Term]) -> BifResult {
    let t = a[1].as_tuple().ok_or_else(badarg)?;
    let i = a[0]
        .as_small()
        .filter(|&i| i >= 1 && i as u64 <= t.len() as u64 + 1)
        .ok_or_else(badarg)?;
    if t.len() >= MAX_TUPLE_SIZE {
        return Err(badarg());
    }
    let at = i as usize - 1;
    let mut v = Vec::with_capacity(t.len() + 1);
    v.extend_from_slice(&t[..at]);
    v.push(a[2]);
    v.extend_from_slice(&t[at..]);
    Ok(build::tuple(&mut p.heap, &v))
}

/// `delete_element(Index, Tuple)`: 1 <= Index <= size.
fn delete_element_2(p: &mut Process, a: &[Term]) -> BifResult {
    let t = a[1].as_tuple().ok_or_else(badarg)?;
    let i = a[0]
        .as_small()
        .filter(|&i| i >= 1 && i as u64 <= t.len() as u64)
        .ok_or_else(badarg)?;
    let at = i as usize - 1;
    let mut v = Vec::with_capacity(t.len() - 1);
    v.extend_from_slice(&t[..at]);
    v.extend_from_slice(&t[at + 1..]);
    Ok(build::tuple(&mut p.heap, &v))
}

// ---- external term format ----

fn encode_error(e: EncodeError) -> Fault {
    match e {
        EncodeError::SystemLimit => system_limit(),
        // External pids, ports and references cannot exist without distribution; the
        // rest cannot reach a BIF as a value.
        EncodeError::Unsupported(_) | EncodeError::NotATerm | EncodeError::BadOptions => badarg(),
    }
}

fn encode(t: Term, opts: &EncodeOptions) -> Result<Vec<u8>, Fault> {
    etf::encode(t, opts).map_err(encode_error)
}

fn term_to_binary_1(p: &mut Process, a: &[Term]) -> BifResult {
    let bytes = encode(a[0], &EncodeOptions::default())?;
    p.charge_work(bytes.len());
    Ok(build::binary_from_vec(&mut p.heap, bytes))
}

fn term_to_binary_2(p: &mut Process, a: &[Term]) -> BifResult {
    let opts = EncodeOptions::from_list(a[1]).ok_or_else(badarg)?;
    let bytes = encode(a[0], &opts)?;
    p.charge_work(bytes.len());
    Ok(build::binary_from_vec(&mut p.heap, bytes))
}

/// A bitstring of the term as `term_to_iovec` treats it: `Some(whole bytes)` when BEAM
/// leaves its bytes out of the encoding buffer and refers to them in place (it starts on a
/// byte boundary, has more than 64 whole bytes and lives in an off-heap binary).
fn iovec_bytes(t: Term) -> Option<usize> {
    let bits = t.as_bits()?;
    let whole = bits.bit_size / 8;
    if bits.bit_offset % 8 != 0 || whole <= enigma_term::binary::HEAP_BIN_LIMIT {
        return None;
    }
    let base = if t.header().subtag() == boxed::SUB_BIN {
        Term::from_raw(t.boxed_word(3))
    } else {
        t
    };
    (base.header().subtag() == boxed::REFC_BIN).then_some(whole)
}

/// The bitstrings of `t` in the order the encoder writes them: elements in order, map
/// pairs in the encoder's order, fun environments after the fun's header.
fn bitstrings_in_encoding_order(t: Term, deterministic: bool) -> Vec<Term> {
    let mut out = Vec::new();
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        if let Some((h, tl)) = t.as_cons() {
            stack.push(tl);
            stack.push(h);
            continue;
        }
        if !t.is_boxed() {
            continue;
        }
        match t.header().subtag() {
            boxed::TUPLE => stack.extend(t.boxed_payload().iter().rev()),
            boxed::FUN => stack.extend(t.fun_env().iter().rev()),
            boxed::MAP => {
                let mut pairs: Vec<(Term, Term)> = map::iter(t).collect();
                if deterministic {
                    pairs.sort_by(|a, b| enigma_term::compare::compare(a.0, b.0, true));
                }
                for &(k, v) in pairs.iter().rev() {
                    stack.push(v);
                    stack.push(k);
                }
            }
            boxed::HEAP_BIN | boxed::REFC_BIN | boxed::SUB_BIN => out.push(t),
            _ => {}
        }
    }
    out
}

/// Positions of the bitstring payloads in an uncompressed encoding, in order: for each
/// `BINARY_EXT` / `BIT_BINARY_EXT`, the offset of its first data byte. `None` if the bytes
/// are not a well-formed encoding (cannot happen for the encoder's own output).
fn binary_payload_offsets(enc: &[u8]) -> Option<Vec<usize>> {
    use etf::tag::*;
    let u16_at = |i: usize| -> Option<usize> {
        Some(u16::from_be_bytes([*enc.get(i)?, *enc.get(i + 1)?]) as usize)
    };
    let u32_at = |i: usize| -> Option<usize> {
        Some(u32::from_be_bytes([
            *enc.get(i)?,
            *enc.get(i + 1)?,
            *enc.get(i + 2)?,
            *enc.get(i + 3)?,
        ]) as usize)
    };
    let mut out = Vec::new();
    let mut i = 1; // after the version byte
    let mut pending: usize = 1; // terms still to skip
    while pending > 0 {
        pending -= 1;
        let tag = *enc.get(i)?;
        i += 1;
        match tag {
            SMALL_INTEGER_EXT => i += 1,
            INTEGER_EXT => i += 4,
            FLOAT_EXT => i += 31,
            NEW_FLOAT_EXT => i += 8,
            ATOM_EXT | ATOM_UTF8_EXT => i += 2 + u16_at(i)?,
            SMALL_ATOM_EXT | SMALL_ATOM_UTF8_EXT => i += 1 + usize::from(*enc.get(i)?),
            NIL_EXT => {}
            STRING_EXT => i += 2 + u16_at(i)?,
            SMALL_TUPLE_EXT => {
                pending += usize::from(*enc.get(i)?);
                i += 1;
            }
            LARGE_TUPLE_EXT => {
                pending += u32_at(i)?;
                i += 4;
            }
            LIST_EXT => {
                pending += u32_at(i)? + 1;
                i += 4;
            }
            MAP_EXT => {
                pending += 2 * u32_at(i)?;
                i += 4;
            }
            BINARY_EXT => {
                let n = u32_at(i)?;
                out.push(i + 4);
                i += 4 + n;
            }
            BIT_BINARY_EXT => {
                let n = u32_at(i)?;
                out.push(i + 5);
                i += 5 + n;
            }
            SMALL_BIG_EXT => i += 2 + usize::from(*enc.get(i)?),
            LARGE_BIG_EXT => i += 5 + u32_at(i)?,
            // Node atom, then fixed fields.
            NEW_PID_EXT => skip_node_and(&mut i, enc, 12)?,
            NEW_PORT_EXT => skip_node_and(&mut i, enc, 8)?,
            V4_PORT_EXT => skip_node_and(&mut i, enc, 12)?,
            NEWER_REFERENCE_EXT => {
                let n = u16_at(i)?;
                i += 2;
                skip_node_and(&mut i, enc, 4 + 4 * n)?;
            }
            EXPORT_EXT => pending += 3,
            NEW_FUN_EXT => {
                // size, arity, uniq, index, num_free; then module, old index, old uniq,
                // pid and the free variables as terms.
                let num_free = u32_at(i + 4 + 1 + 16 + 4)?;
                i += 4 + 1 + 16 + 4 + 4;
                pending += 4 + num_free;
            }
            _ => return None,
        }
        if i > enc.len() {
            return None;
        }
    }
    return Some(out);

    /// Skips a node atom (which must come next) followed by `n` bytes of fixed fields.
    fn skip_node_and(i: &mut usize, enc: &[u8], n: usize) -> Option<()> {
        let tag = *enc.get(*i)?;
        *i += 1;
        let len = match tag {
            ATOM_EXT | ATOM_UTF8_EXT => {
                let l = u16::from_be_bytes([*enc.get(*i)?, *enc.get(*i + 1)?]) as usize;
                *i += 2;
                l
            }
            SMALL_ATOM_EXT | SMALL_ATOM_UTF8_EXT => {
                let l = usize::from(*enc.get(*i)?);
                *i += 1;
                l
            }
            _ => return None,
        };
        *i += len + n;
        Some(())
    }
}

/// `term_to_iovec`: the encoding as a list of binaries, with the bytes of large off-heap
/// binaries as their own elements (sub-binaries of the originals), as BEAM does. With
/// compression BEAM 25 returns a plain binary, and so do we.
fn term_to_iovec(p: &mut Process, t: Term, opts: &EncodeOptions) -> BifResult {
    let enc = encode(t, opts)?;
    if opts.compression > 0 {
        return Ok(build::binary_from_vec(&mut p.heap, enc));
    }
    let bins = bitstrings_in_encoding_order(t, opts.deterministic);
    let sizes: Vec<Option<usize>> = bins.iter().map(|&b| iovec_bytes(b)).collect();
    let offsets = if sizes.iter().any(Option::is_some) {
        binary_payload_offsets(&enc)
    } else {
        None
    };
    let Some(offsets) = offsets.filter(|o| o.len() == bins.len()) else {
        let b = build::binary_from_vec(&mut p.heap, enc);
        return Ok(build::list(&mut p.heap, &[b]));
    };
    // Cut the encoding around each large payload; the payload itself is a sub-binary of the
    // term's own binary, as in BEAM.
    let mut parts = Vec::new();
    let mut from = 0;
    for ((size, at), orig) in sizes.iter().zip(&offsets).zip(&bins) {
        let Some(len) = *size else { continue };
        if *at > from {
            parts.push(build::binary(
                &mut p.heap,
                enc.get(from..*at).unwrap_or(&[]),
            ));
        }
        parts.push(build::sub_binary(&mut p.heap, *orig, 0, len * 8));
        from = at + len;
    }
    if from < enc.len() {
        parts.push(build::binary(&mut p.heap, enc.get(from..).unwrap_or(&[])));
    }
    Ok(build::list(&mut p.heap, &parts))
}

fn term_to_iovec_1(p: &mut Process, a: &[Term]) -> BifResult {
    term_to_iovec(p, a[0], &EncodeOptions::default())
}

fn term_to_iovec_2(p: &mut Process, a: &[Term]) -> BifResult {
    let opts = EncodeOptions::from_list(a[1]).ok_or_else(badarg)?;
    term_to_iovec(p, a[0], &opts)
}

fn external_size_1(p: &mut Process, a: &[Term]) -> BifResult {
    let n = encode(a[0], &EncodeOptions::default())?.len();
    Ok(integer::from_u64(&mut p.heap, n as u64))
}

/// `external_size(Term, Options)`: only `{minor_version, 0 | 1}` is accepted.
fn external_size_2(p: &mut Process, a: &[Term]) -> BifResult {
    let mut opts = EncodeOptions::default();
    let mut l = a[1];
    while let Some((opt, rest)) = l.as_cons() {
        let pair = opt
            .as_tuple()
            .filter(|t| t.len() == 2 && t[0] == Term::atom(atom::MINOR_VERSION));
        match pair.and_then(|t| t[1].as_small()) {
            Some(v @ 0..=1) => opts.minor_version = v as u8,
            _ => return Err(badarg()),
        }
        l = rest;
    }
    if !l.is_nil() {
        return Err(badarg());
    }
    let n = encode(a[0], &opts)?.len();
    Ok(integer::from_u64(&mut p.heap, n as u64))
}

/// The lambda a `NEW_FUN_EXT` names, loading its module if needed; `None` when the module
/// cannot be loaded or has no such lambda (then `binary_to_term` fails with `badarg`).
fn resolve_fun(module: Atom, index: u32, uniq: &[u8; 16]) -> Option<&'static FunEntry> {
    let m = match crate::code::find_module(module) {
        Some(m) => m,
        None => crate::code::load::ensure_loaded(module).ok()?,
    };
    let entry = *m.lambdas.get(index as usize)?;
    (&entry.new_uniq == uniq).then_some(entry)
}

fn decode_error(e: DecodeError) -> Fault {
    match e {
        DecodeError::AtomLimit => system_limit(),
        _ => badarg(),
    }
}

fn binary_to_term(p: &mut Process, bin: Term, safe: bool, used: bool) -> BifResult {
    let bytes = binary_arg(bin)?;
    p.charge_work(bytes.len());
    let export_unsafe = |m: Atom, f: Atom, a: u32| Some(crate::code::export_entry(m, f, a));
    // In safe mode only entries that already exist may be referred to (BEAM's "active"
    // export entries: any entry in the table, loaded or a stub some code refers to).
    let export_safe = |m: Atom, f: Atom, a: u32| crate::code::lookup_export(m, f, a);
    let export: etf::ExportResolver<'_> = if safe { &export_safe } else { &export_unsafe };
    let opts = DecodeOptions {
        safe,
        fun_resolver: Some(&resolve_fun),
        export_resolver: Some(export),
    };
    let (t, n) = etf::decode(&bytes, &mut p.heap, &opts).map_err(decode_error)?;
    if used {
        let n = integer::from_u64(&mut p.heap, n as u64);
        return Ok(build::tuple(&mut p.heap, &[t, n]));
    }
    Ok(t)
}

fn binary_to_term_1(p: &mut Process, a: &[Term]) -> BifResult {
    binary_to_term(p, a[0], false, false)
}

fn binary_to_term_2(p: &mut Process, a: &[Term]) -> BifResult {
    let (safe, used) = etf::parse_decode_flags(a[1]).ok_or_else(badarg)?;
    binary_to_term(p, a[0], safe, used)
}

// ---- hashing ----

/// A hash range argument: a positive integer up to 2^32.
fn range_arg(t: Term) -> Result<u64, Fault> {
    t.as_small()
        .and_then(|r| u64::try_from(r).ok())
        .filter(|&r| (1..=1 << 32).contains(&r))
        .ok_or_else(badarg)
}

fn phash_2(p: &mut Process, a: &[Term]) -> BifResult {
    let range = range_arg(a[1])?;
    let h = hash::phash(a[0], range).ok_or_else(badarg)?;
    Ok(integer::from_u64(&mut p.heap, h))
}

fn phash2_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::small(i64::from(hash::phash2(a[0]) & ((1 << 27) - 1))))
}

fn phash2_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let range = range_arg(a[1])?;
    let h = hash::phash2_range(a[0], range).ok_or_else(badarg)?;
    Ok(Term::small(i64::from(h)))
}

// ---- pids, ports, references and funs as text ----

/// The text `erlang:display/1` gives a term, as a list of its bytes (what BEAM's
/// `pid_to_list`, `ref_to_list`, `fun_to_list` and `port_to_list` return).
fn display_list(heap: &mut dyn TermAlloc, t: Term) -> Term {
    let mut out = Vec::new();
    print::display_term(&mut out, t);
    byte_list(heap, &out)
}

fn pid_to_list_1(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_pid() {
        return Err(badarg());
    }
    Ok(display_list(&mut p.heap, a[0]))
}

fn port_to_list_1(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_port() {
        return Err(badarg());
    }
    Ok(display_list(&mut p.heap, a[0]))
}

fn ref_to_list_1(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_ref() {
        return Err(badarg());
    }
    Ok(display_list(&mut p.heap, a[0]))
}

fn fun_to_list_1(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_fun() {
        return Err(badarg());
    }
    Ok(display_list(&mut p.heap, a[0]))
}

/// Reads `digits` at `*i` as an unsigned decimal number (at least one digit).
fn decimal(text: &[u8], i: &mut usize) -> Option<u64> {
    let start = *i;
    let mut v: u64 = 0;
    while let Some(&c) = text.get(*i).filter(|c| c.is_ascii_digit()) {
        v = v.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
        *i += 1;
    }
    (*i > start).then_some(v)
}

fn expect(text: &[u8], i: &mut usize, s: &[u8]) -> Option<()> {
    if text.get(*i..*i + s.len())? == s {
        *i += s.len();
        Some(())
    } else {
        None
    }
}

/// `"<0.N.S>"`: a local pid (node 0 is this node; other nodes need distribution).
fn parse_pid(text: &[u8]) -> Option<Term> {
    let mut i = 0;
    expect(text, &mut i, b"<")?;
    let node = decimal(text, &mut i)?;
    expect(text, &mut i, b".")?;
    let number = decimal(text, &mut i)?;
    expect(text, &mut i, b".")?;
    let serial = decimal(text, &mut i)?;
    expect(text, &mut i, b">")?;
    if i != text.len() || node != 0 {
        return None;
    }
    // Enigma's pid word: the number in the low 28 bits, the serial above, 60 bits in all.
    if number >= 1 << etf::PID_NUMBER_BITS || serial >= 1 << (60 - etf::PID_NUMBER_BITS) {
        return None;
    }
    Some(Term::pid((serial << etf::PID_NUMBER_BITS) | number))
}

fn list_to_pid_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let text = latin1_list(a[0], 64).ok_or_else(badarg)?;
    parse_pid(&text).ok_or_else(badarg)
}

/// Largest local port number (BEAM's 28-bit port numbers).
const MAX_PORT_NUMBER: u64 = (1 << 28) - 1;

fn list_to_port_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let text = latin1_list(a[0], 38).ok_or_else(badarg)?;
    let mut i = 0;
    let parsed = (|| {
        expect(&text, &mut i, b"#Port<")?;
        let node = decimal(&text, &mut i)?;
        expect(&text, &mut i, b".")?;
        let number = decimal(&text, &mut i)?;
        expect(&text, &mut i, b">")?;
        (i == text.len() && node == 0 && number <= MAX_PORT_NUMBER).then(|| Term::port(number))
    })();
    parsed.ok_or_else(badarg)
}

/// `"#Ref<0.A.B.C>"`: a local reference; the numbers are 32-bit.
fn list_to_ref_1(p: &mut Process, a: &[Term]) -> BifResult {
    let text = latin1_list(a[0], 5 + 6 * 11).ok_or_else(badarg)?;
    let mut i = 0;
    let parsed = (|| {
        expect(&text, &mut i, b"#Ref<")?;
        let mut nums = Vec::new();
        loop {
            let n = decimal(&text, &mut i)?;
            nums.push(u32::try_from(n).ok()?);
            if text.get(i) == Some(&b'>') {
                break;
            }
            expect(&text, &mut i, b".")?;
        }
        expect(&text, &mut i, b">")?;
        match nums[..] {
            [0, n2, n1, n0] if i == text.len() => Some([n0, n1, n2]),
            _ => None,
        }
    })();
    let numbers = parsed.ok_or_else(badarg)?;
    Ok(build::reference(&mut p.heap, numbers))
}

// ---- fun_info ----

/// `fun_info(Fun, Item)`: `{Item, Value}` as BEAM answers for local and external funs.
fn fun_info_2(p: &mut Process, a: &[Term]) -> BifResult {
    let f = a[0];
    if !f.is_fun() {
        return Err(badarg());
    }
    let local = f.header().subtag() == boxed::FUN;
    let item = a[1].as_atom().ok_or_else(badarg)?;
    let undefined = Term::atom(atom::UNDEFINED);
    let value = if local {
        let e = f.fun_entry();
        match item {
            atom::TYPE => Term::atom(atom::LOCAL),
            atom::PID => f.fun_creator(),
            atom::MODULE => Term::atom(e.module),
            atom::NEW_INDEX => Term::small(i64::from(e.index)),
            atom::NEW_UNIQ => build::binary(&mut p.heap, &e.new_uniq),
            atom::INDEX => Term::small(i64::from(e.old_index)),
            atom::UNIQ => Term::small(i64::from(e.old_uniq)),
            atom::ENV => build::list(&mut p.heap, f.fun_env()),
            atom::ARITY => Term::small(i64::from(e.arity)),
            atom::NAME => Term::atom(e.function),
            // BEAM counts the fun entry's references (its undocumented `refc` item);
            // Enigma keeps no such count (entries live as long as their module's code), and
            // says so rather than inventing a number.
            _ if item.name() == "refc" => {
                crate::report_unimplemented("erlang:fun_info/2 item refc");
                let what = Atom::intern("fun_info_refc").map_err(|_| badarg())?;
                return Err(Fault::Raise(crate::emulator::exception::error_tuple(
                    &mut p.heap,
                    atom::ENIGMA_UNIMPLEMENTED,
                    Term::atom(what),
                )));
            }
            _ => return Err(badarg()),
        }
    } else {
        let e = f.export_entry();
        match item {
            atom::TYPE => Term::atom(atom::EXTERNAL),
            atom::MODULE => Term::atom(e.module),
            atom::ENV => Term::NIL,
            atom::ARITY => Term::small(i64::from(e.arity)),
            atom::NAME => Term::atom(e.function),
            atom::PID | atom::NEW_INDEX | atom::NEW_UNIQ | atom::INDEX | atom::UNIQ => undefined,
            _ if item.name() == "refc" => undefined,
            _ => return Err(badarg()),
        }
    };
    Ok(build::tuple(&mut p.heap, &[a[1], value]))
}

/// Most arguments a function can have (BEAM's `MAX_ARG`).
const MAX_ARITY: i64 = 255;

/// `make_fun(Module, Function, Arity)`: the export fun `fun M:F/A`.
fn make_fun_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (Some(m), Some(f)) = (a[0].as_atom(), a[1].as_atom()) else {
        return Err(badarg());
    };
    let arity = a[2]
        .as_small()
        .filter(|n| (0..=MAX_ARITY).contains(n))
        .ok_or_else(badarg)?;
    let e = crate::code::export_entry(m, f, arity as u32);
    Ok(build::export_fun(&mut p.heap, e))
}

/// `fun_info_mfa(Fun)`: `{Module, Name, Arity}`.
fn fun_info_mfa_1(p: &mut Process, a: &[Term]) -> BifResult {
    let f = a[0];
    if !f.is_fun() {
        return Err(badarg());
    }
    let (m, name, arity) = if f.header().subtag() == boxed::FUN {
        let e = f.fun_entry();
        (e.module, e.function, e.arity)
    } else {
        let e = f.export_entry();
        (e.module, e.function, e.arity)
    };
    Ok(build::tuple(
        &mut p.heap,
        &[
            Term::atom(m),
            Term::atom(name),
            Term::small(i64::from(arity)),
        ],
    ))
}

pub const BIFS: &[BifEntry] = &[
    bif!("erlang", "atom_to_list", 1, atom_to_list_1),
    bif!("erlang", "atom_to_binary", 1, atom_to_binary_1),
    bif!("erlang", "atom_to_binary", 2, atom_to_binary_2),
    bif!("erlang", "binary_to_atom", 1, binary_to_atom_1),
    bif!("erlang", "binary_to_atom", 2, binary_to_atom_2),
    bif!(
        "erlang",
        "binary_to_existing_atom",
        1,
        binary_to_existing_atom_1
    ),
    bif!(
        "erlang",
        "binary_to_existing_atom",
        2,
        binary_to_existing_atom_2
    ),
    bif!("erlang", "list_to_atom", 1, list_to_atom_1),
    bif!(
        "erlang",
        "list_to_existing_atom",
        1,
        list_to_existing_atom_1
    ),
    bif!("erlang", "integer_to_list", 1, integer_to_list_1),
    bif!("erlang", "integer_to_list", 2, integer_to_list_2),
    bif!("erlang", "integer_to_binary", 1, integer_to_binary_1),
    bif!("erlang", "integer_to_binary", 2, integer_to_binary_2),
    bif!("erlang", "list_to_integer", 1, list_to_integer_1),
    bif!("erlang", "list_to_integer", 2, list_to_integer_2),
    bif!("erlang", "binary_to_integer", 1, binary_to_integer_1),
    bif!("erlang", "binary_to_integer", 2, binary_to_integer_2),
    bif!("erlang", "float_to_list", 1, float_to_list_1),
    bif!("erlang", "float_to_list", 2, float_to_list_2),
    bif!("erlang", "float_to_binary", 1, float_to_binary_1),
    bif!("erlang", "float_to_binary", 2, float_to_binary_2),
    bif!("erlang", "list_to_float", 1, list_to_float_1),
    bif!("erlang", "binary_to_float", 1, binary_to_float_1),
    bif!("erlang", "tuple_to_list", 1, tuple_to_list_1),
    bif!("erlang", "list_to_tuple", 1, list_to_tuple_1),
    bif!("erlang", "make_tuple", 2, make_tuple_2),
    bif!("erlang", "make_tuple", 3, make_tuple_3),
    bif!("erlang", "append_element", 2, append_element_2),
    bif!("erlang", "insert_element", 3, insert_element_3),
    bif!("erlang", "delete_element", 2, delete_element_2),
    bif!("erlang", "term_to_binary", 1, term_to_binary_1),
    bif!("erlang", "term_to_binary", 2, term_to_binary_2),
    bif!("erlang", "term_to_iovec", 1, term_to_iovec_1),
    bif!("erlang", "term_to_iovec", 2, term_to_iovec_2),
    bif!("erlang", "binary_to_term", 1, binary_to_term_1),
    bif!("erlang", "binary_to_term", 2, binary_to_term_2),
    bif!("erlang", "external_size", 1, external_size_1),
    bif!("erlang", "external_size", 2, external_size_2),
    bif!("erlang", "phash", 2, phash_2),
    bif!("erlang", "phash2", 1, phash2_1),
    bif!("erlang", "phash2", 2, phash2_2),
    bif!("erlang", "pid_to_list", 1, pid_to_list_1),
    bif!("erlang", "port_to_list", 1, port_to_list_1),
    bif!("erlang", "ref_to_list", 1, ref_to_list_1),
    bif!("erlang", "fun_to_list", 1, fun_to_list_1),
    bif!("erlang", "list_to_pid", 1, list_to_pid_1),
    bif!("erlang", "list_to_port", 1, list_to_port_1),
    bif!("erlang", "list_to_ref", 1, list_to_ref_1),
    bif!("erlang", "fun_info", 2, fun_info_2),
    bif!("erlang", "fun_info_mfa", 1, fun_info_mfa_1),
    bif!("erlang", "make_fun", 3, make_fun_3),
    // `string`'s two BIFs are conversions like the ones above; they live here rather than
    // in a `string.rs` of their own.
    bif!("string", "list_to_integer", 1, string_list_to_integer_1),
    bif!("string", "list_to_float", 1, string_list_to_float_1),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn proc() -> Process {
        crate::test_util::test_process()
    }

    fn text(t: Term) -> String {
        if let Some(a) = t.as_atom() {
            return a.name().to_string();
        }
        if let Some(b) = t.binary_bytes() {
            return String::from_utf8_lossy(&b).into_owned();
        }
        build::list_to_vec(t)
            .unwrap_or_default()
            .iter()
            .filter_map(|c| c.as_small().and_then(|c| char::from_u32(c as u32)))
            .collect()
    }

    fn is_error(r: &BifResult, reason: enigma_term::Atom) -> bool {
        matches!(r, Err(Fault::Raise(e)) if e.reason == Term::atom(reason))
    }

    #[test]
    fn integers_to_text_and_back() {
        let mut p = proc();
        let cases: &[(i64, u32, &str)] = &[
            (-255, 16, "-FF"),
            (255, 36, "73"),
            (0, 2, "0"),
            (-1, 10, "-1"),
        ];
        for &(v, base, want) in cases {
            assert_eq!(
                integer_text(Term::small(v), base).ok().as_deref(),
                Some(want)
            );
            assert_eq!(
                parse_integer(&mut p.heap, want.as_bytes(), base).ok(),
                Some(Term::small(v))
            );
        }
        let big = parse_integer(&mut p.heap, b"-123456789012345678901234567890", 10).ok();
        assert_eq!(
            big.and_then(|b| b.as_bigint())
                .map(|b| b.to_string())
                .as_deref(),
            Some("-123456789012345678901234567890")
        );
        assert_eq!(
            parse_integer(&mut p.heap, b"+0012", 10).ok(),
            Some(Term::small(12))
        );
        for bad in [&b""[..], b"-", b"+-1", b" 1", b"1_000", b"1.0", b"9z"] {
            assert!(
                is_error(&parse_integer(&mut p.heap, bad, 10), atom::BADARG),
                "{bad:?}"
            );
        }
        assert!(is_error(
            &parse_integer(&mut p.heap, b"12", 2),
            atom::BADARG
        ));
        let huge = vec![b'1'; 11_000_000];
        assert!(is_error(
            &parse_integer(&mut p.heap, &huge, 10),
            atom::SYSTEM_LIMIT
        ));
    }

    #[test]
    fn float_options_follow_beam() {
        let mut p = proc();
        let f = build::float(&mut p.heap, 1.5);
        let opt = |p: &mut Process, name: Atom, n: i64| {
            build::tuple(&mut p.heap, &[Term::atom(name), Term::small(n)])
        };
        let d2 = opt(&mut p, atom::DECIMALS, 2);
        let short = Term::atom(atom::SHORT);
        let l = build::list(&mut p.heap, &[short, d2]);
        assert_eq!(float_text(f, Some(l)).ok().as_deref(), Some("1.50"));
        let l = build::list(&mut p.heap, &[d2, short]);
        assert_eq!(float_text(f, Some(l)).ok().as_deref(), Some("1.5"));
        // A C int: 2^40 + 2 decimals is 2 decimals.
        let wide = opt(&mut p, atom::DECIMALS, (1 << 40) + 2);
        let l = build::list(&mut p.heap, &[wide]);
        assert_eq!(float_text(f, Some(l)).ok().as_deref(), Some("1.50"));
        let d254 = opt(&mut p, atom::DECIMALS, 254);
        let l = build::list(&mut p.heap, &[d254]);
        assert!(float_text(f, Some(l)).is_err());
        let l = build::list_with_tail(
            &mut p.heap,
            &[Term::atom(atom::COMPACT)],
            Term::atom(atom::OK),
        );
        assert!(float_text(f, Some(l)).is_err());
        assert!(float_text(Term::small(1), Some(Term::NIL)).is_err());
        assert_eq!(
            float_text(f, None).ok().as_deref(),
            Some("1.50000000000000000000e+00")
        );
    }

    #[test]
    fn float_text_parses_as_a_c_string() {
        let mut p = proc();
        let v = |r: BifResult| r.ok().and_then(|t| t.as_float());
        assert_eq!(v(parse_float(&mut p.heap, b"1.5\0garbage")), Some(1.5));
        assert_eq!(v(parse_float(&mut p.heap, b"1,5")), Some(1.5));
        assert_eq!(v(parse_float(&mut p.heap, b"1.0e-400")), Some(0.0));
        assert!(parse_float(&mut p.heap, b"1").is_err());
        assert!(parse_float(&mut p.heap, b"1.0e400").is_err());
    }

    #[test]
    fn atom_names_are_checked_in_order() {
        let mut p = proc();
        let s = |p: &mut Process, s: &str| build::str_list(&mut p.heap, s);
        let ok = s(&mut p, "h\u{e9}llo");
        assert_eq!(list_atom_name(ok).ok().as_deref(), Some("h\u{e9}llo"));
        let long = s(&mut p, &"a".repeat(256));
        assert!(
            matches!(list_atom_name(long), Err(Fault::Raise(e)) if e.reason == Term::atom(atom::SYSTEM_LIMIT))
        );
        let surrogate = build::list(&mut p.heap, &[Term::small(0xD800)]);
        assert!(list_atom_name(surrogate).is_err());
        let improper = build::list_with_tail(&mut p.heap, &[Term::small(97)], Term::atom(atom::OK));
        assert!(list_atom_name(improper).is_err());
        let bin = build::binary(&mut p.heap, &[0xFF]);
        assert!(binary_atom_name(bin, Encoding::Utf8).is_err());
        assert_eq!(
            binary_atom_name(bin, Encoding::Latin1).ok().as_deref(),
            Some("\u{ff}")
        );
        let name = "\u{e9}".repeat(256);
        let bin = build::binary(&mut p.heap, name.as_bytes());
        assert!(
            matches!(binary_atom_name(bin, Encoding::Utf8), Err(Fault::Raise(e)) if e.reason == Term::atom(atom::SYSTEM_LIMIT))
        );
    }

    #[test]
    fn pids_ports_and_refs_parse() {
        let mut p = proc();
        assert_eq!(
            parse_pid(b"<0.1.2>"),
            Some(Term::pid((2 << etf::PID_NUMBER_BITS) | 1))
        );
        for bad in [
            &b"<1.2.3>"[..],
            b"<0.1.2",
            b"< 0.1.2>",
            b"<0.1.-2>",
            b"<0..2>",
        ] {
            assert_eq!(parse_pid(bad), None);
        }
        let s = build::str_list(&mut p.heap, "#Ref<0.1.2.3>");
        let r = list_to_ref_1(&mut p, &[s]).ok().unwrap_or(Term::NIL);
        assert_eq!(r.ref_numbers(), [3, 2, 1]);
        assert_eq!(text(display_list(&mut p.heap, r)), "#Ref<0.1.2.3>");
        let s = build::str_list(&mut p.heap, "#Ref<0.1.2>");
        assert!(list_to_ref_1(&mut p, &[s]).is_err());
        let s = build::str_list(&mut p.heap, "#Port<0.5>");
        assert_eq!(list_to_port_1(&mut p, &[s]).ok(), Some(Term::port(5)));
    }

    #[test]
    fn tuple_builders_check_positions() {
        let mut p = proc();
        let t = build::tuple(&mut p.heap, &[Term::small(1), Term::small(2)]);
        let x = Term::atom(atom::OK);
        let r = insert_element_3(&mut p, &[Term::small(3), t, x])
            .ok()
            .and_then(|t| t.as_tuple().map(|e| e.to_vec()));
        assert_eq!(r, Some(vec![Term::small(1), Term::small(2), x]));
        assert!(insert_element_3(&mut p, &[Term::small(4), t, x]).is_err());
        assert!(delete_element_2(&mut p, &[Term::small(3), t]).is_err());
        let one = build::tuple(&mut p.heap, &[Term::small(1), Term::atom(atom::TRUE)]);
        let three = build::tuple(&mut p.heap, &[Term::small(3), Term::atom(atom::FALSE)]);
        let again = build::tuple(&mut p.heap, &[Term::small(1), x]);
        let inits = build::list(&mut p.heap, &[one, three, again]);
        let r = make_tuple_3(&mut p, &[Term::small(3), Term::NIL, inits])
            .ok()
            .and_then(|t| t.as_tuple().map(|e| e.to_vec()));
        assert_eq!(r, Some(vec![x, Term::NIL, Term::atom(atom::FALSE)]));
        assert!(make_tuple_2(&mut p, &[Term::small(1 << 24), x]).is_err());
    }

    #[test]
    fn iovec_splits_large_off_heap_binaries() {
        let mut p = proc();
        let data: Vec<u8> = (1..=100).collect();
        let big = build::binary(&mut p.heap, &data);
        let small = build::binary(&mut p.heap, b"x");
        let t = build::tuple(&mut p.heap, &[big, Term::atom(atom::OK), small, big]);
        let r = term_to_iovec(&mut p, t, &EncodeOptions::default())
            .ok()
            .unwrap_or(Term::NIL);
        let parts: Vec<Vec<u8>> = build::list_to_vec(r)
            .unwrap_or_default()
            .iter()
            .map(|b| b.binary_bytes().map(|c| c.to_vec()).unwrap_or_default())
            .collect();
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[0], vec![131, 104, 4, 109, 0, 0, 0, 100]);
        assert_eq!(parts[1], data);
        assert_eq!(parts[3], data);
        assert_eq!(
            parts.concat(),
            etf::encode(t, &EncodeOptions::default()).unwrap_or_default()
        );
    }

    #[test]
    fn string_module_conversions() {
        let mut p = proc();
        let mut run = |f: fn(&mut Process, &[Term]) -> BifResult, s: &str| {
            let l = build::str_list(&mut p.heap, s);
            let r = f(&mut p, &[l]).ok().unwrap_or(Term::NIL);
            let t = r.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
            let first = t.first().map(|&v| {
                v.as_float()
                    .map(|f| f.to_string())
                    .or(v.as_small().map(|i| i.to_string()))
                    .unwrap_or_else(|| format!("{v:?}"))
            });
            (
                first.unwrap_or_default(),
                t.get(1).map(|&r| text(r)).unwrap_or_default(),
            )
        };
        assert_eq!(
            run(string_list_to_integer_1, "-12abc"),
            ("-12".into(), "abc".into())
        );
        assert_eq!(
            run(string_list_to_integer_1, "-a"),
            ("'error'".into(), "no_integer".into())
        );
        assert_eq!(
            run(string_list_to_float_1, "1.5e3x"),
            ("1500".into(), "x".into())
        );
        assert_eq!(
            run(string_list_to_float_1, "1.5ex"),
            ("1.5".into(), "ex".into())
        );
        assert_eq!(
            run(string_list_to_float_1, "1.5e+"),
            ("1.5".into(), "e+".into())
        );
        assert_eq!(
            run(string_list_to_float_1, "12"),
            ("'error'".into(), "no_float".into())
        );
    }
}
