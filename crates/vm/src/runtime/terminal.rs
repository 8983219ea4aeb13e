//! The terminal the VM was started on: its mode as found at start-up, put back when the VM
//! ends (however it ends: `halt`, the BREAK menu's abort, a terminating signal), and
//! while the BREAK menu reads its answer (in the line mode with echo that the user's shell
//! had set, as BEAM's `sys_tty_reset` and `erts_do_break_handling` do). The `tty_sl`
//! driver changes the mode while it runs; this module only knows the original.

use std::sync::{Mutex, OnceLock};

use rustix::termios::{self, OptionalActions, Termios};

/// Standard input's mode when the VM started, if it is a terminal.
fn initial() -> &'static Option<Termios> {
    static INITIAL: OnceLock<Option<Termios>> = OnceLock::new();
    INITIAL.get_or_init(|| {
        let stdin = std::io::stdin();
        if termios::isatty(&stdin) {
            termios::tcgetattr(&stdin).ok()
        } else {
            None
        }
    })
}

/// Serialises changes of the terminal's mode between the driver, the BREAK menu and exit.
pub fn mode_lock() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// Records the mode standard input has now (call once, early, before any driver changes
/// it).
pub fn init() {
    let _ = initial();
}

/// Whether standard input is a terminal (as found at start-up).
pub fn is_terminal() -> bool {
    initial().is_some()
}

/// Puts the start-up mode back (at exit).
pub fn restore() {
    if let Some(t) = initial() {
        let _g = mode_lock();
        let _ = termios::tcsetattr(std::io::stdin(), OptionalActions::Now, t);
    }
}

/// Runs `f` with the terminal in its start-up mode, and sets the mode it had afterwards.
pub fn with_initial_mode<R>(f: impl FnOnce() -> R) -> R {
    let saved = {
        let _g = mode_lock();
        match initial() {
            Some(t) => {
                let stdin = std::io::stdin();
                let now = termios::tcgetattr(&stdin).ok();
                let _ = termios::tcsetattr(&stdin, OptionalActions::Now, t);
                now
            }
            None => None,
        }
    };
    let r = f();
    if let Some(t) = saved {
        let _g = mode_lock();
        let _ = termios::tcsetattr(std::io::stdin(), OptionalActions::Now, &t);
    }
    r
}

/// Disables the interrupt character (`+Bc`: Ctrl-C reaches the shell as a character
/// instead of raising SIGINT), as BEAM's `erts_replace_intr`.
pub fn disable_intr_char() {
    let stdin = std::io::stdin();
    if !termios::isatty(&stdin) {
        return;
    }
    let _g = mode_lock();
    if let Ok(mut t) = termios::tcgetattr(&stdin) {
        t.special_codes[termios::SpecialCodeIndex::VINTR] = 0;
        let _ = termios::tcsetattr(&stdin, OptionalActions::Now, &t);
    }
}
