//! The `spawn` driver: a child process on two pipes (`{spawn, Cmd}`,
//! `{spawn_executable, File}`). Output is written without blocking (what the pipe does not
//! take is queued, and the port is busy past its high-water mark); input and the child's
//! exit arrive through the I/O poller. With `exit_status`, `{Port, {exit_status, N}}`
//! comes after the last data and before the port closes (or `{Port, eof}` with `eof`).

use std::collections::VecDeque;
use std::os::fd::OwnedFd;

use mio::Interest;

use crate::runtime::child::{self, Spec};
use crate::runtime::poller;
use crate::runtime::ports::{Ctx, Driver, DriverError};

const SLOT_READ: usize = 0;
const SLOT_WRITE: usize = 1;
const SLOT_EXIT: usize = 2;

pub struct Spawn {
    pid: u32,
    from_child: Option<OwnedFd>,
    to_child: Option<OwnedFd>,
    pidfd: Option<OwnedFd>,
    /// Output not yet written.
    queue: VecDeque<u8>,
    write_registered: bool,
    /// The child's output ended.
    eof: bool,
    /// The child's exit status, once reaped.
    status: Option<i32>,
    /// The end has been reported to the owner.
    reported: bool,
}

impl Spawn {
    /// Starts the child (its descriptors are registered with the poller once the port
    /// exists, in `started`).
    pub fn start(spec: &Spec) -> Result<Spawn, DriverError> {
        if !spec.shell {
            // As BEAM: an executable that is missing or not executable fails the open.
            let path = if spec.program.contains('/') {
                spec.program.clone()
            } else {
                format!("./{}", spec.program)
            };
            if let Err(e) = rustix::fs::access(path.as_str(), rustix::fs::Access::EXEC_OK) {
                return Err(DriverError(crate::runtime::ports::errno_name(
                    e.raw_os_error(),
                )));
            }
        }
        let started = child::start(spec).map_err(|e| DriverError::from_io(&e))?;
        if started.pidfd.is_none() {
            child::reap_in_background(started.pid);
        }
        Ok(Spawn {
            pid: started.pid,
            eof: started.from_child.is_none(),
            from_child: started.from_child,
            to_child: started.to_child,
            pidfd: started.pidfd,
            queue: VecDeque::new(),
            write_registered: false,
            status: None,
            reported: false,
        })
    }

    fn read_available(&mut self, cx: &mut Ctx) {
        let Some(fd) = &self.from_child else {
            return;
        };
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match rustix::io::read(fd, &mut buf) {
                Ok(0) => {
                    poller::deregister(fd);
                    self.from_child = None;
                    self.eof = true;
                    self.end_if_done(cx);
                    return;
                }
                Ok(n) => cx.input(&buf[..n]),
                Err(rustix::io::Errno::AGAIN) => return,
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => {
                    cx.fail(DriverError(crate::runtime::ports::errno_name(
                        e.raw_os_error(),
                    )));
                    return;
                }
            }
        }
    }

    /// After end of input: with `exit_status`, waits for the child's exit too; then reports.
    fn end_if_done(&mut self, cx: &mut Ctx) {
        if self.reported || !self.eof {
            return;
        }
        let mode = cx.mode();
        if mode.exit_status {
            let Some(status) = self.status else {
                return;
            };
            cx.exit_status(status);
        }
        self.reported = true;
        cx.eof();
    }

    fn reap(&mut self, cx: &mut Ctx) {
        if self.status.is_some() {
            return;
        }
        if let Some(status) = child::try_reap(self.pid) {
            self.status = Some(status);
            if let Some(fd) = self.pidfd.take() {
                poller::deregister(&fd);
            }
            self.end_if_done(cx);
        }
    }

    fn write_queued(&mut self, cx: &mut Ctx) -> Result<(), DriverError> {
        let Some(fd) = &self.to_child else {
            self.queue.clear();
            return Ok(());
        };
        while !self.queue.is_empty() {
            let (a, _) = self.queue.as_slices();
            match rustix::io::write(fd, a) {
                Ok(n) => {
                    cx.count_output(n);
                    self.queue.drain(..n);
                }
                Err(rustix::io::Errno::AGAIN) => break,
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => {
                    return Err(DriverError(crate::runtime::ports::errno_name(
                        e.raw_os_error(),
                    )))
                }
            }
        }
        let want = !self.queue.is_empty();
        if want != self.write_registered {
            let r = if want {
                poller::register(fd, cx.id(), SLOT_WRITE, Interest::WRITABLE)
            } else {
                poller::deregister(fd);
                Ok(())
            };
            r.map_err(|e| DriverError::from_io(&e))?;
            self.write_registered = want;
        }
        let mode = cx.mode();
        if cx.is_busy() && self.queue.len() <= mode.low_watermark {
            cx.set_busy(false);
        } else if !cx.is_busy() && self.queue.len() >= mode.high_watermark {
            cx.set_busy(true);
        }
        Ok(())
    }
}

/// Frames `data` with a `{packet, N}` header: `einval` if it does not fit.
pub fn frame(packet: u8, data: &[u8]) -> Result<Vec<u8>, DriverError> {
    let n = packet as usize;
    let len = data.len();
    if (n == 1 && len > 0xff) || (n == 2 && len > 0xffff) || (n == 4 && len > 0xffff_ffff) {
        return Err(DriverError("einval"));
    }
    let mut out = Vec::with_capacity(n + len);
    out.extend_from_slice(&(len as u32).to_be_bytes()[4 - n..]);
    out.extend_from_slice(data);
    Ok(out)
}

impl Driver for Spawn {
    fn started(&mut self, cx: &mut Ctx) {
        let id = cx.id();
        let mut r = Ok(());
        if let Some(fd) = &self.from_child {
            r = r.and(poller::register(fd, id, SLOT_READ, Interest::READABLE));
        }
        if let Some(fd) = &self.pidfd {
            r = r.and(poller::register(fd, id, SLOT_EXIT, Interest::READABLE));
        }
        if let Err(e) = r {
            cx.fail(DriverError::from_io(&e));
        }
    }

    fn output(&mut self, cx: &mut Ctx, data: &[u8]) -> Result<(), DriverError> {
        let framed = frame(cx.mode().packet, data)?;
        if self.to_child.is_none() {
            return Err(DriverError("badarg"));
        }
        self.queue.extend(framed);
        self.write_queued(cx)
    }

    fn ready(&mut self, cx: &mut Ctx, slot: usize, readable: bool, writable: bool) {
        match slot {
            SLOT_READ if readable => self.read_available(cx),
            SLOT_WRITE if writable => {
                if let Err(e) = self.write_queued(cx) {
                    cx.fail(e);
                }
            }
            SLOT_EXIT => self.reap(cx),
            _ => {}
        }
    }

    fn stop(&mut self, _cx: &mut Ctx) {
        if let Some(fd) = self.from_child.take() {
            poller::deregister(&fd);
        }
        if let Some(fd) = self.to_child.take() {
            if self.write_registered {
                poller::deregister(&fd);
            }
        }
        if self.status.is_none() {
            if let Some(fd) = self.pidfd.take() {
                poller::adopt_orphan(fd, self.pid);
            }
        }
    }

    fn queued(&self) -> usize {
        self.queue.len()
    }

    fn os_pid(&self) -> Option<u32> {
        Some(self.pid)
    }
}
