//! A process: its heap, its Erlang stack, its message queue and dictionary, and the state
//! the emulator saves when the process is not running.
//!
//! The x registers belong to the scheduler that runs the process (as in BEAM); when the
//! process is switched out, only the live ones are saved here. The Erlang stack is a `Vec`
//! in process memory, never the Rust stack. As in OTP 24 and later, a call pushes its return
//! address (a continuation pointer word) and `allocate` pushes only the y registers, so a
//! frame is `[CP, y(N-1), ..., y(0)]` growing upwards and `y(i)` is `stack[len - 1 - i]`.

use std::collections::VecDeque;
use std::sync::Arc;

use enigma_heap::{Fragment, ProcessHeap, Roots};
use enigma_term::{Term, TermAlloc};

use crate::emulator::instr::{Mfa, Op};
use crate::runtime::mailbox::Inbox;

/// Number of x registers, as in BEAM.
pub const X_REGS: usize = 1024;
/// Number of float registers.
pub const F_REGS: usize = 1024;

/// Where a process stands with its scheduler.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Runnable,
    Waiting,
    Exiting,
}

/// A message in the private queue: its term lives on the process heap or in a fragment the
/// heap has adopted, so the queue is a GC root like any other.
/// How many receive markers a process keeps bound (BEAM keeps a small fixed block too);
/// binding one more forgets the oldest, whose receive then scans from the queue's start.
pub const RECV_MARKERS: usize = 8;

pub struct Process {
    /// This process's pid term.
    pub pid: Term,
    pub heap: ProcessHeap,
    pub stack: Vec<Term>,
    /// Where the process continues when scheduled in.
    pub pc: *const Op,
    /// Live x registers saved while switched out.
    pub saved_x: Vec<Term>,
    /// The private message queue and the receive position in it.
    pub queue: VecDeque<Term>,
    pub save: usize,
    /// Receive markers bound to references (`recv_marker_bind`): the reference's numbers
    /// and how many messages were queued before it was made. A receive for a message that
    /// holds the reference starts scanning there. A few at most, the newest last; kept
    /// true as messages are removed (`message_removed`).
    pub recv_markers: Vec<([u32; 3], usize)>,
    /// The signal inbox other processes send to.
    pub inbox: Arc<Inbox>,
    /// A spare buffer the inbox's signals are swapped into when handled.
    pub signal_buffer: Vec<crate::runtime::mailbox::Signal>,
    /// The process dictionary.
    pub dict: crate::pdict::ProcessDict,
    pub group_leader: Term,
    pub initial_call: Mfa,
    /// The process that spawned this one (`[]` for the first, as BEAM's crash dump shows).
    pub parent: Term,
    /// The last exception's raw stack trace (for `build_stacktrace`/`raise`), a heap term.
    pub last_trace: Term,
    /// Active catch/try frames (a count, to skip stack scans when there are none).
    pub catches: u32,
    pub trap_exit: bool,
    pub reductions: u64,
    /// `reductions` when the current time slice began.
    pub slice_start_reductions: u64,
    /// Reductions a running BIF charges for its work (scanning a long list, say) on top
    /// of what its allocation costs; the emulator takes them off the time slice.
    pub extra_reds: u32,
    /// Reductions of the current time slice not yet added to `reductions`, as of the last
    /// BIF call (so that `process_info(self(), reductions)` is current).
    pub slice_reds: u32,
    pub status: Status,
    /// The timer of the receive the process waits in, if any (see `runtime::timers`).
    pub timer: Option<u64>,
    pub timed_out: bool,
    /// A `receive ... after` has armed its timeout (finite or `infinity`).
    pub timer_armed: bool,
    /// Pids linked to this process.
    pub links: Vec<Term>,
    /// Monitors this process holds on others and others hold on it.
    pub monitors: Vec<crate::runtime::monitors::Monitor>,
    /// The reason this process exits with once it has stopped running.
    pub exit_reason: Term,
    pub priority: crate::runtime::table::Priority,
    /// `max_heap_size` in words (0: none), and what exceeding it does.
    pub max_heap_size: usize,
    pub max_heap_kill: bool,
    pub max_heap_report: bool,
    /// `min_bin_vheap_size` in words (reported; binaries are not yet collected by it).
    pub min_bin_vheap_size: usize,
    /// `message_queue_data`: `off_heap` when true.
    pub off_heap_messages: bool,
    /// A collection left the heap above `max_heap_size` with `kill` set: the emulator ends
    /// the process with `killed` at its next allocation.
    pub over_max_heap: bool,
    /// `erlang:yield/0` has switched the process out once and returns on the retry.
    pub yielded: bool,
    /// Active aliases: references that messages may be sent to.
    pub aliases: Vec<crate::runtime::monitors::Alias>,
    /// Suspensions this process holds or is held by (`None` until it takes part in one).
    pub suspension: Option<Box<crate::runtime::suspend::Suspension>>,
    /// The module whose `undefined_function/3` handles calls to code that is not loaded
    /// (`process_flag(error_handler, M)`).
    pub error_handler: enigma_term::Atom,
    /// Suspended by a busy port until it drains (`process_info` says `suspended`).
    pub waiting_on_port: bool,
    /// Switched out by `erlang:hibernate/3` and not run since: until it wakes, BEAM shows
    /// `erlang:hibernate/3` as its current function (with an empty stack trace) and it
    /// waits, though its program counter already stands at the function it will resume in.
    pub hibernated: bool,
    /// What a native function run on the dirty I/O pool returned, for the call
    /// instruction to use when the process runs again.
    pub dirty_result: Option<crate::emulator::exception::BifResult>,
    /// Collections requested by other processes, done before the process runs again:
    /// `(requester, task, request id, the fragment holding the id)`.
    pub pending_tasks: Vec<(
        Term,
        crate::runtime::mailbox::SystemTask,
        Term,
        Option<enigma_heap::Fragment>,
    )>,
    /// The binary that OTP 24-style construction instructions (`bs_init2`, `bs_append`,
    /// then `bs_put_*`) are filling: its heap binary or refc handle, `[]` when none. Not a
    /// root: compiled code has no collection point between those steps (BEAM keeps a raw
    /// pointer on the same assumption), so every collection forgets it, and a finished
    /// binary is not kept alive by it. A put after a collection finds no target and fails.
    pub bs_target: Term,
    /// The bit position in `bs_target` where the next `bs_put_*` writes.
    pub bs_pos: usize,
    /// Where a `garbage_collect/0,1` of this process by itself stands (see
    /// `bifs::erts_internal::garbage_collect_1`).
    pub gc_request: GcRequest,
}

/// An explicit collection a process asked of itself. Native code cannot collect, so the
/// BIF asks the emulator: it returns `Fault::Yield` with the request `Pending`, the
/// emulator's call arm collects (the call's arguments are the only live registers) and
/// runs the call again, which finds the request `Done` and returns.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum GcRequest {
    #[default]
    None,
    /// Asked for; `true` for a full collection (`minor` asks for an ordinary one).
    Pending(bool),
    Done,
}

/// Units of BIF work (list elements looked at, heap words built, bytes encoded) per
/// reduction: a BIF over a million-element list costs about 60,000 reductions, some 15 time
/// slices, as BEAM's trapping BIFs roughly do, so a loop of such calls is switched out as
/// often as a loop of function calls.
pub const WORK_PER_REDUCTION: usize = 16;

// SAFETY: a process is run by one scheduler thread at a time; its raw code pointers point
// into leaked, immutable module code that every thread may read.
unsafe impl Send for Process {}

impl Process {
    /// Charges the running BIF `units` of work: one reduction per [`WORK_PER_REDUCTION`].
    #[inline]
    pub fn charge_work(&mut self, units: usize) {
        let reds = (units / WORK_PER_REDUCTION).min(u32::MAX as usize) as u32;
        self.extra_reds = self.extra_reds.saturating_add(reds);
    }

    /// Reductions so far, including the running slice's.
    pub fn reductions_now(&self) -> u64 {
        self.reductions + u64::from(self.slice_reds)
    }

    pub fn new(pid: Term, inbox: Arc<Inbox>, group_leader: Term, initial_call: Mfa) -> Process {
        Process {
            pid,
            heap: ProcessHeap::default(),
            stack: Vec::new(),
            pc: core::ptr::null(),
            saved_x: Vec::new(),
            queue: VecDeque::new(),
            save: 0,
            recv_markers: Vec::new(),
            inbox,
            signal_buffer: Vec::new(),
            dict: Default::default(),
            group_leader,
            initial_call,
            parent: Term::NIL,
            last_trace: Term::NIL,
            catches: 0,
            trap_exit: false,
            reductions: 0,
            slice_start_reductions: 0,
            extra_reds: 0,
            slice_reds: 0,
            status: Status::Runnable,
            timer: None,
            timed_out: false,
            timer_armed: false,
            links: Vec::new(),
            monitors: Vec::new(),
            exit_reason: Term::NIL,
            priority: crate::runtime::table::Priority::Normal,
            max_heap_size: 0,
            max_heap_kill: true,
            max_heap_report: true,
            off_heap_messages: false,
            min_bin_vheap_size: 46_422,
            over_max_heap: false,
            yielded: false,
            aliases: Vec::new(),
            suspension: None,
            error_handler: enigma_term::atom::ERROR_HANDLER,
            waiting_on_port: false,
            hibernated: false,
            dirty_result: None,
            pending_tasks: Vec::new(),
            bs_target: Term::NIL,
            bs_pos: 0,
            gc_request: GcRequest::None,
        }
    }

    /// Adds a delivered message to the private queue, adopting its fragment.
    /// Keeps the receive markers true after the message at `index` left the queue: those
    /// past it move down by one.
    pub fn message_removed(&mut self, index: usize) {
        for (_, pos) in &mut self.recv_markers {
            if *pos > index {
                *pos -= 1;
            }
        }
    }

    pub fn accept_message(&mut self, term: Term, fragment: Option<Fragment>) {
        if let Some(f) = fragment {
            self.heap.attach_fragment(f);
        }
        self.queue.push_back(term);
    }

    /// Runs a collection with `live` x registers as roots, leaving `need` free words.
    ///
    /// The young heap is also sized to hold as many free words as the stack has entries.
    /// Every minor collection scans the whole stack; in BEAM the stack lives in the heap
    /// block, so a deep stack makes the heap (and the interval between collections) large
    /// too. Without this, deep recursion that allocates on the way back up would rescan a
    /// million-entry stack every few thousand words: quadratic.
    pub fn collect(&mut self, xregs: &mut [Term], live: usize, need: usize, major: bool) {
        let live = live.min(xregs.len());
        self.bs_target = Term::NIL;
        let need = need.max(self.stack.len());
        let mut roots = ProcRoots {
            x: &mut xregs[..live],
            stack: &mut self.stack,
            queue: &mut self.queue,
            dict: &mut self.dict,
            extra: [
                &mut self.last_trace,
                &mut self.exit_reason,
                &mut self.group_leader,
            ],
        };
        enigma_heap::collect(&mut self.heap, need, &mut roots, major);
        if self.max_heap_size > 0 {
            self.check_max_heap();
        }
        if crate::gc_verify_enabled() {
            let mut roots = ProcRoots {
                x: &mut xregs[..live],
                stack: &mut self.stack,
                queue: &mut self.queue,
                dict: &mut self.dict,
                extra: [
                    &mut self.last_trace,
                    &mut self.exit_reason,
                    &mut self.group_leader,
                ],
            };
            let outside = |a: usize| {
                crate::code::is_literal_address(a)
                    || crate::bifs::persistent_term::is_persistent_address(a)
            };
            if let Err(e) = enigma_heap::verify::verify(&self.heap, &mut roots, &outside) {
                eprintln!("enigma: heap verification failed after GC: {e}");
                std::process::abort();
            }
        }
    }

    /// A full collection that also drops the busy floor, so that the young heap ends sized
    /// by the live data (`erlang:garbage_collect/0,1`: a heap that held a large term that is
    /// now garbage shrinks back, as on BEAM).
    pub fn collect_compact(&mut self, xregs: &mut [Term], live: usize) {
        self.heap.forget_busy_floor();
        self.collect(xregs, live, 0, true);
    }

    /// After a collection: reports (and marks for killing) a process whose heap and stack
    /// together are larger than its `max_heap_size`, as BEAM does (whose stack lives in
    /// the heap block, so both count there).
    fn check_max_heap(&mut self) {
        let total = self.heap.total_size() + self.stack.len();
        if total <= self.max_heap_size || self.over_max_heap {
            return;
        }
        if self.max_heap_report {
            self.report_max_heap(total);
        }
        if self.max_heap_kill {
            self.over_max_heap = true;
        }
    }

    /// BEAM's report on a process over its `max_heap_size`: to the system logger with its
    /// format and arguments (so it prints as erl prints it), or on stderr with no logger.
    fn report_max_heap(&self, total: usize) {
        const FORMAT: &str = "     Process:            ~p ~n     Context:            maximum heap size reached~n     Max Heap Size:      ~p~n     Total Heap Size:    ~p~n     Kill:               ~p~n     Error Logger:       ~p~n     Message Queue Len:  ~p~n     GC Info:            ~p~n";
        let mut h = enigma_term::VecAlloc::new();
        let gc_info = crate::bifs::erlang::process_info::gc_info(&mut h, self);
        let args = [
            self.pid,
            enigma_term::integer::from_u64(&mut h, self.max_heap_size as u64),
            enigma_term::integer::from_u64(&mut h, total as u64),
            Term::bool(self.max_heap_kill),
            Term::TRUE,
            Term::small(self.queue.len() as i64),
            gc_info,
        ];
        if crate::runtime::logger::send_error(self.pid, self.group_leader, FORMAT, &args) {
            return;
        }
        let mut text = String::new();
        enigma_term::print::write_term(&mut text, gc_info);
        let id = self.pid.as_local_pid().unwrap_or(0);
        eprintln!(
            "=ERROR REPORT====\n     Process:            <0.{}.{}> \n     Context:            maximum heap size reached\n     Max Heap Size:      {}\n     Total Heap Size:    {}\n     Kill:               {}\n     Error Logger:       true\n     Message Queue Len:  {}\n     GC Info:            {}\n",
            id & 0xFFF_FFFF,
            id >> 28,
            self.max_heap_size,
            total,
            self.max_heap_kill,
            self.queue.len(),
            text,
        );
    }

    /// Words of memory this process uses (for `process_info(memory)`-style reports).
    pub fn memory_words(&self) -> usize {
        self.heap.total_size() + self.stack.capacity() + self.queue.capacity() + 64
    }

    /// Allocation for native code: the heap (overflowing into fragments).
    pub fn alloc(&mut self) -> &mut dyn TermAlloc {
        &mut self.heap
    }
}

struct ProcRoots<'a> {
    x: &'a mut [Term],
    stack: &'a mut Vec<Term>,
    queue: &'a mut VecDeque<Term>,
    dict: &'a mut crate::pdict::ProcessDict,
    extra: [&'a mut Term; 3],
}

impl Roots for ProcRoots<'_> {
    fn for_each_root(&mut self, visit: &mut dyn FnMut(&mut [Term])) {
        visit(self.x);
        visit(self.stack);
        let (a, b) = self.queue.as_mut_slices();
        visit(a);
        visit(b);
        self.dict.for_each_term(visit);
        for t in self.extra.iter_mut() {
            visit(core::slice::from_mut(*t));
        }
    }
}
