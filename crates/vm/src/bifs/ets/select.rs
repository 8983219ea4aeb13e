//! `ets:select*`, `match*` and the match specification BIFs.
//!
//! A chunked select returns `{Matches, Continuation}` with BEAM's continuation shapes:
//! `{Tid, NextSlot, ChunkSize, MSRef, Rest, RestSize}` for hash tables and `{Tid, LastKey,
//! EndCondition, ChunkSize, MSRef, Accum, Reverse, Got}` for ordered sets, where `MSRef` is
//! a compiled match specification reference (`ets:is_compiled_ms/1` is true for it).

use std::sync::Arc;

use enigma_term::{build, Term};

use super::{
    bad, check, dollar_dollar, dollar_underscore, eot, fail, table, with_read, with_write, Need,
};
use crate::emulator::exception::{BifResult, Fault};
use crate::process::Process;
use crate::runtime::ets::matchspec::{MatchSpec, Outcome};
use crate::runtime::ets::select::{self as sel, Chunk, Cont};
use crate::runtime::ets::table::{Store, Table, Type};
use crate::runtime::ets::{self as rt, Cause};

fn compile(p: &mut Process, ms: Term) -> Result<MatchSpec, Fault> {
    MatchSpec::compile(ms).map_err(|_| bad(p))
}

/// The match specification of `match(T, Pattern)` or `match_object(T, Pattern)`.
fn pattern_spec(p: &mut Process, pattern: Term, all_vars: bool) -> Term {
    let body = build::list(
        &mut p.heap,
        &[if all_vars {
            dollar_dollar()
        } else {
            dollar_underscore()
        }],
    );
    let clause = build::tuple(&mut p.heap, &[pattern, Term::NIL, body]);
    build::list(&mut p.heap, &[clause])
}

fn limit(p: &mut Process, t: Term) -> Result<usize, Fault> {
    match t.as_small() {
        Some(n) if n > 0 => Ok(n as usize),
        _ => Err(bad(p)),
    }
}

/// Builds `'$end_of_table'`, `{Matches, '$end_of_table'}` or `{Matches, Continuation}`.
fn chunk_result(
    p: &mut Process,
    c: Chunk,
    t: &Table,
    ms_ref: Term,
    chunk: usize,
    reverse: bool,
) -> Term {
    match c {
        Chunk::Eot => eot(),
        Chunk::Items(items, cont) => {
            let list = build::list(&mut p.heap, &items);
            let cont = match cont {
                None => eot(),
                Some(c) => {
                    let tid = rt::tid_term(&mut p.heap, t.id);
                    cont_tuple(
                        p,
                        c,
                        tid,
                        Term::small(chunk as i64),
                        ms_ref,
                        Term::NIL,
                        reverse,
                    )
                }
            };
            build::tuple(&mut p.heap, &[list, cont])
        }
    }
}

fn cont_tuple(
    p: &mut Process,
    c: Cont,
    tid: Term,
    chunk: Term,
    ms_ref: Term,
    end: Term,
    reverse: bool,
) -> Term {
    match c {
        Cont::Hash {
            slot,
            rest,
            rest_size,
        } => {
            let rest = build::list(&mut p.heap, &rest);
            build::tuple(
                &mut p.heap,
                &[
                    tid,
                    Term::small(slot),
                    chunk,
                    ms_ref,
                    rest,
                    Term::small(rest_size),
                ],
            )
        }
        Cont::Tree { last_key } => build::tuple(
            &mut p.heap,
            &[
                tid,
                last_key,
                end,
                chunk,
                ms_ref,
                Term::NIL,
                Term::small(reverse as i64),
                Term::small(0),
            ],
        ),
    }
}

fn select_whole(p: &mut Process, tab: Term, ms: Term, reverse: bool) -> BifResult {
    with_read(p, tab, Need::Read, |p, t| {
        let spec = compile(p, ms)?;
        let items = sel::select_all(t, p, &spec, reverse);
        Ok(build::list(&mut p.heap, &items))
    })
}

fn select_chunked(
    p: &mut Process,
    tab: Term,
    ms: Term,
    limit_arg: Term,
    reverse: bool,
) -> BifResult {
    with_read(p, tab, Need::Read, |p, t| {
        let chunk = limit(p, limit_arg)?;
        let (ms_ref, spec) = rt::keep_spec(&mut p.heap, ms).map_err(|_| bad(p))?;
        let c = sel::select_chunk(t, p, &spec, chunk, reverse);
        Ok(chunk_result(p, c, t, ms_ref, chunk, reverse))
    })
}

/// `select/1` (and `match/1`, `match_object/1`, `select_reverse/1`) on a continuation.
fn select_continue(p: &mut Process, cont: Term) -> BifResult {
    if cont == eot() {
        return Ok(eot());
    }
    let Some(e) = cont.as_tuple() else {
        return Err(bad(p));
    };
    let Some(tid) = e.first().copied() else {
        return Err(bad(p));
    };
    let tr = table(p, tid)?;
    let t = tr.read();
    check(p, &t, Need::Read)?;
    match (&t.store, e) {
        (Store::Hash(_), [tid, slot, chunk, ms, rest, rest_size]) => {
            let (Some(slot), Some(chunk_n), Some(rest_size)) =
                (slot.as_small(), chunk.as_small(), rest_size.as_small())
            else {
                return Err(bad(p));
            };
            let Some(rest_v) = build::list_to_vec(*rest) else {
                return Err(bad(p));
            };
            if chunk_n < 0 {
                return Err(bad(p));
            }
            let spec: Arc<MatchSpec> = rt::kept_spec(*ms).ok_or_else(|| bad(p))?;
            let c = sel::continue_hash(&t, p, &spec, slot, chunk_n as usize, rest_v, rest_size)
                .map_err(|_| bad(p))?;
            Ok(match c {
                Chunk::Eot => eot(),
                Chunk::Items(items, None) if chunk_n == 0 => build::list(&mut p.heap, &items),
                Chunk::Items(items, c) => {
                    let list = build::list(&mut p.heap, &items);
                    let cont = match c {
                        None => eot(),
                        Some(c) => cont_tuple(p, c, *tid, *chunk, *ms, Term::NIL, false),
                    };
                    build::tuple(&mut p.heap, &[list, cont])
                }
            })
        }
        (Store::Ordered(_), [tid, last_key, end, chunk, ms, accum, reverse, got]) => {
            let (Some(chunk_n), Some(rev), Some(got)) =
                (chunk.as_small(), reverse.as_small(), got.as_small())
            else {
                return Err(bad(p));
            };
            let Some(accum_v) = build::list_to_vec(*accum) else {
                return Err(bad(p));
            };
            let spec: Arc<MatchSpec> = rt::kept_spec(*ms).ok_or_else(|| bad(p))?;
            let c = sel::continue_tree(
                &t,
                p,
                &spec,
                *last_key,
                chunk_n.max(0) as usize,
                rev != 0,
                accum_v,
                got.max(0) as usize,
            )
            .map_err(|_| bad(p))?;
            Ok(match c {
                Chunk::Eot => eot(),
                Chunk::Items(items, None) if chunk_n == 0 => build::list(&mut p.heap, &items),
                Chunk::Items(items, c) => {
                    let list = build::list(&mut p.heap, &items);
                    let cont = match c {
                        None => eot(),
                        Some(c) => cont_tuple(p, c, *tid, *chunk, *ms, *end, rev != 0),
                    };
                    build::tuple(&mut p.heap, &[list, cont])
                }
            })
        }
        _ => Err(bad(p)),
    }
}

pub fn select_1(p: &mut Process, a: &[Term]) -> BifResult {
    select_continue(p, a[0])
}

pub fn select_2(p: &mut Process, a: &[Term]) -> BifResult {
    select_whole(p, a[0], a[1], false)
}

pub fn select_3(p: &mut Process, a: &[Term]) -> BifResult {
    select_chunked(p, a[0], a[1], a[2], false)
}

pub fn select_reverse_1(p: &mut Process, a: &[Term]) -> BifResult {
    select_continue(p, a[0])
}

pub fn select_reverse_2(p: &mut Process, a: &[Term]) -> BifResult {
    select_whole(p, a[0], a[1], true)
}

pub fn select_reverse_3(p: &mut Process, a: &[Term]) -> BifResult {
    select_chunked(p, a[0], a[1], a[2], true)
}

pub fn select_count_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_read(p, a[0], Need::Read, |p, t| {
        let spec = compile(p, a[1])?;
        let n = sel::select_count(t, p, &spec);
        Ok(enigma_term::integer::from_u64(&mut p.heap, n as u64))
    })
}

pub fn internal_select_delete_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_write(p, a[0], |p, _, t| {
        let spec = compile(p, a[1])?;
        let n = sel::select_delete(t, p, &spec);
        Ok(enigma_term::integer::from_u64(&mut p.heap, n as u64))
    })
}

pub fn select_replace_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_write(p, a[0], |p, _, t| {
        if !matches!(t.ty, Type::Set | Type::OrderedSet) {
            return Err(fail(p, Cause::TableType));
        }
        let spec = compile(p, a[1])?;
        if !spec.keeps_key(a[1], t.keypos) {
            return Err(bad(p));
        }
        let n = sel::select_replace(t, p, &spec);
        Ok(enigma_term::integer::from_u64(&mut p.heap, n as u64))
    })
}

fn match_whole(p: &mut Process, tab: Term, pattern: Term, all_vars: bool) -> BifResult {
    with_read(p, tab, Need::Read, |p, t| {
        let spec = MatchSpec::from_pattern(pattern, all_vars).map_err(|_| bad(p))?;
        let items = sel::select_all(t, p, &spec, false);
        Ok(build::list(&mut p.heap, &items))
    })
}

pub fn match_1(p: &mut Process, a: &[Term]) -> BifResult {
    select_continue(p, a[0])
}

pub fn match_2(p: &mut Process, a: &[Term]) -> BifResult {
    match_whole(p, a[0], a[1], true)
}

pub fn match_3(p: &mut Process, a: &[Term]) -> BifResult {
    let ms = pattern_spec(p, a[1], true);
    select_chunked(p, a[0], ms, a[2], false)
}

pub fn match_object_1(p: &mut Process, a: &[Term]) -> BifResult {
    select_continue(p, a[0])
}

pub fn match_object_2(p: &mut Process, a: &[Term]) -> BifResult {
    match_whole(p, a[0], a[1], false)
}

pub fn match_object_3(p: &mut Process, a: &[Term]) -> BifResult {
    let ms = pattern_spec(p, a[1], false);
    select_chunked(p, a[0], ms, a[2], false)
}

pub fn match_spec_compile_1(p: &mut Process, a: &[Term]) -> BifResult {
    rt::keep_spec(&mut p.heap, a[0])
        .map(|(r, _)| r)
        .map_err(|_| bad(p))
}

pub fn is_compiled_ms_1(_p: &mut Process, a: &[Term]) -> BifResult {
    Ok(Term::bool(rt::kept_spec(a[0]).is_some()))
}

/// `match_spec_run_r(List, CompiledMS, Acc)`: the results for `List`'s elements consed onto
/// `Acc` (so in reverse; `ets:match_spec_run/2` reverses them).
pub fn match_spec_run_r_3(p: &mut Process, a: &[Term]) -> BifResult {
    let Some(items) = build::list_to_vec(a[0]) else {
        return Err(bad(p));
    };
    let Some(spec) = rt::kept_spec(a[1]) else {
        return Err(bad(p));
    };
    let mut acc = a[2];
    let mut r = spec.runner();
    for x in items {
        let v = match r.run(p, x, true) {
            Outcome::NoMatch => continue,
            Outcome::Value(v) => v.to_heap(p),
            Outcome::Exit => Term::atom(enigma_term::atom::EXIT_UPPER),
        };
        acc = build::cons(&mut p.heap, v, acc);
    }
    Ok(acc)
}

/// `erlang:match_spec_test(Term, MatchSpec, table)` (behind `ets:test_ms/2`): `{ok, Result,
/// [], []}` or `{error, [{error, Message}]}`. The trace dialect needs tracing, which
/// Enigma does not have.
pub fn match_spec_test_3(p: &mut Process, a: &[Term]) -> BifResult {
    match a[2].as_atom().map(|x| x.name()) {
        Some("table") => {}
        Some("trace") => {
            return Err(Fault::Unimplemented(crate::emulator::instr::Mfa {
                module: enigma_term::atom::ERLANG,
                function: enigma_term::Atom::intern("match_spec_test")
                    .unwrap_or(enigma_term::atom::UNDEFINED),
                arity: 3,
            }))
        }
        _ => return Err(bad(p)),
    }
    let spec = match MatchSpec::compile(a[1]) {
        Ok(s) => s,
        Err(e) => {
            let msg = build::str_list(&mut p.heap, &e.0);
            let err = build::tuple(&mut p.heap, &[Term::atom(enigma_term::atom::ERROR), msg]);
            let errs = build::list(&mut p.heap, &[err]);
            return Ok(build::tuple(
                &mut p.heap,
                &[Term::atom(enigma_term::atom::ERROR), errs],
            ));
        }
    };
    let res = match spec.runner().run(p, a[0], true) {
        Outcome::NoMatch => Term::FALSE,
        Outcome::Value(v) => v.to_heap(p),
        Outcome::Exit => Term::atom(enigma_term::atom::EXIT_UPPER),
    };
    Ok(build::tuple(
        &mut p.heap,
        &[Term::atom(enigma_term::atom::OK), res, Term::NIL, Term::NIL],
    ))
}
