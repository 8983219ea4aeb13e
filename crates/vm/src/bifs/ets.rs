//! BIFs of the `ets` module. The tables themselves are in `runtime::ets`; this file checks
//! arguments and access rights, runs the operation under the table's lock and copies what
//! it returns onto the caller's heap. Selecting and matching are in [`select`], `info` and
//! the ownership BIFs in [`info`].
//!
//! Errors are `badarg` with BEAM's extended error information (`#{cause => id, module =>
//! erl_stdlib_errors}` and the like), so stack traces print as on BEAM.

#![deny(unsafe_code)]

pub mod info;
pub mod select;

use std::sync::{Arc, OnceLock};

use enigma_heap::copy::copy_term;
use enigma_term::{atom, build, integer, map, Term};

use crate::bif;
use crate::bifs::os::atom_of;
use crate::bifs::BifEntry;
use crate::emulator::exception::{BifResult, Exception, Fault};
use crate::process::Process;
use crate::runtime::ets::object::copy_out;
use crate::runtime::ets::table::{Access, Options, Table, Type, WriteConcurrency};
use crate::runtime::ets::{self as rt, Cause, TableRef};

/// Lists longer than this are inserted last object first, as BEAM does when it cannot
/// insert the whole list within the caller's reductions (bags always are).
const INSERT_LIST_REDUCTIONS: usize = 4000;

/// `badarg` with BEAM's error information for an ETS failure.
pub(crate) fn fail(p: &mut Process, cause: Cause) -> Fault {
    let module = atom_of("erl_stdlib_errors");
    let mut pairs = vec![(Term::atom(atom::MODULE), module)];
    if let Some(c) = cause.name() {
        pairs.push((Term::atom(atom::CAUSE), atom_of(c)));
    }
    let m = map::from_pairs(&mut p.heap, pairs);
    let t = build::tuple(&mut p.heap, &[Term::atom(atom::ERROR_INFO), m]);
    let mut e = Exception::error(Term::atom(atom::BADARG));
    e.info = build::list(&mut p.heap, &[t]);
    Fault::Raise(e)
}

/// A plain `badarg` (with the module in its error information).
pub(crate) fn bad(p: &mut Process) -> Fault {
    fail(p, Cause::None)
}

macro_rules! cached_atom {
    ($f:ident, $s:literal) => {
        pub(crate) fn $f() -> Term {
            static A: OnceLock<Term> = OnceLock::new();
            *A.get_or_init(|| atom_of($s))
        }
    };
}
cached_atom!(eot, "$end_of_table");
cached_atom!(dollar_dollar, "$$");
cached_atom!(dollar_underscore, "$_");

/// What a BIF needs to do with a table.
#[derive(Copy, Clone, PartialEq, Eq)]
pub(crate) enum Need {
    Read,
    Write,
}

/// The table `tab`, checked for `need` by `p`; the guard is taken by the caller.
pub(crate) fn table(p: &mut Process, tab: Term) -> Result<Arc<TableRef>, Fault> {
    rt::resolve(tab).map_err(|c| fail(p, c))
}

/// Checks that `t` is alive and that `p` may do `need` on it.
pub(crate) fn check(p: &mut Process, t: &Table, need: Need) -> Result<(), Fault> {
    if t.deleted {
        return Err(fail(p, Cause::Id));
    }
    let ok = match need {
        Need::Read => t.can_read(p.pid),
        Need::Write => t.can_write(p.pid),
    };
    if ok {
        Ok(())
    } else {
        Err(fail(p, Cause::Access))
    }
}

/// Runs `f` on table `tab` under its read lock.
pub(crate) fn with_read<R>(
    p: &mut Process,
    tab: Term,
    need: Need,
    f: impl FnOnce(&mut Process, &Table) -> Result<R, Fault>,
) -> Result<R, Fault> {
    let tr = table(p, tab)?;
    let t = tr.read();
    check(p, &t, need)?;
    f(p, &t)
}

/// Runs `f` on table `tab` under its write lock.
pub(crate) fn with_write<R>(
    p: &mut Process,
    tab: Term,
    f: impl FnOnce(&mut Process, &TableRef, &mut Table) -> Result<R, Fault>,
) -> Result<R, Fault> {
    let tr = table(p, tab)?;
    let mut t = tr.write();
    check(p, &t, Need::Write)?;
    f(p, &tr, &mut t)
}

/// Copies terms in table memory into a list on `p`'s heap.
pub(crate) fn copy_list(p: &mut Process, terms: &[Term]) -> Term {
    let copies: Vec<Term> = terms.iter().map(|t| copy_out(*t, &mut p.heap)).collect();
    build::list(&mut p.heap, &copies)
}

// ---- new ----

fn parse_options(list: Term) -> Option<Options> {
    let mut o = Options::default();
    let mut decentralized = false;
    let mut decentralized_option: Option<bool> = None;
    let mut l = list;
    while let Some((opt, rest)) = l.as_cons() {
        l = rest;
        if let Some(a) = opt.as_atom() {
            match a.name() {
                "bag" => o.ty = Type::Bag,
                "duplicate_bag" => o.ty = Type::DuplicateBag,
                "ordered_set" => {
                    decentralized = true;
                    o.ty = Type::OrderedSet;
                }
                "public" => o.access = Access::Public,
                "private" => o.access = Access::Private,
                "named_table" => o.named = true,
                "compressed" => o.compressed = true,
                // BEAM accepts these without changing anything (`[bag, set]` is a bag).
                "set" | "protected" => {}
                _ => return None,
            }
            continue;
        }
        let e = opt.as_tuple()?;
        match e {
            [k, v] => match k.as_atom()?.name() {
                "keypos" => {
                    let n = v.as_small().filter(|&n| n > 0)?;
                    o.keypos = usize::try_from(n).ok()?;
                }
                "write_concurrency" => {
                    if let Some(b) = v.as_atom() {
                        match b.name() {
                            "auto" => {
                                decentralized = true;
                                o.write_concurrency = WriteConcurrency::Auto;
                            }
                            "true" => {
                                if o.ty != Type::OrderedSet {
                                    decentralized = false;
                                }
                                o.write_concurrency = WriteConcurrency::On;
                            }
                            "false" => o.write_concurrency = WriteConcurrency::Off,
                            _ => return None,
                        }
                    } else {
                        // {debug_hash_fixed_number_of_locks, N}: accepted, treated as true.
                        match v.as_tuple()? {
                            [d, n]
                                if d.as_atom()?.name() == "debug_hash_fixed_number_of_locks"
                                    && n.as_small().is_some_and(|n| (1..=32768).contains(&n)) =>
                            {
                                if o.ty == Type::OrderedSet {
                                    return None;
                                }
                                decentralized = true;
                                o.write_concurrency = WriteConcurrency::On;
                            }
                            _ => return None,
                        }
                    }
                }
                "read_concurrency" => {
                    o.read_concurrency = v.is_boolean().then_some(*v == Term::TRUE)?
                }
                "heir" if v.as_atom().map(|a| a.name()) == Some("none") => o.heir = None,
                "decentralized_counters" => {
                    decentralized_option = Some(v.is_boolean().then_some(*v == Term::TRUE)?)
                }
                _ => return None,
            },
            [k, pid, data] if k.as_atom()?.name() == "heir" && pid.is_local_pid() => {
                o.heir = Some((*pid, *data))
            }
            _ => return None,
        }
    }
    if !l.is_nil() {
        return None;
    }
    o.decentralized_option = Some(decentralized_option.unwrap_or(decentralized));
    Some(o)
}

fn new_2(p: &mut Process, a: &[Term]) -> BifResult {
    let Some(name) = a[0].as_atom() else {
        return Err(bad(p));
    };
    let Some(mut opts) = parse_options(a[1]) else {
        return Err(bad(p));
    };
    // An heir that is not alive is no heir.
    if let Some((pid, _)) = opts.heir {
        if pid != p.pid && !crate::runtime::table::is_alive(pid) {
            opts.heir = None;
        }
    }
    let tr = rt::create(name, p.pid, &opts).map_err(|c| fail(p, c))?;
    Ok(if opts.named {
        a[0]
    } else {
        rt::tid_term(&mut p.heap, tr.id)
    })
}

// ---- inserting ----

/// The objects of `insert`'s second argument, if they are all tuples long enough.
fn objects(t: &Table, arg: Term) -> Option<Vec<Term>> {
    if arg.is_tuple() {
        return t.key_of(arg).map(|_| vec![arg]);
    }
    let v = build::list_to_vec(arg)?;
    v.iter().all(|o| t.key_of(*o).is_some()).then_some(v)
}

fn insert_in_order(t: &mut Table, objs: &[Term], was_list: bool) {
    if was_list && (t.ty == Type::Bag || objs.len() > INSERT_LIST_REDUCTIONS) {
        for o in objs.iter().rev() {
            t.put(*o, false);
        }
    } else {
        for o in objs {
            t.put(*o, false);
        }
    }
}

fn insert_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_write(p, a[0], |p, _, t| {
        let objs = objects(t, a[1]).ok_or_else(|| bad(p))?;
        insert_in_order(t, &objs, !a[1].is_tuple());
        Ok(Term::TRUE)
    })
}

fn insert_new_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_write(p, a[0], |p, _, t| {
        let objs = objects(t, a[1]).ok_or_else(|| bad(p))?;
        if a[1].is_tuple() {
            return Ok(Term::bool(t.put(a[1], true)));
        }
        if t.any_key_present(&objs) {
            return Ok(Term::FALSE);
        }
        insert_in_order(t, &objs, true);
        Ok(Term::TRUE)
    })
}

// ---- reading ----

fn lookup_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_read(p, a[0], Need::Read, |p, t| {
        let mut list = Term::NIL;
        t.lookup_rev(a[1], |o| {
            let c = copy_out(o, &mut p.heap);
            list = build::cons(&mut p.heap, c, list);
        });
        Ok(list)
    })
}

fn lookup_element_3(p: &mut Process, a: &[Term]) -> BifResult {
    with_read(p, a[0], Need::Read, |p, t| {
        let pos = a[2].as_small().filter(|&n| n >= 1).ok_or_else(|| bad(p))? as usize;
        let found = t.lookup(a[1]);
        if found.is_empty() {
            return Err(fail(p, Cause::BadKey));
        }
        let mut elems = Vec::with_capacity(found.len());
        for o in &found {
            match o.as_tuple().and_then(|e| e.get(pos - 1)) {
                Some(e) => elems.push(*e),
                None => return Err(bad(p)),
            }
        }
        if matches!(t.ty, Type::Set | Type::OrderedSet) {
            return Ok(elems
                .first()
                .map_or(Term::NIL, |e| copy_term(*e, &mut p.heap)));
        }
        Ok(copy_list(p, &elems))
    })
}

fn member_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_read(p, a[0], Need::Read, |_, t| Ok(Term::bool(t.member(a[1]))))
}

fn key_or_eot(p: &mut Process, k: Option<Term>) -> Term {
    match k {
        Some(k) => copy_term(k, &mut p.heap),
        None => eot(),
    }
}

fn first_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_read(p, a[0], Need::Read, |p, t| Ok(key_or_eot(p, t.first())))
}

fn last_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_read(p, a[0], Need::Read, |p, t| Ok(key_or_eot(p, t.last())))
}

fn next_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_read(p, a[0], Need::Read, |p, t| match t.next(a[1]) {
        Ok(k) => Ok(key_or_eot(p, k)),
        Err(()) => Err(bad(p)),
    })
}

fn prev_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_read(p, a[0], Need::Read, |p, t| match t.prev(a[1]) {
        Ok(k) => Ok(key_or_eot(p, k)),
        Err(()) => Err(bad(p)),
    })
}

fn slot_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_read(p, a[0], Need::Read, |p, t| {
        let ix = a[1].as_small().filter(|&n| n >= 0).ok_or_else(|| bad(p))? as usize;
        match &t.store {
            rt::table::Store::Hash(h) => {
                if ix < h.nactive() {
                    let mut objs: Vec<Term> = h.slot(ix).map(|o| o.term()).collect();
                    objs.reverse();
                    Ok(copy_list(p, &objs))
                } else if ix == h.nactive() {
                    Ok(eot())
                } else {
                    Err(bad(p))
                }
            }
            rt::table::Store::Ordered(s) => {
                if ix < s.len() {
                    let o: Vec<Term> = s.iter().nth(ix).map(|o| o.term()).into_iter().collect();
                    Ok(copy_list(p, &o))
                } else if ix == s.len() {
                    Ok(eot())
                } else {
                    Err(bad(p))
                }
            }
        }
    })
}

// ---- deleting ----

fn delete_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_write(p, a[0], |_, tr, t| {
        rt::delete_locked(tr, t);
        Ok(Term::TRUE)
    })
}

fn delete_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_write(p, a[0], |_, _, t| {
        t.erase(a[1]);
        Ok(Term::TRUE)
    })
}

fn delete_object_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_write(p, a[0], |p, _, t| {
        if t.key_of(a[1]).is_none() {
            return Err(bad(p));
        }
        t.erase_object(a[1]);
        Ok(Term::TRUE)
    })
}

fn internal_delete_all_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_write(p, a[0], |p, _, t| {
        let n = t.delete_all();
        Ok(integer::from_u64(&mut p.heap, n as u64))
    })
}

fn take_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_write(p, a[0], |p, _, t| {
        Ok(t.take(a[1], |objs| copy_list(p, objs)))
    })
}

// ---- updating ----

/// One `update_counter` operation: position, increment, and threshold/set value.
struct CounterOp {
    pos: i64,
    incr: Term,
    warp: Option<(Term, Term)>,
}

/// Reads one operation as BEAM checks it; `Err(cause)` when malformed.
fn parse_counter_op(t: Term) -> Result<CounterOp, Cause> {
    let e = t.as_tuple().ok_or(Cause::None)?;
    let (p, i, warp) = match e {
        [p, i] => (p, i, None),
        [p, i, th, sv] => {
            if !th.is_integer() || !sv.is_integer() {
                return Err(Cause::None);
            }
            (p, i, Some((*th, *sv)))
        }
        _ => return Err(Cause::None),
    };
    let pos = p.as_small().ok_or(Cause::None)?;
    if !i.is_integer() {
        return Err(Cause::None);
    }
    Ok(CounterOp {
        pos,
        incr: *i,
        warp,
    })
}

/// Calls `f` on each operation of `update_counter`'s third argument (an increment, one
/// operation, or a list of them); `Err` for an improper list or a malformed operation.
fn each_counter_op(
    keypos: usize,
    ops: Term,
    mut f: impl FnMut(CounterOp) -> Result<(), Cause>,
) -> Result<(), Cause> {
    if ops.is_integer() {
        return f(CounterOp {
            pos: keypos as i64 + 1,
            incr: ops,
            warp: None,
        });
    }
    if ops.is_tuple() {
        return f(parse_counter_op(ops)?);
    }
    let mut l = ops;
    while let Some((op, rest)) = l.as_cons() {
        f(parse_counter_op(op)?)?;
        l = rest;
    }
    if l.is_nil() {
        Ok(())
    } else {
        Err(Cause::None)
    }
}

fn update_counter(p: &mut Process, a: &[Term], default: Option<Term>) -> BifResult {
    with_write(p, a[0], |p, _, t| {
        if default.is_some_and(|d| !d.is_tuple()) {
            return Err(bad(p));
        }
        if !matches!(t.ty, Type::Set | Type::OrderedSet) {
            return Err(fail(p, Cause::TableType));
        }
        let key = a[1];
        let keypos = t.keypos;
        // The object to update: the stored one, or the default with the key put in.
        let (mut elems, is_new): (Vec<Term>, bool) = match t.get_one(key) {
            Some(o) => (o.as_tuple().map(|e| e.to_vec()).unwrap_or_default(), false),
            None => {
                let Some(d) = default else {
                    return Err(fail(p, Cause::BadKey));
                };
                if t.key_of(d).is_none() {
                    return Err(bad(p));
                }
                let mut e = d.as_tuple().map(|e| e.to_vec()).unwrap_or_default();
                if let Some(k) = e.get_mut(keypos - 1) {
                    *k = key;
                }
                (e, true)
            }
        };
        // Check everything first, so that a bad operation changes nothing.
        let arity = elems.len();
        let checked = each_counter_op(keypos, a[2], |c| {
            if c.pos == keypos as i64 {
                return Err(Cause::KeyPos);
            }
            if c.pos < 1 || c.pos as usize > arity {
                return Err(Cause::Position);
            }
            match elems.get(c.pos as usize - 1) {
                Some(old) if old.is_integer() => Ok(()),
                _ => Err(Cause::None),
            }
        });
        if let Err(c) = checked {
            return Err(fail(p, c));
        }
        let mut updates: Vec<(usize, Term)> = Vec::new();
        let mut failed = false;
        let _ = each_counter_op(keypos, a[2], |c| {
            let i = c.pos as usize - 1;
            let cur = elems.get(i).copied().unwrap_or(Term::small(0));
            let mut v = match crate::bifs::erlang::arith::add(&mut p.heap, cur, c.incr) {
                Ok(v) => v,
                Err(_) => {
                    failed = true;
                    return Err(Cause::None);
                }
            };
            if let Some((th, sv)) = c.warp {
                let neg = enigma_term::compare::compare(c.incr, Term::small(0), false).is_lt();
                let o = enigma_term::compare::compare(v, th, false);
                if (!neg && o.is_gt()) || (neg && o.is_lt()) {
                    v = sv;
                }
            }
            if let Some(slot) = elems.get_mut(i) {
                *slot = v;
            }
            updates.push((c.pos as usize, v));
            Ok(())
        });
        if failed {
            return Err(crate::emulator::exception::system_limit());
        }
        if is_new {
            t.put_elems(&elems);
        } else if !t.set_elements(key, &updates) {
            t.replace(key, &elems);
        }
        if a[2].is_integer() || a[2].is_tuple() {
            Ok(updates.first().map_or(Term::NIL, |u| u.1))
        } else {
            let results: Vec<Term> = updates.iter().map(|u| u.1).collect();
            Ok(build::list(&mut p.heap, &results))
        }
    })
}

fn update_counter_3(p: &mut Process, a: &[Term]) -> BifResult {
    update_counter(p, a, None)
}

fn update_counter_4(p: &mut Process, a: &[Term]) -> BifResult {
    update_counter(p, &a[..3], Some(a[3]))
}

fn update_element_3(p: &mut Process, a: &[Term]) -> BifResult {
    with_write(p, a[0], |p, _, t| {
        if !matches!(t.ty, Type::Set | Type::OrderedSet) {
            return Err(bad(p));
        }
        let Some(base) = t.get_one(a[1]) else {
            return Ok(Term::FALSE);
        };
        let mut elems = base.as_tuple().map(|e| e.to_vec()).unwrap_or_default();
        // Check the whole list first, so that a bad entry changes nothing.
        let mut ups: Vec<(usize, Term)> = Vec::new();
        let mut l = if a[2].is_tuple() {
            build::cons(&mut p.heap, a[2], Term::NIL)
        } else {
            a[2]
        };
        while !l.is_nil() {
            let Some((pv, rest)) = l.as_cons() else {
                return Err(bad(p));
            };
            l = rest;
            let Some([pos, v]) = pv.as_tuple() else {
                return Err(bad(p));
            };
            let Some(pos) = pos.as_small() else {
                return Err(bad(p));
            };
            if pos == t.keypos as i64 {
                return Err(fail(p, Cause::KeyPos));
            }
            if pos < 1 || pos as usize > elems.len() {
                return Err(bad(p));
            }
            ups.push((pos as usize, *v));
        }
        for &(pos, v) in &ups {
            if let Some(slot) = elems.get_mut(pos - 1) {
                *slot = v;
            }
        }
        if !t.set_elements(a[1], &ups) {
            t.replace(a[1], &elems);
        }
        Ok(Term::TRUE)
    })
}

// ---- fixing ----

fn safe_fixtable_2(p: &mut Process, a: &[Term]) -> BifResult {
    let on = match a[1] {
        Term::TRUE => true,
        Term::FALSE => false,
        _ => {
            // The table is checked first.
            let tr = table(p, a[0])?;
            let t = tr.read();
            check(p, &t, Need::Read)?;
            return Err(bad(p));
        }
    };
    let tr = table(p, a[0])?;
    let mut t = tr.write();
    check(p, &t, Need::Read)?;
    if on {
        let now = (
            crate::bifs::os::monotonic_ns(),
            crate::bifs::os::system_ns(),
        );
        t.fix(p.pid, now);
        rt::note_fix(tr.id, p.pid, true);
    } else {
        t.unfix(p.pid, false);
        if !t.fixes.iter().any(|f| f.0 == p.pid) {
            rt::note_fix(tr.id, p.pid, false);
        }
    }
    Ok(Term::TRUE)
}

pub const BIFS: &[BifEntry] = &[
    bif!("ets", "new", 2, new_2),
    bif!("ets", "insert", 2, insert_2),
    bif!("ets", "insert_new", 2, insert_new_2),
    bif!("ets", "lookup", 2, lookup_2),
    bif!("ets", "lookup_element", 3, lookup_element_3),
    bif!("ets", "member", 2, member_2),
    bif!("ets", "first", 1, first_1),
    bif!("ets", "last", 1, last_1),
    bif!("ets", "next", 2, next_2),
    bif!("ets", "prev", 2, prev_2),
    bif!("ets", "slot", 2, slot_2),
    bif!("ets", "delete", 1, delete_1),
    bif!("ets", "delete", 2, delete_2),
    bif!("ets", "delete_object", 2, delete_object_2),
    bif!("ets", "internal_delete_all", 2, internal_delete_all_2),
    bif!("ets", "take", 2, take_2),
    bif!("ets", "update_counter", 3, update_counter_3),
    bif!("ets", "update_counter", 4, update_counter_4),
    bif!("ets", "update_element", 3, update_element_3),
    bif!("ets", "safe_fixtable", 2, safe_fixtable_2),
    bif!("ets", "select", 1, select::select_1),
    bif!("ets", "select", 2, select::select_2),
    bif!("ets", "select", 3, select::select_3),
    bif!("ets", "select_reverse", 1, select::select_reverse_1),
    bif!("ets", "select_reverse", 2, select::select_reverse_2),
    bif!("ets", "select_reverse", 3, select::select_reverse_3),
    bif!("ets", "select_count", 2, select::select_count_2),
    bif!(
        "ets",
        "internal_select_delete",
        2,
        select::internal_select_delete_2
    ),
    bif!("ets", "select_replace", 2, select::select_replace_2),
    bif!("ets", "match", 1, select::match_1),
    bif!("ets", "match", 2, select::match_2),
    bif!("ets", "match", 3, select::match_3),
    bif!("ets", "match_object", 1, select::match_object_1),
    bif!("ets", "match_object", 2, select::match_object_2),
    bif!("ets", "match_object", 3, select::match_object_3),
    bif!("ets", "match_spec_compile", 1, select::match_spec_compile_1),
    bif!("ets", "match_spec_run_r", 3, select::match_spec_run_r_3),
    bif!("ets", "is_compiled_ms", 1, select::is_compiled_ms_1),
    bif!("erlang", "match_spec_test", 3, select::match_spec_test_3),
    bif!("ets", "info", 1, info::info_1),
    bif!("ets", "info", 2, info::info_2),
    bif!("ets", "whereis", 1, info::whereis_1),
    bif!("ets", "rename", 2, info::rename_2),
    bif!("ets", "give_away", 3, info::give_away_3),
    bif!("ets", "setopts", 2, info::setopts_2),
    bif!(
        "ets",
        "internal_request_all",
        0,
        info::internal_request_all_0
    ),
];
