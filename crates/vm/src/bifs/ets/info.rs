//! `ets:info/1,2`, `whereis/1`, `rename/2`, `give_away/3`, `setopts/2` and the request
//! behind `ets:all/0`.

use enigma_term::{atom, build, integer, Term, VecAlloc};

use super::{bad, fail, with_write};
use crate::bifs::os::atom_of;
use crate::emulator::exception::BifResult;
use crate::process::Process;
use crate::runtime::ets::table::{Access, Table, WriteConcurrency};
use crate::runtime::ets::{self as rt, Cause};

/// The items of `info/1`, in the order BEAM lists them.
const INFO_ITEMS: &[&str] = &[
    "id",
    "decentralized_counters",
    "read_concurrency",
    "write_concurrency",
    "compressed",
    "memory",
    "owner",
    "heir",
    "name",
    "size",
    "node",
    "named_table",
    "type",
    "keypos",
    "protection",
];

/// One `info/2` item, or `None` for an unknown one.
fn item(p: &mut Process, t: &Table, what: &str) -> Option<Term> {
    Some(match what {
        "id" => rt::tid_term(&mut p.heap, t.id),
        "decentralized_counters" => Term::bool(t.decentralized),
        "read_concurrency" => Term::bool(t.read_concurrency),
        "write_concurrency" => match t.write_concurrency {
            WriteConcurrency::Off => Term::FALSE,
            WriteConcurrency::On => Term::TRUE,
            WriteConcurrency::Auto => atom_of("auto"),
        },
        "compressed" => Term::bool(t.compressed),
        "memory" => integer::from_u64(&mut p.heap, t.memory_words() as u64),
        "owner" => t.owner,
        "heir" => t.heir.as_ref().map_or(atom_of("none"), |h| h.0),
        "name" => Term::atom(t.name),
        "size" => integer::from_u64(&mut p.heap, t.size() as u64),
        "node" => Term::atom(atom::NONODE_NOHOST),
        "named_table" => Term::bool(t.named),
        "type" => atom_of(t.type_atom()),
        "keypos" => Term::small(t.keypos as i64),
        "protection" => atom_of(t.access.name()),
        "fixed" => Term::bool(t.is_fixed()),
        "safe_fixed" | "safe_fixed_monotonic_time" => match t.fixed_at {
            None => Term::FALSE,
            Some((mono, sys)) => {
                let time = if what == "safe_fixed" {
                    crate::bifs::os::timestamp_tuple(&mut p.heap, sys)
                } else {
                    integer::from_i64(&mut p.heap, mono)
                };
                let fixers: Vec<Term> = t
                    .fixes
                    .iter()
                    .map(|(pid, n)| {
                        let n = integer::from_u64(&mut p.heap, *n);
                        build::tuple(&mut p.heap, &[*pid, n])
                    })
                    .collect();
                let l = build::list(&mut p.heap, &fixers);
                build::tuple(&mut p.heap, &[time, l])
            }
        },
        _ => return None,
    })
}

pub fn info_1(p: &mut Process, a: &[Term]) -> BifResult {
    let tr = match rt::resolve(a[0]) {
        Ok(tr) => tr,
        Err(Cause::Id) => return Ok(Term::atom(atom::UNDEFINED)),
        Err(c) => return Err(fail(p, c)),
    };
    let t = tr.read();
    if t.deleted {
        return Ok(Term::atom(atom::UNDEFINED));
    }
    let mut pairs = Vec::with_capacity(INFO_ITEMS.len());
    for name in INFO_ITEMS {
        let v = item(p, &t, name).unwrap_or(Term::NIL);
        pairs.push(build::tuple(&mut p.heap, &[atom_of(name), v]));
    }
    Ok(build::list(&mut p.heap, &pairs))
}

pub fn info_2(p: &mut Process, a: &[Term]) -> BifResult {
    let tr = match rt::resolve(a[0]) {
        Ok(tr) => tr,
        Err(Cause::Id) => return Ok(Term::atom(atom::UNDEFINED)),
        Err(c) => return Err(fail(p, c)),
    };
    let t = tr.read();
    if t.deleted {
        return Ok(Term::atom(atom::UNDEFINED));
    }
    let Some(what) = a[1].as_atom() else {
        return Err(bad(p));
    };
    // Debugging items about BEAM's internals (off-heap binaries, hash statistics).
    if matches!(what.name(), "binary" | "stats") {
        return Err(crate::emulator::exception::Fault::Unimplemented(
            crate::emulator::instr::Mfa {
                module: enigma_term::Atom::intern("ets").unwrap_or(atom::UNDEFINED),
                function: enigma_term::Atom::intern("info").unwrap_or(atom::UNDEFINED),
                arity: 2,
            },
        ));
    }
    item(p, &t, what.name()).ok_or_else(|| bad(p))
}

pub fn whereis_1(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return Err(bad(p));
    }
    match rt::resolve(a[0]) {
        Ok(tr) => {
            let t = tr.read();
            Ok(if t.deleted {
                Term::atom(atom::UNDEFINED)
            } else {
                rt::tid_term(&mut p.heap, t.id)
            })
        }
        Err(_) => Ok(Term::atom(atom::UNDEFINED)),
    }
}

pub fn rename_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_write(p, a[0], |p, tr, t| {
        let Some(name) = a[1].as_atom() else {
            return Err(bad(p));
        };
        rt::rename(tr, t, name).map_err(|c| fail(p, c))?;
        Ok(if t.named {
            a[1]
        } else {
            rt::tid_term(&mut p.heap, t.id)
        })
    })
}

/// Sends `{'ETS-TRANSFER', Tab, From, Data}` to `to`.
fn send_transfer(t: &Table, to: Term, from: Term, data: Term) {
    let mut area = VecAlloc::new();
    let tab = if t.named {
        Term::atom(t.name)
    } else {
        rt::tid_term(&mut area, t.id)
    };
    let msg = build::tuple(&mut area, &[atom_of("ETS-TRANSFER"), tab, from, data]);
    crate::runtime::send::deliver(to, msg);
}

pub fn give_away_3(p: &mut Process, a: &[Term]) -> BifResult {
    let alive = crate::runtime::table::is_alive(a[1]);
    with_write(p, a[0], |p, _, t| {
        if !alive {
            return Err(bad(p));
        }
        if t.owner != p.pid {
            return Err(fail(p, Cause::NotOwner));
        }
        if a[1] == p.pid {
            return Err(fail(p, Cause::Owner));
        }
        t.owner = a[1];
        rt::note_owner_change(t.id, p.pid, a[1]);
        send_transfer(t, a[1], p.pid, a[2]);
        Ok(Term::TRUE)
    })
}

pub fn setopts_2(p: &mut Process, a: &[Term]) -> BifResult {
    with_write(p, a[0], |p, _, t| {
        let opts = if a[1].is_tuple() {
            vec![a[1]]
        } else {
            build::list_to_vec(a[1]).ok_or_else(|| bad(p))?
        };
        let mut heir: Option<Option<(Term, Term)>> = None;
        let mut protection: Option<Access> = None;
        for o in opts {
            let Some(e) = o.as_tuple() else {
                return Err(bad(p));
            };
            match e {
                [k, v]
                    if k.as_atom().map(|x| x.name()) == Some("heir")
                        && v.as_atom().map(|x| x.name()) == Some("none") =>
                {
                    if heir.is_some() {
                        return Err(bad(p));
                    }
                    heir = Some(None);
                }
                [k, pid, data]
                    if k.as_atom().map(|x| x.name()) == Some("heir") && pid.is_local_pid() =>
                {
                    if heir.is_some() {
                        return Err(bad(p));
                    }
                    heir = Some(Some((*pid, *data)));
                }
                [k, v] if k.as_atom().map(|x| x.name()) == Some("protection") => {
                    if protection.is_some() {
                        return Err(bad(p));
                    }
                    protection = Some(match v.as_atom().map(|x| x.name()) {
                        Some("private") => Access::Private,
                        Some("protected") => Access::Protected,
                        Some("public") => Access::Public,
                        _ => return Err(bad(p)),
                    });
                }
                _ => return Err(bad(p)),
            }
        }
        if t.owner != p.pid {
            return Err(bad(p));
        }
        if let Some(h) = heir {
            t.heir = match h {
                Some((pid, data)) if pid == p.pid || crate::runtime::table::is_alive(pid) => {
                    Some((pid, rt::object::Stored::new(data)))
                }
                _ => None,
            };
        }
        if let Some(acc) = protection {
            t.access = acc;
        }
        Ok(Term::TRUE)
    })
}

/// `ets:internal_request_all/0`: `ets:all/0` waits for one `{Ref, Tables}` message per
/// scheduler; the first carries every table, the others none.
pub fn internal_request_all_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let r = crate::bifs::erlang::new_ref(p);
    let mut tabs = Vec::new();
    for id in rt::all_ids().into_iter().rev() {
        if let Some(tr) = rt::by_id(id) {
            let t = tr.read();
            if t.deleted {
                continue;
            }
            tabs.push(if t.named {
                Term::atom(t.name)
            } else {
                rt::tid_term(&mut p.heap, id)
            });
        }
    }
    let n = crate::bifs::erlang::system::schedulers().max(1);
    for i in 0..n {
        let l = if i == 0 {
            build::list(&mut p.heap, &tabs)
        } else {
            Term::NIL
        };
        let msg = build::tuple(&mut p.heap, &[r, l]);
        crate::runtime::send::send(p, p.pid, msg).map_err(|_| bad(p))?;
    }
    Ok(r)
}
