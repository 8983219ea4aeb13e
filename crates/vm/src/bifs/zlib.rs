//! `zlib`: the NIFs under OTP's preloaded `zlib.erl` (BEAM's `zlib_nif.c`), on top of the
//! system zlib through `flate2`'s low-level `Compress`/`Decompress`, so that compressed
//! bytes equal BEAM's for the same level and window bits.
//!
//! A stream is a reference term naming an entry of a global table ([`STREAMS`]); the
//! reference carries the id in its first two numbers and a mark in the third (which
//! `make_ref/0` leaves 0). Every NIF but `open_nif/0` checks that the caller is the
//! stream's controlling process. A stream is freed by `close_nif/1` or when its
//! controlling process exits ([`owner_exited`]), not when the reference is garbage.
//!
//! Input is queued by `enqueue_nif/2`; `deflate_nif/4` and `inflate_nif/4` consume up to
//! an input chunk and produce up to an output chunk per call and answer `{continue, Out}`,
//! `{finished, Out}` or `{need_dictionary, Adler, Out}` exactly as BEAM decides them
//! (BEAM may also stop early when the time slice runs out; Enigma never does, which only
//! changes how output is split between calls).
//!
//! Limits of `flate2`'s safe API (no `unsafe` here): the memory level and the strategy of
//! `deflateInit` are accepted but compression always uses memory level 8 and the default
//! strategy (the output is a valid stream, but its bytes differ from BEAM's for other
//! values); `deflateParams` changing between zlib's stored/fast/slow level classes after
//! data was deflated is unimplemented; `inflateGetDictionary` answers from a window Enigma
//! keeps itself; window bits 8 act as 9.

#![allow(non_snake_case)] // Functions are named after the NIFs (`deflateInit_nif`).

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use enigma_term::etf::{self, DecodeOptions, EncodeOptions};
use enigma_term::{atom, build, integer, Atom, Term};
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

use crate::bif;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, error_atom, BifResult, Fault};
use crate::emulator::instr::Mfa;
use crate::process::Process;

/// Third number of every stream reference.
const MARK: u32 = 0x2_11B0;
/// Size of the inflate window `inflateGetDictionary` returns at most (BEAM's `INFL_DICT_SZ`).
const DICT_WINDOW: usize = 32768;

const Z_NO_FLUSH: i32 = 0;
const Z_PARTIAL_FLUSH: i32 = 1;
const Z_SYNC_FLUSH: i32 = 2;
const Z_FULL_FLUSH: i32 = 3;
const Z_FINISH: i32 = 4;

const EOS_ERROR: i32 = 0;
const EOS_RESET: i32 = 1;

/// What a codec call returned, as zlib's return codes.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Res {
    Ok,
    StreamEnd,
    BufError,
    NeedDict(u32),
}

/// Where a deflate stream is (zlib's `status`, as far as `deflateEnd` cares).
#[derive(Copy, Clone, PartialEq, Eq)]
enum DeflateStatus {
    Init,
    Busy,
    Finished,
}

/// How an inflate stream decodes its wrapper.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Wrap {
    Raw,
    Zlib,
    Gzip,
    /// zlib or gzip, decided by the first input byte.
    Auto,
}

struct Deflater {
    c: Box<Compress>,
    level: i32,
    status: DeflateStatus,
}

struct Inflater {
    wrap: Wrap,
    bits: u8,
    /// Created on the first input byte when `wrap` is `Auto`.
    d: Option<Box<Decompress>>,
    /// The most recent output (and dictionary), for `inflateGetDictionary`.
    window: VecDeque<u8>,
}

impl Inflater {
    fn decoder(&mut self, first: Option<u8>) -> Option<&mut Decompress> {
        if self.d.is_none() {
            let d = match self.wrap {
                Wrap::Raw => Decompress::new_with_window_bits(false, self.bits),
                Wrap::Zlib => Decompress::new_with_window_bits(true, self.bits),
                Wrap::Gzip => Decompress::new_gzip(self.bits),
                Wrap::Auto => match first? {
                    0x1f => Decompress::new_gzip(self.bits),
                    _ => Decompress::new_with_window_bits(true, self.bits),
                },
            };
            self.d = Some(Box::new(d));
        }
        self.d.as_deref_mut()
    }

    fn reset(&mut self) {
        self.d = None;
        self.window.clear();
    }

    fn remember(&mut self, bytes: &[u8]) {
        let keep = (1usize << self.bits).min(DICT_WINDOW);
        if bytes.len() >= keep {
            self.window.clear();
            self.window
                .extend(bytes.get(bytes.len() - keep..).unwrap_or(&[]));
        } else {
            self.window.extend(bytes);
            let excess = self.window.len().saturating_sub(keep);
            self.window.drain(..excess);
        }
    }
}

enum Codec {
    None,
    Deflate(Deflater),
    Inflate(Inflater),
    Closed,
}

struct ZStream {
    codec: Codec,
    controller: u64,
    /// Queued input: chunks and how much of the first one was consumed.
    input: VecDeque<Vec<u8>>,
    front_used: usize,
    queued: usize,
    eos_behavior: i32,
    eos_seen: bool,
    input_crc: flate2::Crc,
    output_crc: flate2::Crc,
    want_input_crc: bool,
    want_output_crc: bool,
    is_raw: bool,
    buf_size: i32,
    /// The stashed term, in the external format.
    stash: Option<Vec<u8>>,
}

impl ZStream {
    fn new(controller: u64) -> ZStream {
        ZStream {
            codec: Codec::None,
            controller,
            input: VecDeque::new(),
            front_used: 0,
            queued: 0,
            eos_behavior: 2,
            eos_seen: false,
            input_crc: flate2::Crc::new(),
            output_crc: flate2::Crc::new(),
            want_input_crc: false,
            want_output_crc: false,
            is_raw: false,
            buf_size: 4000,
            stash: None,
        }
    }

    fn reset_input(&mut self) {
        self.input.clear();
        self.front_used = 0;
        self.queued = 0;
        self.stash = None;
    }

    /// Drops the first `n` queued bytes.
    fn dequeue(&mut self, mut n: usize) {
        self.queued -= n.min(self.queued);
        while n > 0 {
            let Some(front) = self.input.front() else {
                break;
            };
            let left = front.len() - self.front_used;
            if n >= left {
                n -= left;
                self.input.pop_front();
                self.front_used = 0;
            } else {
                self.front_used += n;
                n = 0;
            }
        }
    }
}

/// The stream table.
struct Table {
    next: u64,
    items: HashMap<u64, Arc<Mutex<ZStream>>>,
}

static STREAMS: Mutex<Option<Table>> = Mutex::new(None);
static LIVE: AtomicUsize = AtomicUsize::new(0);

fn table() -> MutexGuard<'static, Option<Table>> {
    STREAMS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Frees the streams whose controlling process `pid` exited (BEAM frees a stream when its
/// last reference is garbage; a dead controller can no longer use it). The runtime calls
/// this when a process exits.
pub fn owner_exited(pid: Term) {
    if LIVE.load(Ordering::Relaxed) == 0 {
        return;
    }
    let Some(owner) = pid.as_local_pid() else {
        return;
    };
    let dropped: Vec<Arc<Mutex<ZStream>>> = {
        let mut g = table();
        let Some(t) = g.as_mut() else {
            return;
        };
        let ids: Vec<u64> = t
            .items
            .iter()
            .filter(|(_, s)| s.lock().map(|s| s.controller == owner).unwrap_or(true))
            .map(|(id, _)| *id)
            .collect();
        ids.iter().filter_map(|id| t.items.remove(id)).collect()
    };
    LIVE.fetch_sub(dropped.len(), Ordering::Relaxed);
}

fn atom_of(name: &str) -> Atom {
    Atom::intern(name).unwrap_or(atom::UNDEFINED)
}

fn raise(name: &str) -> Fault {
    error_atom(atom_of(name))
}

fn caller(p: &Process) -> u64 {
    p.pid.as_local_pid().unwrap_or(0)
}

/// Runs `op` on the stream `z` names after BEAM's checks: `badarg` when `z` is no stream,
/// `not_on_controlling_process` when the caller does not control it.
fn with_stream(
    p: &mut Process,
    z: Term,
    op: impl FnOnce(&mut Process, &mut ZStream) -> BifResult,
) -> BifResult {
    if !z.is_ref() {
        return Err(badarg());
    }
    let n = z.ref_numbers();
    if n[2] != MARK {
        return Err(badarg());
    }
    let id = n[0] as u64 | ((n[1] as u64) << 32);
    let s = table()
        .as_ref()
        .and_then(|t| t.items.get(&id).cloned())
        .ok_or_else(badarg)?;
    let mut g = s.lock().unwrap_or_else(|e| e.into_inner());
    if g.controller != caller(p) {
        return Err(raise("not_on_controlling_process"));
    }
    op(p, &mut g)
}

fn get_int(t: Term) -> Result<i32, Fault> {
    t.as_small()
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(badarg)
}

fn ok() -> BifResult {
    Ok(Term::atom(atom::OK))
}

fn open_nif_0(p: &mut Process, _a: &[Term]) -> BifResult {
    let s = ZStream::new(caller(p));
    let id = {
        let mut g = table();
        let t = g.get_or_insert_with(|| Table {
            next: 1,
            items: HashMap::new(),
        });
        let id = t.next;
        t.next += 1;
        t.items.insert(id, Arc::new(Mutex::new(s)));
        id
    };
    LIVE.fetch_add(1, Ordering::Relaxed);
    Ok(build::reference(
        &mut p.heap,
        [id as u32, (id >> 32) as u32, MARK],
    ))
}

fn close_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_stream(p, a[0], |_, s| {
        if matches!(s.codec, Codec::Closed) {
            return Err(raise("not_initialized"));
        }
        s.codec = Codec::Closed;
        s.stash = None;
        ok()
    })
}

fn set_controller_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    let new = a[1].as_local_pid().ok_or_else(badarg)?;
    with_stream(p, a[0], |_, s| {
        s.controller = new;
        ok()
    })
}

// ---- deflate ----

fn deflateInit_nif_6(p: &mut Process, a: &[Term]) -> BifResult {
    let level = get_int(a[1])?;
    let method = get_int(a[2])?;
    let wbits = get_int(a[3])?;
    let mem = get_int(a[4])?;
    let strategy = get_int(a[5])?;
    with_stream(p, a[0], |_, s| {
        if !matches!(s.codec, Codec::None) {
            return Err(raise("already_initialized"));
        }
        let level = if level == -1 { 6 } else { level };
        let (wrap, bits) = if wbits < 0 {
            (0, wbits.checked_neg().unwrap_or(0))
        } else if wbits > 15 {
            (2, wbits - 16)
        } else {
            (1, wbits)
        };
        if !(0..=9).contains(&level)
            || method != 8
            || !(1..=9).contains(&mem)
            || !(0..=4).contains(&strategy)
            || !(8..=15).contains(&bits)
            || (bits == 8 && wrap != 1)
        {
            return Err(raise("stream_error"));
        }
        let bits = bits.max(9) as u8;
        let lv = Compression::new(level as u32);
        let c = match wrap {
            0 => Compress::new_with_window_bits(lv, false, bits),
            1 => Compress::new_with_window_bits(lv, true, bits),
            _ => Compress::new_gzip(lv, bits),
        };
        s.codec = Codec::Deflate(Deflater {
            c: Box::new(c),
            level,
            status: DeflateStatus::Init,
        });
        s.eos_seen = false;
        s.is_raw = wrap == 0;
        s.want_output_crc = false;
        s.want_input_crc = s.is_raw;
        s.input_crc = flate2::Crc::new();
        s.output_crc = flate2::Crc::new();
        ok()
    })
}

fn deflateSetDictionary_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    let dict = super::erlang::binaries::iolist_bytes(a[1]).ok_or_else(badarg)?;
    with_stream(p, a[0], |p, s| {
        let is_raw = s.is_raw;
        let Codec::Deflate(d) = &mut s.codec else {
            return Err(raise("not_initialized"));
        };
        if d.status != DeflateStatus::Init && !is_raw {
            return Err(raise("stream_error"));
        }
        let sum =
            d.c.set_dictionary(&dict)
                .map_err(|_| raise("stream_error"))?;
        let sum = if is_raw {
            adler32_update(1, &dict)
        } else {
            sum
        };
        Ok(integer::from_i64(&mut p.heap, sum as i32 as i64))
    })
}

fn deflateReset_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_stream(p, a[0], |_, s| {
        let Codec::Deflate(d) = &mut s.codec else {
            return Err(raise("not_initialized"));
        };
        d.c.reset();
        d.status = DeflateStatus::Init;
        s.input_crc = flate2::Crc::new();
        s.eos_seen = false;
        s.reset_input();
        ok()
    })
}

fn deflateEnd_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_stream(p, a[0], |_, s| {
        let Codec::Deflate(d) = &s.codec else {
            return Err(raise("not_initialized"));
        };
        let bad = d.status == DeflateStatus::Busy || s.queued > 0;
        s.reset_input();
        s.codec = Codec::None;
        if bad {
            return Err(raise("data_error"));
        }
        ok()
    })
}

/// zlib's compression function class of a level: stored, fast or slow.
fn level_class(level: i32) -> i32 {
    match level {
        0 => 0,
        1..=3 => 1,
        _ => 2,
    }
}

fn deflateParams_nif_3(p: &mut Process, a: &[Term]) -> BifResult {
    let level = get_int(a[1])?;
    let strategy = get_int(a[2])?;
    with_stream(p, a[0], |_, s| {
        let Codec::Deflate(d) = &mut s.codec else {
            return Err(raise("not_initialized"));
        };
        let level = if level == -1 { 6 } else { level };
        if !(0..=9).contains(&level) || !(0..=4).contains(&strategy) {
            return Err(raise("stream_error"));
        }
        if level_class(level) != level_class(d.level) && d.status != DeflateStatus::Init {
            // zlib would flush the block in progress: flate2 cannot do that safely.
            return Err(Fault::Unimplemented(Mfa {
                module: atom_of("zlib"),
                function: atom_of("deflateParams_nif"),
                arity: 3,
            }));
        }
        d.c.set_level(Compression::new(level as u32))
            .map_err(|_| raise("stream_error"))?;
        d.level = level;
        ok()
    })
}

fn compress_flush(flush: i32) -> Option<FlushCompress> {
    Some(match flush {
        Z_NO_FLUSH => FlushCompress::None,
        Z_PARTIAL_FLUSH => FlushCompress::Partial,
        Z_SYNC_FLUSH => FlushCompress::Sync,
        Z_FULL_FLUSH => FlushCompress::Full,
        Z_FINISH => FlushCompress::Finish,
        _ => return None,
    })
}

fn decompress_flush(flush: i32) -> Option<FlushDecompress> {
    Some(match flush {
        Z_NO_FLUSH | Z_PARTIAL_FLUSH => FlushDecompress::None,
        Z_SYNC_FLUSH | Z_FULL_FLUSH => FlushDecompress::Sync,
        Z_FINISH => FlushDecompress::Finish,
        _ => return None,
    })
}

fn status_res(st: Status) -> Res {
    match st {
        Status::Ok => Res::Ok,
        Status::BufError => Res::BufError,
        Status::StreamEnd => Res::StreamEnd,
    }
}

/// One call of the stream's codec: input, output space, flush; returns (consumed,
/// produced, result).
fn step(
    codec: &mut Codec,
    input: &[u8],
    out: &mut [u8],
    flush: i32,
) -> Result<(usize, usize, Res), Fault> {
    match codec {
        Codec::Deflate(d) => {
            let f = compress_flush(flush).ok_or_else(|| raise("stream_error"))?;
            let (i0, o0) = (d.c.total_in(), d.c.total_out());
            let st =
                d.c.compress(input, out, f)
                    .map_err(|_| raise("stream_error"))?;
            let res = status_res(st);
            if res == Res::StreamEnd {
                d.status = DeflateStatus::Finished;
            } else if d.status != DeflateStatus::Finished {
                d.status = DeflateStatus::Busy;
            }
            Ok((
                (d.c.total_in() - i0) as usize,
                (d.c.total_out() - o0) as usize,
                res,
            ))
        }
        Codec::Inflate(inf) => {
            let f = decompress_flush(flush).ok_or_else(|| raise("stream_error"))?;
            let Some(dec) = inf.decoder(input.first().copied()) else {
                // Auto-detection without a byte yet: nothing to do.
                return Ok((0, 0, Res::BufError));
            };
            let (i0, o0) = (dec.total_in(), dec.total_out());
            let r = dec.decompress(input, out, f);
            let (used, made) = (
                (dec.total_in() - i0) as usize,
                (dec.total_out() - o0) as usize,
            );
            let res = match r {
                Ok(st) => status_res(st),
                Err(e) => match e.needs_dictionary() {
                    Some(adler) => Res::NeedDict(adler),
                    None => return Err(raise("data_error")),
                },
            };
            inf.remember(out.get(..made).unwrap_or(&[]));
            Ok((used, made, res))
        }
        _ => Err(raise("not_initialized")),
    }
}

/// BEAM's `zlib_codec`: runs the codec over the queued input and builds the answer.
fn run_codec(
    p: &mut Process,
    s: &mut ZStream,
    in_chunk: i32,
    out_chunk: i32,
    flush: i32,
) -> BifResult {
    let limit = usize::try_from(in_chunk).unwrap_or(usize::MAX);
    let Ok(out_size) = usize::try_from(out_chunk) else {
        return Ok(Term::atom(atom_of("mem_error")));
    };
    let mut out: Vec<u8> = Vec::new();
    if enigma_heap::allocator::fallible(|| out.try_reserve_exact(out_size)).is_err() {
        return Ok(Term::atom(atom_of("mem_error")));
    }
    out.resize(out_size, 0);

    let mut produced = 0usize;
    let mut consumed = 0usize;
    let mut res = Res::Ok;
    {
        let front_used = s.front_used;
        let blocks = s.input.iter().enumerate().map(|(i, b)| {
            if i == 0 {
                b.get(front_used..).unwrap_or(&[])
            } else {
                &b[..]
            }
        });
        for block in blocks {
            if !(res == Res::Ok && consumed < limit) {
                break;
            }
            let block = block.get(..block.len().min(limit)).unwrap_or(block);
            let room = out.get_mut(produced..).unwrap_or(&mut []);
            let (c, m, r) = step(&mut s.codec, block, room, Z_NO_FLUSH)?;
            consumed += c;
            produced += m;
            res = r;
            if s.want_input_crc {
                s.input_crc.update(block.get(..c).unwrap_or(&[]));
            }
        }
    }
    s.dequeue(consumed);
    let remaining = s.queued;
    if res == Res::Ok && remaining == 0 && produced < out_size {
        let (_, m, r) = step(
            &mut s.codec,
            &[],
            out.get_mut(produced..).unwrap_or(&mut []),
            flush,
        )?;
        produced += m;
        res = r;
    }
    if res == Res::StreamEnd {
        s.eos_seen = true;
    }
    out.truncate(produced);
    if s.want_output_crc {
        s.output_crc.update(&out);
    }
    if consumed == 0 && produced == 0 && remaining != 0 {
        return Err(raise("data_error"));
    }
    let output = if produced > 0 {
        let b = build::binary_from_vec(&mut p.heap, out);
        build::list(&mut p.heap, &[b])
    } else {
        Term::NIL
    };
    if remaining == 0 && produced < out_size {
        return Ok(build::tuple(
            &mut p.heap,
            &[Term::atom(atom_of("finished")), output],
        ));
    }
    match res {
        Res::NeedDict(adler) => {
            let n = integer::from_i64(&mut p.heap, adler as i32 as i64);
            Ok(build::tuple(
                &mut p.heap,
                &[Term::atom(atom_of("need_dictionary")), n, output],
            ))
        }
        _ => Ok(build::tuple(
            &mut p.heap,
            &[Term::atom(atom_of("continue")), output],
        )),
    }
}

fn deflate_nif_4(p: &mut Process, a: &[Term]) -> BifResult {
    let in_chunk = get_int(a[1])?;
    let out_chunk = get_int(a[2])?;
    let flush = get_int(a[3])?;
    with_stream(p, a[0], |p, s| {
        if !matches!(s.codec, Codec::Deflate(_)) {
            return Err(raise("not_initialized"));
        }
        run_codec(p, s, in_chunk, out_chunk, flush)
    })
}

// ---- inflate ----

fn inflateInit_nif_3(p: &mut Process, a: &[Term]) -> BifResult {
    let wbits = get_int(a[1])?;
    let eos = get_int(a[2])?;
    with_stream(p, a[0], |_, s| {
        if !matches!(s.codec, Codec::None) {
            return Err(raise("already_initialized"));
        }
        let (wrap, bits) = match wbits {
            -15..=-8 => (Wrap::Raw, -wbits),
            0..=15 => (Wrap::Zlib, wbits),
            16..=31 => (Wrap::Gzip, wbits & 15),
            32..=47 => (Wrap::Auto, wbits & 15),
            _ => return Err(raise("stream_error")),
        };
        if (1..8).contains(&bits) {
            return Err(raise("stream_error"));
        }
        let bits = if bits == 0 { 15 } else { bits.max(9) } as u8;
        s.codec = Codec::Inflate(Inflater {
            wrap,
            bits,
            d: None,
            window: VecDeque::new(),
        });
        s.eos_behavior = eos;
        s.eos_seen = false;
        s.is_raw = wrap == Wrap::Raw;
        s.want_output_crc = s.is_raw;
        s.want_input_crc = false;
        s.input_crc = flate2::Crc::new();
        s.output_crc = flate2::Crc::new();
        ok()
    })
}

fn inflateSetDictionary_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    let dict = super::erlang::binaries::iolist_bytes(a[1]).ok_or_else(badarg)?;
    with_stream(p, a[0], |_, s| {
        let Codec::Inflate(inf) = &mut s.codec else {
            return Err(raise("not_initialized"));
        };
        let Some(dec) = inf.decoder(None) else {
            return Err(raise("stream_error"));
        };
        match dec.set_dictionary(&dict) {
            Ok(_) => {
                inf.remember(&dict);
                ok()
            }
            Err(e) if e.needs_dictionary().is_some() => Err(raise("data_error")),
            Err(_) => Err(raise("stream_error")),
        }
    })
}

fn inflateGetDictionary_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_stream(p, a[0], |p, s| {
        let Codec::Inflate(inf) = &s.codec else {
            return Err(raise("not_initialized"));
        };
        let bytes: Vec<u8> = inf.window.iter().copied().collect();
        Ok(build::binary_from_vec(&mut p.heap, bytes))
    })
}

fn inflateReset_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_stream(p, a[0], |_, s| {
        let Codec::Inflate(inf) = &mut s.codec else {
            return Err(raise("not_initialized"));
        };
        inf.reset();
        s.output_crc = flate2::Crc::new();
        s.eos_seen = false;
        s.reset_input();
        ok()
    })
}

fn inflateEnd_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_stream(p, a[0], |_, s| {
        if !matches!(s.codec, Codec::Inflate(_)) {
            return Err(raise("not_initialized"));
        }
        let bad = !s.eos_seen || s.queued > 0;
        s.reset_input();
        s.codec = Codec::None;
        if bad {
            return Err(raise("data_error"));
        }
        ok()
    })
}

fn inflate_nif_4(p: &mut Process, a: &[Term]) -> BifResult {
    let in_chunk = get_int(a[1])?;
    let out_chunk = get_int(a[2])?;
    let flush = get_int(a[3])?;
    with_stream(p, a[0], |p, s| {
        let Codec::Inflate(inf) = &mut s.codec else {
            return Err(raise("not_initialized"));
        };
        if s.eos_seen && s.queued > 0 {
            match s.eos_behavior {
                EOS_ERROR => return Err(raise("data_error")),
                EOS_RESET => {
                    inf.reset();
                    s.eos_seen = false;
                }
                _ => s.reset_input(),
            }
        }
        run_codec(p, s, in_chunk, out_chunk, flush)
    })
}

// ---- the rest ----

fn crc32_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_stream(p, a[0], |p, s| {
        let v = match s.codec {
            Codec::Deflate(_) => s.input_crc.sum(),
            Codec::Inflate(_) => s.output_crc.sum(),
            _ => return Err(raise("not_initialized")),
        };
        Ok(integer::from_u64(&mut p.heap, v as u64))
    })
}

fn getStash_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_stream(p, a[0], |p, s| {
        let Some(bytes) = &s.stash else {
            return Ok(Term::atom(atom_of("empty")));
        };
        let (t, _) =
            etf::decode(bytes, &mut p.heap, &DecodeOptions::default()).map_err(|_| badarg())?;
        Ok(build::tuple(&mut p.heap, &[Term::atom(atom::OK), t]))
    })
}

fn clearStash_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_stream(p, a[0], |_, s| {
        if s.stash.take().is_none() {
            return Err(error_atom(atom::ERROR));
        }
        ok()
    })
}

fn setStash_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    let term = a[1];
    with_stream(p, a[0], |_, s| {
        if s.stash.is_some() {
            return Err(error_atom(atom::ERROR));
        }
        let opts = EncodeOptions {
            compression: 0,
            minor_version: 1,
            deterministic: false,
        };
        s.stash = Some(etf::encode(term, &opts).map_err(|_| badarg())?);
        ok()
    })
}

fn getBufSize_nif_1(p: &mut Process, a: &[Term]) -> BifResult {
    with_stream(p, a[0], |_, s| Ok(Term::small(s.buf_size as i64)))
}

fn setBufSize_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    let size = a[1];
    with_stream(p, a[0], |_, s| {
        s.buf_size = get_int(size)?;
        ok()
    })
}

fn enqueue_nif_2(p: &mut Process, a: &[Term]) -> BifResult {
    let iovec = a[1];
    with_stream(p, a[0], |_, s| {
        if !matches!(s.codec, Codec::Deflate(_) | Codec::Inflate(_)) {
            return Err(raise("not_initialized"));
        }
        let mut parts = Vec::new();
        let mut l = iovec;
        while let Some((h, t)) = l.as_cons() {
            if !h.is_binary() {
                return Err(badarg());
            }
            parts.push(h.binary_bytes().ok_or_else(badarg)?.into_owned());
            l = t;
        }
        if !l.is_nil() {
            return Err(badarg());
        }
        for part in parts.into_iter().filter(|b| !b.is_empty()) {
            s.queued += part.len();
            s.input.push_back(part);
        }
        ok()
    })
}

// ---- erlang:crc32/1,2, crc32_combine/3, adler32/1,2, adler32_combine/3 ----
//
// BEAM computes these with zlib too (`erl_bif_chksum.c`); they live here with the rest of
// Enigma's zlib. Every number argument must be an integer in 0..2^32-1.

const CRC_POLY: u32 = 0xedb8_8320;
const ADLER_BASE: u32 = 65521;

fn crc_table() -> &'static [u32; 256] {
    static T: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = [0u32; 256];
        for (n, e) in t.iter_mut().enumerate() {
            let mut c = n as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    CRC_POLY ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *e = c;
        }
        t
    })
}

/// The CRC-32 of `bytes` continuing from `crc`.
fn crc32_update(crc: u32, bytes: &[u8]) -> u32 {
    let t = crc_table();
    let mut c = !crc;
    for &b in bytes {
        c = t[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// `a * b` modulo the CRC polynomial (bit-reflected).
fn mult_mod_p(a: u32, mut b: u32) -> u32 {
    let mut m = 1u32 << 31;
    let mut p = 0u32;
    loop {
        if a & m != 0 {
            p ^= b;
            if a & (m - 1) == 0 {
                break;
            }
        }
        m >>= 1;
        if m == 0 {
            break;
        }
        b = if b & 1 != 0 {
            (b >> 1) ^ CRC_POLY
        } else {
            b >> 1
        };
    }
    p
}

/// x^(8 * len) modulo the CRC polynomial.
fn x8n_mod_p(mut len: u64) -> u32 {
    // x^(2^k) for k = 3.. by repeated squaring.
    let mut sq = 1u32 << 30; // x^1
    for _ in 0..3 {
        sq = mult_mod_p(sq, sq);
    }
    let mut p = 1u32 << 31; // x^0
    while len != 0 {
        if len & 1 != 0 {
            p = mult_mod_p(sq, p);
        }
        len >>= 1;
        sq = mult_mod_p(sq, sq);
    }
    p
}

fn crc32_combine(crc1: u32, crc2: u32, len2: u64) -> u32 {
    mult_mod_p(x8n_mod_p(len2), crc1) ^ crc2
}

/// The Adler-32 of `bytes` continuing from `adler`.
fn adler32_update(adler: u32, bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (adler & 0xffff, adler >> 16);
    for chunk in bytes.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= ADLER_BASE;
        b %= ADLER_BASE;
    }
    (b << 16) | a
}

fn adler32_combine(adler1: u32, adler2: u32, len2: u64) -> u32 {
    let rem = (len2 % ADLER_BASE as u64) as u32;
    let mut sum1 = adler1 & 0xffff;
    let mut sum2 = (rem * sum1) % ADLER_BASE;
    sum1 += (adler2 & 0xffff) + ADLER_BASE - 1;
    sum2 += (adler1 >> 16) + (adler2 >> 16) + ADLER_BASE - rem;
    if sum1 >= ADLER_BASE {
        sum1 -= ADLER_BASE;
    }
    if sum1 >= ADLER_BASE {
        sum1 -= ADLER_BASE;
    }
    if sum2 >= ADLER_BASE << 1 {
        sum2 -= ADLER_BASE << 1;
    }
    if sum2 >= ADLER_BASE {
        sum2 -= ADLER_BASE;
    }
    sum1 | (sum2 << 16)
}

fn get_u32(t: Term) -> Result<u32, Fault> {
    t.as_small()
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(badarg)
}

fn iodata(t: Term) -> Result<Vec<u8>, Fault> {
    super::erlang::binaries::iolist_bytes(t).ok_or_else(badarg)
}

// Long inputs are checksummed in one go (BEAM yields every 1 MB or so).
fn crc32_1(p: &mut Process, a: &[Term]) -> BifResult {
    let v = crc32_update(0, &iodata(a[0])?);
    Ok(integer::from_u64(&mut p.heap, v as u64))
}

fn crc32_2(p: &mut Process, a: &[Term]) -> BifResult {
    let crc = get_u32(a[0])?;
    let v = crc32_update(crc, &iodata(a[1])?);
    Ok(integer::from_u64(&mut p.heap, v as u64))
}

fn crc32_combine_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (c1, c2, n) = (get_u32(a[0])?, get_u32(a[1])?, get_u32(a[2])?);
    Ok(integer::from_u64(
        &mut p.heap,
        crc32_combine(c1, c2, n as u64) as u64,
    ))
}

fn adler32_1(p: &mut Process, a: &[Term]) -> BifResult {
    let v = adler32_update(1, &iodata(a[0])?);
    Ok(integer::from_u64(&mut p.heap, v as u64))
}

fn adler32_2(p: &mut Process, a: &[Term]) -> BifResult {
    let adler = get_u32(a[0])?;
    let v = adler32_update(adler, &iodata(a[1])?);
    Ok(integer::from_u64(&mut p.heap, v as u64))
}

fn adler32_combine_3(p: &mut Process, a: &[Term]) -> BifResult {
    let (a1, a2, n) = (get_u32(a[0])?, get_u32(a[1])?, get_u32(a[2])?);
    let v = if n == 0 {
        a1
    } else {
        adler32_combine(a1, a2, n as u64)
    };
    Ok(integer::from_u64(&mut p.heap, v as u64))
}

pub const BIFS: &[BifEntry] = &[
    bif!("zlib", "open_nif", 0, open_nif_0),
    bif!("zlib", "close_nif", 1, close_nif_1),
    bif!("zlib", "set_controller_nif", 2, set_controller_nif_2),
    bif!("zlib", "deflateInit_nif", 6, deflateInit_nif_6),
    bif!(
        "zlib",
        "deflateSetDictionary_nif",
        2,
        deflateSetDictionary_nif_2
    ),
    bif!("zlib", "deflateReset_nif", 1, deflateReset_nif_1),
    bif!("zlib", "deflateEnd_nif", 1, deflateEnd_nif_1),
    bif!("zlib", "deflateParams_nif", 3, deflateParams_nif_3),
    bif!("zlib", "deflate_nif", 4, deflate_nif_4),
    bif!("zlib", "inflateInit_nif", 3, inflateInit_nif_3),
    bif!(
        "zlib",
        "inflateSetDictionary_nif",
        2,
        inflateSetDictionary_nif_2
    ),
    bif!(
        "zlib",
        "inflateGetDictionary_nif",
        1,
        inflateGetDictionary_nif_1
    ),
    bif!("zlib", "inflateReset_nif", 1, inflateReset_nif_1),
    bif!("zlib", "inflateEnd_nif", 1, inflateEnd_nif_1),
    bif!("zlib", "inflate_nif", 4, inflate_nif_4),
    bif!("zlib", "crc32_nif", 1, crc32_nif_1),
    bif!("zlib", "getStash_nif", 1, getStash_nif_1),
    bif!("zlib", "clearStash_nif", 1, clearStash_nif_1),
    bif!("zlib", "setStash_nif", 2, setStash_nif_2),
    bif!("zlib", "getBufSize_nif", 1, getBufSize_nif_1),
    bif!("zlib", "setBufSize_nif", 2, setBufSize_nif_2),
    bif!("zlib", "enqueue_nif", 2, enqueue_nif_2),
    bif!("erlang", "crc32", 1, crc32_1),
    bif!("erlang", "crc32", 2, crc32_2),
    bif!("erlang", "crc32_combine", 3, crc32_combine_3),
    bif!("erlang", "adler32", 1, adler32_1),
    bif!("erlang", "adler32", 2, adler32_2),
    bif!("erlang", "adler32_combine", 3, adler32_combine_3),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn proc(n: u64) -> Process {
        crate::test_util::test_process_with_pid(n)
    }

    /// The bytes of `{Tag, [Bin]}` / `{Tag, []}` and the tag's name.
    fn chunk(t: Term) -> (String, Vec<u8>) {
        let e = t.as_tuple().map(|e| e.to_vec()).unwrap_or_default();
        let tag = e
            .first()
            .and_then(|a| a.as_atom())
            .map(|a| a.name().to_string())
            .unwrap_or_default();
        let bytes = e
            .last()
            .and_then(|l| build::list_to_vec(*l))
            .unwrap_or_default()
            .iter()
            .flat_map(|b| b.binary_bytes().map(|c| c.into_owned()).unwrap_or_default())
            .collect();
        (tag, bytes)
    }

    #[test]
    fn deflate_then_inflate_through_the_nifs() {
        let mut p = proc(41);
        let z = open_nif_0(&mut p, &[]).ok().unwrap_or(Term::NIL);
        let sm = |v: i64| Term::small(v);
        assert!(deflateInit_nif_6(&mut p, &[z, sm(-1), sm(8), sm(15), sm(8), sm(0)]).is_ok());
        let data = build::binary(&mut p.heap, b"hello hello hello hello");
        let iov = build::list(&mut p.heap, &[data]);
        assert!(enqueue_nif_2(&mut p, &[z, iov]).is_ok());
        let r = deflate_nif_4(&mut p, &[z, sm(64 << 10), sm(8 << 10), sm(4)])
            .ok()
            .unwrap_or(Term::NIL);
        let (tag, bytes) = chunk(r);
        assert_eq!(tag, "finished");
        assert_eq!(
            bytes,
            [120, 156, 203, 72, 205, 201, 201, 87, 200, 64, 39, 1, 104, 3, 8, 177]
        );
        assert!(deflateEnd_nif_1(&mut p, &[z]).is_ok());

        assert!(inflateInit_nif_3(&mut p, &[z, sm(15), sm(2)]).is_ok());
        let c = build::binary(&mut p.heap, &bytes);
        let iov = build::list(&mut p.heap, &[c]);
        assert!(enqueue_nif_2(&mut p, &[z, iov]).is_ok());
        // A 5-byte output chunk: several `continue` answers, then `finished`.
        let mut out = Vec::new();
        loop {
            let r = inflate_nif_4(&mut p, &[z, sm(8 << 10), sm(5), sm(0)])
                .ok()
                .unwrap_or(Term::NIL);
            let (tag, b) = chunk(r);
            out.extend(b);
            if tag != "continue" {
                assert_eq!(tag, "finished");
                break;
            }
        }
        assert_eq!(out, b"hello hello hello hello");
        assert!(inflateEnd_nif_1(&mut p, &[z]).is_ok());
        // Another process may not use the stream.
        let mut q = proc(42);
        assert!(getStash_nif_1(&mut q, &[z]).is_err());
        assert!(close_nif_1(&mut p, &[z]).is_ok());
        owner_exited(p.pid);
        assert!(getStash_nif_1(&mut p, &[z]).is_err());
    }

    #[test]
    fn checksums_match_zlib() {
        assert_eq!(crc32_update(0, b"hello"), 907060870);
        assert_eq!(adler32_update(1, b"hello"), 103547413);
        assert_eq!(
            crc32_combine(crc32_update(0, b"hel"), crc32_update(0, b"lo"), 2),
            907060870
        );
        let (a, b) = (adler32_update(1, b"hel"), adler32_update(1, b"lo"));
        assert_eq!(adler32_combine(a, b, 2), 103547413);
    }
}
