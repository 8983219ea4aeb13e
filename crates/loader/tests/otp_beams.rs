//! Loads the installed OTP's `.beam` files, and mutated copies of a sample of
//! them, through `enigma_loader::load`.
//!
//! The OTP root is `$ENIGMA_OTP_ROOT`, else `/usr/lib/erlang`; without it the
//! tests print a note and pass.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

use enigma_loader::{disasm, load, Opcode};
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use flate2::Compression;
use std::io::{Read, Write};

/// Every `.beam` under `<root>/lib/*/ebin`, sorted, or `None` if the root is missing.
fn otp_beams() -> Option<Vec<PathBuf>> {
    let root = std::env::var_os("ENIGMA_OTP_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| "/usr/lib/erlang".into());
    let lib = root.join("lib");
    let Ok(apps) = std::fs::read_dir(&lib) else {
        println!(
            "note: {} not found; skipping OTP .beam tests",
            lib.display()
        );
        return None;
    };
    let mut files = Vec::new();
    for app in apps.flatten() {
        let Ok(ebin) = std::fs::read_dir(app.path().join("ebin")) else {
            continue;
        };
        for f in ebin.flatten() {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "beam") {
                files.push(p);
            }
        }
    }
    files.sort();
    Some(files)
}

#[test]
fn loads_every_otp_beam() {
    let Some(files) = otp_beams() else { return };
    let start = Instant::now();
    let mut failures = Vec::new();
    let (mut instrs, mut bytes) = (0usize, 0usize);
    let mut used = vec![0usize; 256];
    for path in &files {
        let data = std::fs::read(path).unwrap();
        bytes += data.len();
        match load(&data) {
            Ok(m) => {
                let stem = path.file_stem().unwrap().to_string_lossy();
                assert_eq!(m.name, stem, "{}", path.display());
                assert_eq!(
                    m.code.last().map(|i| i.op),
                    Some(Opcode::IntCodeEnd),
                    "{}",
                    path.display()
                );
                assert!(!m.exports.is_empty(), "{} exports nothing", path.display());
                instrs += m.code.len();
                for i in &m.code {
                    used[usize::from(i.op.number())] += 1;
                }
            }
            Err(e) => failures.push(format!("{}: {e}", path.display())),
        }
    }
    let distinct = used.iter().filter(|&&n| n > 0).count();
    println!(
        "loaded {} of {} OTP .beam files ({} KiB, {instrs} instructions, {distinct} distinct opcodes) in {:.2?}",
        files.len() - failures.len(),
        files.len(),
        bytes / 1024,
        start.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn disassembles_a_known_module() {
    let Some(files) = otp_beams() else { return };
    let Some(path) = files.iter().find(|p| p.ends_with("lists.beam")) else {
        return;
    };
    let m = load(&std::fs::read(path).unwrap()).unwrap();
    let text = disasm(&m);
    assert!(
        text.contains("{function, reverse, 2, "),
        "no reverse/2 in lists disassembly"
    );
    assert!(text.contains("{func_info,{atom,lists},{atom,reverse},2}"));
    assert!(text.contains("{call_ext_only,2,{extfunc,erlang,"));
}

/// A small deterministic generator (xorshift64*), so the test needs no crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform-ish in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A chunk found by a lenient walk of the IFF container: the offset of its
/// size field, and the range of its data.
struct ChunkPos {
    id: [u8; 4],
    size_field: usize,
    data: std::ops::Range<usize>,
}

fn chunk_positions(b: &[u8]) -> Vec<ChunkPos> {
    let mut out = Vec::new();
    let mut pos = 12;
    while pos + 8 <= b.len() {
        let id = [b[pos], b[pos + 1], b[pos + 2], b[pos + 3]];
        let size = u32::from_be_bytes([b[pos + 4], b[pos + 5], b[pos + 6], b[pos + 7]]) as usize;
        let start = pos + 8;
        let end = start.saturating_add(size).min(b.len());
        out.push(ChunkPos {
            id,
            size_field: pos + 4,
            data: start..end,
        });
        pos = start.saturating_add((size + 3) & !3);
    }
    out
}

/// Applies one random mutation; returns its description.
fn mutate(rng: &mut Rng, b: &mut Vec<u8>) -> String {
    let len = b.len();
    if len < 12 {
        // Stacked mutations can leave almost nothing; just append.
        b.push(rng.next() as u8);
        return "append 1 byte".into();
    }
    match rng.below(9) {
        0 => {
            let at = rng.below(len);
            b.truncate(at);
            format!("truncate at {at}")
        }
        1 => {
            let n = 1 + rng.below(4);
            let mut what = String::from("flip bits");
            for _ in 0..n {
                let at = rng.below(len);
                let bit = rng.below(8);
                b[at] ^= 1 << bit;
                what += &format!(" {at}.{bit}");
            }
            what
        }
        2 => {
            let at = rng.below(len);
            let n = (1 + rng.below(8)).min(len - at);
            for x in &mut b[at..at + n] {
                *x = rng.next() as u8;
            }
            format!("overwrite {n} bytes at {at}")
        }
        3 => {
            let chunks = chunk_positions(b);
            let values = |rng: &mut Rng, old: u32| -> u32 {
                match rng.below(8) {
                    0 => 0,
                    1 => old.wrapping_sub(1),
                    2 => old.wrapping_add(1),
                    3 => old.wrapping_add(4),
                    4 => 0x7fff_ffff,
                    5 => u32::MAX,
                    6 => old / 2,
                    _ => rng.next() as u32,
                }
            };
            if chunks.is_empty() || rng.below(8) == 0 {
                let old = u32::from_be_bytes([b[4], b[5], b[6], b[7]]);
                let new = values(rng, old);
                b[4..8].copy_from_slice(&new.to_be_bytes());
                return format!("form size {old} -> {new}");
            }
            let c = &chunks[rng.below(chunks.len())];
            let f = c.size_field;
            let old = u32::from_be_bytes([b[f], b[f + 1], b[f + 2], b[f + 3]]);
            let new = values(rng, old);
            b[f..f + 4].copy_from_slice(&new.to_be_bytes());
            format!("{} size {old} -> {new}", String::from_utf8_lossy(&c.id))
        }
        4 => {
            let at = rng.below(len + 1);
            let n = 1 + rng.below(16);
            let ins: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            b.splice(at..at, ins);
            format!("insert {n} bytes at {at}")
        }
        5 => {
            let at = rng.below(len);
            let n = (1 + rng.below(16)).min(len - at);
            b.drain(at..at + n);
            format!("delete {n} bytes at {at}")
        }
        6 | 7 => {
            // Overwrite inside one chunk's data, so small chunks get hit too;
            // the Code chunk twice as often, being the most intricate.
            let chunks = chunk_positions(b);
            let code = chunks.iter().position(|c| &c.id == b"Code");
            let pick = match (rng.below(2), code) {
                (0, Some(i)) => i,
                _ => rng.below(chunks.len()),
            };
            let Some(c) = chunks.get(pick).filter(|c| !c.data.is_empty()) else {
                return "no-op".into();
            };
            let at = c.data.start + rng.below(c.data.len());
            let n = 1 + rng.below(3);
            for x in b.iter_mut().skip(at).take(n) {
                *x = match rng.below(4) {
                    0 => *x ^ (1 << rng.below(8)),
                    1 => 0xff,
                    2 => 0,
                    _ => rng.next() as u8,
                };
            }
            format!(
                "overwrite {n} bytes at {at} in {}",
                String::from_utf8_lossy(&c.id)
            )
        }
        _ => mutate_literals(rng, b),
    }
}

/// Inflates LitT, damages the table, and deflates it again with a correct
/// size header, so the damage reaches the literal table parser.
fn mutate_literals(rng: &mut Rng, b: &mut Vec<u8>) -> String {
    let chunks = chunk_positions(b);
    let Some(c) = chunks.iter().find(|c| &c.id == b"LitT" && c.data.len() > 4) else {
        return "no LitT".into();
    };
    let mut table = Vec::new();
    if ZlibDecoder::new(&b[c.data.start + 4..c.data.end])
        .read_to_end(&mut table)
        .is_err()
        || table.is_empty()
    {
        return "LitT not inflatable".into();
    }
    let what = match rng.below(3) {
        0 => {
            let at = rng.below(table.len());
            table.truncate(at);
            format!("literal table truncated at {at}")
        }
        1 => {
            let at = rng.below(table.len().min(64));
            table[at] = rng.next() as u8;
            format!("literal table byte {at} overwritten")
        }
        _ => {
            let at = rng.below(table.len());
            table[at] ^= 1 << rng.below(8);
            format!("literal table bit flip at {at}")
        }
    };
    let mut e = ZlibEncoder::new(Vec::new(), Compression::fast());
    e.write_all(&table).unwrap();
    let mut data = (table.len() as u32).to_be_bytes().to_vec();
    data.extend(e.finish().unwrap());
    // Rebuild the file with the new chunk (and fix the sizes).
    let mut out = b[..c.size_field].to_vec();
    out.extend((data.len() as u32).to_be_bytes());
    out.extend(&data);
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    let old_end = (c.data.start + ((c.data.len() + 3) & !3)).min(b.len());
    out.extend(&b[old_end..]);
    let form = (out.len() - 8) as u32;
    out[4..8].copy_from_slice(&form.to_be_bytes());
    *b = out;
    what
}

/// Files for the mutation test: a deterministic spread over the sorted
/// list, skipping large files so that the test stays fast in debug builds.
fn sample(files: &[PathBuf], want: usize) -> Vec<&Path> {
    let small: Vec<&Path> = files
        .iter()
        .map(PathBuf::as_path)
        .filter(|p| {
            std::fs::metadata(p)
                .map(|m| m.len() <= 100_000)
                .unwrap_or(false)
        })
        .collect();
    let stride = (small.len() / want).max(1);
    small.into_iter().step_by(stride).take(want).collect()
}

#[test]
fn mutated_beams_never_panic() {
    let Some(files) = otp_beams() else { return };
    const FILES: usize = 32;
    const MUTATIONS_PER_FILE: usize = 400;
    // ENIGMA_MUTATION_SCALE=N runs N times as many mutations per file, and
    // ENIGMA_MUTATION_SEED=S another sequence, for longer hunts by hand.
    let scale: usize = std::env::var("ENIGMA_MUTATION_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let seed: u64 = std::env::var("ENIGMA_MUTATION_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let start = Instant::now();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seed.wrapping_mul(0x1000_0000_01B3) | 1);
    let (mut ok, mut err, mut total) = (0usize, 0usize, 0usize);
    let mut panics = Vec::new();
    for path in sample(&files, FILES) {
        let original = std::fs::read(path).unwrap();
        for n in 0..MUTATIONS_PER_FILE * scale {
            let mut bytes = original.clone();
            // Usually one mutation, sometimes a few stacked.
            let rounds = if rng.below(4) == 0 {
                2 + rng.below(3)
            } else {
                1
            };
            let what: Vec<String> = (0..rounds).map(|_| mutate(&mut rng, &mut bytes)).collect();
            total += 1;
            let result = catch_unwind(AssertUnwindSafe(|| {
                let r = load(&bytes);
                if let Ok(m) = &r {
                    let _ = disasm(m);
                }
                r.is_ok()
            }));
            match result {
                Ok(true) => ok += 1,
                Ok(false) => err += 1,
                Err(_) => panics.push(format!(
                    "{} mutation {n}: {}",
                    path.display(),
                    what.join(", ")
                )),
            }
        }
    }
    println!(
        "{total} mutated inputs: {ok} loaded, {err} rejected, {} panicked, in {:.2?}",
        panics.len(),
        start.elapsed()
    );
    assert!(
        panics.is_empty(),
        "load panicked on:\n{}",
        panics.join("\n")
    );
    assert!(err > total / 2, "most mutations should be rejected");
}
