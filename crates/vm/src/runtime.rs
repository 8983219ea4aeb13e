//! The runtime: the process table, the schedulers, signals between processes, timers, ETS
//! and starting the VM.

pub mod boot;
pub mod ets;
pub mod exit;
pub mod mailbox;
pub mod monitors;
pub mod scheduler;
pub mod send;
pub mod signals;
pub mod spawn;
pub mod suspend;
pub mod table;
pub mod timers;
