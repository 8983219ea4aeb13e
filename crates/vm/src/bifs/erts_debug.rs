//! BIFs of the `erts_debug` module: `flat_size/1` and `same/2`. (`erts_debug:size/1`,
//! which counts shared subterms once, is Erlang code in `erts_debug.erl` built on these two,
//! `erts_internal:term_type/1` and `map_hashmap_children/1`.)
//!
//! `flat_size/1` answers in BEAM's words, not Enigma's: the heap words the term would take
//! if copied onto a BEAM heap with nothing shared (BEAM's `size_object`). Most kinds are laid
//! out alike; where they differ the BEAM size is used: a refc binary's handle is 6 words,
//! a fun 5 plus its free variables, a sub-binary counts as the binary a copy would make, the
//! empty tuple is a global literal (0 words), a flat map is 3 words plus its values and its
//! keys tuple. One difference is left: BEAM gives the references of aliases (`alias/0`,
//! monitors with the `alias` option) a 4th word; Enigma does not tell them apart and counts 3.

use enigma_term::{boxed, integer, map, Term};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::BifResult;
use crate::process::Process;

/// Words of BEAM's `ProcBin` (the on-heap handle of an off-heap binary).
const PROC_BIN_WORDS: usize = 6;
/// Words of BEAM's `ErlSubBin`.
const SUB_BIN_WORDS: usize = 5;
/// Words of a fun without free variables (header, entry, arity/free count, creator...).
const FUN_WORDS: usize = 5;
/// Words of a local reference.
const REF_WORDS: usize = 3;
/// Words of an external pid or port (header, node, next, one data word).
const EXTERNAL_ID_WORDS: usize = 4;
/// Words of an external reference with three numbers.
const EXTERNAL_REF_WORDS: usize = 5;

/// Words of a heap binary of `n` bytes (header, size, data).
fn heap_bin_words(n: usize) -> usize {
    2 + n.div_ceil(8)
}

/// `erts_debug:flat_size(Term)`.
fn flat_size_1(p: &mut Process, a: &[Term]) -> BifResult {
    let (words, visited) = flat_size(a[0]);
    p.charge_work(visited);
    Ok(integer::from_u64(&mut p.heap, words as u64))
}

/// BEAM's `size_object`: the words of `t` with every subterm counted as often as it is
/// referenced; also the number of objects looked at (for the reduction cost).
pub fn flat_size(t: Term) -> (usize, usize) {
    let mut sum = 0usize;
    let mut visited = 0usize;
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        visited += 1;
        if let Some((h, tl)) = t.as_cons() {
            sum += 2;
            stack.push(tl);
            stack.push(h);
            continue;
        }
        if !t.is_boxed() {
            continue;
        }
        let header = t.header();
        let payload = t.boxed_payload();
        match header.subtag() {
            boxed::TUPLE => {
                if !payload.is_empty() {
                    sum += 1 + payload.len();
                    stack.extend_from_slice(payload);
                }
            }
            boxed::POS_BIG | boxed::NEG_BIG => {
                // Digits up to the most significant non-zero one.
                let digits = payload
                    .iter()
                    .rposition(|d| d.raw() != 0)
                    .map_or(1, |i| i + 1);
                sum += 1 + digits;
            }
            boxed::FLOAT => sum += 2,
            boxed::REF => sum += REF_WORDS,
            boxed::EXTERNAL_PID | boxed::EXTERNAL_PORT => sum += EXTERNAL_ID_WORDS,
            boxed::EXTERNAL_REF => sum += EXTERNAL_REF_WORDS,
            boxed::EXPORT => sum += FUN_WORDS,
            boxed::FUN => {
                // [&FunEntry, creator, env...]
                let env = payload.get(2..).unwrap_or(&[]);
                sum += FUN_WORDS + env.len();
                stack.extend_from_slice(env);
            }
            boxed::HEAP_BIN => sum += heap_bin_words(t.boxed_word(1) as usize),
            boxed::REFC_BIN => sum += PROC_BIN_WORDS,
            boxed::SUB_BIN => sum += sub_binary_words(t),
            boxed::MAP => {
                if let Some(node) = map::trie_node(t) {
                    sum += usize::from(node.is_root) + 1 + node.children.len();
                    stack.extend_from_slice(node.children);
                } else {
                    // A flat map: [size, keys tuple, values...] plus its header.
                    sum += 1 + payload.len();
                    stack.extend_from_slice(payload.get(1..).unwrap_or(&[]));
                }
            }
            _ => sum += 1 + header.arity(),
        }
    }
    (sum, visited)
}

/// What a sub-binary takes once copied, as BEAM's `size_object` counts it: an aligned one
/// becomes its underlying kind of binary; one with bits left over keeps a sub-binary over
/// a binary of one or two extra bytes.
fn sub_binary_words(t: Term) -> usize {
    let (size_bits, offset) = (t.boxed_word(1) as usize, t.boxed_word(2) as usize);
    let orig = Term::from_raw(t.boxed_word(3));
    let odd = size_bits % 8 + offset % 8;
    let extra_bytes = match odd {
        0 => 0,
        1..=8 => 1,
        _ => 2,
    };
    let sub = if extra_bytes > 0 { SUB_BIN_WORDS } else { 0 };
    let refc = orig.is_boxed() && orig.header().subtag() == boxed::REFC_BIN;
    sub + if refc {
        PROC_BIN_WORDS
    } else {
        heap_bin_words(size_bits / 8 + extra_bytes)
    }
}

/// `erts_debug:same(A, B)`: whether the two are the very same term (the same word).
fn same_2(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(if a[0].raw() == a[1].raw() {
        Term::TRUE
    } else {
        Term::FALSE
    })
}

pub const BIFS: &[BifEntry] = &[
    bif!("erts_debug", "flat_size", 1, flat_size_1),
    bif!("erts_debug", "same", 2, same_2),
];

#[cfg(test)]
mod tests {
    use super::*;
    use enigma_heap::ProcessHeap;
    use enigma_term::build;

    #[test]
    fn counts_as_beam() {
        let mut h = ProcessHeap::default();
        assert_eq!(flat_size(Term::small(1)).0, 0);
        let l = build::list(&mut h, &[Term::small(1), Term::small(2), Term::small(3)]);
        assert_eq!(flat_size(l).0, 6);
        let t = build::tuple(&mut h, &[Term::small(1), l]);
        assert_eq!(flat_size(t).0, 9);
        assert_eq!(flat_size(build::tuple(&mut h, &[])).0, 0);
        assert_eq!(flat_size(build::float(&mut h, 1.5)).0, 2);
        assert_eq!(flat_size(build::binary(&mut h, b"abc")).0, 3);
        assert_eq!(
            flat_size(build::binary(&mut h, &[0; 100])).0,
            PROC_BIN_WORDS
        );
        let bits = build::binary(&mut h, &[0xff]);
        let sub = build::sub_binary(&mut h, bits, 0, 3);
        assert_eq!(flat_size(sub).0, 8);
        let m = map::from_pairs(&mut h, vec![(Term::small(1), Term::small(2))]);
        assert_eq!(flat_size(m).0, 6);
        assert_eq!(flat_size(map::empty(&mut h)).0, 3);
    }
}
