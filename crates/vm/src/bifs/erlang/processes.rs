//! BIFs of the `erlang` module that signal processes (creating them is in `spawning.rs`): `exit/2`,
//! `link`/`unlink`, `monitor`/`demonitor`, aliases, the name registry, `send`,
//! `process_flag/2`, `yield/0`, `is_process_alive/1`.
//!
//! Everything one process does to another is a signal (see `runtime::signals`); a BIF that
//! must see the effect of the signals it sent before (`is_process_alive/1`,
//! `process_info/2`) handles the target's pending signals on its behalf while the target is
//! switched out, and retries after yielding while it runs.

use enigma_term::{atom, build, map, Atom, Term};

use crate::bif;
use crate::bifs::os::atom_of;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, error_atom, BifResult, Fault};
use crate::process::Process;
use crate::runtime::mailbox::{ExitKind, Signal};
use crate::runtime::monitors::{self, Alias, AliasMode, Monitor};
use crate::runtime::spawn::SpawnOpts;
use crate::runtime::table::{self, Priority};
use crate::runtime::{send, signals};

/// Where `f` may look at another process: `Ok(None)` when it is dead, `Err(Yield)` while a
/// scheduler runs it (the caller retries), otherwise `f` on the switched-out process after
/// its pending signals were handled (which may end it: then it is dead).
pub fn with_other<R>(pid: Term, f: impl FnOnce(&mut Process) -> R) -> Result<Option<R>, Fault> {
    let Some(h) = table::lookup(pid) else {
        return Ok(None);
    };
    h.with_slot(|slot| {
        let Some(q) = slot.as_mut() else {
            // Running now (or exiting this instant): look again after a yield.
            return if table::is_alive(pid) {
                Err(Fault::Yield)
            } else {
                Ok(None)
            };
        };
        match signals::handle(q) {
            Ok(_) => Ok(Some(f(q))),
            Err(reason) => {
                if let Some(mut q) = slot.take() {
                    q.exit_reason = reason;
                    crate::runtime::scheduler::end_switched_out(&h, q);
                }
                Ok(None)
            }
        }
    })
}

// ---- exits and links ----

fn exit_2(p: &mut Process, a: &[Term]) -> BifResult {
    let (target, reason) = (a[0], a[1]);
    if !target.is_pid() && !target.is_port() {
        return Err(badarg());
    }
    if target == p.pid {
        // A signal to oneself acts at once.
        return match signals::exit_signal(p, target, reason, ExitKind::Exit2) {
            Some(why) => Err(Fault::Raise(signals::die(p, why))),
            None => Ok(Term::TRUE),
        };
    }
    if target.is_local_pid() || target.is_local_port() {
        signals::send_exit(target, p.pid, reason, ExitKind::Exit2);
    }
    Ok(Term::TRUE)
}

fn link_1(p: &mut Process, a: &[Term]) -> BifResult {
    let other = a[0];
    if !other.is_local_pid() && !other.is_local_port() {
        return Err(badarg());
    }
    if other == p.pid || p.links.contains(&other) {
        return Ok(Term::TRUE);
    }
    let alive = if other.is_local_port() {
        crate::runtime::ports::is_open(other)
    } else {
        table::is_alive(other)
    };
    if !alive {
        if p.trap_exit {
            // As the answer to a link signal would: through the signal queue.
            send::deliver_tuple(
                p.pid,
                &[
                    Term::atom(atom::EXIT_UPPER),
                    other,
                    Term::atom(atom::NOPROC),
                ],
            );
            return Ok(Term::TRUE);
        }
        return Err(error_atom(atom::NOPROC));
    }
    p.links.push(other);
    // If it dies before the signal arrives, the answer is a `noproc` exit signal.
    signals::send(other, Signal::Link { from: p.pid });
    Ok(Term::TRUE)
}

fn unlink_1(p: &mut Process, a: &[Term]) -> BifResult {
    let other = a[0];
    if !other.is_pid() && !other.is_port() {
        return Err(badarg());
    }
    if let Some(i) = p.links.iter().position(|l| *l == other) {
        p.links.swap_remove(i);
        if other.is_local_pid() || other.is_local_port() {
            signals::send(other, Signal::Unlink { from: p.pid });
        }
    }
    // An exit signal from the unlinked process that already arrived is dropped with it.
    if let Err(reason) = signals::handle(p) {
        return Err(Fault::Raise(signals::die(p, reason)));
    }
    Ok(Term::TRUE)
}

// ---- monitors and aliases ----

fn alias_mode(v: Term) -> Option<AliasMode> {
    Some(match v.as_atom()?.name() {
        "explicit_unalias" => AliasMode::Explicit,
        "demonitor" => AliasMode::Demonitor,
        "reply_demonitor" => AliasMode::ReplyDemonitor,
        _ => return None,
    })
}

/// `monitor/3` options: an optional alias mode.
pub(super) fn monitor_opts(list: Term) -> Result<Option<AliasMode>, Fault> {
    let mut mode = None;
    for o in build::list_to_vec(list).ok_or_else(badarg)? {
        match o.as_tuple() {
            Some(&[k, v]) if k.as_atom().is_some_and(|a| a.name() == "alias") => {
                mode = Some(alias_mode(v).ok_or_else(badarg)?);
            }
            _ => return Err(badarg()),
        }
    }
    Ok(mode)
}

/// Records the watcher side of a new monitor and sends the target its `Monitor` signal (a
/// dead target answers with `'DOWN'`, `noproc`).
pub(super) fn watch(
    p: &mut Process,
    target: Term,
    reference: [u32; 3],
    name: Option<Atom>,
    alias: Option<AliasMode>,
) {
    p.monitors.push(Monitor {
        reference,
        other: target,
        watching: true,
        name,
    });
    if let Some(mode) = alias {
        p.aliases.push(Alias { reference, mode });
        monitors::add_route(reference, p.pid);
    }
}

fn monitor(p: &mut Process, kind: Term, target: Term, alias: Option<AliasMode>) -> BifResult {
    if kind == Term::atom(atom::PORT) {
        return monitor_port(p, target, alias);
    }
    if kind != Term::atom(atom::PROCESS) {
        // Time-offset monitors come with the time work.
        return Err(badarg());
    }
    let (pid, name) = if target.is_local_pid() {
        (Some(target), None)
    } else if let Some(n) = target.as_atom() {
        (table::whereis(n), Some(n))
    } else {
        match target.as_tuple() {
            Some(&[n, node]) if n.is_atom() && node == Term::atom(atom::NONODE_NOHOST) => {
                (table::whereis(n.atom_value()), Some(n.atom_value()))
            }
            _ => return Err(badarg()),
        }
    };
    let r = crate::bifs::erlang::new_ref(p);
    let numbers = r.ref_numbers();
    let me = p.pid;
    match pid {
        // Monitoring oneself does nothing (but the alias still works).
        Some(t) if t == me => {
            if let Some(mode) = alias {
                p.aliases.push(Alias {
                    reference: numbers,
                    mode,
                });
                monitors::add_route(numbers, me);
            }
        }
        Some(t) => {
            watch(p, t, numbers, name, alias);
            signals::send(
                t,
                Signal::Monitor {
                    from: me,
                    reference: numbers,
                    name,
                },
            );
        }
        None => {
            // An unregistered name: `'DOWN'` with `noproc` at once.
            watch(p, target, numbers, name, alias);
            let obj = if name.is_some() { Term::NIL } else { target };
            monitors::send_down(me, numbers, name, obj, Term::atom(atom::NOPROC));
        }
    }
    Ok(r)
}

/// `monitor(port, Port | Name)`: `{'DOWN', Ref, port, Object, Reason}` when it closes.
fn monitor_port(p: &mut Process, target: Term, alias: Option<AliasMode>) -> BifResult {
    let (port, name) = if target.is_local_port() {
        (target, None)
    } else if let Some(n) = target.as_atom() {
        match table::whereis(n) {
            Some(t) if t.is_local_port() => (t, Some(n)),
            _ => {
                let r = crate::bifs::erlang::new_ref(p);
                let numbers = r.ref_numbers();
                watch(p, target, numbers, Some(n), alias);
                let mut h = enigma_term::VecAlloc::new();
                let obj = monitors::down_object(&mut h, Some(n), Term::NIL);
                let rt = build::reference(&mut h, numbers);
                let msg = build::tuple(
                    &mut h,
                    &[
                        Term::atom(atom::DOWN),
                        rt,
                        Term::atom(atom::PORT),
                        obj,
                        Term::atom(atom::NOPROC),
                    ],
                );
                let (term, fragment) = send::to_fragment(msg);
                signals::send(
                    p.pid,
                    Signal::Down {
                        reference: numbers,
                        term,
                        fragment,
                    },
                );
                return Ok(r);
            }
        }
    } else {
        return Err(badarg());
    };
    let r = crate::bifs::erlang::new_ref(p);
    let numbers = r.ref_numbers();
    watch(p, port, numbers, name, alias);
    signals::send(
        port,
        Signal::Monitor {
            from: p.pid,
            reference: numbers,
            name,
        },
    );
    Ok(r)
}

fn monitor_2(p: &mut Process, a: &[Term]) -> BifResult {
    monitor(p, a[0], a[1], None)
}

fn monitor_3(p: &mut Process, a: &[Term]) -> BifResult {
    let alias = monitor_opts(a[2])?;
    monitor(p, a[0], a[1], alias)
}

/// Removes the watcher's monitor `reference`; true if it was active.
fn remove_monitor(p: &mut Process, reference: [u32; 3]) -> bool {
    signals::monitor_ended(p, reference);
    match p
        .monitors
        .iter()
        .position(|m| m.watching && m.reference == reference)
    {
        Some(i) => {
            let m = p.monitors.swap_remove(i);
            if m.other.is_local_pid() || m.other.is_local_port() {
                signals::send(
                    m.other,
                    Signal::Demonitor {
                        from: p.pid,
                        reference,
                    },
                );
            }
            true
        }
        None => false,
    }
}

fn demonitor_1(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_ref() {
        return Err(badarg());
    }
    remove_monitor(p, a[0].ref_numbers());
    Ok(Term::TRUE)
}

fn demonitor_2(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_ref() {
        return Err(badarg());
    }
    let (mut flush, mut info) = (false, false);
    let mut l = a[1];
    while let Some((h, t)) = l.as_cons() {
        match h.as_atom() {
            Some(atom::FLUSH) => flush = true,
            Some(atom::INFO) => info = true,
            _ => return Err(badarg()),
        }
        l = t;
    }
    if !l.is_nil() {
        return Err(badarg());
    }
    let numbers = a[0].ref_numbers();
    let was_active = remove_monitor(p, numbers);
    // An active monitor has sent no `'DOWN'` yet (one arriving later is dropped), so only
    // an inactive one needs the queue searched, as BEAM does: gen_server:call's demonitor
    // must not scan a long queue on every call.
    if flush && !was_active {
        if let Err(reason) = signals::handle(p) {
            return Err(Fault::Raise(signals::die(p, reason)));
        }
        let before = p.queue.len();
        p.queue.retain(|m| {
            !m.as_tuple().is_some_and(|e| {
                e.len() == 5
                    && e[0] == Term::atom(atom::DOWN)
                    && e[1].is_ref()
                    && e[1].ref_numbers() == numbers
            })
        });
        if p.queue.len() != before {
            p.save = 0;
        }
    }
    Ok(if info {
        Term::bool(was_active)
    } else {
        Term::TRUE
    })
}

fn alias_1(p: &mut Process, a: &[Term]) -> BifResult {
    let mut mode = AliasMode::Explicit;
    for o in build::list_to_vec(a[0]).ok_or_else(badarg)? {
        mode = match o.as_atom().map(Atom::name) {
            Some("explicit_unalias") => AliasMode::Explicit,
            Some("reply") => AliasMode::ReplyDemonitor,
            _ => return Err(badarg()),
        };
    }
    let r = crate::bifs::erlang::new_ref(p);
    p.aliases.push(Alias {
        reference: r.ref_numbers(),
        mode,
    });
    monitors::add_route(r.ref_numbers(), p.pid);
    Ok(r)
}

fn unalias_1(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_ref() {
        return Err(badarg());
    }
    let numbers = a[0].ref_numbers();
    match p.aliases.iter().position(|x| x.reference == numbers) {
        Some(i) => {
            p.aliases.swap_remove(i);
            monitors::remove_route(numbers);
            Ok(Term::TRUE)
        }
        None => Ok(Term::FALSE),
    }
}

// ---- names ----

fn register_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(badarg)?;
    if name == atom::UNDEFINED || !(a[1].is_local_pid() || a[1].is_local_port()) {
        return Err(badarg());
    }
    if table::register(name, a[1]) {
        Ok(Term::TRUE)
    } else {
        Err(badarg())
    }
}

fn unregister_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(badarg)?;
    if table::unregister(name) {
        Ok(Term::TRUE)
    } else {
        Err(badarg())
    }
}

fn whereis_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(badarg)?;
    Ok(table::whereis(name).unwrap_or(Term::atom(atom::UNDEFINED)))
}

fn registered_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let names: Vec<Term> = table::registered().into_iter().map(Term::atom).collect();
    Ok(build::list(&mut p.heap, &names))
}

// ---- sending ----

/// Resolves a send destination: a pid, an alias, a registered name, or `{Name, Node}` on
/// this node. `Ok(None)` means "drop the message" (`{Name, node()}` with no such name).
fn destination(to: Term) -> Result<Option<Term>, Fault> {
    if to.is_local_pid() || to.is_ref() {
        return Ok(Some(to));
    }
    if let Some(name) = to.as_atom() {
        return table::whereis(name).map(Some).ok_or_else(badarg);
    }
    if let Some(&[name, node]) = to.as_tuple() {
        if let (Some(name), Some(node)) = (name.as_atom(), node.as_atom()) {
            if node == atom::NONODE_NOHOST {
                return Ok(table::whereis(name));
            }
            // No distribution: a message to another node goes nowhere, as to a node that
            // cannot be reached.
            return Ok(None);
        }
    }
    Err(badarg())
}

fn send_2(p: &mut Process, a: &[Term]) -> BifResult {
    if let Some(to) = destination(a[0])? {
        send::send(p, to, a[1]).map_err(Fault::Raise)?;
    }
    Ok(a[1])
}

fn send_3(p: &mut Process, a: &[Term]) -> BifResult {
    let opts = build::list_to_vec(a[2]).ok_or_else(badarg)?;
    if !opts.iter().all(|o| {
        o.as_atom()
            .is_some_and(|x| matches!(x.name(), "noconnect" | "nosuspend"))
    }) {
        return Err(badarg());
    }
    let to_other_node = a[0]
        .as_tuple()
        .is_some_and(|t| matches!(t, [_, node] if *node != Term::atom(atom::NONODE_NOHOST)));
    if let Some(to) = destination(a[0])? {
        send::send(p, to, a[1]).map_err(Fault::Raise)?;
    } else if to_other_node
        && opts
            .iter()
            .any(|o| o.as_atom().is_some_and(|x| x.name() == "noconnect"))
    {
        // Another node is never connected without distribution: with `noconnect` the
        // message is dropped and the caller told so.
        return Ok(atom_of("noconnect"));
    }
    Ok(Term::atom(atom::OK))
}

// ---- the process itself ----

fn is_process_alive_1(p: &mut Process, a: &[Term]) -> BifResult {
    let pid = a[0];
    // Only local processes can be asked about.
    if !pid.is_local_pid() {
        return Err(badarg());
    }
    if pid == p.pid {
        return Ok(Term::TRUE);
    }
    // Ordered after the signals this process sent it before (an `exit/2` that kills it).
    Ok(Term::bool(with_other(pid, |_| ())?.is_some()))
}

fn processes_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let pids = table::processes();
    Ok(build::list(&mut p.heap, &pids))
}

fn priority_arg(v: Term) -> Result<Priority, Fault> {
    v.as_atom()
        .and_then(|a| Priority::from_name(a.name()))
        .ok_or_else(badarg)
}

fn max_heap_term(p: &mut Process) -> Term {
    let pairs = vec![
        (atom_of("error_logger"), Term::bool(p.max_heap_report)),
        (atom_of("kill"), Term::bool(p.max_heap_kill)),
        (atom_of("size"), Term::small(p.max_heap_size as i64)),
    ];
    map::from_pairs(&mut p.heap, pairs)
}

/// Subscriptions to node up/down messages (`process_flag(monitor_nodes, Bool)` and
/// `process_flag({monitor_nodes, Opts}, Bool)`): per process and options, how many times
/// subscribed. Without distribution no node comes or goes, but `global` and `net_kernel`
/// subscribe at boot and the counts are what the flag returns.
fn node_monitors() -> &'static std::sync::Mutex<Vec<(Term, u64, i64)>> {
    static M: std::sync::OnceLock<std::sync::Mutex<Vec<(Term, u64, i64)>>> =
        std::sync::OnceLock::new();
    M.get_or_init(Default::default)
}

fn monitor_nodes(p: &mut Process, opts: Term, on: Term) -> BifResult {
    if !on.is_boolean() {
        return Err(badarg());
    }
    if !opts.is_nil() && !opts.is_map() {
        return Err(badarg());
    }
    let key = enigma_term::hash::phash2(opts) as u64;
    let mut m = node_monitors().lock().unwrap_or_else(|e| e.into_inner());
    let pos = m.iter().position(|(pid, k, _)| *pid == p.pid && *k == key);
    let old = pos.map_or(0, |i| m[i].2);
    match (on == Term::TRUE, pos) {
        (true, Some(i)) => m[i].2 += 1,
        (true, None) => m.push((p.pid, key, 1)),
        (false, Some(i)) => {
            m.swap_remove(i);
        }
        (false, None) => {}
    }
    Ok(Term::small(old))
}

fn process_flag_2(p: &mut Process, a: &[Term]) -> BifResult {
    if let Some(&[k, opts]) = a[0].as_tuple() {
        if k.as_atom().is_some_and(|k| k.name() == "monitor_nodes") {
            return monitor_nodes(p, opts, a[1]);
        }
        return Err(badarg());
    }
    let (flag, v) = (a[0].as_atom().ok_or_else(badarg)?, a[1]);
    match flag.name() {
        "monitor_nodes" => monitor_nodes(p, Term::NIL, v),
        "trap_exit" if v.is_boolean() => {
            let old = Term::bool(p.trap_exit);
            p.trap_exit = v == Term::TRUE;
            Ok(old)
        }
        "priority" => {
            let new = priority_arg(v)?;
            let old = atom_of(p.priority.name());
            p.priority = new;
            if let Some(h) = table::lookup(p.pid) {
                h.set_priority(new);
            }
            Ok(old)
        }
        "min_heap_size" => {
            let n = v.as_small().filter(|&n| n >= 0).ok_or_else(badarg)?;
            let old = p.heap.min_heap_size as i64;
            p.heap.min_heap_size = enigma_heap::sizes::next_heap_size(n as usize);
            Ok(Term::small(old))
        }
        "min_bin_vheap_size" => {
            let n = v.as_small().filter(|&n| n >= 0).ok_or_else(badarg)?;
            let old = p.min_bin_vheap_size as i64;
            p.min_bin_vheap_size = enigma_heap::sizes::next_heap_size(n as usize);
            Ok(Term::small(old))
        }
        "fullsweep_after" => {
            let n = v.as_small().filter(|&n| n >= 0).ok_or_else(badarg)?;
            let old = p.heap.fullsweep_after as i64;
            p.heap.fullsweep_after = n.min(u32::MAX as i64) as u32;
            Ok(Term::small(old))
        }
        "max_heap_size" => {
            let old = max_heap_term(p);
            let mut o = SpawnOpts {
                max_heap_size: p.max_heap_size,
                max_heap_kill: p.max_heap_kill,
                max_heap_report: p.max_heap_report,
                ..SpawnOpts::default()
            };
            super::spawning::max_heap_opt(v, &mut o).ok_or_else(badarg)?;
            p.max_heap_size = o.max_heap_size;
            p.max_heap_kill = o.max_heap_kill;
            p.max_heap_report = o.max_heap_report;
            Ok(old)
        }
        "message_queue_data" => {
            let off = match v.as_atom().map(Atom::name) {
                Some("off_heap") => true,
                Some("on_heap") => false,
                _ => return Err(badarg()),
            };
            let old = atom_of(if p.off_heap_messages {
                "off_heap"
            } else {
                "on_heap"
            });
            p.off_heap_messages = off;
            Ok(old)
        }
        "sensitive" | "save_calls" | "async_dist" if v.is_boolean() || v.is_small() => {
            Ok(if v.is_small() {
                Term::small(0)
            } else {
                Term::FALSE
            })
        }
        "error_handler" => {
            let m = v.as_atom().ok_or_else(badarg)?;
            Ok(Term::atom(std::mem::replace(&mut p.error_handler, m)))
        }
        _ => Err(badarg()),
    }
}

/// `erlang:hibernate(M, F, Args)`: the emulator drops the stack, compacts the heap and
/// waits for a message before calling `M:F(Args...)`.
fn hibernate_3(_p: &mut Process, a: &[Term]) -> BifResult {
    let (Some(module), Some(function)) = (a[0].as_atom(), a[1].as_atom()) else {
        return Err(badarg());
    };
    let args = build::list_to_vec(a[2]).ok_or_else(badarg)?;
    if args.len() > 255 {
        return Err(badarg());
    }
    Err(Fault::Hibernate {
        module,
        function,
        args,
    })
}

/// `erlang:yield/0`: switches the process out; the retry after it returns `true`.
fn yield_0(p: &mut Process, _a: &[Term]) -> BifResult {
    if std::mem::take(&mut p.yielded) {
        return Ok(Term::TRUE);
    }
    p.yielded = true;
    Err(Fault::Yield)
}

/// `erts_internal:group_leader/2,3` (behind `group_leader/2`): a group-leader signal.
pub fn set_group_leader(p: &mut Process, gl: Term, pid: Term) -> Result<Term, Fault> {
    if !gl.is_pid() || !pid.is_pid() {
        return Err(badarg());
    }
    if pid == p.pid {
        p.group_leader = gl;
        return Ok(Term::TRUE);
    }
    if !table::is_alive(pid) {
        return Ok(Term::atom(atom::BADARG));
    }
    signals::send(pid, Signal::GroupLeader { leader: gl });
    Ok(Term::TRUE)
}

/// `erlang:garbage_collect/1`: a full collection of a live process (the caller, or another
/// one while it is switched out; while it runs, the caller yields and tries again), leaving
/// its heap sized to its live data. `false` when the process is not alive.
fn garbage_collect_1(p: &mut Process, a: &[Term]) -> BifResult {
    collect_pid(p, a[0], true)
}

/// [`garbage_collect_1`], major or minor (a minor collection of another process is a full
/// one here).
fn collect_pid(p: &mut Process, pid: Term, major: bool) -> BifResult {
    if !pid.is_pid() {
        return Err(badarg());
    }
    if pid == p.pid {
        return crate::bifs::erts_internal::collect_self(p, major);
    }
    if !pid.is_local_pid() {
        return Ok(Term::FALSE);
    }
    let done = with_other(pid, |q| {
        // Switched out, its live registers are the saved ones.
        let mut saved = std::mem::take(&mut q.saved_x);
        let live = saved.len();
        q.collect_compact(&mut saved, live);
        q.saved_x = saved;
    })?;
    Ok(Term::bool(done.is_some()))
}

/// Whether `pid` is a live process, for the asynchronous form (which collects nothing).
fn is_alive_pid(p: &Process, pid: Term) -> Result<Term, Fault> {
    if !pid.is_pid() {
        return Err(badarg());
    }
    Ok(Term::bool(pid == p.pid || table::is_alive(pid)))
}

fn garbage_collect_2(p: &mut Process, a: &[Term]) -> BifResult {
    let opts = build::list_to_vec(a[1]).ok_or_else(badarg)?;
    let mut is_async = None;
    let mut major = true;
    for o in opts {
        match o.as_tuple() {
            Some(&[k, v]) if k.as_atom().is_some_and(|x| x.name() == "type") => {
                match v.as_atom().map(|x| x.name()) {
                    Some("major") => major = true,
                    Some("minor") => major = false,
                    _ => return Err(badarg()),
                }
            }
            Some(&[k, v]) if k.as_atom().is_some_and(|x| x.name() == "async") => is_async = Some(v),
            _ => return Err(badarg()),
        }
    }
    match is_async {
        Some(req) => {
            // The reply comes as a message through the signal queue, as on BEAM.
            let alive = is_alive_pid(p, a[0])?;
            send::deliver_tuple(p.pid, &[atom_of("garbage_collect"), req, alive]);
            Ok(atom_of("async"))
        }
        None => collect_pid(p, a[0], major),
    }
}

fn bump_reductions_1(p: &mut Process, a: &[Term]) -> BifResult {
    let n = a[0].as_small().filter(|&n| n >= 0).ok_or_else(badarg)?;
    // Taken off the time slice like any BIF's cost, so it may switch the process out.
    p.extra_reds = p.extra_reds.saturating_add(n.min(u32::MAX as i64) as u32);
    Ok(Term::TRUE)
}

pub const BIFS: &[BifEntry] = &[
    bif!("erlang", "hibernate", 3, hibernate_3),
    bif!("erlang", "exit", 2, exit_2),
    bif!("erlang", "link", 1, link_1),
    bif!("erlang", "unlink", 1, unlink_1),
    bif!("erlang", "monitor", 2, monitor_2),
    bif!("erlang", "monitor", 3, monitor_3),
    bif!("erlang", "demonitor", 1, demonitor_1),
    bif!("erlang", "demonitor", 2, demonitor_2),
    bif!("erlang", "alias", 1, alias_1),
    bif!("erlang", "unalias", 1, unalias_1),
    bif!("erlang", "register", 2, register_2),
    bif!("erlang", "unregister", 1, unregister_1),
    bif!("erlang", "whereis", 1, whereis_1),
    bif!("erlang", "registered", 0, registered_0),
    bif!("erlang", "send", 2, send_2),
    bif!("erlang", "send", 3, send_3),
    bif!("erlang", "!", 2, send_2),
    bif!("erlang", "is_process_alive", 1, is_process_alive_1),
    bif!("erlang", "processes", 0, processes_0),
    bif!("erlang", "process_flag", 2, process_flag_2),
    bif!("erlang", "yield", 0, yield_0),
    bif!("erlang", "garbage_collect", 1, garbage_collect_1),
    bif!("erlang", "garbage_collect", 2, garbage_collect_2),
    bif!("erlang", "bump_reductions", 1, bump_reductions_1),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bifs::erlang::process_info::process_info_2;

    fn show(t: Term) -> String {
        let mut s = String::new();
        enigma_term::print::write_term(&mut s, t);
        s
    }

    #[test]
    fn signals_to_self() {
        let mut p = crate::test_util::test_process();
        p.trap_exit = true;
        let me = p.pid;
        assert_eq!(
            exit_2(&mut p, &[me, Term::atom(atom::NORMAL)]).ok(),
            Some(Term::TRUE)
        );
        assert_eq!(p.queue.len(), 1);
        let r = process_info_2(&mut p, &[me, Term::atom(atom::MESSAGE_QUEUE_LEN)])
            .ok()
            .map(show);
        assert_eq!(r.as_deref(), Some("{message_queue_len,1}"));
        let r = process_info_2(&mut p, &[me, Term::atom(atom::REGISTERED_NAME)]).ok();
        assert_eq!(r, Some(Term::NIL));
        assert!(process_info_2(&mut p, &[me, atom_of("no_such_item")]).is_err());
        assert!(exit_2(&mut p, &[me, Term::atom(atom::KILL)]).is_err());
    }
}
