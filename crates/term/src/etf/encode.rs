//! `term_to_binary`: one pass over the term with an explicit work stack, writing what BEAM's
//! `enc_term_int` writes, then optional zlib compression kept only when it is no larger.

use super::tag::*;
use super::{
    pid_number, pid_serial, EncodeError, EncodeOptions, LOCAL_CREATION, LOCAL_NODE, VERSION_MAGIC,
};
use crate::atom::Atom;
use crate::boxed;
use crate::compare;
use crate::map;
use crate::term::Term;
use flate2::{Compress, Compression, FlushCompress, Status};

/// Longest list of bytes written as `STRING_EXT` (its length field has 16 bits).
const MAX_STRING_LEN: usize = 0xFFFF;
/// Largest port number written as `NEW_PORT_EXT`; larger ones need `V4_PORT_EXT`.
const MAX_V3_PORT_NUMBER: u64 = (1 << 28) - 1;

/// One pending piece of work.
enum Work<'a> {
    /// Encode this term.
    Term(Term),
    /// Encode these terms in order (tuple elements, fun environments).
    Seq(&'a [Term]),
    /// Encode the elements of a list from this cell on, then its tail.
    ListRest(Term),
    /// Write the byte count from this offset to the current end (a fun's size field).
    PatchFunSize(usize),
}

/// `term_to_binary(Term, Options)`: the full external form, starting with the version byte.
pub fn encode(t: Term, opts: &EncodeOptions) -> Result<Vec<u8>, EncodeError> {
    if opts.minor_version > 2 || opts.compression > 9 {
        return Err(EncodeError::BadOptions);
    }
    let mut enc = Encoder {
        out: vec![VERSION_MAGIC],
        opts: *opts,
    };
    enc.run(t)?;
    if opts.compression > 0 {
        if let Some(c) = compress(&enc.out[1..], opts.compression) {
            return Ok(c);
        }
    }
    Ok(enc.out)
}

/// The compressed form of `body` (the encoding after the version byte), if it is no larger
/// than the plain form, as BEAM decides: zlib must fit in `body.len() - 5` bytes.
fn compress(body: &[u8], level: u32) -> Option<Vec<u8>> {
    let limit = body.len().checked_sub(5)?;
    let size = u32::try_from(body.len()).ok()?;
    let mut out = Vec::with_capacity(6 + limit);
    out.extend_from_slice(&[VERSION_MAGIC, COMPRESSED]);
    out.extend_from_slice(&size.to_be_bytes());
    out.resize(6 + limit, 0);
    let mut z = Compress::new(Compression::new(level), true);
    match z.compress(body, &mut out[6..], FlushCompress::Finish) {
        Ok(Status::StreamEnd) => {
            let n = usize::try_from(z.total_out()).ok()?;
            out.truncate(6 + n);
            Some(out)
        }
        _ => None,
    }
}

struct Encoder {
    out: Vec<u8>,
    opts: EncodeOptions,
}

fn len32(n: usize) -> Result<u32, EncodeError> {
    u32::try_from(n).map_err(|_| EncodeError::SystemLimit)
}

impl Encoder {
    fn u8(&mut self, b: u8) {
        self.out.push(b);
    }

    fn u16(&mut self, v: u16) {
        self.out.extend_from_slice(&v.to_be_bytes());
    }

    fn u32(&mut self, v: u32) {
        self.out.extend_from_slice(&v.to_be_bytes());
    }

    fn run(&mut self, root: Term) -> Result<(), EncodeError> {
        let mut stack: Vec<Work<'_>> = vec![Work::Term(root)];
        while let Some(w) = stack.pop() {
            let t = match w {
                Work::Term(t) => t,
                Work::Seq(ts) => match ts.split_first() {
                    Some((first, rest)) => {
                        if !rest.is_empty() {
                            stack.push(Work::Seq(rest));
                        }
                        *first
                    }
                    None => continue,
                },
                Work::ListRest(l) => match l.as_cons() {
                    Some((h, tl)) => {
                        stack.push(Work::ListRest(tl));
                        h
                    }
                    None => l,
                },
                Work::PatchFunSize(at) => {
                    let size = len32(self.out.len() - at)?;
                    if let Some(dst) = self.out.get_mut(at..at + 4) {
                        dst.copy_from_slice(&size.to_be_bytes());
                    }
                    continue;
                }
            };
            self.term(t, &mut stack)?;
        }
        Ok(())
    }

    /// Writes the head of `t` and pushes the work for its parts.
    fn term<'a>(&mut self, t: Term, stack: &mut Vec<Work<'a>>) -> Result<(), EncodeError> {
        if let Some(v) = t.as_small() {
            self.small(v);
            return Ok(());
        }
        if let Some(a) = t.as_atom() {
            self.atom(a);
            return Ok(());
        }
        if t.is_nil() {
            self.u8(NIL_EXT);
            return Ok(());
        }
        if let Some(id) = t.as_local_pid() {
            self.local_pid(id);
            return Ok(());
        }
        if let Some(id) = t.as_local_port() {
            self.local_port(id);
            return Ok(());
        }
        if t.is_cons() {
            return self.list(t, stack);
        }
        if !t.is_boxed() {
            return Err(EncodeError::NotATerm);
        }
        match t.header().subtag() {
            boxed::TUPLE => {
                let elems: &'a [Term] = t.boxed_payload();
                match u8::try_from(elems.len()) {
                    Ok(n) => {
                        self.u8(SMALL_TUPLE_EXT);
                        self.u8(n);
                    }
                    Err(_) => {
                        self.u8(LARGE_TUPLE_EXT);
                        self.u32(len32(elems.len())?);
                    }
                }
                if !elems.is_empty() {
                    stack.push(Work::Seq(elems));
                }
            }
            boxed::POS_BIG | boxed::NEG_BIG => {
                let negative = t.header().subtag() == boxed::NEG_BIG;
                let mut bytes: Vec<u8> = t
                    .boxed_payload()
                    .iter()
                    .flat_map(|d| d.raw().to_le_bytes())
                    .collect();
                while bytes.last() == Some(&0) {
                    bytes.pop();
                }
                self.big(negative, &bytes)?;
            }
            boxed::FLOAT => {
                let f = t.as_float().unwrap_or(0.0);
                if self.opts.minor_version == 0 {
                    self.u8(FLOAT_EXT);
                    let s = crate::float_fmt::float_to_list_default(f);
                    let mut buf = [0u8; 31];
                    let n = s.len().min(31);
                    buf[..n].copy_from_slice(&s.as_bytes()[..n]);
                    self.out.extend_from_slice(&buf);
                } else {
                    self.u8(NEW_FLOAT_EXT);
                    self.out.extend_from_slice(&f.to_bits().to_be_bytes());
                }
            }
            boxed::REF => {
                self.u8(NEWER_REFERENCE_EXT);
                self.u16(3);
                self.atom(LOCAL_NODE);
                self.u32(LOCAL_CREATION);
                for n in t.ref_numbers() {
                    self.u32(n);
                }
            }
            boxed::HEAP_BIN | boxed::REFC_BIN | boxed::SUB_BIN => {
                let bits = t.as_bits().ok_or(EncodeError::NotATerm)?;
                let whole = bits.byte_size();
                let rest = (bits.bit_size % 8) as u8;
                let bytes = bits.to_bytes();
                if rest == 0 {
                    self.u8(BINARY_EXT);
                    self.u32(len32(whole)?);
                } else {
                    self.u8(BIT_BINARY_EXT);
                    self.u32(len32(whole + 1)?);
                    self.u8(rest);
                }
                self.out.extend_from_slice(&bytes);
            }
            boxed::MAP => {
                let mut pairs: Vec<(Term, Term)> = map::iter(t).collect();
                self.u8(MAP_EXT);
                self.u32(len32(pairs.len())?);
                if self.opts.deterministic {
                    pairs.sort_by(|a, b| compare::compare(a.0, b.0, true));
                }
                for &(k, v) in pairs.iter().rev() {
                    stack.push(Work::Term(v));
                    stack.push(Work::Term(k));
                }
            }
            boxed::FUN => {
                let entry = t.fun_entry();
                let env: &'a [Term] = t.fun_env();
                self.u8(NEW_FUN_EXT);
                let size_at = self.out.len();
                self.u32(0);
                self.u8(entry.arity as u8);
                self.out.extend_from_slice(&entry.new_uniq);
                self.u32(entry.index);
                self.u32(len32(env.len())?);
                self.atom(entry.module);
                self.small(i64::from(entry.old_index));
                self.small(i64::from(entry.old_uniq));
                match t.fun_creator().as_local_pid() {
                    Some(id) => self.local_pid(id),
                    None => return Err(EncodeError::Unsupported("fun created by a remote pid")),
                }
                stack.push(Work::PatchFunSize(size_at));
                if !env.is_empty() {
                    stack.push(Work::Seq(env));
                }
            }
            boxed::EXPORT => {
                let e = t.export_entry();
                self.u8(EXPORT_EXT);
                self.atom(e.module);
                self.atom(e.function);
                self.small(i64::from(e.arity));
            }
            boxed::EXTERNAL_PID => return Err(EncodeError::Unsupported("external pid")),
            boxed::EXTERNAL_PORT => return Err(EncodeError::Unsupported("external port")),
            boxed::EXTERNAL_REF => return Err(EncodeError::Unsupported("external reference")),
            _ => return Err(EncodeError::NotATerm),
        }
        Ok(())
    }

    /// A list: `STRING_EXT` for a proper list of at most 65535 bytes, else `LIST_EXT` with
    /// the number of cells, the elements and the tail.
    fn list<'a>(&mut self, l: Term, stack: &mut Vec<Work<'a>>) -> Result<(), EncodeError> {
        let mut n: usize = 0;
        let mut string = true;
        let mut cur = l;
        while let Some((h, tl)) = cur.as_cons() {
            n += 1;
            if string
                && (n > MAX_STRING_LEN || !h.as_small().is_some_and(|v| (0..256).contains(&v)))
            {
                string = false;
            }
            cur = tl;
        }
        if string && cur.is_nil() {
            self.u8(STRING_EXT);
            self.u16(n as u16);
            let mut cur = l;
            while let Some((h, tl)) = cur.as_cons() {
                self.u8(h.small_value() as u8);
                cur = tl;
            }
            return Ok(());
        }
        self.u8(LIST_EXT);
        self.u32(len32(n)?);
        stack.push(Work::ListRest(l));
        Ok(())
    }

    /// An integer that fits in a machine word, as BEAM writes a small.
    fn small(&mut self, v: i64) {
        if (0..256).contains(&v) {
            self.u8(SMALL_INTEGER_EXT);
            self.u8(v as u8);
        } else if let Ok(v32) = i32::try_from(v) {
            self.u8(INTEGER_EXT);
            self.out.extend_from_slice(&v32.to_be_bytes());
        } else {
            let mag = v.unsigned_abs().to_le_bytes();
            let len = 8 - mag.iter().rev().take_while(|&&b| b == 0).count();
            self.u8(SMALL_BIG_EXT);
            self.u8(len as u8);
            self.u8(u8::from(v < 0));
            self.out.extend_from_slice(&mag[..len]);
        }
    }

    /// A bignum from its little-endian magnitude without leading zero bytes.
    fn big(&mut self, negative: bool, mag: &[u8]) -> Result<(), EncodeError> {
        match u8::try_from(mag.len()) {
            Ok(n) => {
                self.u8(SMALL_BIG_EXT);
                self.u8(n);
            }
            Err(_) => {
                self.u8(LARGE_BIG_EXT);
                self.u32(len32(mag.len())?);
            }
        }
        self.u8(u8::from(negative));
        self.out.extend_from_slice(mag);
        Ok(())
    }

    /// An atom: Latin-1 `ATOM_EXT` when every character fits and `minor_version` is below 2,
    /// else `SMALL_ATOM_UTF8_EXT` (or `ATOM_UTF8_EXT` above 255 bytes).
    fn atom(&mut self, a: Atom) {
        let name = a.name();
        let latin1 = self.opts.minor_version < 2 && name.chars().all(|c| (c as u32) < 256);
        if latin1 {
            self.u8(ATOM_EXT);
            self.u16(name.chars().count() as u16);
            self.out.extend(name.chars().map(|c| c as u32 as u8));
        } else if let Ok(n) = u8::try_from(name.len()) {
            self.u8(SMALL_ATOM_UTF8_EXT);
            self.u8(n);
            self.out.extend_from_slice(name.as_bytes());
        } else {
            self.u8(ATOM_UTF8_EXT);
            self.u16(name.len() as u16);
            self.out.extend_from_slice(name.as_bytes());
        }
    }

    fn local_pid(&mut self, id: u64) {
        self.u8(NEW_PID_EXT);
        self.atom(LOCAL_NODE);
        self.u32(pid_number(id) as u32);
        self.u32(pid_serial(id) as u32);
        self.u32(LOCAL_CREATION);
    }

    fn local_port(&mut self, id: u64) {
        if id > MAX_V3_PORT_NUMBER {
            self.u8(V4_PORT_EXT);
            self.atom(LOCAL_NODE);
            self.out.extend_from_slice(&id.to_be_bytes());
        } else {
            self.u8(NEW_PORT_EXT);
            self.atom(LOCAL_NODE);
            self.u32(id as u32);
        }
        self.u32(LOCAL_CREATION);
    }
}
