//! Loading and purging code, as OTP's `code_server` and `erts_code_purger` drive it:
//! `erts_internal:prepare_loading/2` (parse and translate, not yet visible),
//! `erlang:finish_loading/1` (make it current; the previous version becomes old),
//! `on_load` functions (`call_on_load_function/1`, `finish_after_on_load/2`),
//! `delete_module/1`, `check_old_code/1`, `erts_internal:purge_module/2`, and
//! `check_process_code` (does a process still run, or return to, the old code).
//!
//! Each module has a current, an old and a waiting-for-`on_load` version
//! (`code::module::Versions`). Code is never freed: a purge forgets the old version, and
//! the processes still in it were killed first by `erts_code_purger`.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use enigma_term::{atom, build, Atom, Term};

use crate::bif;
use crate::bifs::os::atom_of;
use crate::bifs::BifEntry;
use crate::code::{self, module::Module};
use crate::emulator::exception::{badarg, error_atom, BifResult, Fault};
use crate::process::Process;

/// Prepared code waiting for `finish_loading/1`, by the numbers of its reference.
fn prepared() -> &'static Mutex<HashMap<[u32; 3], &'static Module>> {
    static P: OnceLock<Mutex<HashMap<[u32; 3], &'static Module>>> = OnceLock::new();
    P.get_or_init(Default::default)
}

fn lock_prepared() -> std::sync::MutexGuard<'static, HashMap<[u32; 3], &'static Module>> {
    prepared().lock().unwrap_or_else(|e| e.into_inner())
}

fn error_tuple(p: &mut Process, reason: &str) -> Term {
    let r = atom_of(reason);
    build::tuple(&mut p.heap, &[Term::atom(atom::ERROR), r])
}

/// `erts_internal:prepare_loading(Module, Binary)`: a reference to the prepared code, or
/// `{error, badfile}` when the binary is not a loadable module named `Module`.
fn prepare_loading_2(p: &mut Process, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(badarg)?;
    if !a[1].is_binary() {
        return Err(badarg());
    }
    let bytes = a[1].binary_bytes().ok_or_else(badarg)?;
    let m = match code::load::prepare(&bytes) {
        Ok(m) => m,
        Err(e) => {
            crate::runtime::logger::send_error(
                p.pid,
                p.group_leader,
                "Loading of module ~p failed: ~p~n",
                &[a[0], atom_of("badfile")],
            );
            let _ = e;
            return Ok(error_tuple(p, "badfile"));
        }
    };
    if m.name != name {
        return Ok(error_tuple(p, "badfile"));
    }
    let m: &'static Module = Box::leak(Box::new(m));
    let r = crate::bifs::erlang::new_ref(p);
    lock_prepared().insert(r.ref_numbers(), m);
    Ok(r)
}

fn prepared_of(t: Term) -> Option<&'static Module> {
    if !t.is_ref() {
        return None;
    }
    lock_prepared().get(&t.ref_numbers()).copied()
}

/// `erlang:has_prepared_code_on_load(Prepared)`.
fn has_prepared_code_on_load_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let m = prepared_of(a[0]).ok_or_else(badarg)?;
    Ok(Term::bool(m.on_load.is_some()))
}

/// `erlang:finish_loading(PreparedList)`: `ok`, or `{Reason, Modules}` for the modules
/// that could not be loaded (`not_purged`, `duplicated`) or wait for `on_load`.
fn finish_loading_1(p: &mut Process, a: &[Term]) -> BifResult {
    let refs = build::list_to_vec(a[0]).ok_or_else(badarg)?;
    let mut mods = Vec::with_capacity(refs.len());
    for r in &refs {
        mods.push((*r, prepared_of(*r).ok_or_else(badarg)?));
    }
    if mods.len() > 1 && mods.iter().any(|(_, m)| m.on_load.is_some()) {
        return Err(error_atom(atom::SYSTEM_LIMIT));
    }
    let mut names: Vec<Atom> = mods.iter().map(|(_, m)| m.name).collect();
    names.sort_unstable();
    let dup: Vec<Term> = names
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| Term::atom(w[0]))
        .collect();
    if !dup.is_empty() {
        return Ok(exception_list(p, "duplicated", &dup));
    }
    let not_purged: Vec<Term> = mods
        .iter()
        .filter(|(_, m)| {
            let v = code::module::versions(m.name);
            v.current.is_some() && v.old.is_some()
        })
        .map(|(_, m)| Term::atom(m.name))
        .collect();
    if !not_purged.is_empty() {
        return Ok(exception_list(p, "not_purged", &not_purged));
    }
    let mut on_load = Vec::new();
    {
        let mut table = lock_prepared();
        for (r, _) in &mods {
            table.remove(&r.ref_numbers());
        }
    }
    for (_, m) in mods {
        if m.on_load.is_some() {
            code::module::set_on_load(m);
            on_load.push(Term::atom(m.name));
        } else {
            code::load::make_current(m);
        }
    }
    if on_load.is_empty() {
        Ok(Term::atom(atom::OK))
    } else {
        Ok(exception_list(p, "on_load", &on_load))
    }
}

fn exception_list(p: &mut Process, reason: &str, mods: &[Term]) -> Term {
    let l = build::list(&mut p.heap, mods);
    let r = atom_of(reason);
    build::tuple(&mut p.heap, &[r, l])
}

/// `erlang:call_on_load_function(Module)`: runs the `on_load` function of the code
/// waiting for it, in the calling process.
fn call_on_load_function_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(badarg)?;
    let m = code::module::versions(name).on_load.ok_or_else(badarg)?;
    let i = m.on_load.ok_or_else(badarg)?;
    Err(Fault::TrapCode {
        address: m.address(i),
        args: Vec::new(),
    })
}

/// `erlang:finish_after_on_load(Module, Keep)`: with `Keep`, the code that waited for its
/// `on_load` function becomes current; otherwise it is dropped.
fn finish_after_on_load_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(badarg)?;
    let keep = match a[1] {
        Term::TRUE => true,
        Term::FALSE => false,
        _ => return Err(badarg()),
    };
    if code::module::versions(name).on_load.is_none() {
        return Err(badarg());
    }
    let m = code::module::take_on_load(name).ok_or_else(badarg)?;
    if keep {
        code::load::make_current(m);
    }
    Ok(Term::TRUE)
}

/// `erlang:delete_module(Module)`: the current code becomes old and its exports go.
fn delete_module_1(p: &mut Process, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(badarg)?;
    let v = code::module::versions(name);
    if v.current.is_some() && v.old.is_some() {
        crate::runtime::logger::send_error(
            p.pid,
            p.group_leader,
            "Module ~w must be purged before deleting~n",
            &[a[0]],
        );
        return Err(badarg());
    }
    match code::module::retire_current(name) {
        Some(m) => {
            code::load::unexport_all(m);
            Ok(Term::TRUE)
        }
        None => Ok(Term::atom(atom::UNDEFINED)),
    }
}

/// `erlang:check_old_code(Module)`: whether the module has old code.
fn check_old_code_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(badarg)?;
    Ok(Term::bool(code::module::versions(name).old.is_some()))
}

/// `erlang:module_loaded(Module)`: whether it has current code.
fn module_loaded_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(badarg)?;
    Ok(Term::bool(code::find_module(name).is_some()))
}

/// `erlang:loaded()`: every module with current or old code.
fn loaded_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let mods: Vec<Term> = code::module::loaded_names()
        .into_iter()
        .map(Term::atom)
        .collect();
    Ok(build::list(&mut p.heap, &mods))
}

/// `erts_internal:purge_module(Module, Op)`, the steps `erts_code_purger` takes:
/// `prepare` (is there old code?), `prepare_on_load` (is there code waiting for its
/// `on_load`?), `complete` (forget the old code), `abort` (keep it).
fn purge_module_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(badarg)?;
    let op = a[1].as_atom().ok_or_else(badarg)?;
    match op.name() {
        "prepare" => Ok(Term::bool(code::module::versions(name).old.is_some())),
        "prepare_on_load" => Ok(Term::bool(code::module::versions(name).on_load.is_some())),
        "complete" => {
            code::module::drop_old(name);
            Ok(Term::TRUE)
        }
        "abort" => Ok(Term::FALSE),
        _ => Err(badarg()),
    }
}

/// Whether process `p` runs or will return to code of the old version of `module`: its
/// program counter or a return address on its stack lies in that code, or a fun on its
/// heap was made by it.
pub fn refers_to_old_code(p: &Process, module: Atom) -> bool {
    let Some(old) = code::module::versions(module).old else {
        return false;
    };
    if old.contains_address(p.pc as usize) {
        return true;
    }
    p.stack
        .iter()
        .any(|t| t.is_cp() && old.contains_address(t.cp_value()))
}

/// `erts_internal:check_process_code(Module)`: the calling process's own check.
fn check_process_code_1(p: &mut Process, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(badarg)?;
    Ok(Term::bool(refers_to_old_code(p, name)))
}

/// `erts_internal:beamfile_chunk(Beam, ChunkId)`: the chunk's contents, or `undefined`.
fn beamfile_chunk_2(p: &mut Process, a: &[Term]) -> BifResult {
    let id: Vec<u8> = build::list_to_vec(a[1])
        .ok_or_else(badarg)?
        .iter()
        .map(|c| c.as_small().and_then(|c| u8::try_from(c).ok()))
        .collect::<Option<_>>()
        .ok_or_else(badarg)?;
    let id: [u8; 4] = id.try_into().map_err(|_| badarg())?;
    let bytes = a[0].binary_bytes().ok_or_else(badarg)?;
    Ok(match enigma_loader::chunk(&bytes, &id) {
        Some(data) => build::binary(&mut p.heap, data),
        None => Term::atom(atom::UNDEFINED),
    })
}

/// `erts_internal:beamfile_module_md5(Beam)`: the module's checksum, or `undefined`.
fn beamfile_module_md5_1(p: &mut Process, a: &[Term]) -> BifResult {
    let bytes = a[0].binary_bytes().ok_or_else(badarg)?;
    if enigma_loader::load(&bytes).is_err() {
        return Ok(Term::atom(atom::UNDEFINED));
    }
    Ok(match enigma_loader::module_md5(&bytes) {
        Ok(md5) => build::binary(&mut p.heap, &md5),
        Err(_) => Term::atom(atom::UNDEFINED),
    })
}

pub const BIFS: &[BifEntry] = &[
    bif!("erts_internal", "beamfile_chunk", 2, beamfile_chunk_2),
    bif!(
        "erts_internal",
        "beamfile_module_md5",
        1,
        beamfile_module_md5_1
    ),
    bif!("erts_internal", "prepare_loading", 2, prepare_loading_2),
    bif!(
        "erlang",
        "has_prepared_code_on_load",
        1,
        has_prepared_code_on_load_1
    ),
    bif!("erlang", "finish_loading", 1, finish_loading_1),
    bif!(
        "erlang",
        "call_on_load_function",
        1,
        call_on_load_function_1
    ),
    bif!("erlang", "finish_after_on_load", 2, finish_after_on_load_2),
    bif!("erlang", "delete_module", 1, delete_module_1),
    bif!("erlang", "check_old_code", 1, check_old_code_1),
    bif!("erlang", "module_loaded", 1, module_loaded_1),
    bif!("erlang", "loaded", 0, loaded_0),
    bif!("erts_internal", "purge_module", 2, purge_module_2),
    bif!(
        "erts_internal",
        "check_process_code",
        1,
        check_process_code_1
    ),
];
