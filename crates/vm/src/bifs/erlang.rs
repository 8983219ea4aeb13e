//! BIFs of the `erlang` module: processes and the process dictionary, errors, and the core
//! term operations. Arithmetic, comparison, conversion and the rest of the module live in
//! the `erlang/` files next to this one as they grow.

pub mod arith;
pub mod binaries;
pub mod code_loading;
pub mod convert;
pub mod lists_ops;
pub mod md5;
pub mod packet;
pub mod ports;
pub mod process_info;
pub mod processes;
pub mod spawning;
pub mod suspending;
pub mod system;
pub mod timers;
pub mod types;

use enigma_term::{atom, build, map, Atom, Term};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult, Class, Exception, Fault};
use crate::process::Process;

fn self_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(p.pid)
}

fn group_leader_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(p.group_leader)
}

fn element_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let i = a[0].as_small().ok_or_else(badarg)?;
    let t = a[1].as_tuple().ok_or_else(badarg)?;
    if i < 1 {
        return Err(badarg());
    }
    t.get(i as usize - 1).copied().ok_or_else(badarg)
}

fn setelement_3(p: &mut Process, a: &[Term]) -> BifResult {
    let i = a[0].as_small().ok_or_else(badarg)?;
    let t = a[1].as_tuple().ok_or_else(badarg)?;
    if i < 1 || i as usize > t.len() {
        return Err(badarg());
    }
    let mut v = t.to_vec();
    v[i as usize - 1] = a[2];
    Ok(build::tuple(&mut p.heap, &v))
}

fn tuple_size_1(_p: &mut Process, a: &[Term]) -> BifResult {
    a[0].as_tuple()
        .map(|t| Term::small(t.len() as i64))
        .ok_or_else(badarg)
}

fn length_1(p: &mut Process, a: &[Term]) -> BifResult {
    let mut n = 0i64;
    let mut l = a[0];
    while let Some((_, t)) = l.as_cons() {
        n += 1;
        l = t;
    }
    p.charge_work(n as usize);
    if l.is_nil() {
        Ok(Term::small(n))
    } else {
        Err(badarg())
    }
}

fn hd_1(_p: &mut Process, a: &[Term]) -> BifResult {
    a[0].as_cons().map(|(h, _)| h).ok_or_else(badarg)
}

fn tl_1(_p: &mut Process, a: &[Term]) -> BifResult {
    a[0].as_cons().map(|(_, t)| t).ok_or_else(badarg)
}

fn raise(class: Class, reason: Term) -> BifResult {
    Err(Fault::Raise(Exception::new(class, reason)))
}

fn error_1(_p: &mut Process, a: &[Term]) -> BifResult {
    raise(Class::Error, a[0])
}

fn error_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let mut e = Exception::error(a[0]);
    e.args = a[1];
    Err(Fault::Raise(e))
}

/// `erlang:error(Reason, Args, Options)`: the last `{error_info, Map}` of a proper list made
/// only of such entries goes into the top frame; anything else (an empty or improper list, a
/// non-list, another element) falls back to `error/2`, as BEAM's `error_3` does.
fn error_3(p: &mut Process, a: &[Term]) -> BifResult {
    let mut e = Exception::error(a[0]);
    e.args = a[1];
    let mut info = None;
    let mut l = a[2];
    while let Some((h, t)) = l.as_cons() {
        match h.as_tuple() {
            Some(&[tag, m]) if tag == Term::atom(atom::ERROR_INFO) && m.is_map() => {
                info = Some(h);
            }
            _ => break,
        }
        l = t;
    }
    if let (Some(entry), true) = (info, l.is_nil()) {
        e.info = build::list(&mut p.heap, &[entry]);
    }
    Err(Fault::Raise(e))
}

fn exit_1(_p: &mut Process, a: &[Term]) -> BifResult {
    raise(Class::Exit, a[0])
}

fn throw_1(_p: &mut Process, a: &[Term]) -> BifResult {
    raise(Class::Throw, a[0])
}

/// `erlang:raise(Class, Reason, Stacktrace)`: raises with the given trace; a bad class or
/// trace makes it return `badarg` instead, as BEAM's does.
fn raise_3(_p: &mut Process, a: &[Term]) -> BifResult {
    let Some(class) = a[0].as_atom().and_then(Class::from_atom) else {
        return Ok(Term::atom(atom::BADARG));
    };
    if !valid_stacktrace(a[2]) {
        return Ok(Term::atom(atom::BADARG));
    }
    let mut e = Exception::new(class, a[1]);
    e.trace = a[2];
    Err(Fault::Raise(e))
}

/// A list of `{M, F, ArityOrArgs, Location}` or `{Fun, ArityOrArgs, Location}` entries.
fn valid_stacktrace(mut t: Term) -> bool {
    while let Some((h, tl)) = t.as_cons() {
        let ok = match h.as_tuple() {
            Some([m, f, a, loc]) => {
                m.is_atom() && f.is_atom() && (a.is_small() || a.is_list()) && loc.is_list()
            }
            Some([f, a, loc]) if f.is_fun() => (a.is_small() || a.is_list()) && loc.is_list(),
            Some([m, f, a]) => m.is_atom() && f.is_atom() && (a.is_small() || a.is_list()),
            _ => false,
        };
        if !ok {
            return false;
        }
        t = tl;
    }
    t.is_nil()
}

fn apply_3(_p: &mut Process, a: &[Term]) -> BifResult {
    let (Some(module), Some(function)) = (a[0].as_atom(), a[1].as_atom()) else {
        return Err(badarg());
    };
    let args = build::list_to_vec(a[2]).ok_or_else(badarg)?;
    Err(Fault::Trap {
        module,
        function,
        args,
    })
}

fn apply_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let args = build::list_to_vec(a[1]).ok_or_else(badarg)?;
    if let Some((m, f)) = a[0].as_tuple().and_then(|t| match t {
        [m, f] => Some((m.as_atom()?, f.as_atom()?)),
        _ => None,
    }) {
        return Err(Fault::Trap {
            module: m,
            function: f,
            args,
        });
    }
    Err(Fault::TrapFun { fun: a[0], args })
}

fn halt_0(_p: &mut Process, _a: &[Term]) -> BifResult {
    Err(Fault::Halt(0))
}

fn halt_1(p: &mut Process, a: &[Term]) -> BifResult {
    halt(p, a[0], true)
}

/// `erlang:halt(Status, Options)`: the options are checked first, and a bad one is a
/// `badarg` whose error information says `badopt`, as BEAM's.
fn halt_2(p: &mut Process, a: &[Term]) -> BifResult {
    let mut flush = true;
    let mut l = a[1];
    while let Some((opt, rest)) = l.as_cons() {
        match opt.as_tuple() {
            Some(&[k, Term::TRUE]) if k == Term::atom(atom::FLUSH) => flush = true,
            Some(&[k, Term::FALSE]) if k == Term::atom(atom::FLUSH) => flush = false,
            _ => return Err(badarg_with_cause(p, "badopt")),
        }
        l = rest;
    }
    if !l.is_nil() {
        return Err(badarg_with_cause(p, "badopt"));
    }
    halt(p, a[0], flush)
}

/// Longest `halt/1,2` slogan in characters (BEAM's `HALT_MSG_SIZE`); a longer one is cut.
const HALT_MSG_CHARS: usize = 1023;

/// Halts with `status`: a non-negative integer (the exit status, as BEAM masks it), `abort`
/// (an abort, no dump), or a string (the slogan: printed, a crash dump, status 1).
fn halt(p: &mut Process, status: Term, flush: bool) -> BifResult {
    if let Some(code) = halt_code(status) {
        if !flush {
            crate::runtime::ports::halt_without_flush();
        }
        return Err(Fault::Halt(code));
    }
    if status.as_atom() == Atom::existing("abort") {
        crate::runtime::fatal::abort_exit();
    }
    if status.is_list() {
        let slogan = halt_slogan(status).ok_or_else(badarg)?;
        crate::runtime::fatal::dump_exit(
            &format!("{slogan}\n"),
            Some(crate::runtime::fatal::Current {
                process: p,
                exiting: false,
            }),
        );
    }
    Err(badarg())
}

/// The exit status of `halt(N)`: BEAM takes the low word of a non-negative integer
/// (`term_to_Uint_mask`), keeps it to a C `int`, and the operating system keeps 8 bits.
fn halt_code(t: Term) -> Option<i32> {
    let word = if let Some(n) = t.as_small() {
        u64::try_from(n).ok()?
    } else {
        let big = t.as_bigint()?;
        if big.sign() == num_bigint::Sign::Minus {
            return None;
        }
        big.iter_u64_digits().next().unwrap_or(0)
    };
    Some((word & 0x7FFF_FFFF & 0xFF) as i32)
}

/// The slogan of `halt(String)`: the first 1023 characters of a list of Unicode code
/// points. As BEAM, what lies beyond them is not looked at, so a long list may end in
/// anything; a bad character or an improper end before that is `badarg`.
fn halt_slogan(mut l: Term) -> Option<String> {
    let mut s = String::new();
    for _ in 0..HALT_MSG_CHARS {
        if l.is_nil() {
            return Some(s);
        }
        let (c, rest) = l.as_cons()?;
        let c = u32::try_from(c.as_small()?).ok()?;
        s.push(char::from_u32(c)?);
        l = rest;
    }
    Some(s)
}

/// `badarg` whose error information names `cause` (`#{cause => Cause, module =>
/// erl_erts_errors}`), as BEAM's `EXF_HAS_EXT_INFO` errors carry it.
pub(crate) fn badarg_with_cause(p: &mut Process, cause: &str) -> Fault {
    let cause = Atom::intern(cause).unwrap_or(atom::UNDEFINED);
    let module = Term::atom(Atom::intern("erl_erts_errors").unwrap_or(atom::UNDEFINED));
    let map = enigma_term::map::from_pairs(
        &mut p.heap,
        vec![
            (Term::atom(atom::MODULE), module),
            (Term::atom(atom::CAUSE), Term::atom(cause)),
        ],
    );
    let t = build::tuple(&mut p.heap, &[Term::atom(atom::ERROR_INFO), map]);
    let mut e = Exception::error(Term::atom(atom::BADARG));
    e.info = build::list(&mut p.heap, &[t]);
    Fault::Raise(e)
}

fn put_2(p: &mut Process, a: &[Term]) -> BifResult {
    Ok(p.dict
        .put(a[0], a[1])
        .unwrap_or(Term::atom(atom::UNDEFINED)))
}

fn get_1(p: &mut Process, a: &[Term]) -> BifResult {
    Ok(p.dict.get(a[0]).unwrap_or(Term::atom(atom::UNDEFINED)))
}

fn erase_1(p: &mut Process, a: &[Term]) -> BifResult {
    Ok(p.dict.erase(a[0]).unwrap_or(Term::atom(atom::UNDEFINED)))
}

fn make_ref_0(p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(new_ref(p))
}

/// A new unique local reference on `p`'s heap.
pub fn new_ref(p: &mut Process) -> Term {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    // BEAM keeps the first number of a local reference below 2^18 (the external format
    // relies on it); the counter's higher bits go to the other two.
    build::reference(
        &mut p.heap,
        [(n & 0x3_FFFF) as u32, (n >> 18) as u32, (n >> 50) as u32],
    )
}

fn node_0(_p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(Term::atom(atom::NONODE_NOHOST))
}

/// Whether `nodes/1,2`'s node kinds (an atom or a list of them) take in this node: without
/// distribution it is the only node, listed for `this` and `known` only. `None` if malformed.
fn kinds_include_this(arg: Term) -> Option<bool> {
    let kinds = if arg.is_atom() {
        vec![arg]
    } else {
        build::list_to_vec(arg)?
    };
    let mut this = false;
    for k in kinds {
        match k.as_atom()?.name() {
            "visible" | "hidden" | "connected" => {}
            "this" | "known" => this = true,
            _ => return None,
        }
    }
    Some(this)
}

/// `nodes()`: the connected visible nodes, none without distribution.
fn nodes_0(_p: &mut Process, _a: &[Term]) -> BifResult {
    Ok(Term::NIL)
}

fn nodes_1(p: &mut Process, a: &[Term]) -> BifResult {
    let this = kinds_include_this(a[0]).ok_or_else(badarg)?;
    let nodes: &[Term] = if this {
        &[Term::atom(atom::NONODE_NOHOST)]
    } else {
        &[]
    };
    Ok(build::list(&mut p.heap, nodes))
}

/// `nodes(Kinds, #{connection_id => B, node_type => B})`: `[{Node, Info}]`.
fn nodes_2(p: &mut Process, a: &[Term]) -> BifResult {
    let this = kinds_include_this(a[0]).ok_or_else(badarg)?;
    if !a[1].is_map() {
        return Err(badarg());
    }
    let mut info = Vec::new();
    for (k, v) in map::iter(a[1]) {
        if !v.is_boolean() {
            return Err(badarg());
        }
        let value = match k.as_atom().map(|k| k.name()) {
            Some("connection_id") => atom::UNDEFINED,
            Some("node_type") => Atom::intern("this").map_err(|_| badarg())?,
            _ => return Err(badarg()),
        };
        if v == Term::TRUE {
            info.push((k, Term::atom(value)));
        }
    }
    if !this {
        return Ok(Term::NIL);
    }
    let info = map::from_pairs(&mut p.heap, info);
    let entry = build::tuple(&mut p.heap, &[Term::atom(atom::NONODE_NOHOST), info]);
    Ok(build::list(&mut p.heap, &[entry]))
}

/// `monitor_node(Node, Flag)`: without distribution this node is not alive, so only the
/// node itself may be named (it never goes down: no message); any other node is a
/// `notalive` error, as on BEAM.
fn monitor_node_2(p: &mut Process, a: &[Term]) -> BifResult {
    monitor_node(p, a[0], a[1], Term::NIL)
}

/// `monitor_node(Node, Flag, Options)`: options are `allow_passive_connect` only.
fn monitor_node_3(p: &mut Process, a: &[Term]) -> BifResult {
    monitor_node(p, a[0], a[1], a[2])
}

fn monitor_node(p: &mut Process, node: Term, flag: Term, opts: Term) -> BifResult {
    let opts_ok = build::list_to_vec(opts).is_some_and(|l| {
        l.iter().all(|o| {
            o.as_atom()
                .is_some_and(|o| o.name() == "allow_passive_connect")
        })
    });
    if !opts_ok {
        return Err(badarg_with_cause(p, "badopt"));
    }
    if !node.is_atom() {
        return Err(badarg());
    }
    if node != Term::atom(atom::NONODE_NOHOST) {
        let notalive = Atom::intern("notalive").map_err(|_| badarg())?;
        return Err(Fault::Raise(Exception::error(Term::atom(notalive))));
    }
    if !flag.is_boolean() {
        return Err(badarg());
    }
    Ok(Term::TRUE)
}

/// `erlang:display/1`: the term as BEAM's own printer writes it (floats as `%e`, printable
/// lists as strings, maps without spaces, ...), straight to standard output. BEAM's printer
/// on Unix writes every newline as CR LF, whatever standard output is, and so does this.
fn display_1(_p: &mut Process, a: &[Term]) -> BifResult {
    use std::io::Write;
    let mut text = Vec::new();
    enigma_term::print::display_term(&mut text, a[0]);
    text.push(b'\n');
    let mut out = Vec::with_capacity(text.len() + 1);
    for b in text {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
    }
    // After what ports have queued for standard output, as BEAM's direct write would be.
    crate::drivers::fd::sync_stdout();
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(&out);
    let _ = stdout.flush();
    Ok(Term::TRUE)
}

/// The `error_info` a BIF's frame carries in stack traces (`[]` when none).
pub fn error_info_for(
    heap: &mut dyn enigma_term::TermAlloc,
    mfa: &enigma_term::boxed::Export,
) -> Term {
    // BEAM's table (beam_common.c): the module whose format_error/2 explains the BIF's
    // errors, by the BIF's own module.
    let module = match mfa.module.name() {
        "erlang" | "erts_internal" | "persistent_term" | "atomics" | "counters" => {
            "erl_erts_errors"
        }
        "lists" | "maps" | "binary" | "unicode" | "math" | "re" | "ets" => "erl_stdlib_errors",
        "os" => "erl_kernel_errors",
        _ => return Term::NIL,
    };
    let m = Term::atom(Atom::intern(module).unwrap_or(atom::UNDEFINED));
    let map = enigma_term::map::from_pairs(heap, vec![(Term::atom(atom::MODULE), m)]);
    let t = build::tuple(heap, &[Term::atom(atom::ERROR_INFO), map]);
    build::list(heap, &[t])
}

pub const BIFS: &[BifEntry] = &[
    bif!("erlang", "self", 0, self_0),
    bif!("erlang", "group_leader", 0, group_leader_0),
    bif!("erlang", "element", 2, element_2),
    bif!("erlang", "setelement", 3, setelement_3),
    bif!("erlang", "tuple_size", 1, tuple_size_1),
    bif!("erlang", "length", 1, length_1),
    bif!("erlang", "hd", 1, hd_1),
    bif!("erlang", "tl", 1, tl_1),
    bif!("erlang", "error", 1, error_1),
    bif!("erlang", "error", 2, error_2),
    bif!("erlang", "error", 3, error_3),
    bif!("erlang", "exit", 1, exit_1),
    bif!("erlang", "throw", 1, throw_1),
    bif!("erlang", "raise", 3, raise_3),
    bif!("erlang", "apply", 2, apply_2),
    bif!("erlang", "apply", 3, apply_3),
    bif!("erlang", "halt", 0, halt_0),
    bif!("erlang", "halt", 1, halt_1),
    bif!("erlang", "halt", 2, halt_2),
    bif!("erlang", "put", 2, put_2),
    bif!("erlang", "get", 1, get_1),
    bif!("erlang", "erase", 1, erase_1),
    bif!("erlang", "make_ref", 0, make_ref_0),
    bif!("erlang", "node", 0, node_0),
    bif!("erlang", "nodes", 0, nodes_0),
    bif!("erlang", "nodes", 1, nodes_1),
    bif!("erlang", "nodes", 2, nodes_2),
    bif!("erlang", "monitor_node", 2, monitor_node_2),
    bif!("erlang", "monitor_node", 3, monitor_node_3),
    bif!("erlang", "display", 1, display_1),
];
