//! The BIF registry: joins every BIF file's table into one map keyed by module, function and
//! arity, and knows BEAM's own list of BIFs so that one Enigma lacks fails loudly.

use std::collections::HashMap;
use std::sync::OnceLock;

use enigma_term::Atom;

use super::BifFn;

/// One native function as a BIF file registers it.
#[derive(Copy, Clone)]
pub struct BifEntry {
    pub module: &'static str,
    pub name: &'static str,
    pub arity: u32,
    pub f: BifFn,
}

/// Shorthand for a table row: `bif!("erlang", "abs", 1, abs_1)`.
#[macro_export]
macro_rules! bif {
    ($m:literal, $n:literal, $a:literal, $f:path) => {
        $crate::bifs::BifEntry {
            module: $m,
            name: $n,
            arity: $a,
            f: $f,
        }
    };
}

fn tables() -> &'static [&'static [BifEntry]] {
    use super::*;
    &[
        erlang::BIFS,
        erlang::arith::BIFS,
        erlang::binaries::BIFS,
        erlang::code_loading::BIFS,
        erlang::convert::BIFS,
        erlang::lists_ops::BIFS,
        erlang::ports::BIFS,
        erlang::md5::BIFS,
        erlang::packet::BIFS,
        erlang::process_info::BIFS,
        erlang::processes::BIFS,
        erlang::spawning::BIFS,
        erlang::suspending::BIFS,
        erlang::system::BIFS,
        erlang::timers::BIFS,
        erlang::types::BIFS,
        atomics::BIFS,
        binary::BIFS,
        counters::BIFS,
        enigma_code::BIFS,
        enigma_io::BIFS,
        erts_debug::BIFS,
        error_logger::BIFS,
        erts_internal::BIFS,
        ets::BIFS,
        file::BIFS,
        io::BIFS,
        lists::BIFS,
        maps::BIFS,
        math::BIFS,
        net_kernel::BIFS,
        os::BIFS,
        persistent_term::BIFS,
        prim_buffer::BIFS,
        prim_file::BIFS,
        re::BIFS,
        unicode::BIFS,
        zlib::BIFS,
    ]
}

fn registry() -> &'static HashMap<(Atom, Atom, u32), BifFn> {
    static REG: OnceLock<HashMap<(Atom, Atom, u32), BifFn>> = OnceLock::new();
    REG.get_or_init(|| {
        let mut m = HashMap::new();
        for table in tables() {
            for e in table.iter() {
                if let (Ok(module), Ok(name)) = (Atom::intern(e.module), Atom::intern(e.name)) {
                    m.insert((module, name, e.arity), e.f);
                }
            }
        }
        m
    })
}

/// The native function implementing `module:name/arity`, if Enigma has one.
pub fn lookup(module: Atom, name: Atom, arity: u32) -> Option<BifFn> {
    registry().get(&(module, name, arity)).copied()
}

/// Whether Enigma implements native functions for `module` (its NIF library, in Rust):
/// `erlang:load_nif/2` from that module then succeeds.
pub fn has_natives(module: Atom) -> bool {
    static SET: OnceLock<std::collections::HashSet<Atom>> = OnceLock::new();
    SET.get_or_init(|| {
        tables()
            .iter()
            .flat_map(|t| t.iter())
            .filter_map(|e| Atom::intern(e.module).ok())
            .collect()
    })
    .contains(&module)
}

/// Whether `module:name/arity` may block on I/O and so runs on the dirty I/O pool
/// (`runtime::dirty`): the file operations, as BEAM runs them on dirty I/O schedulers.
pub fn is_dirty_io(module: Atom, name: Atom, arity: u32) -> bool {
    module.name() == "prim_file" && super::prim_file::DIRTY_IO.contains(&(name.name(), arity))
}

/// Every registered native function (for coverage reports).
pub fn all() -> impl Iterator<Item = &'static BifEntry> {
    tables().iter().flat_map(|t| t.iter())
}

/// Whether BEAM defines `module:name/arity` as a BIF (implemented by Enigma or not).
pub fn is_beam_bif(module: Atom, name: Atom, arity: u32) -> bool {
    static SET: OnceLock<std::collections::HashSet<(Atom, Atom, u32)>> = OnceLock::new();
    SET.get_or_init(|| {
        super::beam_bifs::BEAM_BIFS
            .iter()
            .filter_map(|&(m, f, a)| Some((Atom::intern(m).ok()?, Atom::intern(f).ok()?, a)))
            .collect()
    })
    .contains(&(module, name, arity))
}

/// The export entry of the BIF implemented by `f` (for error reports and stack traces).
pub fn mfa_of(f: BifFn) -> &'static enigma_term::boxed::Export {
    static REV: OnceLock<HashMap<usize, (Atom, Atom, u32)>> = OnceLock::new();
    let rev = REV.get_or_init(|| {
        let mut m = HashMap::new();
        for e in all() {
            if let (Ok(module), Ok(name)) = (Atom::intern(e.module), Atom::intern(e.name)) {
                m.entry(e.f as usize).or_insert((module, name, e.arity));
            }
        }
        m
    });
    let (m, f, a) = rev.get(&(f as usize)).copied().unwrap_or((
        enigma_term::atom::ERLANG,
        enigma_term::atom::UNDEFINED,
        0,
    ));
    crate::code::export_entry(m, f, a)
}
