//! POSIX error names as BEAM reports them (`{error, enoent}`), and the access check
//! `read_file_info` reports (`read`, `write`, `read_write`, `none`).

use std::io;
use std::sync::OnceLock;

/// `errno` values Enigma produces itself (Linux numbering; other systems go through
/// [`io::ErrorKind`] instead, see [`errno_name`]).
pub const EPERM: i32 = 1;
pub const ENOENT: i32 = 2;
pub const EBADF: i32 = 9;
pub const ENOMEM: i32 = 12;
pub const EACCES: i32 = 13;
pub const EEXIST: i32 = 17;
pub const ENOTDIR: i32 = 20;
pub const EISDIR: i32 = 21;
pub const EINVAL: i32 = 22;
pub const EFBIG: i32 = 27;
pub const ENOTEMPTY: i32 = 39;
pub const ENOTSUP: i32 = 95;

/// An error from the file system: an `errno` number.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Errno(pub i32);

impl From<io::Error> for Errno {
    fn from(e: io::Error) -> Errno {
        Errno(errno_of(&e))
    }
}

/// The `errno` behind an I/O error; errors std makes up itself (no OS code) are mapped to
/// the code the system call would have given.
pub fn errno_of(e: &io::Error) -> i32 {
    if let Some(n) = e.raw_os_error() {
        return n;
    }
    match e.kind() {
        io::ErrorKind::NotFound => ENOENT,
        io::ErrorKind::PermissionDenied => EACCES,
        io::ErrorKind::AlreadyExists => EEXIST,
        io::ErrorKind::OutOfMemory => ENOMEM,
        io::ErrorKind::Unsupported => ENOTSUP,
        _ => EINVAL,
    }
}

/// BEAM's name for an `errno` value (`erl_errno_id`), "unknown" for one it has no name for.
/// The table is Linux's numbering, which is where Enigma runs today.
pub fn errno_name(n: i32) -> &'static str {
    match n {
        1 => "eperm",
        2 => "enoent",
        3 => "esrch",
        4 => "eintr",
        5 => "eio",
        6 => "enxio",
        7 => "e2big",
        8 => "enoexec",
        9 => "ebadf",
        10 => "echild",
        11 => "eagain",
        12 => "enomem",
        13 => "eacces",
        14 => "efault",
        15 => "enotblk",
        16 => "ebusy",
        17 => "eexist",
        18 => "exdev",
        19 => "enodev",
        20 => "enotdir",
        21 => "eisdir",
        22 => "einval",
        23 => "enfile",
        24 => "emfile",
        25 => "enotty",
        26 => "etxtbsy",
        27 => "efbig",
        28 => "enospc",
        29 => "espipe",
        30 => "erofs",
        31 => "emlink",
        32 => "epipe",
        33 => "edom",
        34 => "erange",
        35 => "edeadlk",
        36 => "enametoolong",
        37 => "enolck",
        38 => "enosys",
        39 => "enotempty",
        40 => "eloop",
        42 => "enomsg",
        43 => "eidrm",
        44 => "echrng",
        45 => "el2nsync",
        46 => "el3hlt",
        47 => "el3rst",
        48 => "elnrng",
        49 => "eunatch",
        50 => "enocsi",
        51 => "el2hlt",
        52 => "ebade",
        53 => "ebadr",
        54 => "exfull",
        55 => "enoano",
        56 => "ebadrqc",
        57 => "ebadslt",
        59 => "ebfont",
        60 => "enostr",
        61 => "enodata",
        62 => "etime",
        63 => "enosr",
        64 => "enonet",
        65 => "enopkg",
        66 => "eremote",
        67 => "enolink",
        68 => "eadv",
        69 => "esrmnt",
        70 => "ecomm",
        71 => "eproto",
        72 => "emultihop",
        73 => "edotdot",
        74 => "ebadmsg",
        75 => "eoverflow",
        76 => "enotuniq",
        77 => "ebadfd",
        78 => "eremchg",
        79 => "elibacc",
        80 => "elibbad",
        81 => "elibscn",
        82 => "elibmax",
        83 => "elibexec",
        84 => "eilseq",
        87 => "eusers",
        88 => "enotsock",
        89 => "edestaddrreq",
        90 => "emsgsize",
        91 => "eprototype",
        92 => "enoprotoopt",
        93 => "eprotonosupport",
        94 => "esocktnosupport",
        95 => "enotsup",
        96 => "epfnosupport",
        97 => "eafnosupport",
        98 => "eaddrinuse",
        99 => "eaddrnotavail",
        100 => "enetdown",
        101 => "enetunreach",
        102 => "enetreset",
        103 => "econnaborted",
        104 => "econnreset",
        105 => "enobufs",
        106 => "eisconn",
        107 => "enotconn",
        108 => "eshutdown",
        109 => "etoomanyrefs",
        110 => "etimedout",
        111 => "econnrefused",
        112 => "ehostdown",
        113 => "ehostunreach",
        114 => "ealready",
        115 => "einprogress",
        116 => "estale",
        117 => "euclean",
        118 => "enotnam",
        119 => "enavail",
        121 => "eremoteio",
        122 => "edquot",
        _ => "unknown",
    }
}

/// The credentials `access(2)` and BEAM's handle check use: real and effective user and
/// group ids and the supplementary groups, read once from `/proc/self/status`.
struct Creds {
    ruid: u32,
    euid: u32,
    rgid: u32,
    egid: u32,
    groups: Vec<u32>,
}

fn creds() -> Option<&'static Creds> {
    static C: OnceLock<Option<Creds>> = OnceLock::new();
    C.get_or_init(|| {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let ids = |key: &str| -> Vec<u32> {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .map(|rest| {
                    rest.split_whitespace()
                        .filter_map(|w| w.parse().ok())
                        .collect()
                })
                .unwrap_or_default()
        };
        let uid = ids("Uid:");
        let gid = ids("Gid:");
        Some(Creds {
            ruid: *uid.first()?,
            euid: *uid.get(1)?,
            rgid: *gid.first()?,
            egid: *gid.get(1)?,
            groups: ids("Groups:"),
        })
    })
    .as_ref()
}

/// Read and write permission bits that apply to a process with user `uid` and groups
/// `gid` (plus `groups`) on a file with this mode and owner: `(readable, writable)`.
fn permitted(
    mode: u32,
    owner: u32,
    group: u32,
    uid: u32,
    gid: u32,
    groups: &[u32],
) -> (bool, bool) {
    if uid == owner {
        (mode & 0o400 != 0, mode & 0o200 != 0)
    } else if gid == group || groups.contains(&group) {
        (mode & 0o040 != 0, mode & 0o020 != 0)
    } else {
        (mode & 0o004 != 0, mode & 0o002 != 0)
    }
}

/// What `access(Path, R_OK)` and `access(Path, W_OK)` say for a file with this mode and
/// owner: the real ids decide; root may read and write anything. (A read-only mount or
/// an immutable file is not seen here: they would make `access` deny writing.)
pub fn path_access(mode: u32, owner: u32, group: u32) -> (bool, bool) {
    match creds() {
        Some(c) if c.ruid == 0 => (true, true),
        Some(c) => permitted(mode, owner, group, c.ruid, c.rgid, &c.groups),
        None => (mode & 0o400 != 0, mode & 0o200 != 0),
    }
}

/// BEAM's `check_access` for an open handle: the mode bits for the effective user, else
/// the effective group, else others (no root or supplementary-group special case).
pub fn handle_access(mode: u32, owner: u32, group: u32) -> (bool, bool) {
    match creds() {
        Some(c) => permitted(mode, owner, group, c.euid, c.egid, &[]),
        None => (mode & 0o400 != 0, mode & 0o200 != 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_erl_errno_id() {
        assert_eq!(errno_name(ENOENT), "enoent");
        assert_eq!(errno_name(EISDIR), "eisdir");
        assert_eq!(errno_name(ENOTSUP), "enotsup");
        assert_eq!(errno_name(11), "eagain");
        assert_eq!(errno_name(41), "unknown");
        assert_eq!(errno_name(-3), "unknown");
    }

    #[test]
    fn permission_classes() {
        assert_eq!(permitted(0o640, 5, 6, 5, 9, &[]), (true, true));
        assert_eq!(permitted(0o640, 5, 6, 7, 6, &[]), (true, false));
        assert_eq!(permitted(0o640, 5, 6, 7, 8, &[6]), (true, false));
        assert_eq!(permitted(0o644, 5, 6, 7, 8, &[]), (true, false));
        assert_eq!(permitted(0o600, 5, 6, 7, 8, &[]), (false, false));
    }
}
