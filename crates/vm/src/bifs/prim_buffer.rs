//! `prim_buffer`: the byte queues `prim_file` keeps read-ahead data in (BEAM's
//! `prim_buffer_nif.c`). A buffer is a reference term naming an entry of a global table,
//! freed when the process that created it exits (see `prim_file::handles`).

use std::collections::VecDeque;

use enigma_term::{atom, build, integer, Atom, Term};

use super::prim_file::handles::{Lookup, Registry};
use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult};
use crate::process::Process;

/// A queue of byte chunks, each with how much of it was already consumed.
#[derive(Default)]
struct Buffer {
    chunks: VecDeque<(Vec<u8>, usize)>,
    size: usize,
    locked: bool,
}

impl Buffer {
    /// Removes and returns the first `n <= size` bytes.
    fn take(&mut self, n: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let Some((chunk, used)) = self.chunks.front_mut() else {
                break;
            };
            let rest = chunk.get(*used..).unwrap_or(&[]);
            let k = rest.len().min(n - out.len());
            out.extend_from_slice(rest.get(..k).unwrap_or(&[]));
            *used += k;
            if *used >= chunk.len() {
                self.chunks.pop_front();
            }
        }
        self.size -= out.len();
        out
    }

    /// Drops the first `n <= size` bytes.
    fn skip(&mut self, mut n: usize) {
        self.size -= n;
        while n > 0 {
            let Some((chunk, used)) = self.chunks.front_mut() else {
                break;
            };
            let k = (chunk.len() - *used).min(n);
            *used += k;
            n -= k;
            if *used >= chunk.len() {
                self.chunks.pop_front();
            }
        }
    }

    /// Where the first byte equal to `needle` is.
    fn find(&self, needle: u8) -> Option<usize> {
        let mut offset = 0;
        for (chunk, used) in &self.chunks {
            let rest = chunk.get(*used..).unwrap_or(&[]);
            if let Some(i) = rest.iter().position(|&b| b == needle) {
                return Some(offset + i);
            }
            offset += rest.len();
        }
        None
    }
}

static BUFFERS: Registry<Buffer> = Registry::new(0xB0FF_E120);

/// Frees the buffers the process with local pid number `owner` created.
pub fn owner_exited(owner: u64) {
    BUFFERS.owner_exited(owner);
}

/// Runs `op` on the buffer `t` names, `badarg` if it names none.
fn with_buffer(t: Term, op: impl FnOnce(&mut Buffer) -> BifResult) -> BifResult {
    let Lookup::Id(id) = BUFFERS.lookup(t) else {
        return Err(badarg());
    };
    let b = BUFFERS.get(id).ok_or_else(badarg)?;
    let mut guard = b.lock().unwrap_or_else(|e| e.into_inner());
    op(&mut guard)
}

/// A byte count argument (`enif_get_uint64`).
fn get_u64(t: Term) -> Option<u64> {
    if !t.is_integer() {
        return None;
    }
    t.as_bigint().and_then(|b| u64::try_from(b).ok())
}

fn atom_term(name: &str) -> Term {
    Atom::intern(name)
        .map(Term::atom)
        .unwrap_or(Term::atom(atom::UNDEFINED))
}

fn new_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let owner = p.pid.as_local_pid().unwrap_or(0);
    let id = BUFFERS.insert(owner, Buffer::default());
    Ok(BUFFERS.reference(&mut p.heap, id))
}

fn size_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_buffer(a[0], |b| Ok(integer::from_u64(&mut p.heap, b.size as u64)))
}

/// `copying_read(Buffer, Size)`: the first `Size` bytes, removed; `badarg` if fewer.
fn copying_read_2(p: &mut Process, a: &[Term]) -> BifResult {
    let n = get_u64(a[1]);
    with_buffer(a[0], |b| {
        let n = n.ok_or_else(badarg)?;
        if n > b.size as u64 {
            return Err(badarg());
        }
        let data = b.take(n as usize);
        Ok(build::binary_from_vec(&mut p.heap, data))
    })
}

/// `write(Buffer, IOVec)`: appends every binary of the list.
fn write_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let mut parts = Vec::new();
    let mut l = a[1];
    while let Some((h, t)) = l.as_cons() {
        parts.push(h.binary_bytes().ok_or_else(badarg)?);
        l = t;
    }
    if !l.is_nil() {
        return Err(badarg());
    }
    with_buffer(a[0], |b| {
        for part in parts.into_iter().filter(|p| !p.is_empty()) {
            b.size += part.len();
            b.chunks.push_back((part.into_owned(), 0));
        }
        Ok(Term::atom(atom::OK))
    })
}

/// `peek_head(Buffer)`: the first queued chunk, not removed; `badarg` when empty.
fn peek_head_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_buffer(a[0], |b| {
        let (chunk, used) = b.chunks.front().ok_or_else(badarg)?;
        Ok(build::binary(
            &mut p.heap,
            chunk.get(*used..).unwrap_or(&[]),
        ))
    })
}

fn skip_2(_p: &mut Process, a: &[Term]) -> BifResult {
    let n = get_u64(a[1]);
    with_buffer(a[0], |b| {
        let n = n.ok_or_else(badarg)?;
        if n > b.size as u64 {
            return Err(badarg());
        }
        b.skip(n as usize);
        Ok(Term::atom(atom::OK))
    })
}

/// `find_byte_index(Buffer, Byte)`: `{ok, Index}` or `not_found`.
fn find_byte_index_2(p: &mut Process, a: &[Term]) -> BifResult {
    let needle = a[1].as_small().filter(|n| i32::try_from(*n).is_ok());
    with_buffer(a[0], |b| {
        let needle = needle.ok_or_else(badarg)?;
        let byte = u8::try_from(needle).map_err(|_| badarg())?;
        match b.find(byte) {
            Some(i) => {
                let idx = integer::from_u64(&mut p.heap, i as u64);
                Ok(build::tuple(&mut p.heap, &[Term::atom(atom::OK), idx]))
            }
            None => Ok(atom_term("not_found")),
        }
    })
}

fn try_lock_1(_p: &mut Process, a: &[Term]) -> BifResult {
    with_buffer(a[0], |b| {
        if b.locked {
            return Ok(atom_term("busy"));
        }
        b.locked = true;
        Ok(atom_term("acquired"))
    })
}

fn unlock_1(_p: &mut Process, a: &[Term]) -> BifResult {
    with_buffer(a[0], |b| {
        if !b.locked {
            return Err(crate::emulator::exception::error_atom(
                Atom::intern("lock_order_violation").map_err(|_| badarg())?,
            ));
        }
        b.locked = false;
        Ok(Term::atom(atom::OK))
    })
}

pub const BIFS: &[BifEntry] = &[
    bif!("prim_buffer", "new", 0, new_0),
    bif!("prim_buffer", "size", 1, size_1),
    bif!("prim_buffer", "peek_head", 1, peek_head_1),
    bif!("prim_buffer", "copying_read", 2, copying_read_2),
    bif!("prim_buffer", "write", 2, write_2),
    bif!("prim_buffer", "skip", 2, skip_2),
    bif!("prim_buffer", "find_byte_index", 2, find_byte_index_2),
    bif!("prim_buffer", "try_lock", 1, try_lock_1),
    bif!("prim_buffer", "unlock", 1, unlock_1),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_reads_across_chunks() {
        let mut b = Buffer::default();
        for c in [&b"hello "[..], b"wor", b"ld\nrest"] {
            b.size += c.len();
            b.chunks.push_back((c.to_vec(), 0));
        }
        assert_eq!(b.find(b'\n'), Some(11));
        assert_eq!(b.take(3), b"hel");
        b.skip(4);
        assert_eq!(b.find(b'\n'), Some(4));
        assert_eq!(b.take(5), b"orld\n");
        assert_eq!(b.size, 4);
        assert_eq!(b.find(b'x'), None);
    }
}
