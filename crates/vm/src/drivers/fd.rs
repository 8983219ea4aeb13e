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
    bytes: Mutex<usize>,
    drained: Condvar,
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
        bytes: Mutex::new(0),
        drained: Condvar::new(),
    });
    let p2 = pending.clone();
    std::thread::Builder::new()
        .name(format!("enigma-fd{fd}-writer"))
        .spawn(move || {
            for chunk in rx {
                let _ = out.write_all(&chunk);
                let _ = out.flush();
                let mut n = p2.bytes.lock().unwrap_or_else(|e| e.into_inner());
                *n = n.saturating_sub(chunk.len());
                if *n == 0 {
                    p2.drained.notify_all();
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
    let mut n = w.pending.bytes.lock().unwrap_or_else(|e| e.into_inner());
    while *n > 0 {
        let now = std::time::Instant::now();
        if now >= deadline {
            return;
        }
        n = w
            .pending
            .drained
            .wait_timeout(n, deadline - now)
            .map(|(g, _)| g)
            .unwrap_or_else(|e| e.into_inner().0);
    }
}

/// Waits until what ports queued for standard output is written: the VM's own writes to
/// standard output (`erlang:display/1`) come after it, as on BEAM.
pub fn sync_stdout() {
    drain(
        1,
        std::time::Instant::now() + std::time::Duration::from_secs(5),
    );
}

/// The port that reads standard input now, and what was read while none did.
struct StdinState {
    port: Option<u64>,
    started: bool,
    held: Vec<Result<Option<Vec<u8>>, std::io::ErrorKind>>,
}

fn stdin_state() -> &'static Mutex<StdinState> {
    static S: OnceLock<Mutex<StdinState>> = OnceLock::new();
    S.get_or_init(|| {
        Mutex::new(StdinState {
            port: None,
            started: false,
            held: Vec::new(),
        })
    })
}

/// Delivers what the stdin reader read to the current port (or holds it).
fn stdin_deliver(item: Result<Option<Vec<u8>>, std::io::ErrorKind>) {
    let port = {
        let mut st = stdin_state().lock().unwrap_or_else(|e| e.into_inner());
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

/// Makes port `id` the reader of standard input (starting the reader thread once).
pub fn subscribe_stdin(id: u64) {
    let held = {
        let mut st = stdin_state().lock().unwrap_or_else(|e| e.into_inner());
        st.port = Some(id);
        if !st.started {
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
        std::mem::take(&mut st.held)
    };
    for item in held {
        stdin_deliver(item);
    }
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
        if read && input != 0 {
            // Only standard input is read so far; other descriptors come with their users.
            crate::report_unimplemented(&format!("reading from fd {input} in an fd port"));
            return Err(DriverError("einval"));
        }
        Ok(Fd {
            input: read.then_some(input),
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
    }

    fn output(&mut self, cx: &mut Ctx, data: &[u8]) -> Result<(), DriverError> {
        let framed = super::spawn::frame(cx.mode().packet, data)?;
        let Some(w) = &self.output else {
            return Err(DriverError("badarg"));
        };
        cx.count_output(framed.len());
        *w.pending.bytes.lock().unwrap_or_else(|e| e.into_inner()) += framed.len();
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
            .map(|w| *w.pending.bytes.lock().unwrap_or_else(|e| e.into_inner()))
            .unwrap_or(0)
    }

    fn flush(&mut self, deadline: std::time::Instant) {
        drain(self.out_fd, deadline);
    }
}
