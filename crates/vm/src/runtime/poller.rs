//! The I/O poller: one thread waiting on every file descriptor a port's driver registered
//! (child processes' pipes, the pidfds that say a child exited; sockets later), turning
//! readiness into a call of the driver's `ready` under the port's lock. Scheduler threads
//! never wait on I/O.
//!
//! A registration's token is the port number shifted left by [`SLOT_BITS`] plus a slot the
//! driver chooses, so one port can watch several descriptors. Children whose port closed
//! before they exited are still reaped here: their pidfd stays registered under an orphan
//! token until they exit, so no zombie is left behind.

use std::collections::HashMap;
use std::os::fd::{AsRawFd, OwnedFd};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use mio::unix::SourceFd;
use mio::{Events, Interest, Poll, Registry, Token};

/// Bits of a token that hold the driver's slot.
pub const SLOT_BITS: u32 = 3;
/// The slot of orphaned children (their port has closed).
const ORPHAN_SLOT: usize = (1 << SLOT_BITS) - 1;

struct Poller {
    registry: Registry,
    /// Children whose port closed before they exited, by orphan number: their pidfd and pid.
    orphans: Mutex<HashMap<u64, (OwnedFd, u32)>>,
    next_orphan: std::sync::atomic::AtomicU64,
}

fn poller() -> Option<&'static Poller> {
    static P: OnceLock<Option<Poller>> = OnceLock::new();
    P.get_or_init(|| {
        let poll = Poll::new().ok()?;
        let registry = poll.registry().try_clone().ok()?;
        std::thread::Builder::new()
            .name("enigma-poller".into())
            .spawn(move || run(poll))
            .ok()?;
        Some(Poller {
            registry,
            orphans: Mutex::new(HashMap::new()),
            next_orphan: std::sync::atomic::AtomicU64::new(1),
        })
    })
    .as_ref()
}

/// Descriptors registered now (`erlang:system_info(check_io)`'s `total_poll_set_size`:
/// OTP's a_SUITE and z_SUITE compare it before and after all tests to find leaks).
static WATCHED: AtomicUsize = AtomicUsize::new(0);

/// Readiness events being handled by their driver now (check_io's `active_fds`: BEAM
/// counts the descriptors whose I/O task is scheduled or running).
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// How many descriptors the poller watches.
pub fn watched_fds() -> usize {
    WATCHED.load(Ordering::Relaxed)
}

/// How many descriptors' readiness is being handled now.
pub fn active_fds() -> usize {
    IN_FLIGHT.load(Ordering::Relaxed)
}

fn token(port: u64, slot: usize) -> Token {
    Token(((port as usize) << SLOT_BITS) | (slot & ORPHAN_SLOT))
}

/// Watches `fd` for port `port` under `slot` (below 7) with `interest`.
pub fn register(
    fd: &impl AsRawFd,
    port: u64,
    slot: usize,
    interest: Interest,
) -> std::io::Result<()> {
    let p = poller().ok_or_else(|| std::io::Error::other("no I/O poller"))?;
    let raw = fd.as_raw_fd();
    p.registry
        .register(&mut SourceFd(&raw), token(port, slot), interest)?;
    WATCHED.fetch_add(1, Ordering::Relaxed);
    Ok(())
}

/// Changes what `fd` is watched for.
pub fn reregister(
    fd: &impl AsRawFd,
    port: u64,
    slot: usize,
    interest: Interest,
) -> std::io::Result<()> {
    let p = poller().ok_or_else(|| std::io::Error::other("no I/O poller"))?;
    let raw = fd.as_raw_fd();
    p.registry
        .reregister(&mut SourceFd(&raw), token(port, slot), interest)
}

/// Stops watching `fd` (before it is closed).
pub fn deregister(fd: &impl AsRawFd) {
    if let Some(p) = poller() {
        let raw = fd.as_raw_fd();
        if p.registry.deregister(&mut SourceFd(&raw)).is_ok() {
            WATCHED.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

/// Hands over a child that has not exited yet, with its pidfd, to be reaped when it does.
pub fn adopt_orphan(pidfd: OwnedFd, pid: u32) {
    let Some(p) = poller() else {
        return;
    };
    deregister(&pidfd);
    let n = p.next_orphan.fetch_add(1, Ordering::Relaxed);
    let raw = pidfd.as_raw_fd();
    if p.registry
        .register(
            &mut SourceFd(&raw),
            token(n, ORPHAN_SLOT),
            Interest::READABLE,
        )
        .is_ok()
    {
        WATCHED.fetch_add(1, Ordering::Relaxed);
        p.orphans
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(n, (pidfd, pid));
    }
    // Already exited (or not registrable): reap now if possible.
    reap_orphan_if_done(n);
}

fn reap_orphan_if_done(n: u64) {
    let Some(p) = poller() else {
        return;
    };
    let mut orphans = p.orphans.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((fd, pid)) = orphans.get(&n) {
        if super::child::try_reap(*pid).is_some() {
            deregister(fd);
            orphans.remove(&n);
        }
    }
}

fn run(mut poll: Poll) {
    let mut events = Events::with_capacity(256);
    loop {
        if let Err(e) = poll.poll(&mut events, None) {
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            eprintln!("enigma: the I/O poller failed: {e}");
            return;
        }
        for ev in events.iter() {
            let t = ev.token().0;
            let slot = t & ORPHAN_SLOT;
            let id = (t >> SLOT_BITS) as u64;
            if slot == ORPHAN_SLOT {
                reap_orphan_if_done(id);
                continue;
            }
            let readable = ev.is_readable() || ev.is_read_closed() || ev.is_error();
            let writable = ev.is_writable() || ev.is_write_closed();
            if let Some(port) = super::ports::lookup(enigma_term::Term::port(id)) {
                IN_FLIGHT.fetch_add(1, Ordering::Relaxed);
                port.with_driver(|d, cx| d.ready(cx, slot, readable, writable));
                IN_FLIGHT.fetch_sub(1, Ordering::Relaxed);
            }
        }
    }
}
