//! The dirty I/O pool: threads that run native functions which may block (file
//! operations), so that no scheduler thread waits on a disk. As BEAM's dirty I/O
//! schedulers: a process calling such a function leaves its scheduler, the function runs
//! here with the process, and the process goes back to a run queue with the result, which
//! its call instruction then uses (`Op::CallDirtyBif`).
//!
//! While here the process is not in its slot, as while running: signals queue up for it
//! and are handled when it runs again; only the pool makes it runnable again.

use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};

use super::scheduler;
use super::table::Handle;
use crate::bifs::BifFn;
use crate::process::Process;

/// Threads in the pool: BEAM's default number of dirty I/O schedulers.
const THREADS: usize = 10;

/// Processes handed to the pool and not yet back in a run queue: while any is, the VM is
/// not deadlocked however idle the schedulers are.
static IN_FLIGHT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Whether a process is on the pool now.
pub fn busy() -> bool {
    IN_FLIGHT.load(std::sync::atomic::Ordering::SeqCst) > 0
}

struct Job {
    handle: Arc<Handle>,
    process: Box<Process>,
    bif: BifFn,
}

fn pool() -> Option<&'static Mutex<mpsc::Sender<Job>>> {
    static P: OnceLock<Option<Mutex<mpsc::Sender<Job>>>> = OnceLock::new();
    P.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        let mut started = 0;
        for i in 0..THREADS {
            let rx = rx.clone();
            let t = std::thread::Builder::new()
                .name(format!("enigma-dirty-io-{i}"))
                .spawn(move || worker(&rx));
            if t.is_ok() {
                started += 1;
            }
        }
        (started > 0).then(|| Mutex::new(tx))
    })
    .as_ref()
}

fn worker(rx: &Mutex<mpsc::Receiver<Job>>) {
    loop {
        let job = {
            let rx = rx.lock().unwrap_or_else(|e| e.into_inner());
            rx.recv()
        };
        let Ok(job) = job else {
            return;
        };
        run(job);
    }
}

/// Runs the function with the process's saved registers as arguments and puts the
/// process back in a run queue with the result.
fn run(job: Job) {
    let Job {
        handle,
        mut process,
        bif,
    } = job;
    let args = std::mem::take(&mut process.saved_x);
    let result = bif(&mut process, &args);
    process.saved_x = args;
    process.dirty_result = Some(result);
    handle.put(process);
    scheduler::make_runnable(&handle);
    IN_FLIGHT.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
}

/// Hands a process whose call must run on the pool to a pool thread (or, if no thread
/// could be started, runs it here).
pub fn submit(handle: Arc<Handle>, process: Box<Process>, bif: BifFn) {
    IN_FLIGHT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let job = Job {
        handle,
        process,
        bif,
    };
    match pool() {
        Some(tx) => {
            let tx = tx.lock().unwrap_or_else(|e| e.into_inner());
            if let Err(mpsc::SendError(job)) = tx.send(job) {
                run(job);
            }
        }
        None => run(job),
    }
}
