//! The `tcp_inet`/`udp_inet` drivers, as far as the boot needs them: `inet_config` opens
//! a UDP port to ask the host name (`INET_REQ_OPEN`, `INET_REQ_GETHOSTNAME`), reads its
//! `linger` option and closes it. Sockets themselves come with the sockets and
//! distribution work; until then any other request is reported as unimplemented and
//! answered with `{error, enotsup}`.

use crate::runtime::ports::{Ctx, Driver, DriverError};

/// `erts_inet_drv` control numbers are offset by this (`ERTS_INET_DRV_CONTROL_MAGIC_NUMBER`).
const MAGIC: u32 = 0x03f1_a300;

const REQ_OPEN: u32 = 1;
const REQ_CLOSE: u32 = 2;
const REQ_GETOPTS: u32 = 8;
const REQ_BIND: u32 = 6;
const REQ_SETOPTS: u32 = 7;
const REQ_GETHOSTNAME: u32 = 12;
const REQ_SUBSCRIBE: u32 = 24;
/// `INET_SUBS_EMPTY_OUT_Q`: tell when the output queue is empty.
const SUBS_EMPTY_OUT_Q: u8 = 1;

const REP_ERROR: u8 = 0;
const REP_OK: u8 = 1;

const OPT_LINGER: u8 = 3;

pub struct Inet {
    /// `tcp_inet` or `udp_inet`.
    kind: &'static str,
    open: bool,
    /// A bound UDP socket (`inet_udp:open(0)`, which `inet:gethostname/0` does).
    udp: Option<std::net::UdpSocket>,
}

impl Inet {
    pub fn new(kind: &'static str) -> Inet {
        Inet {
            kind,
            open: false,
            udp: None,
        }
    }

    /// Whether the port has been asked to carry traffic (it never is, so far).
    fn used_for_io(&self) -> bool {
        false
    }
}

fn error(reason: &str) -> Vec<u8> {
    let mut v = vec![REP_ERROR];
    v.extend_from_slice(reason.as_bytes());
    v
}

impl Driver for Inet {
    fn output(&mut self, _cx: &mut Ctx, _data: &[u8]) -> Result<(), DriverError> {
        crate::report_unimplemented(&format!("{} sockets (sending)", self.kind));
        Err(DriverError("enotconn"))
    }

    fn control(&mut self, _cx: &mut Ctx, op: u32, data: &[u8]) -> Result<Vec<u8>, DriverError> {
        match op.wrapping_sub(MAGIC) {
            REQ_OPEN => {
                // [Family, Type | _]: only the request is recorded; no socket yet.
                if data.len() < 2 {
                    return Ok(error("einval"));
                }
                self.open = true;
                Ok(vec![REP_OK])
            }
            REQ_CLOSE => {
                self.open = false;
                self.udp = None;
                Ok(vec![REP_OK])
            }
            REQ_BIND if self.kind == "udp_inet" && data.len() == 7 && data[0] == 1 => {
                // INET_AF_INET, port (16 bits), IPv4 address.
                let port = u16::from_be_bytes([data[1], data[2]]);
                let ip = std::net::Ipv4Addr::new(data[3], data[4], data[5], data[6]);
                match std::net::UdpSocket::bind((ip, port)) {
                    Ok(s) => {
                        let bound = s.local_addr().map(|a| a.port()).unwrap_or(port);
                        self.udp = Some(s);
                        let mut v = vec![REP_OK];
                        v.extend_from_slice(&bound.to_be_bytes());
                        Ok(v)
                    }
                    Err(e) => Ok(error(crate::runtime::ports::errno_name(
                        e.raw_os_error().unwrap_or(0),
                    ))),
                }
            }
            REQ_GETHOSTNAME => {
                let name = rustix::system::uname();
                let mut v = vec![REP_OK];
                v.extend_from_slice(name.nodename().to_bytes());
                Ok(v)
            }
            // Options of a socket that is never used for I/O (the host-name lookup):
            // accepted, as the real driver accepts them before any traffic.
            REQ_SETOPTS if !self.used_for_io() => Ok(vec![REP_OK]),
            REQ_SUBSCRIBE if data == [SUBS_EMPTY_OUT_Q] => {
                // Nothing is ever queued: the queue is empty now.
                Ok(vec![REP_OK, SUBS_EMPTY_OUT_Q, 0, 0, 0, 0])
            }
            REQ_GETOPTS if data == [OPT_LINGER] => {
                // linger off, 0 seconds: the port closes at once.
                Ok(vec![REP_OK, OPT_LINGER, 0, 0, 0, 0, 0, 0, 0, 0])
            }
            other => {
                crate::report_unimplemented(&format!("{} request {other} ({data:?})", self.kind));
                Ok(error("enotsup"))
            }
        }
    }
}
