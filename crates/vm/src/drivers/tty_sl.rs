//! The `tty_sl` driver: the terminal under the interactive shell. `user_drv` opens it as
//! `{spawn, "tty_sl -c -e"}` and speaks BEAM's protocol to it:
//!
//! - commands (`port_command`), a first byte and its data: `0` put characters (UTF-8),
//!   `1` move the cursor by a signed 16-bit count of characters, `2` insert characters,
//!   `3` delete a signed 16-bit count of characters, `4` beep, `5` put characters and
//!   answer `{Port, ok}` once they are on their way (held back while more than
//!   [`SYNC_LIMIT`] bytes wait to be written, which is `user_drv`'s flow control);
//! - `port_control` codes (above `CONTROL_MAGIC`): `100` the window size (columns and
//!   rows as two native 32-bit integers), `101` whether the terminal takes UTF-8, `102`
//!   set that (the reply is the old setting);
//! - input: `{Port, {data, Bytes}}` with the keys typed, as UTF-8 (a terminal found not to
//!   send UTF-8 is read as Latin-1 and converted).
//!
//! Opening fails unless standard input and output are both terminals and `$TERM` names a
//! terminal that can move its cursor: `user_drv` then starts the plain line-at-a-time
//! `user` instead, as on BEAM (`erl < file`, `echo ... | erl`, `TERM=dumb`).
//!
//! While open, the terminal is in the mode the flags ask (`-c`: no line mode, `-e`: no
//! echo; signals stay on, so Ctrl-C still reaches the BREAK menu); the previous mode is
//! put back when the port closes and, through `runtime::terminal`, when the VM ends.
//! Keys come from the VM's one standard input reader (`fd::subscribe_stdin`); output goes
//! through the writer thread of descriptor 1, so that it stays in order with everything
//! else written there and no scheduler ever waits on the terminal.
//!
//! The line editing itself is Erlang's (`group`, `edlin`): this driver only keeps the
//! screen in step with the line, in `tty_sl/line.rs`.

mod line;
pub mod terminfo;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;

use enigma_term::{atom, Term};
use rustix::termios::{
    self, InputModes, LocalModes, OptionalActions, OutputModes, SpecialCodeIndex, Termios,
};

use super::fd;
use crate::runtime::ports::{Ctx, Driver, DriverError};
use crate::runtime::terminal;
use line::Line;

/// A synchronous put is acknowledged at once while fewer bytes than this wait to be
/// written, else when the queue has drained below it (BEAM's `TTY_BUFFSIZE`).
const SYNC_LIMIT: usize = 1024;

/// The window size reported when the terminal does not say (BEAM's defaults).
const DEFAULT_COLS: u32 = 80;
const DEFAULT_ROWS: u32 = 24;

/// The poller-style slot on which the writer thread reports the queue drained.
const DRAINED_SLOT: usize = 0;

const OP_PUTC: u8 = 0;
const OP_MOVE: u8 = 1;
const OP_INSC: u8 = 2;
const OP_DELC: u8 = 3;
const OP_BEEP: u8 = 4;
const OP_PUTC_SYNC: u8 = 5;

const CTRL_GET_WINSIZE: u32 = 100;
const CTRL_GET_UNICODE_STATE: u32 = 101;
const CTRL_SET_UNICODE_STATE: u32 = 102;

/// The port number of the open `tty_sl` port, plus one (0: none; there is one terminal,
/// so one such port at a time, as on BEAM).
static ACTIVE: AtomicU64 = AtomicU64::new(0);
/// The window changed size (SIGWINCH): the width is read again before the next use.
static RESIZED: AtomicBool = AtomicBool::new(false);
/// The mode the driver set, for SIGCONT (a shell's job control may have changed it).
static RAW_MODE: Mutex<Option<Termios>> = Mutex::new(None);

/// SIGWINCH: the width is looked up again before the next edit.
pub fn window_changed() {
    RESIZED.store(true, Ordering::SeqCst);
}

/// SIGCONT: the VM was stopped and continued (Ctrl-Z, `fg`); the shell that resumed it
/// may have put the terminal back in line mode, so the driver's mode is set again.
pub fn continued() {
    if ACTIVE.load(Ordering::SeqCst) == 0 {
        return;
    }
    let mode = RAW_MODE.lock().unwrap_or_else(|e| e.into_inner()).clone();
    if let Some(t) = mode {
        let _g = terminal::mode_lock();
        let _ = termios::tcsetattr(std::io::stdin(), OptionalActions::Now, &t);
    }
}

/// Whether a `tty_sl` port is open (the BREAK menu's input and output then go to the
/// terminal it holds).
pub fn is_open() -> bool {
    ACTIVE.load(Ordering::SeqCst) != 0
}

fn window_size() -> Option<(u32, u32)> {
    let ws = termios::tcgetwinsize(std::io::stdin()).ok()?;
    let w = if ws.ws_col == 0 {
        DEFAULT_COLS
    } else {
        u32::from(ws.ws_col)
    };
    let h = if ws.ws_row == 0 {
        DEFAULT_ROWS
    } else {
        u32::from(ws.ws_row)
    };
    Some((w, h))
}

/// Whether the locale says the terminal takes UTF-8: the first of `LC_ALL`, `LC_CTYPE`
/// and `LANG` that is set names a UTF-8 character set (BEAM asks `setlocale` and
/// `nl_langinfo(CODESET)`; a C or POSIX locale is not UTF-8).
fn locale_is_utf8() -> bool {
    for var in ["LC_ALL", "LC_CTYPE", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if !v.is_empty() {
                let v = v.to_ascii_lowercase();
                return v.contains("utf-8") || v.contains("utf8");
            }
        }
    }
    false
}

/// The terminal mode for the flags: `c` line mode, `e` echo, `s` signals; each +1 (on),
/// -1 (off) or 0 (left as it is).
fn mode_for(from: &Termios, canon: i8, echo: i8, sig: i8) -> Termios {
    let mut t = from.clone();
    t.input_modes.remove(InputModes::ISTRIP);
    if canon > 0 {
        t.input_modes.insert(InputModes::ICRNL);
        t.local_modes.insert(LocalModes::ICANON);
        t.output_modes.insert(OutputModes::OPOST);
    } else if canon < 0 {
        t.input_modes.remove(InputModes::ICRNL);
        t.local_modes.remove(LocalModes::ICANON);
        t.output_modes.remove(OutputModes::OPOST);
        // One key at a time, as soon as it is typed.
        t.special_codes[SpecialCodeIndex::VMIN] = 1;
        t.special_codes[SpecialCodeIndex::VTIME] = 0;
    }
    if echo > 0 {
        t.local_modes.insert(LocalModes::ECHO);
    } else if echo < 0 {
        t.local_modes.remove(LocalModes::ECHO);
    }
    let sig_in = InputModes::BRKINT
        | InputModes::IGNPAR
        | InputModes::ICRNL
        | InputModes::IXON
        | InputModes::IXANY;
    if sig > 0 {
        t.input_modes.insert(sig_in);
        t.local_modes.insert(LocalModes::ISIG | LocalModes::IEXTEN);
    } else if sig < 0 {
        t.input_modes.remove(sig_in);
        t.local_modes.remove(LocalModes::ISIG | LocalModes::IEXTEN);
    }
    t
}

pub struct TtySl {
    line: Line,
    /// The start of a UTF-8 character cut off at the end of the last read.
    partial: Vec<u8>,
    /// The mode found at open, put back at close.
    saved: Termios,
    /// A synchronous put waits for the output queue to drain before its `ok`.
    ack_pending: bool,
}

impl TtySl {
    /// Starts the driver for `tty_sl ARGS` (`-c -e` from `user_drv`).
    pub fn open(args: &str) -> Result<TtySl, DriverError> {
        let fail = DriverError("einval");
        if ACTIVE.load(Ordering::SeqCst) != 0 {
            return Err(fail);
        }
        if !termios::isatty(std::io::stdin()) || !termios::isatty(std::io::stdout()) {
            return Err(fail);
        }
        let (mut canon, mut echo, mut sig) = (0i8, 0i8, 0i8);
        for word in args.split(' ').filter(|w| !w.is_empty()) {
            let flag = match word.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => {
                    // A terminal device to use instead of standard input and output.
                    crate::report_unimplemented("tty_sl on a named terminal device");
                    return Err(fail);
                }
            };
            match word.as_bytes().get(1) {
                Some(b'c') => canon = flag,
                Some(b'e') => echo = flag,
                Some(b's') => sig = flag,
                _ => {}
            }
        }
        let caps = std::env::var("TERM")
            .ok()
            .and_then(|t| terminfo::load(&t))
            .ok_or(fail)?;
        let saved = termios::tcgetattr(std::io::stdin()).map_err(|_| fail)?;
        let raw = mode_for(&saved, canon, echo, sig);
        {
            let _g = terminal::mode_lock();
            termios::tcsetattr(std::io::stdin(), OptionalActions::Now, &raw).map_err(|_| fail)?;
        }
        *RAW_MODE.lock().unwrap_or_else(|e| e.into_inner()) = Some(raw);
        let cols = window_size()
            .map(|(w, _)| w as usize)
            .or(caps.cols)
            .unwrap_or(DEFAULT_COLS as usize);
        RESIZED.store(false, Ordering::SeqCst);
        Ok(TtySl {
            line: Line::new(caps, cols, locale_is_utf8()),
            partial: Vec::new(),
            saved,
            ack_pending: false,
        })
    }

    fn send_ok(cx: &mut Ctx) {
        cx.send_term(|_| Term::atom(atom::OK));
    }

    /// Queues what the line produced for the terminal; returns the bytes now waiting.
    fn flush_line(&mut self, cx: &mut Ctx) -> Result<usize, DriverError> {
        let out = std::mem::take(&mut self.line.out);
        cx.count_output(out.len());
        if out.is_empty() {
            return Ok(0);
        }
        fd::queue_output(1, out)
    }
}

fn get_i16(data: &[u8]) -> i32 {
    match data {
        [hi, lo, ..] => i16::from_be_bytes([*hi, *lo]) as i32,
        _ => 0,
    }
}

impl Driver for TtySl {
    fn started(&mut self, cx: &mut Ctx) {
        ACTIVE.store(cx.id() + 1, Ordering::SeqCst);
        fd::subscribe_stdin(cx.id());
    }

    fn output(&mut self, cx: &mut Ctx, data: &[u8]) -> Result<(), DriverError> {
        let Some((&op, rest)) = data.split_first() else {
            return Ok(());
        };
        if RESIZED.swap(false, Ordering::SeqCst) {
            if let Some((w, _)) = window_size() {
                self.line.cols = w as usize;
            }
        }
        self.line.begin();
        match op {
            OP_PUTC | OP_PUTC_SYNC => self.line.put_chars(rest),
            OP_MOVE => self.line.move_rel(get_i16(rest)),
            OP_INSC => self.line.ins_chars(rest),
            OP_DELC => self.line.del_chars(get_i16(rest)),
            OP_BEEP => self.line.beep(),
            // Unknown operations are ignored, as by BEAM.
            _ => {}
        }
        let queued = self.flush_line(cx)?;
        if op == OP_PUTC_SYNC {
            if queued > SYNC_LIMIT && fd::notify_when_below(1, SYNC_LIMIT, cx.id(), DRAINED_SLOT) {
                self.ack_pending = true;
            } else {
                Self::send_ok(cx);
            }
        }
        Ok(())
    }

    fn ready(&mut self, cx: &mut Ctx, _slot: usize, _readable: bool, writable: bool) {
        if writable && self.ack_pending {
            self.ack_pending = false;
            Self::send_ok(cx);
        }
    }

    fn control(&mut self, _cx: &mut Ctx, op: u32, data: &[u8]) -> Result<Vec<u8>, DriverError> {
        match op.wrapping_sub(super::CONTROL_MAGIC) {
            CTRL_GET_WINSIZE => {
                let (w, h) = window_size().unwrap_or((DEFAULT_COLS, DEFAULT_ROWS));
                let mut v = w.to_ne_bytes().to_vec();
                v.extend_from_slice(&h.to_ne_bytes());
                Ok(v)
            }
            CTRL_GET_UNICODE_STATE => Ok(vec![u8::from(self.line.utf8)]),
            CTRL_SET_UNICODE_STATE => match data.first() {
                Some(&m) => {
                    let old = u8::from(self.line.utf8);
                    self.line.utf8 = m != 0;
                    Ok(vec![old])
                }
                None => Ok(Vec::new()),
            },
            _ => Err(DriverError::BADARG),
        }
    }

    fn thread_input(&mut self, cx: &mut Ctx, data: Result<Option<Vec<u8>>, std::io::Error>) {
        let bytes = match data {
            Ok(Some(b)) => b,
            // The terminal hung up: the shell sees end of input.
            Ok(None) => return cx.eof(),
            Err(e) => return cx.fail(DriverError::from_io(&e)),
        };
        let mut b = std::mem::take(&mut self.partial);
        b.extend_from_slice(&bytes);
        if self.line.utf8 {
            let mut pos = 0;
            let mut invalid = false;
            while pos < b.len() {
                match line::pick_utf8(&b, &mut pos) {
                    Ok(_) => {}
                    Err(true) => {
                        // A character cut in two: the rest comes with the next read.
                        self.partial = b[pos..].to_vec();
                        break;
                    }
                    Err(false) => {
                        invalid = true;
                        break;
                    }
                }
            }
            cx.input(&b[..pos]);
            if !invalid {
                return;
            }
            // Not UTF-8 after all: from here on the terminal is taken to send Latin-1.
            self.line.utf8 = false;
            b.drain(..pos);
        }
        let mut utf8 = Vec::with_capacity(b.len() * 2);
        for &c in &b {
            let mut tmp = [0u8; 4];
            utf8.extend_from_slice(char::from(c).encode_utf8(&mut tmp).as_bytes());
        }
        cx.input(&utf8);
    }

    fn stop(&mut self, cx: &mut Ctx) {
        fd::unsubscribe_stdin(cx.id());
        {
            let _g = terminal::mode_lock();
            let _ = termios::tcsetattr(std::io::stdin(), OptionalActions::Now, &self.saved);
        }
        *RAW_MODE.lock().unwrap_or_else(|e| e.into_inner()) = None;
        ACTIVE.store(0, Ordering::SeqCst);
    }

    fn queued(&self) -> usize {
        0
    }

    fn flush(&mut self, deadline: std::time::Instant) {
        fd::drain(1, deadline);
    }
}
