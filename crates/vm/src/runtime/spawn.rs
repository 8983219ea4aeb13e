//! Creating processes: `spawn`, `spawn_link`, `spawn_monitor`, `spawn_opt` all come here.

use std::sync::Arc;

use enigma_heap::copy::{copy_term, size_of};
use enigma_term::{atom, build, Atom, Term};

use super::mailbox::Inbox;
use super::monitors::Monitor;
use super::scheduler;
use super::table::{self, Handle, Priority};
use crate::code;
use crate::emulator::instr::{Mfa, Op};
use crate::emulator::run::NORMAL_EXIT;
use crate::process::Process;

/// What the new process starts with besides its function.
#[derive(Clone, Debug)]
pub struct SpawnOpts {
    /// Link the new process to this one (the parent).
    pub link_to: Option<Term>,
    /// Monitor the new process from this one with this reference.
    pub monitor_by: Option<(Term, [u32; 3])>,
    pub priority: Priority,
    /// `min_heap_size` in words (0: the default).
    pub min_heap_size: usize,
    /// `max_heap_size` in words (0: no limit), and whether to kill and to report.
    pub max_heap_size: usize,
    pub max_heap_kill: bool,
    pub max_heap_report: bool,
    pub off_heap_messages: bool,
    pub fullsweep_after: Option<u32>,
    pub min_bin_vheap_size: Option<usize>,
    /// `run_until` waits for this process.
    pub watched: bool,
    /// `spawn_request`: the success reply to queue before the process can run.
    pub reply: Option<SpawnReply>,
    /// A system process (see `Handle::system`).
    pub system: bool,
    /// Who spawned it, when not the process running on this scheduler (the boot's
    /// system processes, spawned from the main thread on `init`'s behalf).
    pub parent: Option<Term>,
}

/// Where and how to answer a `spawn_request`: `{Tag, Request, ok, Pid}` to `to`.
#[derive(Clone, Copy, Debug)]
pub struct SpawnReply {
    pub to: Term,
    pub tag: Term,
    pub request: Term,
}

impl SpawnReply {
    /// Sends `{Tag, Request, Result, Value}` to the requester.
    pub fn send(&self, result: Term, value: Term) {
        super::send::deliver_tuple(self.to, &[self.tag, self.request, result, value]);
    }
}

impl Default for SpawnOpts {
    fn default() -> Self {
        SpawnOpts {
            link_to: None,
            monitor_by: None,
            priority: Priority::Normal,
            min_heap_size: 0,
            max_heap_size: 0,
            max_heap_kill: true,
            max_heap_report: true,
            off_heap_messages: false,
            fullsweep_after: None,
            min_bin_vheap_size: None,
            watched: false,
            reply: None,
            system: false,
            parent: None,
        }
    }
}

/// Why spawning failed.
#[derive(Debug)]
pub enum SpawnError {
    /// `args` is not a proper list.
    BadArgs,
}

/// Spawns `module:function(args...)` with `group_leader`; `args` is a list on some heap and
/// is copied. The module is loaded on first call, as any call would.
pub fn spawn(
    module: Atom,
    function: Atom,
    args: Term,
    group_leader: Term,
    opts: &SpawnOpts,
) -> Result<Term, SpawnError> {
    let argv = build::list_to_vec(args).ok_or(SpawnError::BadArgs)?;
    let id = table::next_id();
    let pid = Term::pid(id);
    let inbox = Arc::new(Inbox::default());
    let mfa = Mfa {
        module,
        function,
        arity: argv.len() as u32,
    };
    let mut p = Box::new(Process::new(pid, inbox.clone(), group_leader, mfa));
    p.priority = opts.priority;
    p.parent = opts
        .parent
        .or_else(scheduler::running_pid)
        .unwrap_or(Term::NIL);
    p.max_heap_size = opts.max_heap_size;
    p.max_heap_kill = opts.max_heap_kill;
    p.max_heap_report = opts.max_heap_report;
    p.off_heap_messages = opts.off_heap_messages;
    if opts.min_heap_size > p.heap.young_size() {
        p.heap = enigma_heap::ProcessHeap::new(opts.min_heap_size);
    }
    if let Some(n) = opts.fullsweep_after {
        p.heap.fullsweep_after = n;
    }
    if let Some(n) = opts.min_bin_vheap_size {
        p.min_bin_vheap_size = n;
    }
    let words: usize = argv.iter().map(|a| size_of(*a)).sum();
    if words > p.heap.free_words() {
        let mut none = NoRoots;
        enigma_heap::collect(&mut p.heap, words, &mut none, false);
    }
    for a in &argv {
        let c = copy_term(*a, &mut p.heap);
        p.saved_x.push(c);
    }
    p.stack.push(Term::cp(NORMAL_EXIT.as_ptr() as usize));
    let export = code::export_entry(module, function, argv.len() as u32);
    let _ = code::load::ensure_loaded(module);
    p.pc = match export.code_address() {
        0 => UNDEF_ENTRY.as_ptr(),
        a => a as *const Op,
    };
    if export.code_address() == 0 {
        // Report `undef` from the process itself, as BEAM does (with the call's MFA).
        p.saved_x.clear();
        let copies: Vec<Term> = argv.iter().map(|a| copy_term(*a, &mut p.heap)).collect();
        let arg_list = build::list(&mut p.heap, &copies);
        let mfa_t = build::tuple(
            &mut p.heap,
            &[Term::atom(module), Term::atom(function), arg_list],
        );
        p.saved_x.push(mfa_t);
    }
    if let Some(parent) = opts.link_to {
        p.links.push(parent);
    }
    if let Some((watcher, reference)) = opts.monitor_by {
        p.monitors.push(Monitor {
            reference,
            other: watcher,
            watching: false,
            name: None,
        });
    }
    let mut h = Handle::new(pid, inbox, p, opts.priority);
    h.system = opts.system;
    let h = Arc::new(h);
    table::insert(h.clone());
    if opts.watched {
        scheduler::watch(pid);
    }
    if let Some(r) = opts.reply {
        // Before the process can run: the reply comes ahead of anything it sends.
        r.send(Term::atom(atom::OK), pid);
    }
    scheduler::make_runnable(&h);
    Ok(pid)
}

struct NoRoots;
impl enigma_heap::Roots for NoRoots {
    fn for_each_root(&mut self, _visit: &mut dyn FnMut(&mut [Term])) {}
}

/// Entry of a process whose initial function does not exist: raises `undef`.
static UNDEF_ENTRY: [Op; 1] = [Op::Unimplemented("undef")];
