//! Ports: the runtime entities beside processes through which Erlang code talks to the
//! outside world (child processes, file descriptors, the terminal, sockets).
//!
//! A port has an identifier (`#Port<0.N>`), a connected process (its owner, which gets
//! its messages), links and monitors, and a driver that does its I/O (`crate::drivers`).
//! Every operation on a port — a command, a control call, a close, a link, an exit
//! signal, input from the I/O poller — runs under the port's lock, on whichever thread
//! asked (a scheduler thread running a BIF, the poller thread, a driver's reader thread).
//! Operations from one process therefore act in the order sent, as on BEAM, and nothing
//! waits: drivers never block (output that cannot be written at once is queued and the
//! port is marked busy past its high-water mark; blocking reads run on threads of their
//! own).
//!
//! What a port sends its owner is built on a scratch heap and delivered as a message whose
//! sender is the port.

use std::collections::{BTreeMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use enigma_term::{atom, build, Atom, Term, VecAlloc};

use super::mailbox::{ExitKind, Signal};
use super::{monitors, send, signals};

/// What a driver reports when an operation fails: the reason atom (`badarg`, `einval`, an
/// errno name...).
#[derive(Debug, Clone, Copy)]
pub struct DriverError(pub &'static str);

impl DriverError {
    /// The error of an operation the driver does not support (`badarg` to the caller).
    pub const BADARG: DriverError = DriverError("badarg");

    /// The reason for an OS error.
    pub fn from_io(e: &std::io::Error) -> DriverError {
        DriverError(errno_name(e.raw_os_error().unwrap_or(0)))
    }
}

/// The errno name BEAM uses as a reason (`erl_errno_id`).
pub fn errno_name(code: i32) -> &'static str {
    match code {
        1 => "eperm",
        2 => "enoent",
        3 => "esrch",
        4 => "eintr",
        5 => "eio",
        6 => "enxio",
        7 => "e2big",
        8 => "enoexec",
        9 => "ebadf",
        10 => "echild",
        11 => "eagain",
        12 => "enomem",
        13 => "eacces",
        14 => "efault",
        16 => "ebusy",
        17 => "eexist",
        18 => "exdev",
        19 => "enodev",
        20 => "enotdir",
        21 => "eisdir",
        22 => "einval",
        23 => "enfile",
        24 => "emfile",
        25 => "enotty",
        26 => "etxtbsy",
        27 => "efbig",
        28 => "enospc",
        29 => "espipe",
        30 => "erofs",
        31 => "emlink",
        32 => "epipe",
        36 => "enametoolong",
        38 => "enosys",
        39 => "enotempty",
        40 => "eloop",
        95 => "eopnotsupp",
        98 => "eaddrinuse",
        99 => "eaddrnotavail",
        104 => "econnreset",
        110 => "etimedout",
        111 => "econnrefused",
        _ => "unknown",
    }
}

/// How a port passes data to its owner and frames what it reads and writes.
#[derive(Clone, Copy, Debug, Default)]
pub struct IoMode {
    /// `binary`: data as binaries, else as byte lists.
    pub binary: bool,
    /// `{packet, N}`: a big-endian N-byte length before each packet (0: a stream).
    pub packet: u8,
    /// `{line, L}`: input split at newlines, lines longer than L in pieces.
    pub line: Option<usize>,
    /// `eof`: end of input is a message, and the port stays open.
    pub soft_eof: bool,
    /// `exit_status`: the child's exit status is a message.
    pub exit_status: bool,
    /// The default high-water mark of the output queue (`busy_limits_port`), in bytes.
    pub high_watermark: usize,
    pub low_watermark: usize,
}

/// The I/O an operation on a port's driver may do to the port: deliver input to the owner,
/// end the port, mark it busy. A driver gets one for each call.
pub struct Ctx<'a> {
    port: Term,
    st: &'a mut PortState,
}

impl Ctx<'_> {
    /// The port's identifier term.
    pub fn port(&self) -> Term {
        self.port
    }

    /// The port's number.
    pub fn id(&self) -> u64 {
        self.port.as_local_port().unwrap_or(0)
    }

    pub fn mode(&self) -> IoMode {
        self.st.mode
    }

    /// Input read by the driver: framed as the port's options say and sent to the owner.
    pub fn input(&mut self, bytes: &[u8]) {
        self.st.input_bytes += bytes.len() as u64;
        let mode = self.st.mode;
        if mode.packet > 0 {
            self.st.inbuf.extend_from_slice(bytes);
            let n = mode.packet as usize;
            loop {
                if self.st.inbuf.len() < n {
                    break;
                }
                let len = self.st.inbuf[..n]
                    .iter()
                    .fold(0usize, |acc, b| (acc << 8) | *b as usize);
                if self.st.inbuf.len() < n + len {
                    break;
                }
                let packet: Vec<u8> = self.st.inbuf.drain(..n + len).skip(n).collect();
                self.send_data(&packet);
            }
        } else if let Some(max) = mode.line {
            self.st.inbuf.extend_from_slice(bytes);
            loop {
                match self.st.inbuf.iter().position(|&b| b == b'\n') {
                    Some(i) if i <= max => {
                        let mut line: Vec<u8> = self.st.inbuf.drain(..=i).collect();
                        line.pop();
                        if line.last() == Some(&b'\r') && cfg!(windows) {
                            line.pop();
                        }
                        self.send_line(true, &line);
                    }
                    _ if self.st.inbuf.len() > max => {
                        let chunk: Vec<u8> = self.st.inbuf.drain(..max).collect();
                        self.send_line(false, &chunk);
                    }
                    _ => break,
                }
            }
        } else if !bytes.is_empty() {
            self.send_data(bytes);
        }
    }

    fn data_term(&self, h: &mut VecAlloc, bytes: &[u8]) -> Term {
        if self.st.mode.binary {
            build::binary(h, bytes)
        } else {
            let items: Vec<Term> = bytes.iter().map(|&b| Term::small(b as i64)).collect();
            build::list(h, &items)
        }
    }

    fn send_data(&mut self, bytes: &[u8]) {
        let mut h = VecAlloc::new();
        let d = self.data_term(&mut h, bytes);
        self.send_tagged(&mut h, "data", d);
    }

    fn send_line(&mut self, eol: bool, bytes: &[u8]) {
        let mut h = VecAlloc::new();
        let d = self.data_term(&mut h, bytes);
        let tag = atom_term(if eol { "eol" } else { "noeol" });
        let inner = build::tuple(&mut h, &[tag, d]);
        self.send_tagged(&mut h, "data", inner);
    }

    /// Sends `{Port, {Tag, Value}}` to the owner.
    pub fn send_tagged(&mut self, h: &mut VecAlloc, tag: &str, value: Term) {
        let inner = build::tuple(h, &[atom_term(tag), value]);
        let msg = build::tuple(h, &[self.port, inner]);
        send::deliver(self.st.owner, msg);
    }

    /// Sends `{Port, Term}` to the owner (built by `f` on a scratch heap).
    pub fn send_term(&mut self, f: impl FnOnce(&mut VecAlloc) -> Term) {
        let mut h = VecAlloc::new();
        let t = f(&mut h);
        let msg = build::tuple(&mut h, &[self.port, t]);
        send::deliver(self.st.owner, msg);
    }

    /// End of input: with `eof`, `{Port, eof}` and the port stays open; otherwise it
    /// closes normally. A partial line left over is delivered first.
    pub fn eof(&mut self) {
        if let Some(max) = self.st.mode.line {
            if !self.st.inbuf.is_empty() {
                let rest: Vec<u8> = std::mem::take(&mut self.st.inbuf);
                for chunk in rest.chunks(max.max(1)) {
                    self.send_line(false, chunk);
                }
            }
        }
        if self.st.mode.soft_eof {
            let port = self.port;
            // The scratch heap must outlive the message until it is copied out.
            let mut h = VecAlloc::new();
            let msg = build::tuple(&mut h, &[port, Term::atom(atom::EOF)]);
            send::deliver(self.st.owner, msg);
        } else {
            self.close(Term::atom(atom::NORMAL));
        }
    }

    /// `{Port, {exit_status, Status}}`.
    pub fn exit_status(&mut self, status: i32) {
        let mut h = VecAlloc::new();
        self.send_tagged(&mut h, "exit_status", Term::small(status as i64));
    }

    /// Ends the port with `reason` once the running operation returns.
    pub fn close(&mut self, reason: Term) {
        if self.st.closing.is_none() {
            self.st.closing = Some(reason);
        }
    }

    /// Ends the port with the OS error `e` as reason.
    pub fn fail(&mut self, e: DriverError) {
        self.close(atom_term(e.0));
    }

    /// Marks the port busy (senders without `force` wait) or not.
    pub fn set_busy(&mut self, busy: bool) {
        self.st.busy = busy;
    }

    /// Whether the port is marked busy.
    pub fn is_busy(&self) -> bool {
        self.st.busy
    }

    /// Counts bytes written.
    pub fn count_output(&mut self, n: usize) {
        self.st.output_bytes += n as u64;
    }

    /// Whether the port is about to close.
    pub fn closing(&self) -> bool {
        self.st.closing.is_some()
    }
}

/// A driver: the code behind a port (one per kind, named as BEAM names them).
pub trait Driver: Send {
    /// The port now exists (it may get events): register with the poller, start threads.
    fn started(&mut self, _cx: &mut Ctx) {}

    /// Data sent to the port (`port_command`, `{command, Data}`), as one flat buffer.
    fn output(&mut self, cx: &mut Ctx, data: &[u8]) -> Result<(), DriverError>;

    /// `port_control(Port, Op, Data)`: the reply bytes.
    fn control(&mut self, _cx: &mut Ctx, _op: u32, _data: &[u8]) -> Result<Vec<u8>, DriverError> {
        Err(DriverError::BADARG)
    }

    /// `port_call(Port, Op, Data)` with `Data` in the external term format: the reply, also
    /// in the external term format.
    fn call(&mut self, _cx: &mut Ctx, _op: u32, _data: &[u8]) -> Result<Vec<u8>, DriverError> {
        Err(DriverError::BADARG)
    }

    /// The I/O poller reports `token` (a slot the driver registered) ready.
    fn ready(&mut self, _cx: &mut Ctx, _slot: usize, _readable: bool, _writable: bool) {}

    /// Input that a driver's own reader thread read (`None`: end of input, `Err`: error).
    fn thread_input(&mut self, cx: &mut Ctx, data: Result<Option<Vec<u8>>, std::io::Error>) {
        match data {
            Ok(Some(bytes)) => cx.input(&bytes),
            Ok(None) => cx.eof(),
            Err(e) => cx.fail(DriverError::from_io(&e)),
        }
    }

    /// The port closes: release what the driver holds (the port is gone afterwards).
    fn stop(&mut self, _cx: &mut Ctx) {}

    /// Whether `port_command(P, D, [force])` may push data through while the port is busy
    /// (BEAM's `ERL_DRV_FLAG_SOFT_BUSY`: the socket drivers); for others `force` is
    /// `notsup`.
    fn soft_busy(&self) -> bool {
        false
    }

    /// Bytes queued for output and not yet written (for busy ports and `halt`'s flush).
    fn queued(&self) -> usize {
        0
    }

    /// Waits (at most `deadline`) until queued output is written, when the VM halts.
    fn flush(&mut self, _deadline: std::time::Instant) {}

    /// The OS process behind the port (`port_info(P, os_pid)`).
    fn os_pid(&self) -> Option<u32> {
        None
    }
}

/// A monitor on a port, as the port keeps it.
struct PortMonitor {
    reference: [u32; 3],
    watcher: Term,
    /// The monitor named the port by this registered name.
    name: Option<Atom>,
}

/// A port's state under its lock.
pub struct PortState {
    owner: Term,
    links: Vec<Term>,
    monitors: Vec<PortMonitor>,
    mode: IoMode,
    /// Partial input (a packet or line not yet complete).
    inbuf: Vec<u8>,
    input_bytes: u64,
    output_bytes: u64,
    busy: bool,
    /// Processes waiting for the port to stop being busy.
    waiters: Vec<Term>,
    /// Set by a driver operation that ends the port; acted on when it returns.
    closing: Option<Term>,
    /// `port_set_data/2`'s term, kept in a scratch heap of its own.
    data: Option<(Term, VecAlloc)>,
}

/// A port.
pub struct Port {
    pub id: u64,
    /// The name `port_info(P, name)` gives: the command or the driver.
    pub name: String,
    /// Set once the port has closed (operations then fail as on a dead port).
    closed: std::sync::atomic::AtomicBool,
    state: Mutex<PortState>,
    /// The driver, outside `state` so a callback can lock neither twice.
    driver: Mutex<Option<Box<dyn Driver>>>,
}

struct Table {
    ports: RwLock<BTreeMap<u64, Arc<Port>>>,
    next_id: AtomicU64,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table {
        ports: RwLock::new(BTreeMap::new()),
        // BEAM's first ports (the boot's own) are numbered from 0 too.
        next_id: AtomicU64::new(0),
    })
}

fn atom_term(name: &str) -> Term {
    Atom::intern(name)
        .map(Term::atom)
        .unwrap_or(Term::atom(atom::BADARG))
}

/// The port with this identifier term, if open.
pub fn lookup(port: Term) -> Option<Arc<Port>> {
    let id = port.as_local_port()?;
    let p = table()
        .ports
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&id)
        .cloned()?;
    (!p.closed.load(Ordering::Acquire)).then_some(p)
}

/// Whether `port` is open.
pub fn is_open(port: Term) -> bool {
    lookup(port).is_some()
}

/// Whether any port is open (its I/O may still wake a waiting process, so the VM is not
/// deadlocked while one is).
pub fn any_open() -> bool {
    !table()
        .ports
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .is_empty()
}

/// Every open port, in creation order (`erlang:ports/0`).
pub fn all() -> Vec<Term> {
    table()
        .ports
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .values()
        .filter(|p| !p.closed.load(Ordering::Acquire))
        .map(|p| Term::port(p.id))
        .collect()
}

/// Reserves the identifier of a port about to open.
pub fn next_id() -> u64 {
    table().next_id.fetch_add(1, Ordering::Relaxed)
}

/// Opens a port with identifier `id` (from [`next_id`]) run by `driver`, connected to and
/// linked with `owner`.
pub fn open(id: u64, name: String, owner: Term, mode: IoMode, driver: Box<dyn Driver>) -> Term {
    let port = Arc::new(Port {
        id,
        name,
        closed: std::sync::atomic::AtomicBool::new(false),
        state: Mutex::new(PortState {
            owner,
            links: vec![owner],
            monitors: Vec::new(),
            mode,
            inbuf: Vec::new(),
            input_bytes: 0,
            output_bytes: 0,
            busy: false,
            waiters: Vec::new(),
            closing: None,
            data: None,
        }),
        driver: Mutex::new(Some(driver)),
    });
    table()
        .ports
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(id, port.clone());
    port.with_driver(|d, cx| d.started(cx));
    Term::port(id)
}

impl Port {
    fn lock(&self) -> std::sync::MutexGuard<'_, PortState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn term(&self) -> Term {
        Term::port(self.id)
    }

    /// Runs `f` on the driver with a context, then finishes a close the driver asked for.
    /// `None` if the port has closed.
    pub fn with_driver<R>(&self, f: impl FnOnce(&mut dyn Driver, &mut Ctx) -> R) -> Option<R> {
        let mut dslot = self.driver.lock().unwrap_or_else(|e| e.into_inner());
        let driver = dslot.as_mut()?;
        let mut st = self.lock();
        let port = self.term();
        let mut cx = Ctx { port, st: &mut st };
        let r = f(driver.as_mut(), &mut cx);
        let reason = st.closing.take();
        // Busy cleared: wake the senders that waited.
        if !st.busy && !st.waiters.is_empty() {
            for w in std::mem::take(&mut st.waiters) {
                signals::send(w, Signal::Wake);
            }
        }
        if let Some(reason) = reason {
            self.finish_close(&mut dslot, st, reason);
        }
        Some(r)
    }

    /// Closes the port with `reason`: the driver stops, linked processes get an exit
    /// signal, monitors a `'DOWN'`.
    fn finish_close(
        &self,
        dslot: &mut Option<Box<dyn Driver>>,
        mut st: std::sync::MutexGuard<'_, PortState>,
        reason: Term,
    ) {
        if self.closed.swap(true, Ordering::AcqRel) {
            return;
        }
        if let Some(mut d) = dslot.take() {
            let port = self.term();
            let mut cx = Ctx { port, st: &mut st };
            d.stop(&mut cx);
        }
        let links = std::mem::take(&mut st.links);
        let mons = std::mem::take(&mut st.monitors);
        let waiters = std::mem::take(&mut st.waiters);
        drop(st);
        table()
            .ports
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.id);
        super::table::unregister_port(self.term());
        let port = self.term();
        for l in links {
            signals::send_exit(l, port, reason, ExitKind::Link);
        }
        for m in mons {
            send_port_down(m.watcher, m.reference, m.name, port, reason);
        }
        for w in waiters {
            signals::send(w, Signal::Wake);
        }
    }

    /// Closes the port from outside a driver call.
    pub fn close(&self, reason: Term) {
        let mut dslot = self.driver.lock().unwrap_or_else(|e| e.into_inner());
        let st = self.lock();
        self.finish_close(&mut dslot, st, reason);
    }

    /// The connected process.
    pub fn owner(&self) -> Term {
        self.lock().owner
    }

    /// Sends data to the port on behalf of `from`, as `how` says to treat a busy port.
    pub fn command(&self, from: Term, data: &[u8], how: SendMode) -> Command {
        if how == SendMode::Force {
            let soft = self
                .driver
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .as_ref()
                .is_some_and(|d| d.soft_busy());
            if !soft {
                return Command::NotSupported;
            }
        }
        {
            let mut st = self.lock();
            if st.busy {
                match how {
                    SendMode::NoSuspend => return Command::Busy,
                    SendMode::Suspend => {
                        if !st.waiters.contains(&from) {
                            st.waiters.push(from);
                        }
                        return Command::Wait;
                    }
                    SendMode::Force | SendMode::Queue => {}
                }
            }
        }
        match self.with_driver(|d, cx| {
            let r = d.output(cx, data);
            if let Err(e) = r {
                cx.fail(e);
            }
        }) {
            Some(()) => Command::Done,
            None => Command::Closed,
        }
    }

    /// `port_connect`: a new connected process.
    pub fn connect(&self, pid: Term) {
        let mut st = self.lock();
        st.owner = pid;
        if !st.links.contains(&pid) {
            st.links.push(pid);
        }
    }

    /// Adds a link to `pid` (the port side).
    pub fn link(&self, pid: Term) {
        let mut st = self.lock();
        if !st.links.contains(&pid) {
            st.links.push(pid);
        }
    }

    pub fn unlink(&self, pid: Term) {
        self.lock().links.retain(|l| *l != pid);
    }

    /// Adds a monitor held by `watcher`.
    pub fn monitor(&self, watcher: Term, reference: [u32; 3], name: Option<Atom>) {
        self.lock().monitors.push(PortMonitor {
            reference,
            watcher,
            name,
        });
    }

    pub fn demonitor(&self, watcher: Term, reference: [u32; 3]) {
        self.lock()
            .monitors
            .retain(|m| m.reference != reference || m.watcher != watcher);
    }

    /// An exit signal from `from` with `reason`: a port dies of any reason but `normal`
    /// (from its owner, even of `normal`), as BEAM's ports do.
    pub fn exit_signal(&self, from: Term, reason: Term, kind: ExitKind) {
        let owner;
        {
            let mut st = self.lock();
            if kind == ExitKind::Link {
                if !st.links.contains(&from) {
                    return;
                }
                st.links.retain(|l| *l != from);
            }
            owner = st.owner;
        }
        let normal = reason == Term::atom(atom::NORMAL);
        if normal && from != owner {
            return;
        }
        let reason = if reason == Term::atom(atom::KILL) && kind == ExitKind::Exit2 {
            Term::atom(atom::KILLED)
        } else {
            reason
        };
        self.close(reason);
    }

    /// `port_info(P, Item)` values kept by the runtime.
    pub fn info(&self) -> PortInfo {
        let st = self.lock();
        let os_pid = self
            .driver
            .try_lock()
            .ok()
            .and_then(|d| d.as_ref().and_then(|d| d.os_pid()));
        let queue = self
            .driver
            .try_lock()
            .ok()
            .and_then(|d| d.as_ref().map(|d| d.queued()))
            .unwrap_or(0);
        PortInfo {
            owner: st.owner,
            links: st.links.clone(),
            monitored_by: st.monitors.iter().map(|m| m.watcher).collect(),
            input: st.input_bytes,
            output: st.output_bytes,
            os_pid,
            queue_size: queue,
            busy: st.busy,
        }
    }

    /// `port_set_data/2`.
    pub fn set_data(&self, t: Term) {
        let mut h = VecAlloc::new();
        let c = enigma_heap::copy::copy_term(t, &mut h);
        self.lock().data = Some((c, h));
    }

    /// `port_get_data/1`, copied onto `heap`.
    pub fn get_data(&self, heap: &mut dyn enigma_term::TermAlloc) -> Term {
        match &self.lock().data {
            Some((t, _)) => enigma_heap::copy::copy_term(*t, heap),
            None => Term::atom(atom::UNDEFINED),
        }
    }
}

/// What the runtime knows of a port for `port_info`.
pub struct PortInfo {
    pub owner: Term,
    pub links: Vec<Term>,
    pub monitored_by: Vec<Term>,
    pub input: u64,
    pub output: u64,
    pub os_pid: Option<u32>,
    pub queue_size: usize,
    pub busy: bool,
}

/// What a send does when the port is busy.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SendMode {
    /// `port_command/2`: the sender waits until the port drains.
    Suspend,
    /// `nosuspend`: the send fails (`false`).
    NoSuspend,
    /// `force`: the data goes through (drivers that allow it).
    Force,
    /// A message `Port ! {Pid, {command, Data}}`: queued, whatever the port's state.
    Queue,
}

/// The result of sending a port data.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Done,
    /// Busy, and the sender asked not to wait.
    Busy,
    /// Busy: the sender waits for a `Wake` signal and tries again.
    Wait,
    Closed,
    /// `force` to a driver that cannot take data while busy.
    NotSupported,
}

/// `{'DOWN', Ref, port, Object, Reason}` to `watcher`.
fn send_port_down(
    watcher: Term,
    reference: [u32; 3],
    name: Option<Atom>,
    port: Term,
    reason: Term,
) {
    let mut heap = VecAlloc::new();
    let r = build::reference(&mut heap, reference);
    let obj = monitors::down_object(&mut heap, name, port);
    let msg = build::tuple(
        &mut heap,
        &[
            Term::atom(atom::DOWN),
            r,
            Term::atom(atom::PORT),
            obj,
            reason,
        ],
    );
    let (term, fragment) = send::to_fragment(msg);
    signals::send(
        watcher,
        Signal::Down {
            reference,
            term,
            fragment,
        },
    );
}

/// A signal from a process to a port (routed here by `signals::send`).
pub fn signal(to: Term, s: Signal) {
    let Some(port) = lookup(to) else {
        bounce(to, s);
        return;
    };
    match s {
        Signal::Exit {
            from, reason, kind, ..
        } => port.exit_signal(from, reason, kind),
        Signal::Link { from } => port.link(from),
        Signal::Unlink { from } => port.unlink(from),
        Signal::Monitor {
            from,
            reference,
            name,
        } => port.monitor(from, reference, name),
        Signal::Demonitor { from, reference } => port.demonitor(from, reference),
        _ => {}
    }
}

/// Answers a signal to a port that has closed, as a dead process would.
fn bounce(dead: Term, s: Signal) {
    match s {
        Signal::Link { from } => signals::send(
            from,
            Signal::Exit {
                from: dead,
                reason: Term::atom(atom::NOPROC),
                fragment: None,
                kind: ExitKind::Link,
            },
        ),
        Signal::Monitor {
            from,
            reference,
            name,
        } => send_port_down(from, reference, name, dead, Term::atom(atom::NOPROC)),
        _ => {}
    }
}

/// A message sent to a port with `!`: `{Pid, {command, Data}}`, `{Pid, close}`,
/// `{Pid, {connect, NewPid}}` from its owner. Anything else, or from another process,
/// kills the port with `badsig`, as on BEAM.
pub fn message(to: Term, sender: Term, msg: Term) {
    let Some(port) = lookup(to) else {
        return;
    };
    let bad = || port.close(atom_term("badsig"));
    let Some(&[from, what]) = msg.as_tuple() else {
        return bad();
    };
    if !from.is_pid() || from != port.owner() {
        return bad();
    }
    if what.as_atom().is_some_and(|a| a.name() == "close") {
        port.close(Term::atom(atom::NORMAL));
        let mut h = VecAlloc::new();
        let reply = build::tuple(&mut h, &[to, atom_term("closed")]);
        send::deliver(from, reply);
        return;
    }
    let Some(&[tag, value]) = what.as_tuple() else {
        return bad();
    };
    match tag.as_atom().map(|a| a.name()) {
        Some("command") => match iodata_bytes(value) {
            Some(bytes) => {
                // A message to a port is queued whether or not the port is busy.
                let _ = port.command(sender, &bytes, SendMode::Queue);
            }
            None => bad(),
        },
        Some("connect") if value.is_local_pid() => {
            port.connect(value);
            let mut h = VecAlloc::new();
            let reply = build::tuple(&mut h, &[to, atom_term("connected")]);
            send::deliver(from, reply);
        }
        _ => bad(),
    }
}

/// The bytes of iodata (a binary, or a possibly deep list of bytes and binaries).
pub fn iodata_bytes(t: Term) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut stack: VecDeque<Term> = VecDeque::new();
    stack.push_back(t);
    while let Some(t) = stack.pop_back() {
        if let Some(b) = t.binary_bytes() {
            if !t.is_binary() {
                return None;
            }
            out.extend_from_slice(&b);
        } else if let Some((h, tl)) = t.as_cons() {
            stack.push_back(tl);
            if let Some(c) = h.as_small() {
                out.push(u8::try_from(c).ok()?);
            } else {
                stack.push_back(h);
            }
        } else if !t.is_nil() {
            return None;
        }
    }
    Some(out)
}

/// A process exits: the ports it owns close with its reason (through the link, which
/// `exit.rs` sends as an exit signal); nothing else to do here.
/// When the VM halts: give each port's driver a moment to write what it queued.
pub fn flush_all(deadline: std::time::Instant) {
    let ports: Vec<Arc<Port>> = table()
        .ports
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .values()
        .cloned()
        .collect();
    for p in ports {
        let mut d = p.driver.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(d) = d.as_mut() {
            d.flush(deadline);
        }
    }
}
