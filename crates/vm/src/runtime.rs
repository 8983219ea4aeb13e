//! The runtime: process table and scheduling, message delivery, and the native I/O server.

pub mod boot;
pub mod ets;
pub mod mailbox;
pub mod monitors;
pub mod scheduler;
pub mod send;
pub mod signals;
pub mod timers;
