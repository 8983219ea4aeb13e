//! The export table: one [`Export`] entry per `Module:Function/Arity` that anything has ever
//! named. An entry exists before its module is loaded (an import, a `fun M:F/A`); its code
//! address is 0 until then. BIFs get an entry whose code is a one-instruction stub that calls
//! the native function, so calling a BIF through `apply` or a fun works like any call.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{OnceLock, RwLock};

use enigma_term::boxed::Export;
use enigma_term::Atom;

use crate::bifs;
use crate::emulator::instr::Op;

type Key = (Atom, Atom, u32);

fn table() -> &'static RwLock<HashMap<Key, &'static Export>> {
    static T: OnceLock<RwLock<HashMap<Key, &'static Export>>> = OnceLock::new();
    T.get_or_init(|| RwLock::new(HashMap::new()))
}

/// The export entry for `m:f/a`, created (unloaded, or as a BIF stub) if new.
pub fn export_entry(m: Atom, f: Atom, a: u32) -> &'static Export {
    if let Some(e) = lookup_export(m, f, a) {
        return e;
    }
    let mut t = table().write().unwrap_or_else(|e| e.into_inner());
    if let Some(e) = t.get(&(m, f, a)) {
        return e;
    }
    let entry: &'static Export = Box::leak(Box::new(Export {
        module: m,
        function: f,
        arity: a,
        code: AtomicUsize::new(0),
    }));
    if let Some(bif) = bifs::lookup(m, f, a) {
        let stub: &'static [Op] = Box::leak(Box::new([call_bif_op(bif, entry, 1)]));
        entry.code.store(stub.as_ptr() as usize, Ordering::Release);
    } else if bifs::is_beam_bif(m, f, a) {
        let name: &'static str =
            Box::leak(format!("{}:{}/{}", m.name(), f.name(), a).into_boxed_str());
        let stub: &'static [Op] = Box::leak(Box::new([Op::Unimplemented(name)]));
        entry.code.store(stub.as_ptr() as usize, Ordering::Release);
    }
    t.insert((m, f, a), entry);
    entry
}

/// The export entry for `m:f/a` if one exists.
pub fn lookup_export(m: Atom, f: Atom, a: u32) -> Option<&'static Export> {
    table()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&(m, f, a))
        .copied()
}

/// Whether this entry is served by native code (a BIF, implemented or not), which loading
/// the module's `.beam` must not replace.
pub fn is_native(e: &Export) -> bool {
    bifs::lookup(e.module, e.function, e.arity).is_some()
        || bifs::is_beam_bif(e.module, e.function, e.arity)
}

/// Every export of module `m` that has code (for `module_info(exports)`-like reports).
pub fn exports_of(m: Atom) -> Vec<&'static Export> {
    let t = table().read().unwrap_or_else(|e| e.into_inner());
    t.values()
        .filter(|e| e.module == m && e.code.load(Ordering::Acquire) != 0)
        .copied()
        .collect()
}

/// The instruction that calls native function `bif` of `mfa` (`tail` as in `CallBif`):
/// one that may block on I/O goes to the dirty I/O pool.
pub fn call_bif_op(bif: crate::bifs::BifFn, mfa: &'static Export, tail: u32) -> Op {
    if bifs::registry::is_dirty_io(mfa.module, mfa.function, mfa.arity) {
        Op::CallDirtyBif { bif, mfa, tail }
    } else {
        Op::CallBif { bif, mfa, tail }
    }
}
