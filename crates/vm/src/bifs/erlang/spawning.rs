//! BIFs that create processes: `spawn/3`, `spawn_link/3`, `spawn_opt/4`, and
//! `erts_internal:spawn_request/4` with `erlang:spawn_request_abandon/1` (every
//! `erlang:spawn_request/1..5` ends in the former; the fun variants of `spawn*` are Erlang
//! code in `erlang.erl` that calls these with `erlang:apply/2`).

use enigma_term::{atom, build, map, Atom, Term};

use super::processes::{monitor_opts, watch};
use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult, Fault};
use crate::process::Process;
use crate::runtime::monitors::AliasMode;
use crate::runtime::spawn::{spawn, SpawnOpts, SpawnReply};
use crate::runtime::table::Priority;

fn spawn_args(a: &[Term]) -> Result<(Atom, Atom), Fault> {
    match (a[0].as_atom(), a[1].as_atom()) {
        (Some(m), Some(f)) if build::list_to_vec(a[2]).is_some() => Ok((m, f)),
        _ => Err(badarg()),
    }
}

fn spawn_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (m, f) = spawn_args(a)?;
    spawn(m, f, a[2], p.group_leader, &SpawnOpts::default()).map_err(|_| badarg())
}

fn spawn_link_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (m, f) = spawn_args(a)?;
    let opts = SpawnOpts {
        link_to: Some(p.pid),
        ..SpawnOpts::default()
    };
    let pid = spawn(m, f, a[2], p.group_leader, &opts).map_err(|_| badarg())?;
    p.links.push(pid);
    Ok(pid)
}

/// `max_heap_size`: a size, or `#{size => S, kill => B, error_logger => B}`.
pub(super) fn max_heap_opt(v: Term, o: &mut SpawnOpts) -> Option<()> {
    if let Some(n) = v.as_small() {
        o.max_heap_size = usize::try_from(n).ok()?;
        return Some(());
    }
    if !v.is_map() {
        return None;
    }
    for (k, x) in map::iter(v) {
        match k.as_atom()?.name() {
            "size" => o.max_heap_size = usize::try_from(x.as_small()?).ok()?,
            "kill" if x.is_boolean() => o.max_heap_kill = x == Term::TRUE,
            "error_logger" if x.is_boolean() => o.max_heap_report = x == Term::TRUE,
            "include_shared_binaries" if x.is_boolean() => {}
            _ => return None,
        }
    }
    Some(())
}

/// The options of `spawn_opt` and `spawn_request`, parsed as BEAM does: every element is
/// looked at (a bad one does not stop the others from taking effect, which matters for
/// `reply` and `reply_tag` of a failed `spawn_request`).
struct Parsed {
    opts: SpawnOpts,
    link: bool,
    /// `Some(alias mode)` when the caller monitors the new process.
    monitor: Option<Option<AliasMode>>,
    /// `spawn_request` only: the reply's tag, and whether to send one on success / error.
    tag: Term,
    reply_ok: bool,
    reply_error: bool,
    /// Some element was not a valid option (`badopt`).
    bad: bool,
}

/// Parses `list`; `None` when it is not a proper list. `requests` allows the
/// `spawn_request` options (`reply`, `reply_tag`).
fn parse_opts(list: Term, requests: bool) -> Option<Parsed> {
    let mut r = Parsed {
        opts: SpawnOpts::default(),
        link: false,
        monitor: None,
        tag: Term::atom(atom::SPAWN_REPLY),
        reply_ok: true,
        reply_error: true,
        bad: false,
    };
    for opt in build::list_to_vec(list)? {
        r.bad |= parse_one(&mut r, opt, requests).is_none();
    }
    if r.opts.max_heap_size != 0 && r.opts.max_heap_size < r.opts.min_heap_size {
        r.bad = true;
    }
    Some(r)
}

fn parse_one(r: &mut Parsed, opt: Term, requests: bool) -> Option<()> {
    if let Some(a) = opt.as_atom() {
        match a.name() {
            "link" => r.link = true,
            "monitor" => r.monitor = Some(None),
            _ => return None,
        }
        return Some(());
    }
    let &[k, v] = opt.as_tuple()? else {
        return None;
    };
    let o = &mut r.opts;
    match k.as_atom()?.name() {
        "monitor" => r.monitor = Some(monitor_opts(v).ok()?),
        "priority" => o.priority = Priority::from_name(v.as_atom()?.name())?,
        "min_heap_size" => o.min_heap_size = usize::try_from(v.as_small()?).ok()?,
        "fullsweep_after" => o.fullsweep_after = Some(u32::try_from(v.as_small()?).ok()?),
        "min_bin_vheap_size" => {
            let n = usize::try_from(v.as_small()?).ok()?;
            o.min_bin_vheap_size = Some(enigma_heap::sizes::next_heap_size(n));
        }
        "max_heap_size" => max_heap_opt(v, o)?,
        "message_queue_data" => {
            o.off_heap_messages = match v.as_atom()?.name() {
                "off_heap" => true,
                "on_heap" => false,
                _ => return None,
            }
        }
        // Binding to a scheduler (0: none) is accepted and not kept: processes migrate.
        "scheduler" => {
            let n = v.as_small()?;
            if !(0..=crate::runtime::scheduler::count() as i64).contains(&n) {
                return None;
            }
        }
        "async_dist" if v.is_boolean() => {}
        "reply" if requests => {
            (r.reply_ok, r.reply_error) = match v.as_atom()?.name() {
                "yes" => (true, true),
                "no" => (false, false),
                "error_only" => (false, true),
                "success_only" => (true, false),
                _ => return None,
            }
        }
        "reply_tag" if requests => r.tag = v,
        _ => return None,
    }
    Some(())
}

/// Spawns with parsed options, linking and monitoring from `p` as asked; the pid and the
/// monitor's reference (`reference` if given, else a new one).
fn spawn_parsed(
    p: &mut Process,
    m: Atom,
    f: Atom,
    args: Term,
    mut parsed: Parsed,
    reference: Option<Term>,
) -> Result<(Term, Option<Term>), Fault> {
    if parsed.link {
        parsed.opts.link_to = Some(p.pid);
    }
    let reference = parsed
        .monitor
        .map(|_| reference.unwrap_or_else(|| crate::bifs::erlang::new_ref(p)));
    if let Some(r) = reference {
        parsed.opts.monitor_by = Some((p.pid, r.ref_numbers()));
    }
    let pid = spawn(m, f, args, p.group_leader, &parsed.opts).map_err(|_| badarg())?;
    if parsed.link {
        p.links.push(pid);
    }
    if let (Some(r), Some(alias)) = (reference, parsed.monitor) {
        watch(p, pid, r.ref_numbers(), None, alias);
    }
    Ok((pid, reference))
}

fn spawn_opt_4(p: &mut Process, a: &[Term]) -> BifResult {
    let (m, f) = spawn_args(a)?;
    let parsed = parse_opts(a[3], false)
        .filter(|r| !r.bad)
        .ok_or_else(badarg)?;
    match spawn_parsed(p, m, f, a[2], parsed, None)? {
        (pid, Some(r)) => Ok(build::tuple(&mut p.heap, &[pid, r])),
        (pid, None) => Ok(pid),
    }
}

/// `erts_internal:spawn_request(M, F, A, Opts)`: a request id (a reference), or the atoms
/// `badarg` (bad M, F or A) and `badopt` (Opts not a list), which `erlang:spawn_request`
/// turns into exceptions. Bad option values are not exceptions: the request fails with an
/// error reply, `{Tag, ReqId, error, badopt}`. On success the reply is
/// `{Tag, ReqId, ok, Pid}`, queued before the new process can run (so it arrives before
/// anything the new process sends), and a monitor asked for has the request id as its
/// reference.
fn spawn_request_4(p: &mut Process, a: &[Term]) -> BifResult {
    let (Some(m), Some(f)) = (a[0].as_atom(), a[1].as_atom()) else {
        return Ok(Term::atom(atom::BADARG));
    };
    if build::list_to_vec(a[2]).is_none() {
        return Ok(Term::atom(atom::BADARG));
    }
    let Some(parsed) = parse_opts(a[3], true) else {
        return Ok(Term::atom(atom::BADOPT));
    };
    let request = crate::bifs::erlang::new_ref(p);
    let reply = SpawnReply {
        to: p.pid,
        tag: parsed.tag,
        request,
    };
    if parsed.bad {
        if parsed.reply_error {
            reply.send(Term::atom(atom::ERROR), Term::atom(atom::BADOPT));
        }
        return Ok(request);
    }
    let mut parsed = parsed;
    if parsed.reply_ok {
        parsed.opts.reply = Some(reply);
    }
    spawn_parsed(p, m, f, a[2], parsed, Some(request))?;
    Ok(request)
}

/// `erts_internal:dist_spawn_request(Node, {M, F, A}, Opts, Type)`: a spawn on another
/// node, for `spawn_request/5` (`Type` = `spawn_request`: the request id) and
/// `spawn/4`, `spawn_opt/5` (`spawn_opt`: `{ReqId, Monitor}`). Without distribution no
/// other node is connected, so, after BEAM's argument checks, the request fails with the
/// reply `{Tag, ReqId, error, noconnection}` (`badopt` for a bad `reply` or `monitor`
/// option of a `spawn_request`), which the Erlang side turns into its usual results.
fn dist_spawn_request_4(p: &mut Process, a: &[Term]) -> BifResult {
    let badarg_atom = Ok(Term::atom(atom::BADARG));
    let Some(node) = a[0].as_atom() else {
        return badarg_atom;
    };
    if node == atom::NONODE_NOHOST {
        return badarg_atom;
    }
    match a[1].as_tuple() {
        Some(&[m, f, args]) if m.is_atom() && f.is_atom() && build::list_to_vec(args).is_some() => {
        }
        _ => return badarg_atom,
    }
    let is_request = a[3].as_atom().is_some_and(|t| t.name() == "spawn_request");
    let Some(opts) = build::list_to_vec(a[2]) else {
        return badarg_atom;
    };
    let (mut tag, mut reply_error, mut monitor) = (Term::atom(atom::SPAWN_REPLY), true, false);
    let mut error = atom::NOCONNECTION;
    for opt in opts {
        if opt == Term::atom(atom::MONITOR) {
            monitor = true;
        }
        let Some(&[k, v]) = opt.as_tuple() else {
            continue;
        };
        let valid = match k.as_atom().map(|k| k.name()) {
            Some("reply_tag") => {
                tag = v;
                true
            }
            Some("reply") => match v.as_atom().map(|v| v.name()) {
                Some(how @ ("yes" | "error_only" | "success_only" | "no")) => {
                    reply_error = matches!(how, "yes" | "error_only");
                    true
                }
                _ => false,
            },
            Some("monitor") => {
                monitor = true;
                monitor_opts(v).is_ok()
            }
            _ => continue,
        };
        if !is_request {
            // `reply`, `reply_tag` and `{monitor, _}` are spawn_request options only.
            return badarg_atom;
        }
        if !valid {
            error = atom::BADOPT;
            break;
        }
    }
    let request = crate::bifs::erlang::new_ref(p);
    if reply_error {
        let reply = SpawnReply {
            to: p.pid,
            tag,
            request,
        };
        reply.send(Term::atom(atom::ERROR), Term::atom(error));
    }
    if is_request {
        Ok(request)
    } else {
        let monitored = Term::atom(if monitor { atom::TRUE } else { atom::FALSE });
        Ok(build::tuple(&mut p.heap, &[request, monitored]))
    }
}

/// `spawn_request_abandon(ReqId)`: local requests are answered at once, so none is ever
/// outstanding: `false` for any reference, `badarg` for anything else.
fn spawn_request_abandon_1(_p: &mut Process, a: &[Term]) -> BifResult {
    if a[0].is_ref() {
        Ok(Term::FALSE)
    } else {
        Err(badarg())
    }
}

pub const BIFS: &[BifEntry] = &[
    bif!("erlang", "spawn", 3, spawn_3),
    bif!("erlang", "spawn_link", 3, spawn_link_3),
    bif!("erlang", "spawn_opt", 4, spawn_opt_4),
    bif!("erts_internal", "spawn_request", 4, spawn_request_4),
    bif!(
        "erts_internal",
        "dist_spawn_request",
        4,
        dist_spawn_request_4
    ),
    bif!(
        "erlang",
        "spawn_request_abandon",
        1,
        spawn_request_abandon_1
    ),
];
