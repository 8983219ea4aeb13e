//! The runtime: process table and scheduling, message delivery, and the native I/O server.

pub mod mailbox;
pub mod monitors;
pub mod scheduler;
pub mod send;
pub mod signals;
pub mod timers;
pub mod boot;
pub mod ets;
