//! Feeds mutated OTP `.beam` files through the whole loading path (parse, validate, decode
//! literals, translate to internal instructions) without installing them: every input must
//! load or give an error, never panic. The loader crate's own test covers the parsing layer
//! with more mutations; this one covers what the VM adds on top.

use std::path::PathBuf;

/// A small deterministic PRNG (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn sample_beams() -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = Vec::new();
    for lib in ["stdlib", "kernel", "compiler"] {
        let Ok(dirs) = std::fs::read_dir("/usr/lib/erlang/lib") else {
            continue;
        };
        for d in dirs.filter_map(|d| d.ok()) {
            if d.file_name().to_string_lossy().starts_with(lib) {
                if let Ok(files) = std::fs::read_dir(d.path().join("ebin")) {
                    all.extend(
                        files
                            .filter_map(|f| f.ok())
                            .map(|f| f.path())
                            .filter(|p| p.extension().is_some_and(|e| e == "beam")),
                    );
                }
            }
        }
    }
    all.sort();
    all.into_iter().step_by(9).take(24).collect()
}

fn mutate(rng: &mut Rng, orig: &[u8]) -> Vec<u8> {
    let mut b = orig.to_vec();
    match rng.below(5) {
        0 => b.truncate(rng.below(b.len())),
        1 => {
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
        }
        2 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(b.len());
                b[i] = rng.next() as u8;
            }
        }
        3 => {
            // Corrupt a 32-bit big-endian field at an aligned offset (chunk sizes, counts).
            let i = rng.below(b.len() / 4) * 4;
            let v = match rng.below(3) {
                0 => 0u32,
                1 => u32::MAX,
                _ => rng.next() as u32,
            };
            if i + 4 <= b.len() {
                b[i..i + 4].copy_from_slice(&v.to_be_bytes());
            }
        }
        _ => {
            let i = rng.below(b.len());
            let n = rng.below(16).min(b.len() - i);
            b.drain(i..i + n);
        }
    }
    b
}

#[test]
fn mutated_beams_never_panic_the_loader() {
    let beams = sample_beams();
    if beams.is_empty() {
        eprintln!("no OTP installation found; skipping");
        return;
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut loaded = 0;
    let mut rejected = 0;
    let per_file = 120;
    for path in &beams {
        let Ok(orig) = std::fs::read(path) else {
            continue;
        };
        for k in 0..per_file {
            let input = mutate(&mut rng, &orig);
            let r = std::panic::catch_unwind(|| {
                enigma_vm::code::load::load_bytes(&input, false).is_ok()
            });
            match r {
                Ok(true) => loaded += 1,
                Ok(false) => rejected += 1,
                Err(_) => panic!("panic loading mutation {k} of {}", path.display()),
            }
        }
    }
    eprintln!(
        "{} mutated modules: {loaded} loaded, {rejected} rejected",
        loaded + rejected
    );
    assert!(loaded + rejected >= beams.len() * per_file);
}
