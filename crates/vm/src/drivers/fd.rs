//! The `fd` driver: `{fd, In, Out}`, a port on descriptors the VM already has (`user` on
//! 0 and 1, `standard_error` on 2). The descriptors belong to whoever started the VM (a
//! shell, a pipe), so they are never made non-blocking: reads run on a thread of their
//! own, and writes on a writer thread per descriptor, so no scheduler thread ever waits on
//! them. The driver never closes them.
//!
//! Standard input has one reader for the whole VM: whichever port reads descriptor 0 now
//! gets what it reads (a port opened again on it, after the first closed, carries on).

use std::io::{Read, Write};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, OnceLock};

use crate::runtime::ports::{self, Ctx, Driver, DriverError};

/// Queued output of one descriptor: the bytes not yet written.
struct Pending {
    state: Mutex<PendingState>,
    drained: Condvar,
}

#[derive(Default)]
struct PendingState {
    /// Bytes queued and not yet written.
    bytes: usize,
    /// A port to call back (`Driver::ready` on `slot`, writable) once fewer than
    /// `below` bytes are queued: `tty_sl` acknowledges a synchronous write that way.
    watch: Option<DrainWatch>,
}

#[derive(Clone, Copy)]
struct DrainWatch {
    port: u64,
    slot: usize,
    below: usize,
}

/// A writer thread for one descriptor.
struct Writer {
    tx: mpsc::Sender<Vec<u8>>,
    pending: Arc<Pending>,
}

/// The writer thread of each descriptor written so far.
type Writers = Mutex<Vec<(i32, Arc<Writer>)>>;

fn writers() -> &'static Writers {
    static W: OnceLock<Writers> = OnceLock::new();
    W.get_or_init(Default::default)
}

/// The writer thread of descriptor `fd` (1, 2, or another open descriptor).
fn writer(fd: i32) -> Option<Arc<Writer>> {
    let mut ws = writers().lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, w)) = ws.iter().find(|(f, _)| *f == fd) {
        return Some(w.clone());
    }
    let mut out: Box<dyn Write + Send> = match fd {
        1 => Box::new(std::io::stdout()),
        2 => Box::new(std::io::stderr()),
        _ => Box::new(
            std::fs::OpenOptions::new()
                .write(true)
                .open(format!("/proc/self/fd/{fd}"))
                .ok()?,
        ),
    };
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    let pending = Arc::new(Pending {
        state: Mutex::new(PendingState::default()),
        drained: Condvar::new(),
    });
    let p2 = pending.clone();
    std::thread::Builder::new()
        .name(format!("enigma-fd{fd}-writer"))
        .spawn(move || {
            for chunk in rx {
                let _ = out.write_all(&chunk);
                let _ = out.flush();
                let fire = {
                    let mut st = p2.state.lock().unwrap_or_else(|e| e.into_inner());
                    st.bytes = st.bytes.saturating_sub(chunk.len());
                    if st.bytes == 0 {
                        p2.drained.notify_all();
                    }
                    match st.watch {
                        Some(w) if st.bytes < w.below => st.watch.take(),
                        _ => None,
                    }
                };
                // Outside the lock: the driver's callback may queue more output.
                if let Some(w) = fire {
                    if let Some(port) = ports::lookup(enigma_term::Term::port(w.port)) {
                        port.with_driver(|d, cx| d.ready(cx, w.slot, false, true));
                    }
                }
            }
        })
        .ok()?;
    let w = Arc::new(Writer { tx, pending });
    ws.push((fd, w.clone()));
    Some(w)
}

/// Waits (until `deadline`) for everything queued on descriptor `fd` to be written.
pub fn drain(fd: i32, deadline: std::time::Instant) {
    let w = {
        let ws = writers().lock().unwrap_or_else(|e| e.into_inner());
        ws.iter().find(|(f, _)| *f == fd).map(|(_, w)| w.clone())
    };
    let Some(w) = w else {
        return;
    };
    let mut st = w.pending.state.lock().unwrap_or_else(|e| e.into_inner());
    while st.bytes > 0 {
        let now = std::time::Instant::now();
        if now >= deadline {
            return;
        }
        st = w
            .pending
            .drained
            .wait_timeout(st, deadline - now)
            .map(|(g, _)| g)
            .unwrap_or_else(|e| e.into_inner().0);
    }
}

/// Queues `bytes` for descriptor `fd` (written in order by its writer thread, never
/// blocking the caller); returns how many bytes are queued now.
pub fn queue_output(fd: i32, bytes: Vec<u8>) -> Result<usize, DriverError> {
    let w = writer(fd).ok_or(DriverError("ebadf"))?;
    let queued = {
        let mut st = w.pending.state.lock().unwrap_or_else(|e| e.into_inner());
        st.bytes += bytes.len();
        st.bytes
    };
    w.tx.send(bytes).map_err(|_| DriverError("epipe"))?;
    Ok(queued)
}

/// Asks for `Driver::ready(slot, writable)` on port `port` once fewer than `below` bytes
/// are queued for `fd`. `false` (and no call) if that is already so.
pub fn notify_when_below(fd: i32, below: usize, port: u64, slot: usize) -> bool {
    let Some(w) = writer(fd) else {
        return false;
    };
    // Checked and registered under the lock the writer thread counts under, so a drain
    // in between cannot be missed.
    let mut st = w.pending.state.lock().unwrap_or_else(|e| e.into_inner());
    if st.bytes < below {
        return false;
    }
    st.watch = Some(DrainWatch { port, slot, below });
    true
}

/// Waits until what ports queued for standard error is written (`erlang:display_string`).
pub fn sync_stderr() {
    drain(
        2,
        std::time::Instant::now() + std::time::Duration::from_secs(5),
    );
}

/// Waits until what ports queued for standard output is written: the VM's own writes to
/// standard output (`erlang:display/1`) come after it, as on BEAM.
pub fn sync_stdout() {
    drain(
        1,
        std::time::Instant::now() + std::time::Duration::from_secs(5),
    );
}

/// What the standard input reader read: bytes, end of input (`None`) or an error.
pub type StdinItem = Result<Option<Vec<u8>>, std::io::ErrorKind>;

/// The port that reads standard input now, and what was read while none did.
struct StdinState {
    port: Option<u64>,
    started: bool,
    /// The reader has seen end of input or an error (it has stopped).
    ended: bool,
    held: Vec<StdinItem>,
    /// While set, input goes here rather than to the port: the BREAK menu reads its
    /// choice from the terminal while the VM stands still.
    tap: Option<mpsc::Sender<StdinItem>>,
}

fn stdin_state() -> &'static Mutex<StdinState> {
    static S: OnceLock<Mutex<StdinState>> = OnceLock::new();
    S.get_or_init(|| {
        Mutex::new(StdinState {
            port: None,
            started: false,
            ended: false,
            held: Vec::new(),
            tap: None,
        })
    })
}

/// Delivers what the stdin reader read to the tap, the current port, or holds it.
fn stdin_deliver(item: StdinItem) {
    let port = {
        let mut st = stdin_state().lock().unwrap_or_else(|e| e.into_inner());
        if !matches!(item, Ok(Some(_))) {
            st.ended = true;
        }
        if let Some(tap) = &st.tap {
            if tap.send(item.clone()).is_ok() {
                return;
            }
            st.tap = None;
        }
        match st.port {
            Some(p) => p,
            None => {
                st.held.push(item);
                return;
            }
        }
    };
    let Some(p) = ports::lookup(enigma_term::Term::port(port)) else {
        let mut st = stdin_state().lock().unwrap_or_else(|e| e.into_inner());
        st.held.push(item);
        return;
    };
    p.with_driver(|d, cx| d.thread_input(cx, item.map_err(std::io::Error::from)));
}

/// Starts the reader thread of standard input (once; the caller holds the state lock).
fn start_reader(st: &mut StdinState) {
    if st.started {
        return;
    }
    st.started = true;
    let _ = std::thread::Builder::new()
        .name("enigma-stdin".into())
        .spawn(|| {
            let mut buf = vec![0u8; 64 * 1024];
            let mut stdin = std::io::stdin();
            loop {
                match stdin.read(&mut buf) {
                    Ok(0) => {
                        stdin_deliver(Ok(None));
                        return;
                    }
                    Ok(n) => stdin_deliver(Ok(Some(buf[..n].to_vec()))),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        stdin_deliver(Err(e.kind()));
                        return;
                    }
                }
            }
        });
}

/// Makes port `id` the reader of standard input (starting the reader thread once).
pub fn subscribe_stdin(id: u64) {
    let held = {
        let mut st = stdin_state().lock().unwrap_or_else(|e| e.into_inner());
        st.port = Some(id);
        start_reader(&mut st);
        std::mem::take(&mut st.held)
    };
    for item in held {
        stdin_deliver(item);
    }
}

/// Sends what standard input reads to `tx` instead of the port, until [`untap_stdin`]
/// (the BREAK menu). If input has already ended, `tx` gets that at once.
pub fn tap_stdin(tx: mpsc::Sender<StdinItem>) {
    let mut st = stdin_state().lock().unwrap_or_else(|e| e.into_inner());
    if st.ended {
        let _ = tx.send(Ok(None));
    }
    st.tap = Some(tx);
    start_reader(&mut st);
}

/// Input goes to the port again.
pub fn untap_stdin() {
    stdin_state().lock().unwrap_or_else(|e| e.into_inner()).tap = None;
}

/// Stops delivering standard input to port `id`.
pub fn unsubscribe_stdin(id: u64) {
    let mut st = stdin_state().lock().unwrap_or_else(|e| e.into_inner());
    if st.port == Some(id) {
        st.port = None;
    }
}

pub struct Fd {
    input: Option<i32>,
    /// Another input descriptor than 0, opened anew (through `/proc/self/fd`, which
    /// needs no `unsafe` to adopt a raw descriptor) and read by a thread of this port's.
    other_input: Option<std::fs::File>,
    output: Option<Arc<Writer>>,
    out_fd: i32,
}

impl Fd {
    /// A port on descriptors `input` (read when `read`) and `output` (written when `write`).
    pub fn open(input: i32, output: i32, read: bool, write: bool) -> Result<Fd, DriverError> {
        let output_writer = if write {
            Some(writer(output).ok_or(DriverError("ebadf"))?)
        } else {
            None
        };
        let other_input = if read && input != 0 {
            Some(
                std::fs::File::open(format!("/proc/self/fd/{input}"))
                    .map_err(|e| DriverError::from_io(&e))?,
            )
        } else {
            None
        };
        Ok(Fd {
            input: read.then_some(input),
            other_input,
            output: output_writer,
            out_fd: output,
        })
    }
}

impl Driver for Fd {
    fn started(&mut self, cx: &mut Ctx) {
        if self.input == Some(0) {
            subscribe_stdin(cx.id());
        }
        if let Some(mut file) = self.other_input.take() {
            // Reads until end of input; what arrives after the port closed is dropped.
            let port = cx.port();
            let _ = std::thread::Builder::new()
                .name("enigma-fd-reader".into())
                .spawn(move || {
                    let mut buf = vec![0u8; 64 * 1024];
                    loop {
                        let item = match file.read(&mut buf) {
                            Ok(0) => Ok(None),
                            Ok(n) => Ok(Some(buf[..n].to_vec())),
                            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                            Err(e) => Err(e),
                        };
                        let done = !matches!(item, Ok(Some(_)));
                        match ports::lookup(port) {
                            Some(p) => {
                                p.with_driver(|d, cx| d.thread_input(cx, item));
                            }
                            None => return,
                        }
                        if done {
                            return;
                        }
                    }
                });
        }
    }

    fn output(&mut self, cx: &mut Ctx, data: &[u8]) -> Result<(), DriverError> {
        let framed = super::spawn::frame(cx.mode().packet, data)?;
        let Some(w) = &self.output else {
            return Err(DriverError("badarg"));
        };
        cx.count_output(framed.len());
        w.pending
            .state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .bytes += framed.len();
        w.tx.send(framed).map_err(|_| DriverError("epipe"))
    }

    fn control(&mut self, _cx: &mut Ctx, op: u32, _data: &[u8]) -> Result<Vec<u8>, DriverError> {
        // The window size of the output terminal, as two native 32-bit integers
        // (`io:columns/0` under `-noshell`): op 100 above tty_sl's magic number, as BEAM.
        if op == super::CONTROL_MAGIC + 100 {
            let size = match self.out_fd {
                1 => rustix::termios::tcgetwinsize(std::io::stdout()),
                2 => rustix::termios::tcgetwinsize(std::io::stderr()),
                _ => Err(rustix::io::Errno::NOTTY),
            };
            return match size {
                Ok(ws) if ws.ws_col > 0 => {
                    let mut v = Vec::with_capacity(8);
                    v.extend_from_slice(&u32::from(ws.ws_col).to_ne_bytes());
                    v.extend_from_slice(&u32::from(ws.ws_row).to_ne_bytes());
                    Ok(v)
                }
                _ => Err(DriverError::BADARG),
            };
        }
        Err(DriverError::BADARG)
    }

    fn stop(&mut self, cx: &mut Ctx) {
        if self.input == Some(0) {
            unsubscribe_stdin(cx.id());
        }
    }

    fn queued(&self) -> usize {
        self.output
            .as_ref()
            .map(|w| {
                w.pending
                    .state
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .bytes
            })
            .unwrap_or(0)
    }

    fn flush(&mut self, deadline: std::time::Instant) {
        drain(self.out_fd, deadline);
    }
}
