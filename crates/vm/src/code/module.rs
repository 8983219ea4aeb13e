//! A loaded module and the global tables that find modules by name and by code address.

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use enigma_term::boxed::FunEntry;
use enigma_term::{Atom, Term, VecAlloc};

use crate::emulator::instr::{Mfa, Op};

/// One function's place in its module's code.
#[derive(Copy, Clone, Debug)]
pub struct Function {
    pub mfa: Mfa,
    /// Index of the function's `FuncInfo` instruction.
    pub start: usize,
}

/// A loaded module version. Never freed: code addresses into it stay valid.
pub struct Module {
    pub name: Atom,
    pub code: Box<[Op]>,
    /// The literal area: every constant the code refers to.
    pub literals: VecAlloc,
    /// Functions in code order.
    pub functions: Vec<Function>,
    /// `(instruction index, line item)` at each `line` instruction, in code order.
    pub lines: Vec<(u32, u32)>,
    /// `(file index, line)` per line item; item 0 is "no location".
    pub line_items: Vec<(u32, u32)>,
    /// Source file names; index 0 is the module's own file.
    pub files: Vec<String>,
    /// The same names as Erlang strings in the literal area (for stack traces).
    pub file_terms: Vec<Term>,
    pub lambdas: Vec<&'static FunEntry>,
    /// `(function, arity)` of each exported function.
    pub exports: Vec<(Atom, u32)>,
    /// The `Attr` and `CInf` chunks as terms in the literal area (`[]` when absent).
    pub attributes: Term,
    pub compile_info: Term,
    /// MD5 of the module (for funs' `new_uniq` and `module_info(md5)`).
    pub md5: [u8; 16],
    /// The `on_load` function, if the module declares one.
    pub on_load: Option<usize>,
    /// The code address of each export, in the order of `exports`.
    pub export_addrs: Vec<usize>,
}

impl Module {
    /// Address of instruction `i`.
    pub fn address(&self, i: usize) -> usize {
        self.code.get(i).map_or(0, |op| op as *const Op as usize)
    }

    /// Whether the code address `addr` lies in this module version.
    pub fn contains_address(&self, addr: usize) -> bool {
        self.index_of(addr).is_some()
    }

    /// Index of the instruction at `addr` if it lies in this module.
    pub fn index_of(&self, addr: usize) -> Option<usize> {
        let start = self.code.as_ptr() as usize;
        let size = core::mem::size_of::<Op>();
        (addr >= start && addr < start + self.code.len() * size).then(|| (addr - start) / size)
    }

    /// Names of the instructions and guard BIFs in this module that Enigma lacks (each once).
    pub fn unimplemented_ops(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self
            .code
            .iter()
            .filter_map(|op| match op {
                Op::Unimplemented(n) => Some(*n),
                _ => None,
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// `(file name as a literal string term, line)` of instruction `i`, as `location_at`.
    pub fn location_term_at(&self, i: usize) -> Option<(Term, u32)> {
        let f = self.function_at(i)?;
        let k = self.lines.partition_point(|&(at, _)| at as usize <= i);
        let &(at, item) = self.lines.get(k.checked_sub(1)?)?;
        if (at as usize) < f.start {
            return None;
        }
        let &(file, line) = self.line_items.get(item as usize)?;
        if line == 0 {
            return None;
        }
        Some((*self.file_terms.get(file as usize)?, line))
    }

    /// The function containing instruction `i`.
    pub fn function_at(&self, i: usize) -> Option<&Function> {
        let k = self.functions.partition_point(|f| f.start <= i);
        self.functions.get(k.checked_sub(1)?)
    }

    /// `(file, line)` of instruction `i`: the last `line` instruction before it in the same
    /// function, or `None` when there is none.
    pub fn location_at(&self, i: usize) -> Option<(&str, u32)> {
        let f = self.function_at(i)?;
        let k = self.lines.partition_point(|&(at, _)| at as usize <= i);
        let &(at, item) = self.lines.get(k.checked_sub(1)?)?;
        if (at as usize) < f.start {
            return None;
        }
        let &(file, line) = self.line_items.get(item as usize)?;
        if line == 0 {
            return None;
        }
        Some((self.files.get(file as usize)?.as_str(), line))
    }
}

/// The versions of one module, as BEAM keeps them: the current code (what export entries
/// point to), the old code (still run by processes that were in it when a new version came,
/// until a purge), and code loaded with an `on_load` function that has not finished yet.
#[derive(Default, Clone, Copy)]
pub struct Versions {
    pub current: Option<&'static Module>,
    pub old: Option<&'static Module>,
    pub on_load: Option<&'static Module>,
}

struct Tables {
    by_name: HashMap<Atom, Versions>,
    /// `(code start, code end, module)`, sorted by start. Every version ever loaded stays
    /// here (modules are never freed), so stack traces through purged code still resolve.
    by_address: Vec<(usize, usize, &'static Module)>,
    /// Literal area blocks `(start, end)`, sorted.
    literal_ranges: Vec<(usize, usize)>,
}

fn tables() -> &'static RwLock<Tables> {
    static T: OnceLock<RwLock<Tables>> = OnceLock::new();
    T.get_or_init(|| {
        RwLock::new(Tables {
            by_name: HashMap::new(),
            by_address: Vec::new(),
            literal_ranges: Vec::new(),
        })
    })
}

fn write() -> std::sync::RwLockWriteGuard<'static, Tables> {
    tables().write().unwrap_or_else(|e| e.into_inner())
}

fn read() -> std::sync::RwLockReadGuard<'static, Tables> {
    tables().read().unwrap_or_else(|e| e.into_inner())
}

/// Makes the code and literals of `m` known by address (for stack traces and the heap
/// verifier), whatever version it becomes.
pub fn register_addresses(m: &'static Module) {
    let mut t = write();
    let start = m.code.as_ptr() as usize;
    if t.by_address.iter().any(|&(s, _, _)| s == start) {
        return;
    }
    let end = start + m.code.len() * core::mem::size_of::<Op>();
    let pos = t.by_address.partition_point(|&(s, _, _)| s < start);
    t.by_address.insert(pos, (start, end, m));
    for (p, len) in m.literals.block_ranges() {
        let s = p as usize;
        let pos = t.literal_ranges.partition_point(|&(a, _)| a < s);
        t.literal_ranges.insert(pos, (s, s + len * 8));
    }
}

/// Makes `m` the current version of its module; the previous current version becomes the
/// old one (dropping an older one, as a purge would). Returns the previous current version.
pub fn register(m: &'static Module) -> Option<&'static Module> {
    register_addresses(m);
    let mut t = write();
    let v = t.by_name.entry(m.name).or_default();
    let prev = v.current.replace(m);
    if prev.is_some() {
        v.old = prev;
    }
    prev
}

/// Records `m` as loaded but waiting for its `on_load` function.
pub fn set_on_load(m: &'static Module) {
    register_addresses(m);
    write().by_name.entry(m.name).or_default().on_load = Some(m);
}

/// Takes the code waiting for its `on_load` function.
pub fn take_on_load(name: Atom) -> Option<&'static Module> {
    write()
        .by_name
        .get_mut(&name)
        .and_then(|v| v.on_load.take())
}

/// The versions of module `name`.
pub fn versions(name: Atom) -> Versions {
    read().by_name.get(&name).copied().unwrap_or_default()
}

/// Makes the current version old (`erlang:delete_module/1`); returns it, or `None` when
/// there is no current version.
pub fn retire_current(name: Atom) -> Option<&'static Module> {
    let mut t = write();
    let v = t.by_name.get_mut(&name)?;
    let cur = v.current.take()?;
    v.old = Some(cur);
    Some(cur)
}

/// Forgets the old version (the end of a purge). Its code and literals stay allocated:
/// terms copied out of its literal area may still live on some heap.
pub fn drop_old(name: Atom) -> Option<&'static Module> {
    let mut t = write();
    let v = t.by_name.get_mut(&name)?;
    let old = v.old.take();
    if v.current.is_none() && v.on_load.is_none() {
        t.by_name.remove(&name);
    }
    old
}

fn preloaded() -> &'static RwLock<Vec<Atom>> {
    static P: OnceLock<RwLock<Vec<Atom>>> = OnceLock::new();
    P.get_or_init(|| RwLock::new(Vec::new()))
}

/// Records that `name` was loaded before the first process ran (`erlang:pre_loaded/0`).
pub fn mark_preloaded(name: Atom) {
    preloaded()
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .push(name);
}

/// The preloaded modules, in load order (empty under `enigma run`).
pub fn preloaded_modules() -> Vec<Atom> {
    preloaded()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
}

/// The current version of module `name`, if loaded.
pub fn find_module(name: Atom) -> Option<&'static Module> {
    read().by_name.get(&name).and_then(|v| v.current)
}

/// Every module with a current version.
pub fn loaded_modules() -> Vec<&'static Module> {
    read().by_name.values().filter_map(|v| v.current).collect()
}

/// Every module with current or old code: `(name, current, old)`, sorted by name; empty
/// while the table is being changed (a crash dump lists them, and must not wait for the
/// thread that failed, perhaps while loading a module).
pub fn all_versions() -> Vec<(Atom, Option<&'static Module>, Option<&'static Module>)> {
    let t = match tables().try_read() {
        Ok(t) => t,
        Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
        Err(std::sync::TryLockError::WouldBlock) => return Vec::new(),
    };
    let mut v: Vec<_> = t
        .by_name
        .iter()
        .filter(|(_, v)| v.current.is_some() || v.old.is_some())
        .map(|(n, v)| (*n, v.current, v.old))
        .collect();
    v.sort_by_key(|(n, _, _)| n.name());
    v
}

/// The names of every module with current or old code (`erlang:loaded/0`).
pub fn loaded_names() -> Vec<Atom> {
    read()
        .by_name
        .iter()
        .filter(|(_, v)| v.current.is_some() || v.old.is_some())
        .map(|(n, _)| *n)
        .collect()
}

/// The module whose code contains `addr`, with the instruction index.
pub fn module_for_address(addr: usize) -> Option<(&'static Module, usize)> {
    let t = read();
    let k = t.by_address.partition_point(|&(s, _, _)| s <= addr);
    let &(_, end, m) = t.by_address.get(k.checked_sub(1)?)?;
    if addr >= end {
        return None;
    }
    m.index_of(addr).map(|i| (m, i))
}

/// Whether `addr` lies in some module's literal area (for the heap verifier).
pub fn is_literal_address(addr: usize) -> bool {
    let t = read();
    let k = t.literal_ranges.partition_point(|&(s, _)| s <= addr);
    k > 0 && t.literal_ranges.get(k - 1).is_some_and(|&(_, e)| addr < e)
}
