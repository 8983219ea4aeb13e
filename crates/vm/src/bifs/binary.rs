//! BIFs of the `binary` module (the ones `bif.tab` lists; `binary:replace/3,4`,
//! `bin_to_list/1,2,3` and the hex functions are Erlang code in `binary.erl` that calls
//! these).
//!
//! Searching: a match starts at the leftmost position where any pattern matches and, among
//! the patterns matching there, takes the longest; `matches` and `split` continue after
//! the end of each match. A compiled pattern (`compile_pattern/1`) is `{bm, Pattern}` for
//! one pattern and `{ac, [Pattern]}` for several, as BEAM's tags (BEAM keeps a reference to
//! a prepared automaton in the second element; only the tuple's use is documented).
//! Searching is a first-byte filter plus comparison: O(subject × patterns) in the worst
//! case, without the reduction accounting BEAM's version has for huge subjects.

use enigma_term::{atom, build, integer, Atom, Term};
use num_bigint::{BigInt, BigUint, Sign};

use crate::bif;
use crate::bifs::erlang::binaries::{binary_part, binary_part_tuple, iolist_bytes};
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, system_limit, BifResult, Fault};
use crate::emulator::ops::bits::extract_part;
use crate::process::Process;

/// The bytes of a binary (not a bitstring of other length), or badarg.
fn bytes_of<'a>(t: Term) -> Result<std::borrow::Cow<'a, [u8]>, Fault> {
    t.binary_bytes().ok_or_else(badarg)
}

// ---- patterns and options ----

/// The search patterns of a pattern argument: a non-empty binary, a non-empty list of them,
/// or a compiled pattern. Sorted longest first, so the first one that matches at a
/// position is the longest there.
fn patterns(t: Term) -> Result<Vec<Vec<u8>>, Fault> {
    // A compiled pattern's tag says which kind it holds (`bm` one binary, `ac` a list), and
    // a tuple whose tag does not fit its contents is a badarg, as BEAM's check of the
    // automaton's kind makes it (binary_module_SUITE's badargs swaps them).
    let t = match t.as_tuple() {
        Some(&[tag, pats]) if tag == bm_atom() && pats.is_bitstring() => pats,
        Some(&[tag, pats]) if tag == ac_atom() && pats.is_list() => pats,
        Some(_) => return Err(badarg()),
        _ => t,
    };
    let mut out = Vec::new();
    if t.is_bitstring() {
        out.push(bytes_of(t)?.into_owned());
    } else {
        let items = build::list_to_vec(t).ok_or_else(badarg)?;
        for item in items {
            out.push(bytes_of(item)?.into_owned());
        }
    }
    if out.is_empty() || out.iter().any(|p| p.is_empty()) {
        return Err(badarg());
    }
    out.sort_by_key(|p| std::cmp::Reverse(p.len()));
    Ok(out)
}

fn bm_atom() -> Term {
    Term::atom(Atom::intern("bm").unwrap_or(atom::UNDEFINED))
}

fn ac_atom() -> Term {
    Term::atom(Atom::intern("ac").unwrap_or(atom::UNDEFINED))
}

/// Options of `match/3`, `matches/3` and `split/3`.
#[derive(Default)]
struct Opts {
    scope: Option<(usize, usize)>,
    global: bool,
    trim: bool,
    trim_all: bool,
}

/// A `{Start, Length}` part of a subject of `size` bytes as `(start, end)`; a negative
/// length counts backwards from `Start`.
fn scope(t: Term, size: usize) -> Result<(usize, usize), Fault> {
    let Some(&[s, l]) = t.as_tuple() else {
        return Err(badarg());
    };
    let (s, l) = (
        s.as_i64().ok_or_else(badarg)?,
        l.as_i64().ok_or_else(badarg)?,
    );
    let e = s.checked_add(l).ok_or_else(badarg)?;
    let (lo, hi) = if l < 0 { (e, s) } else { (s, e) };
    if lo < 0 || hi as u64 > size as u64 {
        return Err(badarg());
    }
    Ok((lo as usize, hi as usize))
}

fn options(t: Term, size: usize, split: bool) -> Result<Opts, Fault> {
    let mut o = Opts::default();
    for opt in build::list_to_vec(t).ok_or_else(badarg)? {
        if let Some(&[tag, sc]) = opt.as_tuple() {
            if tag.as_atom().is_some_and(|a| a.name() == "scope") {
                o.scope = Some(scope(sc, size)?);
                continue;
            }
            return Err(badarg());
        }
        match opt.as_atom().map(|a| a.name()) {
            Some("global") if split => o.global = true,
            Some("trim") if split => o.trim = true,
            Some("trim_all") if split => o.trim_all = true,
            _ => return Err(badarg()),
        }
    }
    Ok(o)
}

/// Matches of `pats` in `hay[start..end]`, as `(position, length)`: the first one only, or
/// all non-overlapping ones with `global`.
fn find(
    hay: &[u8],
    pats: &[Vec<u8>],
    start: usize,
    end: usize,
    global: bool,
) -> Vec<(usize, usize)> {
    let mut firsts = [false; 256];
    for p in pats {
        if let Some(&b) = p.first() {
            firsts[b as usize] = true;
        }
    }
    let shortest = pats.iter().map(|p| p.len()).min().unwrap_or(1).max(1);
    let hay = hay.get(..end).unwrap_or(hay);
    let mut out = Vec::new();
    let mut pos = start;
    while pos + shortest <= hay.len() {
        let Some(off) = hay
            .get(pos..)
            .and_then(|h| h.iter().position(|&b| firsts[b as usize]))
        else {
            break;
        };
        let at = pos + off;
        let rest = hay.get(at..).unwrap_or(&[]);
        match pats.iter().find(|p| rest.starts_with(p)) {
            Some(p) => {
                out.push((at, p.len()));
                if !global {
                    break;
                }
                pos = at + p.len();
            }
            None => pos = at + 1,
        }
    }
    out
}

fn pos_len(p: &mut Process, (pos, len): (usize, usize)) -> Term {
    build::tuple(
        &mut p.heap,
        &[Term::small(pos as i64), Term::small(len as i64)],
    )
}

/// `match/2,3` and `matches/2,3`. As in BEAM, the subject and the options are checked
/// first, and a search that ends at position 0 (an empty subject or scope `{0, 0}`) finds
/// nothing without looking at the pattern at all, so even an invalid one gives no badarg.
fn do_match(p: &mut Process, subject: Term, pattern: Term, opts: Term, global: bool) -> BifResult {
    let hay = bytes_of(subject)?;
    let o = options(opts, hay.len(), false)?;
    let (start, end) = o.scope.unwrap_or((0, hay.len()));
    let found = if end == 0 {
        Vec::new()
    } else {
        find(&hay, &patterns(pattern)?, start, end, global)
    };
    if !global {
        return Ok(match found.first() {
            Some(&m) => pos_len(p, m),
            None => Term::atom(atom::NOMATCH),
        });
    }
    let elems: Vec<Term> = found.into_iter().map(|m| pos_len(p, m)).collect();
    Ok(build::list(&mut p.heap, &elems))
}

fn match_2(p: &mut Process, a: &[Term]) -> BifResult {
    do_match(p, a[0], a[1], Term::NIL, false)
}

fn match_3(p: &mut Process, a: &[Term]) -> BifResult {
    do_match(p, a[0], a[1], a[2], false)
}

fn matches_2(p: &mut Process, a: &[Term]) -> BifResult {
    do_match(p, a[0], a[1], Term::NIL, true)
}

fn matches_3(p: &mut Process, a: &[Term]) -> BifResult {
    do_match(p, a[0], a[1], a[2], true)
}

/// `split/2,3`; the pattern is ignored when the search ends at position 0, as in
/// [`do_match`].
fn do_split(p: &mut Process, subject: Term, pattern: Term, opts: Term) -> BifResult {
    let hay = bytes_of(subject)?;
    let o = options(opts, hay.len(), true)?;
    let (start, end) = o.scope.unwrap_or((0, hay.len()));
    let found = if end == 0 {
        Vec::new()
    } else {
        find(&hay, &patterns(pattern)?, start, end, o.global)
    };
    let mut parts: Vec<(usize, usize)> = Vec::with_capacity(found.len() + 1);
    let mut from = 0;
    for (at, len) in found {
        parts.push((from, at));
        from = at + len;
    }
    parts.push((from, hay.len()));
    if o.trim_all {
        parts.retain(|(a, b)| a != b);
    } else if o.trim {
        while parts.last().is_some_and(|(a, b)| a == b) {
            parts.pop();
        }
    }
    let elems: Vec<Term> = parts
        .into_iter()
        .map(|(a, b)| extract_part(&mut p.heap, subject, a * 8, (b - a) * 8))
        .collect();
    Ok(build::list(&mut p.heap, &elems))
}

fn split_2(p: &mut Process, a: &[Term]) -> BifResult {
    do_split(p, a[0], a[1], Term::NIL)
}

fn split_3(p: &mut Process, a: &[Term]) -> BifResult {
    do_split(p, a[0], a[1], a[2])
}

fn compile_pattern_1(p: &mut Process, a: &[Term]) -> BifResult {
    let pats = patterns(a[0])?;
    if pats.len() == 1 {
        let b = build::binary(&mut p.heap, &pats[0]);
        return Ok(build::tuple(&mut p.heap, &[bm_atom(), b]));
    }
    let bins: Vec<Term> = pats
        .iter()
        .map(|pat| build::binary(&mut p.heap, pat))
        .collect();
    let l = build::list(&mut p.heap, &bins);
    Ok(build::tuple(&mut p.heap, &[ac_atom(), l]))
}

// ---- parts, bytes, copies ----

fn part_2(p: &mut Process, a: &[Term]) -> BifResult {
    binary_part_tuple(p, a[0], a[1])
}

fn part_3(p: &mut Process, a: &[Term]) -> BifResult {
    binary_part(p, a[0], a[1], a[2])
}

fn at_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let i = a[1].as_small().ok_or_else(badarg)?;
    let i = usize::try_from(i).map_err(|_| badarg())?;
    b.get(i).map(|&x| Term::small(x as i64)).ok_or_else(badarg)
}

fn first_1(_p: &mut Process, a: &[Term]) -> BifResult {
    bytes_of(a[0])?
        .first()
        .map(|&x| Term::small(x as i64))
        .ok_or_else(badarg)
}

fn last_1(_p: &mut Process, a: &[Term]) -> BifResult {
    bytes_of(a[0])?
        .last()
        .map(|&x| Term::small(x as i64))
        .ok_or_else(badarg)
}

fn copy(p: &mut Process, bin: Term, n: Term) -> BifResult {
    let b = bytes_of(bin)?;
    let n = n.as_small().ok_or_else(badarg)?;
    let n = usize::try_from(n).map_err(|_| badarg())?;
    let total = b.len().checked_mul(n).ok_or_else(system_limit)?;
    // No limit but memory, as on BEAM: a copy too large to allocate ends the VM with
    // `binary_alloc: Cannot allocate ...`.
    let mut out = enigma_heap::allocator::vec_with_capacity(
        total,
        enigma_heap::allocator::MemoryKind::BINARY,
    );
    for _ in 0..n {
        out.extend_from_slice(&b);
    }
    Ok(build::binary_from_vec(&mut p.heap, out))
}

fn copy_1(p: &mut Process, a: &[Term]) -> BifResult {
    copy(p, a[0], Term::small(1))
}

fn copy_2(p: &mut Process, a: &[Term]) -> BifResult {
    copy(p, a[0], a[1])
}

fn list_to_bin_1(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_list() {
        return Err(badarg());
    }
    let bytes = iolist_bytes(a[0]).ok_or_else(badarg)?;
    Ok(build::binary_from_vec(&mut p.heap, bytes))
}

fn common(a: Term, from_end: bool) -> BifResult {
    let items = build::list_to_vec(a).ok_or_else(badarg)?;
    if items.is_empty() {
        return Err(badarg());
    }
    let bins = items
        .into_iter()
        .map(bytes_of)
        .collect::<Result<Vec<_>, _>>()?;
    let first = &bins[0];
    let mut n = first.len();
    for b in &bins[1..] {
        let same = if from_end {
            first
                .iter()
                .rev()
                .zip(b.iter().rev())
                .take_while(|(x, y)| x == y)
                .count()
        } else {
            first
                .iter()
                .zip(b.iter())
                .take_while(|(x, y)| x == y)
                .count()
        };
        n = n.min(same);
    }
    Ok(Term::small(n as i64))
}

fn longest_common_prefix_1(_p: &mut Process, a: &[Term]) -> BifResult {
    common(a[0], false)
}

fn longest_common_suffix_1(_p: &mut Process, a: &[Term]) -> BifResult {
    common(a[0], true)
}

/// `big` or `little`: whether little.
fn endianness(t: Term) -> Result<bool, Fault> {
    match t.as_atom() {
        Some(atom::BIG) => Ok(false),
        Some(atom::LITTLE) => Ok(true),
        _ => Err(badarg()),
    }
}

fn decode_unsigned(p: &mut Process, bin: Term, little: bool) -> BifResult {
    let b = bytes_of(bin)?;
    let v = if little {
        BigUint::from_bytes_le(&b)
    } else {
        BigUint::from_bytes_be(&b)
    };
    Ok(integer::from_bigint(&mut p.heap, &BigInt::from(v)))
}

fn decode_unsigned_1(p: &mut Process, a: &[Term]) -> BifResult {
    decode_unsigned(p, a[0], false)
}

fn decode_unsigned_2(p: &mut Process, a: &[Term]) -> BifResult {
    let little = endianness(a[1])?;
    decode_unsigned(p, a[0], little)
}

fn encode_unsigned(p: &mut Process, n: Term, little: bool) -> BifResult {
    let v = n.as_bigint().ok_or_else(badarg)?;
    if v.sign() == Sign::Minus {
        return Err(badarg());
    }
    let mag = v.magnitude();
    let bytes = if little {
        mag.to_bytes_le()
    } else {
        mag.to_bytes_be()
    };
    Ok(build::binary_from_vec(&mut p.heap, bytes))
}

fn encode_unsigned_1(p: &mut Process, a: &[Term]) -> BifResult {
    encode_unsigned(p, a[0], false)
}

fn encode_unsigned_2(p: &mut Process, a: &[Term]) -> BifResult {
    let little = endianness(a[1])?;
    encode_unsigned(p, a[0], little)
}

fn referenced_byte_size_1(_p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_bitstring() {
        return Err(badarg());
    }
    let (orig, _, _) = crate::emulator::ops::bits::real_binary(a[0]);
    Ok(Term::small(orig.boxed_word(1) as i64))
}

pub const BIFS: &[BifEntry] = &[
    bif!("binary", "compile_pattern", 1, compile_pattern_1),
    bif!("binary", "match", 2, match_2),
    bif!("binary", "match", 3, match_3),
    bif!("binary", "matches", 2, matches_2),
    bif!("binary", "matches", 3, matches_3),
    bif!("binary", "split", 2, split_2),
    bif!("binary", "split", 3, split_3),
    bif!(
        "binary",
        "longest_common_prefix",
        1,
        longest_common_prefix_1
    ),
    bif!(
        "binary",
        "longest_common_suffix",
        1,
        longest_common_suffix_1
    ),
    bif!("binary", "first", 1, first_1),
    bif!("binary", "last", 1, last_1),
    bif!("binary", "at", 2, at_2),
    bif!("binary", "part", 2, part_2),
    bif!("binary", "part", 3, part_3),
    bif!("binary", "list_to_bin", 1, list_to_bin_1),
    bif!("binary", "copy", 1, copy_1),
    bif!("binary", "copy", 2, copy_2),
    bif!("binary", "referenced_byte_size", 1, referenced_byte_size_1),
    bif!("binary", "encode_unsigned", 1, encode_unsigned_1),
    bif!("binary", "encode_unsigned", 2, encode_unsigned_2),
    bif!("binary", "decode_unsigned", 1, decode_unsigned_1),
    bif!("binary", "decode_unsigned", 2, decode_unsigned_2),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftmost_longest_non_overlapping() {
        let pats = vec![b"abc".to_vec(), b"bc".to_vec(), b"b".to_vec()];
        assert_eq!(find(b"abcabc", &pats, 0, 6, true), vec![(0, 3), (3, 3)]);
        let pats = vec![b"aa".to_vec()];
        assert_eq!(find(b"aaaa", &pats, 0, 4, true), vec![(0, 2), (2, 2)]);
        assert_eq!(find(b"aaaa", &pats, 1, 3, true), vec![(1, 2)]);
        assert_eq!(find(b"xyz", &pats, 0, 3, false), vec![]);
    }

    #[test]
    fn scopes() {
        assert_eq!(scope_of(43, -20, 43), Some((23, 43)));
        assert_eq!(scope_of(0, -1, 3), None);
        assert_eq!(scope_of(4, 0, 3), None);
        assert_eq!(scope_of(3, 0, 3), Some((3, 3)));
    }

    fn scope_of(s: i64, l: i64, size: usize) -> Option<(usize, usize)> {
        let mut h = enigma_term::VecAlloc::new();
        let t = build::tuple(&mut h, &[Term::small(s), Term::small(l)]);
        scope(t, size).ok()
    }
}
