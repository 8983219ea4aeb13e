//! The `prim_file` NIFs that work on paths: file information, permissions, owners and
//! times, links, directories, renames and deletions, the working directory, and reading a
//! whole file. Blocking I/O on the caller's scheduler thread (see `prim_file.rs`).

use std::fs::{self, OpenOptions};
use std::io::{self, Read};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use enigma_term::{build, integer, Term};

use super::posix::{self, errno_of, EEXIST, EINVAL, EISDIR, ENOMEM, ENOTEMPTY, ENOTSUP, EPERM};
use super::{
    as_path, atom_term, get_i32, get_i64, marshal_path, ok_or_posix, ok_tuple, open_file,
    posix_error,
};
use super::{DIR_MODE, MIN_FILETIME, MODE_READ, O_NONBLOCK};
use crate::emulator::exception::{badarg, BifResult};
use crate::process::Process;

/// The `#file_info{}` record (file.hrl) with times in POSIX seconds; `prim_file` converts
/// them to the caller's time type.
pub(super) fn file_info(p: &mut Process, m: &fs::Metadata, access: (bool, bool)) -> Term {
    let kind = match m.mode() & 0o170000 {
        0o020000 | 0o060000 => "device",
        0o040000 => "directory",
        0o100000 => "regular",
        0o120000 => "symlink",
        _ => "other",
    };
    let access = match access {
        (true, false) => "read",
        (false, true) => "write",
        (true, true) => "read_write",
        (false, false) => "none",
    };
    let h = &mut p.heap;
    let size = integer::from_u64(h, m.size());
    let atime = integer::from_i64(h, m.atime().max(MIN_FILETIME));
    let mtime = integer::from_i64(h, m.mtime().max(MIN_FILETIME));
    let ctime = integer::from_i64(h, m.ctime().max(MIN_FILETIME));
    // BEAM keeps these fields in 32 bits.
    let small32 = |v: u64| Term::small(i64::from(v as u32));
    build::tuple(
        h,
        &[
            atom_term("file_info"),
            size,
            atom_term(kind),
            atom_term(access),
            atime,
            mtime,
            ctime,
            small32(u64::from(m.mode())),
            small32(m.nlink()),
            small32(m.dev()),
            small32(m.rdev()),
            small32(m.ino()),
            small32(u64::from(m.uid())),
            small32(u64::from(m.gid())),
        ],
    )
}

/// `read_info_nif(Path, FollowLinks)`: `stat` (FollowLinks =/= 0) or `lstat`.
pub(super) fn read_info_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    let follow = get_i32(a[1]).ok_or_else(badarg)?;
    let path = match marshal_path(a[0]) {
        Ok(path) => path,
        Err(e) => return Ok(posix_error(p, e)),
    };
    let meta = if follow != 0 {
        fs::metadata(as_path(&path))
    } else {
        fs::symlink_metadata(as_path(&path))
    };
    match meta {
        Ok(m) => {
            let access = posix::path_access(m.mode(), m.uid(), m.gid());
            Ok(file_info(p, &m, access))
        }
        Err(e) => Ok(posix_error(p, errno_of(&e))),
    }
}

/// Runs a file-system operation on one path: `einval` for a bad name, `ok` or the error.
fn path_op(p: &mut Process, t: Term, op: impl FnOnce(&Path) -> Result<(), i32>) -> BifResult {
    let r = marshal_path(t).and_then(|path| op(as_path(&path)));
    Ok(ok_or_posix(p, r))
}

/// Runs an operation on two paths (the first checked first).
fn two_path_op(
    p: &mut Process,
    a: Term,
    b: Term,
    op: impl FnOnce(&Path, &Path) -> Result<(), i32>,
) -> BifResult {
    let r =
        marshal_path(a).and_then(|x| marshal_path(b).and_then(|y| op(as_path(&x), as_path(&y))));
    Ok(ok_or_posix(p, r))
}

fn io_errno(r: io::Result<()>) -> Result<(), i32> {
    r.map_err(|e| errno_of(&e))
}

/// `set_permissions_nif(Path, Mode)`: `chmod` with the set-id and permission bits; if
/// the set-id bits are refused, again without them.
pub(super) fn set_permissions_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    let mode = get_i64(a[1])
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(badarg)?;
    path_op(p, a[0], |path| {
        let wanted = mode & 0o6777;
        fs::set_permissions(path, fs::Permissions::from_mode(wanted))
            .or_else(|_| fs::set_permissions(path, fs::Permissions::from_mode(wanted & 0o777)))
            .map_err(|e| errno_of(&e))
    })
}

/// `set_owner_nif(Path, Uid, Gid)`: `chown`; -1 leaves an id as it is.
pub(super) fn set_owner_nif_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (Some(uid), Some(gid)) = (get_i32(a[1]), get_i32(a[2])) else {
        return Err(badarg());
    };
    path_op(p, a[0], |path| {
        io_errno(std::os::unix::fs::chown(
            path,
            Some(uid as u32),
            Some(gid as u32),
        ))
    })
}

fn system_time(secs: i64) -> std::time::SystemTime {
    let d = std::time::Duration::from_secs(secs.unsigned_abs());
    if secs >= 0 {
        std::time::UNIX_EPOCH
            .checked_add(d)
            .unwrap_or(std::time::UNIX_EPOCH)
    } else {
        std::time::UNIX_EPOCH
            .checked_sub(d)
            .unwrap_or(std::time::UNIX_EPOCH)
    }
}

/// `set_time_nif(Path, ATime, MTime, CTime)`: sets access and modification times (the
/// change time cannot be set). BEAM calls `utime` on the path; std sets times on an open
/// file, so Enigma opens it (for reading, else for writing) without blocking.
pub(super) fn set_time_nif_4(p: &mut Process, a: &[Term]) -> BifResult {
    let (Some(at), Some(mt), Some(_ct)) = (get_i64(a[1]), get_i64(a[2]), get_i64(a[3])) else {
        return Err(badarg());
    };
    path_op(p, a[0], |path| {
        let file = OpenOptions::new()
            .read(true)
            .custom_flags(O_NONBLOCK)
            .open(path)
            .or_else(|e| {
                if errno_of(&e) == posix::EACCES {
                    OpenOptions::new()
                        .write(true)
                        .custom_flags(O_NONBLOCK)
                        .open(path)
                } else {
                    Err(e)
                }
            })
            .map_err(|e| errno_of(&e))?;
        let times = fs::FileTimes::new()
            .set_accessed(system_time(at))
            .set_modified(system_time(mt));
        io_errno(file.set_times(times))
    })
}

pub(super) fn read_link_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    let path = match marshal_path(a[0]) {
        Ok(path) => path,
        Err(e) => return Ok(posix_error(p, e)),
    };
    match fs::read_link(as_path(&path)) {
        Ok(target) => {
            let bin = build::binary(&mut p.heap, target.as_os_str().as_bytes());
            Ok(ok_tuple(p, bin))
        }
        Err(e) => Ok(posix_error(p, errno_of(&e))),
    }
}

/// `list_dir_nif(Path)`: the names in the directory but `.` and `..`, as binaries, in the
/// reverse of the order the system lists them (as BEAM builds the list).
pub(super) fn list_dir_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    let path = match marshal_path(a[0]) {
        Ok(path) => path,
        Err(e) => return Ok(posix_error(p, e)),
    };
    let dir = match fs::read_dir(as_path(&path)) {
        Ok(d) => d,
        Err(e) => return Ok(posix_error(p, errno_of(&e))),
    };
    let mut list = Term::NIL;
    // A failing `readdir` ends the listing, as in BEAM.
    for entry in dir.map_while(Result::ok) {
        let name = entry.file_name();
        let bin = build::binary(&mut p.heap, name.as_bytes());
        list = build::cons(&mut p.heap, bin, list);
    }
    Ok(ok_tuple(p, list))
}

pub(super) fn rename_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    two_path_op(p, a[0], a[1], |from, to| {
        fs::rename(from, to).map_err(|e| match errno_of(&e) {
            ENOTEMPTY => EEXIST,
            // Linux says EACCES (and others EBUSY) for renaming "/"; BEAM says einval.
            _ if from.as_os_str().as_bytes() == b"/" => EINVAL,
            n => n,
        })
    })
}

pub(super) fn make_hard_link_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    two_path_op(p, a[0], a[1], |existing, new| {
        io_errno(fs::hard_link(existing, new))
    })
}

pub(super) fn make_soft_link_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    two_path_op(p, a[0], a[1], |existing, new| {
        io_errno(std::os::unix::fs::symlink(existing, new))
    })
}

pub(super) fn make_dir_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    path_op(p, a[0], |path| {
        use std::os::unix::fs::DirBuilderExt;
        io_errno(fs::DirBuilder::new().mode(DIR_MODE).create(path))
    })
}

pub(super) fn del_file_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    path_op(p, a[0], |path| {
        // Linux answers EISDIR for unlinking a directory; BEAM reports eperm.
        fs::remove_file(path).map_err(|e| match errno_of(&e) {
            EISDIR => EPERM,
            n => n,
        })
    })
}

pub(super) fn del_dir_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    path_op(p, a[0], |path| {
        fs::remove_dir(path).map_err(|e| {
            let n = match errno_of(&e) {
                ENOTEMPTY => EEXIST,
                n => n,
            };
            // Deleting the current directory: BEAM reports einval.
            if n == EEXIST {
                if let (Ok(target), Ok(cwd)) = (fs::metadata(path), fs::metadata(".")) {
                    if target.ino() == cwd.ino() && target.dev() == cwd.dev() {
                        return EINVAL;
                    }
                }
            }
            n
        })
    })
}

/// Drive-letter working directories exist only on Windows.
pub(super) fn get_device_cwd_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    get_i32(a[0]).ok_or_else(badarg)?;
    Ok(posix_error(p, ENOTSUP))
}

pub(super) fn get_cwd_nif_0(p: &mut Process, _a: &[Term]) -> BifResult {
    match std::env::current_dir() {
        Ok(dir) => {
            let bin = build::binary(&mut p.heap, dir.as_os_str().as_bytes());
            Ok(ok_tuple(p, bin))
        }
        Err(e) => Ok(posix_error(p, errno_of(&e))),
    }
}

pub(super) fn set_cwd_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    path_op(p, a[0], |path| io_errno(std::env::set_current_dir(path)))
}

/// `read_file_nif(Path)`: the whole file as one binary.
pub(super) fn read_file_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    let path = match marshal_path(a[0]) {
        Ok(path) => path,
        Err(e) => return Ok(posix_error(p, e)),
    };
    let file = match open_file(&path, MODE_READ) {
        Ok(f) => f,
        Err(e) => return Ok(posix_error(p, e)),
    };
    let mut data = Vec::new();
    if let Ok(m) = file.metadata() {
        let want = usize::try_from(m.len()).unwrap_or(0);
        if enigma_heap::allocator::fallible(|| data.try_reserve_exact(want)).is_err() {
            return Ok(posix_error(p, ENOMEM));
        }
    }
    match (&file).read_to_end(&mut data) {
        Ok(_) => {
            let bin = build::binary_from_vec(&mut p.heap, data);
            Ok(ok_tuple(p, bin))
        }
        Err(e) => Ok(posix_error(p, errno_of(&e))),
    }
}

/// Short (8.3) names exist only on Windows.
pub(super) fn altname_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    path_op(p, a[0], |_| Err(ENOTSUP))
}
