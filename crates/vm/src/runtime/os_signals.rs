//! Operating-system signals in the real boot, handled as BEAM handles them. One thread
//! (the `signal-hook` crate's iterator) receives them and acts:
//!
//! - SIGINT opens the BREAK menu (`break_menu`); `+Bi` ignores it (with SIGQUIT and
//!   SIGTSTP, as BEAM does), `+Bd` lets it end the VM, `+Bc` keeps the menu for a SIGINT
//!   sent by `kill` but makes Ctrl-C a character the shell reads;
//! - SIGTERM, SIGUSR1 and SIGQUIT go to OTP's `erl_signal_server` as `{notify, Signal}`
//!   (`init:stop()` on SIGTERM, a halt on the others, by `erl_signal_handler`);
//! - SIGWINCH and SIGCONT go to the terminal driver (the window's width changed; the
//!   terminal's mode may have to be set again after a stop).
//!
//! A signal that ends the VM the default way first puts the terminal's mode back, which
//! BEAM does not do for all of them: a shell left without echo helps nobody.

use signal_hook::consts::{SIGCONT, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGWINCH};
use signal_hook::iterator::Signals;
use std::sync::atomic::{AtomicBool, Ordering};

use enigma_term::{build, Atom, Term, VecAlloc};

use super::{break_menu, send, table, terminal};
use crate::drivers::tty_sl;

/// `+Bi` was given (`erlang:system_info(break_ignored)`: the shell's Ctrl-G menu then
/// offers no `q`).
static BREAK_IGNORED: AtomicBool = AtomicBool::new(false);

/// Whether the break handler is turned off by `+Bi`.
pub fn break_ignored() -> bool {
    BREAK_IGNORED.load(Ordering::Relaxed)
}

/// What Ctrl-C does (`+B` flags).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum BreakMode {
    /// The BREAK menu (the default).
    Menu,
    /// `+Bi`: nothing.
    Ignore,
    /// `+Bd`: SIGINT ends the VM.
    Disabled,
    /// `+Bc`: Ctrl-C is an ordinary character; SIGINT from elsewhere opens the menu.
    Character,
}

/// Ends the VM as the signal's default action would, after putting the terminal back.
fn die_of(sig: i32) -> ! {
    terminal::restore();
    let _ = signal_hook::low_level::emulate_default_handler(sig);
    std::process::exit(128 + sig)
}

/// `{notify, Name}` to `erl_signal_server`; `false` if it is not running.
fn notify(name: &str) -> bool {
    let Some(server) = Atom::existing("erl_signal_server").and_then(table::whereis) else {
        return false;
    };
    let (Ok(notify), Ok(sig)) = (Atom::intern("notify"), Atom::intern(name)) else {
        return false;
    };
    let mut h = VecAlloc::new();
    let msg = build::tuple(&mut h, &[Term::atom(notify), Term::atom(sig)]);
    send::deliver(server, msg);
    true
}

/// Records the terminal's mode and starts the signal thread, for the `+B` flag given
/// (`'i'`, `'d'`, `'c'` or none).
pub fn start(break_flag: Option<char>) {
    terminal::init();
    let mode = match break_flag {
        Some('i') => BreakMode::Ignore,
        Some('d') => BreakMode::Disabled,
        Some('c') => BreakMode::Character,
        _ => BreakMode::Menu,
    };
    BREAK_IGNORED.store(mode == BreakMode::Ignore, Ordering::Relaxed);
    if mode == BreakMode::Character {
        terminal::disable_intr_char();
    }
    let mut sigs = vec![SIGINT, SIGTERM, SIGUSR1, SIGQUIT, SIGWINCH, SIGCONT];
    if mode == BreakMode::Ignore {
        sigs.push(SIGTSTP);
    }
    let mut signals = match Signals::new(&sigs) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("enigma: cannot handle signals: {e}");
            return;
        }
    };
    let spawned = std::thread::Builder::new()
        .name("enigma-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                match sig {
                    SIGINT => match mode {
                        BreakMode::Menu | BreakMode::Character => break_menu::interrupt(),
                        BreakMode::Ignore => {}
                        BreakMode::Disabled => die_of(SIGINT),
                    },
                    SIGQUIT if mode == BreakMode::Ignore => {}
                    SIGQUIT if mode == BreakMode::Disabled => die_of(SIGQUIT),
                    SIGTERM | SIGUSR1 | SIGQUIT => {
                        let name = match sig {
                            SIGTERM => "sigterm",
                            SIGUSR1 => "sigusr1",
                            _ => "sigquit",
                        };
                        if !notify(name) {
                            die_of(sig);
                        }
                    }
                    SIGWINCH => tty_sl::window_changed(),
                    SIGCONT => tty_sl::continued(),
                    // SIGTSTP under `+Bi`: ignored.
                    _ => {}
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("enigma: cannot start the signal thread: {e}");
    }
}
