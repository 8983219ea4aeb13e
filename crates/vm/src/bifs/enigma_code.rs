//! Natives of `enigma_code`, which the stand-in code server of `enigma run`
//! (`crates/vm/erl/enigma_code_server.erl`) loads modules with.

use enigma_term::{atom, build, Atom, Term};

use crate::bif;
use crate::bifs::BifEntry;
use crate::code;
use crate::emulator::exception::{badarg, BifResult};
use crate::process::Process;

fn error(p: &mut Process, why: &str) -> Term {
    let w = Atom::intern(why)
        .map(Term::atom)
        .unwrap_or(Term::atom(atom::BADARG));
    build::tuple(&mut p.heap, &[Term::atom(atom::ERROR), w])
}

/// `ensure_loaded(M)`: `{module, M}` or `{error, nofile | badfile}`.
fn ensure_loaded_1(p: &mut Process, a: &[Term]) -> BifResult {
    let m = a[0].as_atom().ok_or_else(badarg)?;
    Ok(match code::load::ensure_loaded(m) {
        Ok(_) => build::tuple(&mut p.heap, &[Term::atom(atom::MODULE), a[0]]),
        Err(e) if e.0 == "nofile" => error(p, "nofile"),
        Err(_) => error(p, "badfile"),
    })
}

/// `is_loaded(M)`: `{file, Path}`, `{file, preloaded}` or `false`.
fn is_loaded_1(p: &mut Process, a: &[Term]) -> BifResult {
    let m = a[0].as_atom().ok_or_else(badarg)?;
    if code::find_module(m).is_none() {
        return Ok(Term::FALSE);
    }
    let file = loaded_file(p, m);
    Ok(build::tuple(&mut p.heap, &[Term::atom(atom::FILE), file]))
}

fn loaded_file(p: &mut Process, m: Atom) -> Term {
    match code::path::loaded_from(m) {
        Some(path) if !path.to_string_lossy().contains("/erts-") => {
            build::str_list(&mut p.heap, &path.to_string_lossy())
        }
        Some(_) => Atom::intern("preloaded")
            .map(Term::atom)
            .unwrap_or(Term::NIL),
        None => build::str_list(&mut p.heap, ""),
    }
}

/// `load_binary(M, File, Bin)`: `{module, M}` or `{error, badfile}`.
fn load_binary_3(p: &mut Process, a: &[Term]) -> BifResult {
    let m = a[0].as_atom().ok_or_else(badarg)?;
    let bytes = a[2].binary_bytes().ok_or_else(badarg)?;
    Ok(match code::load::load_bytes(&bytes, true) {
        Ok(module) if module.name == m => {
            build::tuple(&mut p.heap, &[Term::atom(atom::MODULE), a[0]])
        }
        _ => error(p, "badfile"),
    })
}

fn get_path_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let dirs: Vec<Term> = code::path::dirs()
        .iter()
        .map(|d| build::str_list(&mut p.heap, &d.to_string_lossy()))
        .collect();
    Ok(build::list(&mut p.heap, &dirs))
}

fn root_dir_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(build::str_list(
        &mut p.heap,
        &code::path::otp_root().to_string_lossy(),
    ))
}

fn all_loaded_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let mut items = Vec::new();
    for m in code::module::loaded_modules() {
        let file = loaded_file(p, m.name);
        items.push(build::tuple(&mut p.heap, &[Term::atom(m.name), file]));
    }
    Ok(build::list(&mut p.heap, &items))
}

pub const BIFS: &[BifEntry] = &[
    bif!("enigma_code", "ensure_loaded", 1, ensure_loaded_1),
    bif!("enigma_code", "is_loaded", 1, is_loaded_1),
    bif!("enigma_code", "load_binary", 3, load_binary_3),
    bif!("enigma_code", "get_path", 0, get_path_0),
    bif!("enigma_code", "root_dir", 0, root_dir_0),
    bif!("enigma_code", "all_loaded", 0, all_loaded_0),
];
