//! `prim_file`: the NIFs behind OTP's `file` module (BEAM's `prim_file_nif.c` and
//! `unix_prim_file.c`), and the four file-name BIFs (`internal_name2native/1`, ...).
//!
//! `prim_file.erl` declares its NIFs with `-nifs([...])`; the loader turns the body of each
//! such function into a call to the native registered here (see `code/load.rs`,
//! `nif_start`), so local calls inside `prim_file` reach them as on BEAM.
//!
//! File names arrive as binaries made by `internal_name2native/1`: the UTF-8 bytes of the
//! name and a terminating NUL (Enigma's native name encoding is UTF-8, as BEAM's `+fnu`).
//! Errors come back as `{error, Posix}` with BEAM's names for `errno` values.
//!
//! An open file is a reference term naming an entry of a global table (BEAM's resource):
//! it is closed by `close_nif/1` or when the process that opened it exits
//! ([`owner_exited`]).
//!
//! All of this is blocking I/O done on the scheduler thread that runs the caller. BEAM runs
//! these NIFs on dirty I/O schedulers; Enigma will move them to its own pool of blocking
//! threads (DESIGN.md, "Blocking work") once it has one.

mod fs_ops;
pub mod handles;
mod names;
pub mod posix;

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileExt, MetadataExt, OpenOptionsExt};
use std::path::Path;

use enigma_term::{atom, build, integer, Atom, Term};

use self::handles::{Lookup, Registry};
use self::posix::{errno_name, errno_of, EBADF, EINVAL, EISDIR, ENOMEM};
use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult};
use crate::process::Process;

/// The open files, keyed by the number their reference carries.
static FILES: Registry<OpenFile> = Registry::new(0x0F11_E5ED);

/// Frees every file (and `prim_buffer` buffer) the process `pid` owned: BEAM closes the
/// files of a process that exits. The runtime calls this when a process exits.
pub fn owner_exited(pid: Term) {
    if let Some(id) = pid.as_local_pid() {
        FILES.owner_exited(id);
        super::prim_buffer::owner_exited(id);
    }
}

/// Open modes, as `efile_translate_modelist` collects them.
const MODE_READ: u32 = 1;
const MODE_WRITE: u32 = 2;
const MODE_APPEND: u32 = 4;
const MODE_EXCLUSIVE: u32 = 8;
const MODE_SYNC: u32 = 16;
const MODE_SKIP_TYPE_CHECK: u32 = 32;
const MODE_DIRECTORY: u32 = 64;

/// Permission bits of a new file and a new directory before the umask (BEAM's
/// `FILE_MODE` and `DIR_MODE`).
const FILE_MODE: u32 = 0o666;
const DIR_MODE: u32 = 0o777;

/// Timestamps are clamped to this (1902-01-01), BEAM's `EFILE_MIN_FILETIME`.
const MIN_FILETIME: i64 = -2_145_916_800;

/// `O_NONBLOCK`, so that opening a FIFO to set its times does not wait for a writer. It
/// has this value on these Linux architectures (alpha, mips, parisc and sparc differ).
#[cfg(all(
    target_os = "linux",
    any(
        target_arch = "x86_64",
        target_arch = "x86",
        target_arch = "aarch64",
        target_arch = "arm",
        target_arch = "riscv64",
        target_arch = "powerpc64",
        target_arch = "s390x",
        target_arch = "loongarch64"
    )
))]
const O_NONBLOCK: i32 = 0o4000;
#[cfg(not(all(
    target_os = "linux",
    any(
        target_arch = "x86_64",
        target_arch = "x86",
        target_arch = "aarch64",
        target_arch = "arm",
        target_arch = "riscv64",
        target_arch = "powerpc64",
        target_arch = "s390x",
        target_arch = "loongarch64"
    )
)))]
const O_NONBLOCK: i32 = 0;

/// An open file.
struct OpenFile {
    file: File,
    modes: u32,
}

// ---- term helpers ----

fn atom_term(name: &str) -> Term {
    Atom::intern(name)
        .map(Term::atom)
        .unwrap_or(Term::atom(atom::UNDEFINED))
}

/// `{error, Posix}` for an `errno` value.
fn posix_error(p: &mut Process, errno: i32) -> Term {
    let reason = atom_term(errno_name(errno));
    build::tuple(&mut p.heap, &[Term::atom(atom::ERROR), reason])
}

fn ok_tuple(p: &mut Process, v: Term) -> Term {
    build::tuple(&mut p.heap, &[Term::atom(atom::OK), v])
}

/// `ok`, or `{error, Posix}`.
fn ok_or_posix(p: &mut Process, r: Result<(), i32>) -> Term {
    match r {
        Ok(()) => Term::atom(atom::OK),
        Err(e) => posix_error(p, e),
    }
}

/// An integer that fits 64 bits signed (`enif_get_int64`).
fn get_i64(t: Term) -> Option<i64> {
    if t.is_integer() {
        t.as_i64()
    } else {
        None
    }
}

/// An integer that fits 32 bits signed (`enif_get_int`).
fn get_i32(t: Term) -> Option<i32> {
    get_i64(t).and_then(|v| i32::try_from(v).ok())
}

/// A file name as the NIFs take it (`efile_marshal_path`): a binary ending in NUL bytes.
/// The bytes before the first NUL are the name; anything else is `einval`.
fn marshal_path(t: Term) -> Result<Vec<u8>, i32> {
    let bytes = t.binary_bytes().ok_or(EINVAL)?;
    let Some(nul) = bytes.iter().position(|&b| b == 0) else {
        return Err(EINVAL);
    };
    // BEAM accepts any run of NULs after the name, and (by the shape of its check) one
    // last byte after that run.
    let tail = bytes.get(nul..).unwrap_or(&[]);
    let run = tail.iter().take_while(|&&b| b == 0).count();
    if nul + run < bytes.len().saturating_sub(1) {
        return Err(EINVAL);
    }
    Ok(bytes.get(..nul).unwrap_or(&[]).to_vec())
}

fn as_path(bytes: &[u8]) -> &Path {
    Path::new(std::ffi::OsStr::from_bytes(bytes))
}

/// The bytes of every binary in an I/O vector (`enif_inspect_iovec`): a proper list of
/// binaries, or `None`.
fn iovec_parts(mut list: Term) -> Option<Vec<std::borrow::Cow<'static, [u8]>>> {
    let mut parts = Vec::new();
    while let Some((h, t)) = list.as_cons() {
        parts.push(h.binary_bytes()?);
        list = t;
    }
    list.is_nil().then_some(parts)
}

// ---- file handles ----

/// Runs `op` on the open file `h` names: `badarg` for a term that names no file,
/// `{error, einval}` for one that was closed (BEAM's `file_handle_wrapper`).
fn with_file(
    p: &mut Process,
    h: Term,
    op: impl FnOnce(&mut Process, &mut OpenFile) -> BifResult,
) -> BifResult {
    match FILES.lookup(h) {
        Lookup::Foreign => Err(badarg()),
        Lookup::Closed => Ok(posix_error(p, EINVAL)),
        Lookup::Id(id) => match FILES.get(id) {
            Some(f) => {
                let mut guard = f.lock().unwrap_or_else(|e| e.into_inner());
                op(p, &mut guard)
            }
            None => Ok(posix_error(p, EINVAL)),
        },
    }
}

/// The modes a mode list asks for; modes for upper layers (`raw`, `binary`, ...) are
/// ignored. Neither read nor write means read; append and exclusive imply write.
fn translate_modes(mut list: Term) -> u32 {
    let mut modes = 0;
    while let Some((h, t)) = list.as_cons() {
        modes |= match h.as_atom().map(|a| a.name()) {
            Some("read") => MODE_READ,
            Some("write") => MODE_WRITE,
            Some("exclusive") => MODE_EXCLUSIVE,
            Some("append") => MODE_APPEND,
            Some("sync") => MODE_SYNC,
            Some("skip_type_check") => MODE_SKIP_TYPE_CHECK,
            Some("directory") => MODE_DIRECTORY,
            _ => 0,
        };
        list = t;
    }
    if modes & (MODE_APPEND | MODE_EXCLUSIVE) != 0 {
        modes |= MODE_WRITE;
    } else if modes & (MODE_READ | MODE_WRITE) == 0 {
        modes |= MODE_READ;
    }
    modes
}

/// Opens a file as `efile_open` does: write alone truncates and creates, read and write
/// creates, append never truncates, exclusive fails on an existing file; a directory
/// opens only in `directory` mode (or with `skip_type_check`).
fn open_file(path: &[u8], modes: u32) -> Result<File, i32> {
    let mut o = OpenOptions::new();
    match modes & (MODE_READ | MODE_WRITE) {
        MODE_READ => o.read(true),
        MODE_WRITE => o.write(true).truncate(true).create(true),
        _ => o.read(true).write(true).create(true),
    };
    if modes & MODE_APPEND != 0 {
        o.truncate(false).append(true);
    }
    if modes & MODE_EXCLUSIVE != 0 {
        o.create_new(true);
    }
    o.mode(if modes & MODE_DIRECTORY != 0 {
        DIR_MODE
    } else {
        FILE_MODE
    });
    // `sync` (O_SYNC) is done by syncing after every write; `directory` (O_DIRECTORY) by
    // the type check below, as BEAM does on systems without the flag.
    let file = o.open(as_path(path)).map_err(|e| errno_of(&e))?;
    if modes & MODE_SKIP_TYPE_CHECK == 0 {
        let is_dir = file.metadata().map(|m| m.is_dir()).unwrap_or(false);
        if modes & MODE_DIRECTORY != 0 && !is_dir {
            return Err(posix::ENOTDIR);
        }
        if modes & MODE_DIRECTORY == 0 && is_dir {
            return Err(EISDIR);
        }
    }
    Ok(file)
}

/// Reads up to `limit` bytes, stopping early only at end of file. The buffer grows as
/// data arrives (BEAM allocates `limit` bytes at once); `enomem` if it cannot grow.
fn read_up_to(mut r: impl Read, limit: u64) -> Result<Vec<u8>, i32> {
    let mut buf: Vec<u8> = Vec::new();
    let mut remaining = limit;
    let mut chunk: u64 = 64 * 1024;
    while remaining > 0 {
        let step = remaining.min(chunk);
        let step_bytes = usize::try_from(step).map_err(|_| ENOMEM)?;
        enigma_heap::allocator::fallible(|| buf.try_reserve_exact(step_bytes))
            .map_err(|_| ENOMEM)?;
        let got = (&mut r)
            .take(step)
            .read_to_end(&mut buf)
            .map_err(|e| errno_of(&e))?;
        if (got as u64) < step {
            break;
        }
        remaining -= step;
        chunk = chunk.saturating_mul(2);
    }
    Ok(buf)
}

/// A reader at an absolute position that leaves the file's own position alone (`pread`).
struct ReadAt<'a> {
    file: &'a File,
    offset: u64,
}

impl Read for ReadAt<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.file.read_at(buf, self.offset)?;
        self.offset += n as u64;
        Ok(n)
    }
}

/// `{ok, Binary}` or `eof` (nothing read).
fn data_or_eof(p: &mut Process, data: Vec<u8>) -> Term {
    if data.is_empty() {
        return Term::atom(atom::EOF);
    }
    let bin = build::binary_from_vec(&mut p.heap, data);
    ok_tuple(p, bin)
}

fn open_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[1].is_list() {
        return Err(badarg());
    }
    let modes = translate_modes(a[1]);
    let path = match marshal_path(a[0]) {
        Ok(path) => path,
        Err(e) => return Ok(posix_error(p, e)),
    };
    match open_file(&path, modes) {
        Ok(file) => {
            let owner = p.pid.as_local_pid().unwrap_or(0);
            let id = FILES.insert(owner, OpenFile { file, modes });
            let r = FILES.reference(&mut p.heap, id);
            Ok(ok_tuple(p, r))
        }
        Err(e) => Ok(posix_error(p, e)),
    }
}

/// `file_desc_to_ref_nif(Fd)`: a file handle for an already open descriptor. Enigma
/// reopens the descriptor's file through `/proc/self/fd` (BEAM adopts the descriptor
/// itself, sharing its position).
fn file_desc_to_ref_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_number() {
        return Err(badarg());
    }
    let fd = get_i32(a[0]).ok_or_else(badarg)?;
    let link = format!("/proc/self/fd/{fd}");
    if fd < 0 || fs::symlink_metadata(&link).is_err() {
        return Ok(posix_error(p, EBADF));
    }
    let opened = OpenOptions::new()
        .read(true)
        .write(true)
        .open(&link)
        .or_else(|_| File::open(&link))
        .or_else(|_| OpenOptions::new().write(true).open(&link));
    match opened {
        Ok(file) => {
            let owner = p.pid.as_local_pid().unwrap_or(0);
            let id = FILES.insert(
                owner,
                OpenFile {
                    file,
                    modes: MODE_READ | MODE_WRITE,
                },
            );
            let r = FILES.reference(&mut p.heap, id);
            Ok(ok_tuple(p, r))
        }
        Err(e) => Ok(posix_error(p, errno_of(&e))),
    }
}

fn close_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    match FILES.lookup(a[0]) {
        Lookup::Foreign => Err(badarg()),
        Lookup::Closed => Ok(posix_error(p, EINVAL)),
        Lookup::Id(id) => {
            // Dropping the last share closes the descriptor (close errors are not seen).
            drop(FILES.remove(id));
            Ok(Term::atom(atom::OK))
        }
    }
}

/// Used by BEAM's janitor process for files whose owner died; Enigma closes those at once.
fn delayed_close_nif_1(_p: &mut Process, a: &[Term]) -> BifResult {
    match FILES.lookup(a[0]) {
        Lookup::Foreign => Err(badarg()),
        Lookup::Closed => Ok(Term::atom(atom::OK)),
        Lookup::Id(id) => {
            drop(FILES.remove(id));
            Ok(Term::atom(atom::OK))
        }
    }
}

fn read_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    let size = a[1];
    with_file(p, a[0], |p, f| {
        if !size.is_number() {
            return Err(badarg());
        }
        let Some(n) = get_i64(size).filter(|n| *n >= 0) else {
            return Ok(posix_error(p, EINVAL));
        };
        match read_up_to(&f.file, n as u64) {
            Ok(data) => Ok(data_or_eof(p, data)),
            Err(e) => Ok(posix_error(p, e)),
        }
    })
}

/// Writes every part; with `sync`, flushes to the device afterwards (O_SYNC's guarantee).
fn write_parts(
    f: &OpenFile,
    parts: &[std::borrow::Cow<'_, [u8]>],
    offset: Option<u64>,
) -> Result<(), i32> {
    let mut pos = offset;
    for part in parts {
        match pos.as_mut() {
            Some(at) => {
                f.file.write_all_at(part, *at).map_err(|e| errno_of(&e))?;
                *at += part.len() as u64;
            }
            None => (&f.file).write_all(part).map_err(|e| errno_of(&e))?,
        }
    }
    if f.modes & MODE_SYNC != 0 {
        f.file.sync_all().map_err(|e| errno_of(&e))?;
    }
    Ok(())
}

/// `write_nif(Handle, IOVec)`: writes it all (BEAM may answer `{continue, Rest}` after 64
/// binaries; Enigma never needs to).
fn write_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    let iovec = a[1];
    with_file(p, a[0], |p, f| {
        let parts = iovec_parts(iovec).ok_or_else(badarg)?;
        let r = write_parts(f, &parts, None);
        Ok(ok_or_posix(p, r))
    })
}

fn pread_nif_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (offset, size) = (a[1], a[2]);
    with_file(p, a[0], |p, f| {
        if !offset.is_number() || !size.is_number() {
            return Err(badarg());
        }
        let (Some(off), Some(n)) = (get_i64(offset), get_i64(size)) else {
            return Ok(posix_error(p, EINVAL));
        };
        if off < 0 || n < 0 {
            return Ok(posix_error(p, EINVAL));
        }
        match read_up_to(
            ReadAt {
                file: &f.file,
                offset: off as u64,
            },
            n as u64,
        ) {
            Ok(data) => Ok(data_or_eof(p, data)),
            Err(e) => Ok(posix_error(p, e)),
        }
    })
}

fn pwrite_nif_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (offset, iovec) = (a[1], a[2]);
    with_file(p, a[0], |p, f| {
        if !offset.is_number() {
            return Err(badarg());
        }
        let parts = iovec_parts(iovec).ok_or_else(badarg)?;
        let Some(off) = get_i64(offset).filter(|o| *o >= 0) else {
            return Ok(posix_error(p, EINVAL));
        };
        let r = write_parts(f, &parts, Some(off as u64));
        Ok(ok_or_posix(p, r))
    })
}

fn seek_nif_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (mark, offset) = (a[1], a[2]);
    with_file(p, a[0], |p, f| {
        let off = get_i64(offset).ok_or_else(badarg)?;
        let from = match mark.as_atom().map(|m| m.name()) {
            Some("bof") => match u64::try_from(off) {
                Ok(o) => SeekFrom::Start(o),
                Err(_) => return Ok(posix_error(p, EINVAL)),
            },
            Some("cur") => SeekFrom::Current(off),
            Some("eof") => SeekFrom::End(off),
            _ => return Err(badarg()),
        };
        match (&f.file).seek(from) {
            Ok(pos) => {
                let t = integer::from_u64(&mut p.heap, pos);
                Ok(ok_tuple(p, t))
            }
            Err(e) => Ok(posix_error(p, errno_of(&e))),
        }
    })
}

fn sync_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    let data_only = a[1];
    with_file(p, a[0], |p, f| {
        let r = if get_i32(data_only).ok_or_else(badarg)? != 0 {
            f.file.sync_data()
        } else {
            f.file.sync_all()
        };
        Ok(ok_or_posix(p, r.map_err(|e| errno_of(&e))))
    })
}

/// Cuts the file at its current position.
fn truncate_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_file(p, a[0], |p, f| {
        let r = (&f.file)
            .stream_position()
            .and_then(|pos| f.file.set_len(pos));
        Ok(ok_or_posix(p, r.map_err(|e| errno_of(&e))))
    })
}

/// `allocate_nif(Handle, Offset, Length)`: Linux's `fallocate(fd, 0, ...)` reserves the
/// blocks and grows the file to `Offset + Length`; Enigma grows the file (sparse).
fn allocate_nif_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (offset, length) = (a[1], a[2]);
    with_file(p, a[0], |p, f| {
        if !offset.is_number() || !length.is_number() {
            return Err(badarg());
        }
        let (Some(off), Some(len)) = (get_i64(offset), get_i64(length)) else {
            return Ok(posix_error(p, EINVAL));
        };
        if off < 0 || len <= 0 {
            return Ok(posix_error(p, EINVAL));
        }
        if f.modes & MODE_WRITE == 0 {
            return Ok(posix_error(p, EBADF));
        }
        let Some(end) = off.checked_add(len) else {
            return Ok(posix_error(p, posix::EFBIG));
        };
        let r = f.file.metadata().and_then(|m| {
            if (end as u64) > m.len() {
                f.file.set_len(end as u64)
            } else {
                Ok(())
            }
        });
        Ok(ok_or_posix(p, r.map_err(|e| errno_of(&e))))
    })
}

/// `advise_nif(Handle, Offset, Length, Advice)`: the advice is only a hint; Enigma checks
/// it as BEAM does and otherwise ignores it.
fn advise_nif_4(p: &mut Process, a: &[Term]) -> BifResult {
    let (offset, length, advice) = (a[1], a[2], a[3]);
    with_file(p, a[0], |p, _f| {
        if !offset.is_number() || !length.is_number() {
            return Err(badarg());
        }
        let (Some(off), Some(len)) = (get_i64(offset), get_i64(length)) else {
            return Ok(posix_error(p, EINVAL));
        };
        if off < 0 || len < 0 {
            return Ok(posix_error(p, EINVAL));
        }
        match advice.as_atom().map(|x| x.name()) {
            Some("normal" | "random" | "sequential" | "will_need" | "dont_need" | "no_reuse") => {
                Ok(Term::atom(atom::OK))
            }
            _ => Ok(posix_error(p, EINVAL)),
        }
    })
}

/// The descriptor number as a 4-byte native-endian binary (for `sendfile`).
fn get_handle_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_file(p, a[0], |p, f| {
        use std::os::fd::AsRawFd;
        let fd: i32 = f.file.as_raw_fd();
        Ok(build::binary(&mut p.heap, &fd.to_ne_bytes()))
    })
}

fn read_handle_info_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_file(p, a[0], |p, f| match f.file.metadata() {
        Ok(m) => {
            let access = posix::handle_access(m.mode(), m.uid(), m.gid());
            Ok(fs_ops::file_info(p, &m, access))
        }
        Err(e) => Ok(posix_error(p, errno_of(&e))),
    })
}

/// `ipread_s32bu_p32bu_nif(Handle, Offset, MaxSize)`: reads the 8-byte pointer
/// `<<Size:32, Position:32>>` at `Offset`, then `Size` bytes at `Position` (for DETS).
fn ipread_s32bu_p32bu_nif_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (offset, max_size) = (a[1], a[2]);
    with_file(p, a[0], |p, f| {
        if !offset.is_number() || !max_size.is_number() {
            return Err(badarg());
        }
        let (Some(off), Some(max)) = (get_i64(offset), get_i64(max_size)) else {
            return Ok(posix_error(p, EINVAL));
        };
        if off < 0 || max >= 1 << 31 {
            return Ok(posix_error(p, EINVAL));
        }
        let pointer = match read_up_to(
            ReadAt {
                file: &f.file,
                offset: off as u64,
            },
            8,
        ) {
            Ok(b) => b,
            Err(e) => return Ok(posix_error(p, e)),
        };
        let (Some(size), Some(pos)) = (pointer.get(0..4), pointer.get(4..8)) else {
            return Ok(Term::atom(atom::EOF));
        };
        let size = u32::from_be_bytes([size[0], size[1], size[2], size[3]]);
        let pos = u32::from_be_bytes([pos[0], pos[1], pos[2], pos[3]]);
        if i64::from(size) > max {
            return Ok(Term::atom(atom::EOF));
        }
        let data = match read_up_to(
            ReadAt {
                file: &f.file,
                offset: u64::from(pos),
            },
            u64::from(size),
        ) {
            Ok(d) => d,
            Err(e) => return Ok(posix_error(p, e)),
        };
        let payload = if data.is_empty() {
            Term::atom(atom::EOF)
        } else {
            build::binary_from_vec(&mut p.heap, data)
        };
        let inner = build::tuple(
            &mut p.heap,
            &[Term::small(size.into()), Term::small(pos.into()), payload],
        );
        Ok(ok_tuple(p, inner))
    })
}

/// The NIFs that touch the file system and may block on it: run on the dirty I/O pool,
/// as BEAM runs them on its dirty I/O schedulers. (`get_handle_nif`, `is_translatable`
/// and the like only look at terms.)
pub const DIRTY_IO: &[(&str, u32)] = &[
    ("open_nif", 2),
    ("close_nif", 1),
    ("read_nif", 2),
    ("write_nif", 2),
    ("pread_nif", 3),
    ("pwrite_nif", 3),
    ("seek_nif", 3),
    ("sync_nif", 2),
    ("truncate_nif", 1),
    ("allocate_nif", 3),
    ("advise_nif", 4),
    ("read_line_nif", 1),
    ("rename_nif", 2),
    ("read_info_nif", 2),
    ("set_permissions_nif", 2),
    ("set_owner_nif", 3),
    ("set_time_nif", 4),
    ("read_link_nif", 1),
    ("list_dir_nif", 1),
    ("make_dir_nif", 1),
    ("del_file_nif", 1),
    ("del_dir_nif", 1),
    ("make_hard_link_nif", 2),
    ("make_soft_link_nif", 2),
    ("read_file_nif", 1),
    ("delayed_close_nif", 1),
    ("altname_nif", 1),
    ("read_handle_info_nif", 1),
];

pub const BIFS: &[BifEntry] = &[
    bif!(
        "prim_file",
        "internal_name2native",
        1,
        names::internal_name2native_1
    ),
    bif!(
        "prim_file",
        "internal_native2name",
        1,
        names::internal_native2name_1
    ),
    bif!(
        "prim_file",
        "internal_normalize_utf8",
        1,
        names::internal_normalize_utf8_1
    ),
    bif!("prim_file", "is_translatable", 1, names::is_translatable_1),
    bif!("prim_file", "open_nif", 2, open_nif_2),
    bif!("prim_file", "close_nif", 1, close_nif_1),
    bif!("prim_file", "read_nif", 2, read_nif_2),
    bif!("prim_file", "write_nif", 2, write_nif_2),
    bif!("prim_file", "pread_nif", 3, pread_nif_3),
    bif!("prim_file", "pwrite_nif", 3, pwrite_nif_3),
    bif!("prim_file", "seek_nif", 3, seek_nif_3),
    bif!("prim_file", "sync_nif", 2, sync_nif_2),
    bif!("prim_file", "truncate_nif", 1, truncate_nif_1),
    bif!("prim_file", "allocate_nif", 3, allocate_nif_3),
    bif!("prim_file", "advise_nif", 4, advise_nif_4),
    bif!(
        "prim_file",
        "read_handle_info_nif",
        1,
        read_handle_info_nif_1
    ),
    bif!(
        "prim_file",
        "make_hard_link_nif",
        2,
        fs_ops::make_hard_link_nif_2
    ),
    bif!(
        "prim_file",
        "make_soft_link_nif",
        2,
        fs_ops::make_soft_link_nif_2
    ),
    bif!("prim_file", "rename_nif", 2, fs_ops::rename_nif_2),
    bif!("prim_file", "read_info_nif", 2, fs_ops::read_info_nif_2),
    bif!(
        "prim_file",
        "set_permissions_nif",
        2,
        fs_ops::set_permissions_nif_2
    ),
    bif!("prim_file", "set_owner_nif", 3, fs_ops::set_owner_nif_3),
    bif!("prim_file", "set_time_nif", 4, fs_ops::set_time_nif_4),
    bif!("prim_file", "read_link_nif", 1, fs_ops::read_link_nif_1),
    bif!("prim_file", "list_dir_nif", 1, fs_ops::list_dir_nif_1),
    bif!("prim_file", "make_dir_nif", 1, fs_ops::make_dir_nif_1),
    bif!("prim_file", "del_file_nif", 1, fs_ops::del_file_nif_1),
    bif!("prim_file", "del_dir_nif", 1, fs_ops::del_dir_nif_1),
    bif!(
        "prim_file",
        "get_device_cwd_nif",
        1,
        fs_ops::get_device_cwd_nif_1
    ),
    bif!("prim_file", "set_cwd_nif", 1, fs_ops::set_cwd_nif_1),
    bif!("prim_file", "get_cwd_nif", 0, fs_ops::get_cwd_nif_0),
    bif!(
        "prim_file",
        "ipread_s32bu_p32bu_nif",
        3,
        ipread_s32bu_p32bu_nif_3
    ),
    bif!("prim_file", "read_file_nif", 1, fs_ops::read_file_nif_1),
    bif!("prim_file", "get_handle_nif", 1, get_handle_nif_1),
    bif!("prim_file", "delayed_close_nif", 1, delayed_close_nif_1),
    bif!("prim_file", "altname_nif", 1, fs_ops::altname_nif_1),
    bif!(
        "prim_file",
        "file_desc_to_ref_nif",
        1,
        file_desc_to_ref_nif_1
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn proc(n: u64) -> Process {
        crate::test_util::test_process_with_pid(n)
    }

    fn name(p: &mut Process, s: &str) -> Term {
        let mut bytes = s.as_bytes().to_vec();
        bytes.push(0);
        build::binary_from_vec(&mut p.heap, bytes)
    }

    fn tmp_name(tag: &str) -> String {
        std::env::temp_dir()
            .join(format!("enigma_prim_file_{tag}_{}", std::process::id()))
            .to_string_lossy()
            .into_owned()
    }

    #[test]
    fn paths_need_their_nul() {
        let mut p = proc(1);
        let good = name(&mut p, "/tmp/x");
        assert_eq!(marshal_path(good), Ok(b"/tmp/x".to_vec()));
        let bare = build::binary(&mut p.heap, b"/tmp/x");
        assert_eq!(marshal_path(bare), Err(EINVAL));
        let inner = build::binary(&mut p.heap, b"a\0bc\0");
        assert_eq!(marshal_path(inner), Err(EINVAL));
        let doubled = build::binary(&mut p.heap, b"ab\0\0");
        assert_eq!(marshal_path(doubled), Ok(b"ab".to_vec()));
        assert_eq!(marshal_path(Term::atom(atom::OK)), Err(EINVAL));
    }

    #[test]
    fn open_write_read_close_and_owner_exit() {
        let mut p = proc(901);
        let path = tmp_name("rw");
        let n = name(&mut p, &path);
        let modes = build::list(&mut p.heap, &[atom_term("read"), atom_term("write")]);
        let opened = open_nif_2(&mut p, &[n, modes])
            .ok()
            .and_then(|t| t.as_tuple().map(|e| e.to_vec()));
        let h = match opened.as_deref() {
            Some([ok, h]) if *ok == Term::atom(atom::OK) => *h,
            other => panic!("open failed: {other:?}"),
        };
        let data = build::binary(&mut p.heap, b"hello");
        let iov = build::list(&mut p.heap, &[data]);
        assert_eq!(
            write_nif_2(&mut p, &[h, iov]).ok(),
            Some(Term::atom(atom::OK))
        );
        let r = pread_nif_3(&mut p, &[h, Term::small(1), Term::small(10)]).ok();
        let bin = r.and_then(|t| t.as_tuple().and_then(|e| e.get(1).copied()));
        assert_eq!(
            bin.and_then(|b| b.binary_bytes()).as_deref(),
            Some(&b"ello"[..])
        );
        assert!(matches!(FILES.lookup(h), Lookup::Id(_)));
        // The owner exits: the file is closed and its handle reads as closed.
        owner_exited(p.pid);
        assert_eq!(FILES.lookup(h), Lookup::Closed);
        let closed = close_nif_1(&mut p, &[h])
            .ok()
            .and_then(|t| t.as_tuple().map(|e| e.to_vec()));
        assert_eq!(
            closed,
            Some(vec![Term::atom(atom::ERROR), atom_term("einval")])
        );
        assert!(close_nif_1(&mut p, &[Term::atom(atom::OK)]).is_err());
        let _ = fs::remove_file(&path);
    }
}
