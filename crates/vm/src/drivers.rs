//! Drivers: the code behind ports, one file per driver named as BEAM names it. Each
//! implements `runtime::ports::Driver` and speaks BEAM's protocol for it (commands,
//! `port_control` codes, the messages it sends), so that OTP's Erlang code that uses it
//! (`user`, `standard_error`, `os:cmd`, `prim_inet`, `user_drv`) runs unchanged.

pub mod fd;
pub mod inet;
pub mod spawn;
pub mod tty_sl;

use crate::runtime::ports::Driver;

/// `port_control` codes of the terminal and fd drivers are offset by this
/// (`ERTS_TTYSL_DRV_CONTROL_MAGIC_NUMBER`).
pub const CONTROL_MAGIC: u32 = 0x018b_0900;

/// The driver named `name` (`{spawn_driver, Name}`, or the first word of `{spawn, Cmd}`),
/// started with the rest of the command line `args`; `None` if there is no such driver.
pub fn named(
    name: &str,
    args: &str,
) -> Option<Result<Box<dyn Driver>, crate::runtime::ports::DriverError>> {
    match name {
        "udp_inet" => Some(Ok(Box::new(inet::Inet::new("udp_inet")))),
        "tcp_inet" => Some(Ok(Box::new(inet::Inet::new("tcp_inet")))),
        "tty_sl" => Some(tty_sl::TtySl::open(args).map(|d| Box::new(d) as Box<dyn Driver>)),
        _ => None,
    }
}
