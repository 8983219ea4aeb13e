//! The runtime: the process table, the schedulers, signals between processes, timers, ETS
//! and starting the VM.

pub mod boot;
pub mod break_menu;
pub mod child;
pub mod crash_dump;
pub mod dirty;
pub mod ets;
pub mod exit;
pub mod fatal;
pub mod logger;
pub mod mailbox;
pub mod monitors;
pub mod os_signals;
pub mod otp_boot;
pub mod poller;
pub mod ports;
pub mod scheduler;
pub mod send;
pub mod signals;
pub mod spawn;
pub mod suspend;
pub mod table;
pub mod terminal;
pub mod timers;
