//! `erlang:decode_packet/3`: one packet off the front of a binary, framed as the socket
//! `packet` options frame them (`raw`, `1`, `2`, `4`, `asn1`, `cdr`, `sunrm`, `fcgi`,
//! `tpkt`, `line`, `ssl_tls`), or an HTTP start line or header (`http`, `httph`,
//! `http_bin`, `httph_bin`), with the `packet_size`, `line_length` and `line_delimiter`
//! options.
//!
//! The rules are BEAM's (`packet_parser.c`), including its arithmetic: lengths are 32-bit
//! unsigned numbers and a total packet length is a C `int`, so a header claiming nearly
//! 4 GiB wraps around and is `{error, invalid}`, and one claiming just under 2 GiB asks for
//! `{more, Length}`. Numbers in HTTP lines wrap as BEAM's `int` does.

use std::borrow::Cow;

use enigma_term::{atom, build, map, Term, TermAlloc};

use crate::bif;
use crate::bifs::os::atom_of;
use crate::bifs::BifEntry;
use crate::emulator::exception::{BifResult, Exception, Fault};
use crate::emulator::ops::bits::extract_part;
use crate::process::Process;

/// How a packet is framed.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Kind {
    Raw,
    One,
    Two,
    Four,
    Asn1,
    SunRm,
    Cdr,
    Fcgi,
    Line,
    Tpkt,
    Http,
    HttpH,
    HttpBin,
    HttpHBin,
    SslTls,
}

impl Kind {
    fn from_term(t: Term) -> Option<Kind> {
        if let Some(n) = t.as_small() {
            return match n {
                0 => Some(Kind::Raw),
                1 => Some(Kind::One),
                2 => Some(Kind::Two),
                4 => Some(Kind::Four),
                _ => None,
            };
        }
        Some(match t.as_atom()?.name() {
            "raw" => Kind::Raw,
            "asn1" => Kind::Asn1,
            "sunrm" => Kind::SunRm,
            "cdr" => Kind::Cdr,
            "fcgi" => Kind::Fcgi,
            "line" => Kind::Line,
            "tpkt" => Kind::Tpkt,
            "http" => Kind::Http,
            "httph" => Kind::HttpH,
            "http_bin" => Kind::HttpBin,
            "httph_bin" => Kind::HttpHBin,
            "ssl_tls" => Kind::SslTls,
            _ => return None,
        })
    }

    fn is_http(self) -> bool {
        matches!(
            self,
            Kind::Http | Kind::HttpH | Kind::HttpBin | Kind::HttpHBin
        )
    }
}

/// The options: 0 means no limit, as in BEAM.
struct Limits {
    max_plen: u32,
    trunc_len: u32,
    delimiter: u8,
}

/// `badarg` whose error information says why (`cause` when given).
fn fail(p: &mut Process, cause: Option<&str>) -> Fault {
    let mut pairs = vec![(Term::atom(atom::MODULE), atom_of("erl_erts_errors"))];
    if let Some(c) = cause {
        pairs.push((Term::atom(atom::CAUSE), atom_of(c)));
    }
    let m = map::from_pairs(&mut p.heap, pairs);
    let t = build::tuple(&mut p.heap, &[Term::atom(atom::ERROR_INFO), m]);
    let mut e = Exception::error(Term::atom(atom::BADARG));
    e.info = build::list(&mut p.heap, &[t]);
    Fault::Raise(e)
}

fn options(kind: Kind, mut l: Term) -> Option<Limits> {
    let mut lim = Limits {
        max_plen: 0,
        trunc_len: 0,
        delimiter: b'\n',
    };
    while let Some((h, t)) = l.as_cons() {
        let &[key, val] = h.as_tuple()? else {
            return None;
        };
        let v = u32::try_from(val.as_small()?).ok()?;
        match key.as_atom()?.name() {
            "packet_size" => lim.max_plen = v,
            "line_length" => lim.trunc_len = v,
            "line_delimiter" if kind == Kind::Line && v <= 255 => lim.delimiter = v as u8,
            _ => return None,
        }
        l = t;
    }
    l.is_nil().then_some(lim)
}

fn decode_packet_3(p: &mut Process, a: &[Term]) -> BifResult {
    let Some(kind) = Kind::from_term(a[0]) else {
        return Err(fail(p, Some("badopt")));
    };
    let Some(bits) = a[1].as_bits() else {
        return Err(fail(p, None));
    };
    let Some(lim) = options(kind, a[2]) else {
        return Err(fail(p, None));
    };
    let whole = bits.bit_size / 8;
    let bytes: Cow<[u8]> = match bits.slice(0, whole * 8).as_aligned_bytes() {
        Some(b) => Cow::Borrowed(b),
        None => Cow::Owned(bits.slice(0, whole * 8).to_bytes()),
    };
    p.charge_work(whole.min(1 << 20) / 64);
    let size = packet_length(kind, &bytes, &lim);
    if size < 0 {
        return Ok(error_invalid(p));
    }
    let size = size as usize;
    if size == 0 || size > bytes.len() {
        let more = if size == 0 {
            Term::atom(atom::UNDEFINED)
        } else {
            Term::small(size as i64)
        };
        return Ok(build::tuple(&mut p.heap, &[atom_of("more"), more]));
    }
    let packet = &bytes[..size];
    let body = if kind.is_http() {
        http_term(p, kind, packet)
    } else if kind == Kind::SslTls {
        ssl_tls_term(p, packet)
    } else {
        let (start, len) = body_range(kind, packet);
        extract_part(&mut p.heap, a[1], start * 8, len * 8)
    };
    let rest = extract_part(&mut p.heap, a[1], size * 8, bits.bit_size - size * 8);
    Ok(build::tuple(
        &mut p.heap,
        &[Term::atom(atom::OK), body, rest],
    ))
}

fn error_invalid(p: &mut Process) -> Term {
    build::tuple(&mut p.heap, &[Term::atom(atom::ERROR), atom_of("invalid")])
}

// ---- framing ----

fn be(b: &[u8]) -> u32 {
    b.iter().fold(0u32, |acc, &x| (acc << 8) | x as u32)
}

/// BEAM's `packet_get_length`: the whole packet's length, 0 when more data is needed
/// before it is known, negative when the data is invalid.
fn packet_length(kind: Kind, buf: &[u8], lim: &Limits) -> i32 {
    let n = buf.len().min(u32::MAX as usize) as u32;
    // (header length, body length) of the length-prefixed kinds.
    let (hlen, plen): (u32, u32) = match kind {
        Kind::Raw => return if n == 0 { 0 } else { n as i32 },
        Kind::One | Kind::Two | Kind::Four | Kind::SunRm => {
            let h = match kind {
                Kind::One => 1,
                Kind::Two => 2,
                _ => 4,
            };
            if n < h {
                return 0;
            }
            let v = be(&buf[..h as usize]);
            (
                h,
                if kind == Kind::SunRm {
                    v & 0x7fff_ffff
                } else {
                    v
                },
            )
        }
        Kind::Line => return line_length(buf, n, lim),
        Kind::Asn1 => match asn1_length(buf) {
            Asn1::More => return 0,
            Asn1::Error => return -1,
            Asn1::Len(h, l) => (h, l),
        },
        Kind::Cdr => {
            if n < 12 {
                return 0;
            }
            if &buf[..4] != b"GIOP" {
                return -1;
            }
            let size = &buf[8..12];
            let v = if buf[6] & 1 != 0 {
                u32::from_le_bytes([size[0], size[1], size[2], size[3]])
            } else {
                be(size)
            };
            (12, v)
        }
        Kind::Fcgi => {
            if n < 8 {
                return 0;
            }
            if buf[0] != 1 {
                return -1;
            }
            (8, ((buf[4] as u32) << 8 | buf[5] as u32) + buf[6] as u32)
        }
        Kind::Tpkt => {
            if n < 4 {
                return 0;
            }
            if buf[0] != 3 {
                return -1;
            }
            (4, be(&buf[2..4]).wrapping_sub(4))
        }
        Kind::SslTls => {
            if n < 5 {
                return 0;
            }
            if buf[0] & 0x80 != 0 && buf[2] == 1 {
                (5, (be(&buf[..2]) & 0x7fff).wrapping_sub(3))
            } else {
                (5, be(&buf[3..5]))
            }
        }
        Kind::Http | Kind::HttpBin => return http_length(buf, n, lim, false),
        Kind::HttpH | Kind::HttpHBin => return http_length(buf, n, lim, true),
    };
    let total = hlen.wrapping_add(plen) as i32;
    if (lim.max_plen != 0 && plen > lim.max_plen) || total < hlen as i32 {
        return -1;
    }
    total
}

fn line_length(buf: &[u8], n: u32, lim: &Limits) -> i32 {
    match buf.iter().position(|&b| b == lim.delimiter) {
        None => {
            if lim.max_plen != 0 && n > lim.max_plen {
                -1
            } else if lim.trunc_len != 0 && n >= lim.trunc_len {
                lim.trunc_len as i32
            } else {
                0
            }
        }
        Some(at) => {
            let len = at as u32 + 1;
            if lim.max_plen != 0 && len > lim.max_plen {
                -1
            } else if lim.trunc_len != 0 && len > lim.trunc_len {
                lim.trunc_len as i32
            } else {
                len as i32
            }
        }
    }
}

enum Asn1 {
    More,
    Error,
    /// Header and body length.
    Len(u32, u32),
}

/// The tag and length of a BER item (short or long tag, short or long length form).
fn asn1_length(buf: &[u8]) -> Asn1 {
    if buf.len() < 2 {
        return Asn1::More;
    }
    let mut i = 1;
    let mut nn = buf.len() - 1;
    if buf[0] & 0x1f == 0x1f {
        while nn > 0 && buf[i] & 0x80 != 0 {
            i += 1;
            nn -= 1;
        }
        if nn < 2 {
            return Asn1::More;
        }
        i += 1;
        nn -= 1;
    }
    let first = buf[i];
    let length = (first & 0x7f) as usize;
    let plen = if first & 0x80 != 0 {
        i += 1;
        nn -= 1;
        if nn < length {
            return Asn1::More;
        }
        let v = match length {
            0..=4 => be(&buf[i..i + length]),
            _ => return Asn1::Error,
        };
        i += length;
        v
    } else {
        i += 1;
        length as u32
    };
    Asn1::Len(i as u32, plen)
}

/// An HTTP line (with its continuation lines in header mode): BEAM's rules, `line_length`
/// standing in for `packet_size` when that is not given.
fn http_length(buf: &[u8], n: u32, lim: &Limits, header: bool) -> i32 {
    if buf == b"\n" || buf == b"\r\n" {
        return n as i32;
    }
    let max = if lim.max_plen == 0 {
        lim.trunc_len
    } else {
        lim.max_plen
    };
    let mut from = 0usize;
    loop {
        let Some(at) = buf[from..].iter().position(|&b| b == b'\n') else {
            if max != 0 && n >= max {
                return -1;
            }
            return 0;
        };
        let plen = (from + at + 1) as u32;
        let too_long = max != 0 && plen > max;
        if !header {
            return if too_long { -1 } else { plen as i32 };
        }
        if plen < n {
            if is_space(buf[plen as usize]) && plen > 2 {
                // The header's value continues on the next line.
                from = plen as usize;
                continue;
            }
            return if too_long { -1 } else { plen as i32 };
        }
        return if too_long { -1 } else { 0 };
    }
}

/// Where the body of a plain packet lies within it.
fn body_range(kind: Kind, packet: &[u8]) -> (usize, usize) {
    let len = packet.len();
    match kind {
        Kind::One => (1, len - 1),
        Kind::Two => (2, len - 2),
        Kind::Four => (4, len - 4),
        Kind::Fcgi => (0, len.saturating_sub(packet[6] as usize)),
        _ => (0, len),
    }
}

// ---- ssl_tls ----

fn ssl_tls_term(p: &mut Process, buf: &[u8]) -> Term {
    let (ty, major, minor, data) = if buf[0] & 0x80 != 0 && buf[2] == 1 {
        // An SSL 2 client hello, rewritten as a handshake record's body.
        let len = (buf.len() - 3) as u32;
        let mut d = vec![1, (len >> 16) as u8, (len >> 8) as u8, len as u8];
        d.extend_from_slice(&buf[3..]);
        (22, buf[3], buf[4], d)
    } else {
        (buf[0], buf[1], buf[2], buf[5..].to_vec())
    };
    let ver = build::tuple(
        &mut p.heap,
        &[Term::small(major as i64), Term::small(minor as i64)],
    );
    let bin = build::binary_from_vec(&mut p.heap, data);
    build::tuple(
        &mut p.heap,
        &[
            atom_of("ssl_tls"),
            Term::NIL,
            Term::small(ty as i64),
            ver,
            bin,
        ],
    )
}

// ---- HTTP ----

/// The header names BEAM knows, in its order: `{http_header, Index + 1, Atom, ...}`.
const HEADERS: [&str; 52] = [
    "Cache-Control",
    "Connection",
    "Date",
    "Pragma",
    "Transfer-Encoding",
    "Upgrade",
    "Via",
    "Accept",
    "Accept-Charset",
    "Accept-Encoding",
    "Accept-Language",
    "Authorization",
    "From",
    "Host",
    "If-Modified-Since",
    "If-Match",
    "If-None-Match",
    "If-Range",
    "If-Unmodified-Since",
    "Max-Forwards",
    "Proxy-Authorization",
    "Range",
    "Referer",
    "User-Agent",
    "Age",
    "Location",
    "Proxy-Authenticate",
    "Public",
    "Retry-After",
    "Server",
    "Vary",
    "Warning",
    "Www-Authenticate",
    "Allow",
    "Content-Base",
    "Content-Encoding",
    "Content-Language",
    "Content-Length",
    "Content-Location",
    "Content-Md5",
    "Content-Range",
    "Content-Type",
    "Etag",
    "Expires",
    "Last-Modified",
    "Accept-Ranges",
    "Set-Cookie",
    "Set-Cookie2",
    "X-Forwarded-For",
    "Cookie",
    "Keep-Alive",
    "Proxy-Connection",
];

/// The request methods that become atoms (matched case-sensitively).
const METHODS: [&str; 7] = ["OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE"];

/// Longest header name that is case-normalised and looked up.
const MAX_NAME_LEN: usize = 50;

fn is_space(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// HTTP's separators and controls (BEAM's `tspecial`); bytes above 127 count as one.
fn is_tspecial(b: u8) -> bool {
    !(33..127).contains(&b) || b"()<>@,;:\\\"/[]?={} \t".contains(&b)
}

/// A string of the packet: a binary for the `_bin` kinds, else a list of bytes.
fn string(heap: &mut dyn TermAlloc, as_bin: bool, s: &[u8]) -> Term {
    if as_bin {
        build::binary(heap, s)
    } else {
        build::string_list(heap, s.iter().map(|&b| b as u32))
    }
}

/// A run of ASCII digits as BEAM's `int` accumulates it (wrapping).
fn digits(s: &[u8], i: &mut usize) -> (i32, bool) {
    let start = *i;
    let mut v = 0i32;
    while let Some(&c) = s.get(*i).filter(|c| c.is_ascii_digit()) {
        v = v.wrapping_mul(10).wrapping_add((c - b'0') as i32);
        *i += 1;
    }
    (v, *i > start)
}

/// The term for one HTTP packet: a request or status line, a header, `http_eoh`, or
/// `{http_error, Line}` when the line does not parse.
fn http_term(p: &mut Process, kind: Kind, packet: &[u8]) -> Term {
    let as_bin = matches!(kind, Kind::HttpBin | Kind::HttpHBin);
    let header = matches!(kind, Kind::HttpH | Kind::HttpHBin);
    let heap = &mut p.heap;
    let parsed = if header {
        parse_header(heap, as_bin, packet)
    } else {
        parse_start_line(heap, as_bin, packet)
    };
    match parsed {
        Some(t) => t,
        None => {
            let line = string(heap, as_bin, packet);
            build::tuple(heap, &[atom_of("http_error"), line])
        }
    }
}

/// The line without its final CRLF (or LF).
fn trim_line(packet: &[u8]) -> &[u8] {
    let n = packet.len();
    if n >= 2 && packet[n - 2] == b'\r' {
        &packet[..n - 2]
    } else if n >= 1 && packet[n - 1] == b'\n' {
        &packet[..n - 1]
    } else {
        packet
    }
}

fn parse_start_line(heap: &mut dyn TermAlloc, as_bin: bool, packet: &[u8]) -> Option<Term> {
    let s = trim_line(packet);
    if s.starts_with(b"HTTP/") {
        return parse_status_line(heap, as_bin, s);
    }
    // Request-Line = Method SP Request-URI SP HTTP-Version
    let mut i = 0;
    while i < s.len() && !is_tspecial(s[i]) {
        i += 1;
    }
    let meth = &s[..i];
    if i == s.len() || meth.is_empty() || !is_space(s[i]) {
        return None;
    }
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let uri_start = i;
    while i < s.len() && !is_space(s[i]) {
        i += 1;
    }
    let uri = &s[uri_start..i];
    if uri.is_empty() {
        return None;
    }
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let (major, minor) = if i == s.len() {
        (0, 9)
    } else {
        let rest = &s[i..];
        if rest.len() < 8 || !rest.starts_with(b"HTTP/") {
            return None;
        }
        let mut j = i + 5;
        let (major, any) = digits(s, &mut j);
        if !any || s.get(j) != Some(&b'.') {
            return None;
        }
        j += 1;
        let (minor, any) = digits(s, &mut j);
        if !any {
            return None;
        }
        (major, minor)
    };
    let meth_term = match METHODS.iter().find(|m| m.as_bytes() == meth) {
        Some(m) => atom_of(m),
        None => string(heap, as_bin, meth),
    };
    let uri_term = uri_term(heap, as_bin, uri);
    let ver = build::tuple(
        heap,
        &[Term::small(major as i64), Term::small(minor as i64)],
    );
    Some(build::tuple(
        heap,
        &[atom_of("http_request"), meth_term, uri_term, ver],
    ))
}

/// Status-Line = HTTP-Version SP Status-Code SP Reason-Phrase (the phrase may be empty).
fn parse_status_line(heap: &mut dyn TermAlloc, as_bin: bool, s: &[u8]) -> Option<Term> {
    let mut i = 5;
    let (major, any) = digits(s, &mut i);
    if !any || s.get(i) != Some(&b'.') {
        return None;
    }
    i += 1;
    let (minor, any) = digits(s, &mut i);
    if !any {
        return None;
    }
    let sp = i;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    if i == sp {
        return None;
    }
    let (status, _) = digits(s, &mut i);
    let sp = i;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    if i == sp && i < s.len() {
        return None;
    }
    let phrase = string(heap, as_bin, &s[i..]);
    let ver = build::tuple(
        heap,
        &[Term::small(major as i64), Term::small(minor as i64)],
    );
    Some(build::tuple(
        heap,
        &[
            atom_of("http_response"),
            ver,
            Term::small(status as i64),
            phrase,
        ],
    ))
}

/// Request-URI = "*" | absoluteURI | abs_path | anything else (as a string).
fn uri_term(heap: &mut dyn TermAlloc, as_bin: bool, uri: &[u8]) -> Term {
    if uri == b"*" {
        return atom_of("*");
    }
    if uri.len() <= 1 || uri[0] == b'/' {
        let path = string(heap, as_bin, uri);
        return build::tuple(heap, &[atom_of("abs_path"), path]);
    }
    let lower = |n: usize| uri.get(..n).map(|s| s.to_ascii_lowercase());
    let scheme = if lower(7).as_deref() == Some(&b"http://"[..]) {
        Some(("http", 7))
    } else if lower(8).as_deref() == Some(&b"https://"[..]) {
        Some(("https", 8))
    } else {
        None
    };
    if let Some((name, skip)) = scheme {
        let rest = &uri[skip..];
        let (hostport, path): (&[u8], &[u8]) = match rest.iter().position(|&b| b == b'/') {
            Some(at) => (&rest[..at], &rest[at..]),
            None => (rest, b"/"),
        };
        let (host, port) = match hostport.iter().position(|&b| b == b':') {
            None => (hostport, Term::atom(atom::UNDEFINED)),
            Some(at) => {
                let digits_part = &hostport[at + 1..];
                let mut j = 0;
                let (port, _) = digits(digits_part, &mut j);
                let port = if j == digits_part.len() && port != 0 {
                    Term::small(port as i64)
                } else {
                    Term::atom(atom::UNDEFINED)
                };
                (&hostport[..at], port)
            }
        };
        let host = string(heap, as_bin, host);
        let path = string(heap, as_bin, path);
        return build::tuple(
            heap,
            &[atom_of("absoluteURI"), atom_of(name), host, port, path],
        );
    }
    match uri.iter().position(|&b| b == b':') {
        None => string(heap, as_bin, uri),
        Some(at) => {
            let s1 = string(heap, as_bin, &uri[..at]);
            let s2 = string(heap, as_bin, &uri[at + 1..]);
            build::tuple(heap, &[atom_of("scheme"), s1, s2])
        }
    }
}

/// A header line, `http_eoh` for the empty line that ends the headers.
fn parse_header(heap: &mut dyn TermAlloc, as_bin: bool, packet: &[u8]) -> Option<Term> {
    let s = trim_line(packet);
    if s.is_empty() {
        return Some(atom_of("http_eoh"));
    }
    // The name, normalised: the first letter and each after a '-' upper case, the rest
    // lower case.
    let mut name = Vec::with_capacity(MAX_NAME_LEN);
    let mut up = true;
    let mut i = 0;
    while !is_tspecial(s[i]) {
        let mut c = s[i];
        if up {
            c = c.to_ascii_uppercase();
            up = false;
        } else if c.is_ascii_uppercase() {
            c = c.to_ascii_lowercase();
        } else if c == b'-' {
            up = true;
        }
        if name.len() < MAX_NAME_LEN {
            name.push(c);
        }
        i += 1;
        if i == s.len() {
            return None;
        }
    }
    if s[i] != b':' {
        return None;
    }
    let original = &s[..i];
    let (bit, name_term) = if i <= MAX_NAME_LEN {
        match HEADERS.iter().position(|h| h.as_bytes() == &name[..]) {
            Some(k) => (k as i64 + 1, atom_of(HEADERS[k])),
            None => (0, string(heap, as_bin, &name)),
        }
    } else {
        (0, string(heap, as_bin, original))
    };
    i += 1;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let oname = string(heap, as_bin, original);
    let value = string(heap, as_bin, &s[i..]);
    Some(build::tuple(
        heap,
        &[
            atom_of("http_header"),
            Term::small(bit),
            name_term,
            oname,
            value,
        ],
    ))
}

pub const BIFS: &[BifEntry] = &[bif!("erlang", "decode_packet", 3, decode_packet_3)];

#[cfg(test)]
mod tests {
    use super::*;

    fn lim() -> Limits {
        Limits {
            max_plen: 0,
            trunc_len: 0,
            delimiter: b'\n',
        }
    }

    #[test]
    fn lengths_wrap_as_in_beam() {
        assert_eq!(packet_length(Kind::Four, &[255, 255, 255, 255], &lim()), -1);
        assert_eq!(
            packet_length(Kind::Four, &[127, 255, 255, 240], &lim()),
            0x7fff_fff4
        );
        assert_eq!(packet_length(Kind::Four, &[128, 0, 0, 0], &lim()), -1);
        assert_eq!(packet_length(Kind::Tpkt, &[3, 0, 0, 2], &lim()), -1);
        assert_eq!(packet_length(Kind::Tpkt, &[3, 0, 0, 4], &lim()), 4);
        assert_eq!(packet_length(Kind::Raw, &[], &lim()), 0);
    }

    #[test]
    fn asn1_forms() {
        assert!(matches!(asn1_length(&[0x30, 0x03]), Asn1::Len(2, 3)));
        assert!(matches!(
            asn1_length(&[0x30, 0x82, 1, 0]),
            Asn1::Len(4, 256)
        ));
        assert!(matches!(
            asn1_length(&[0x1f, 0x81, 0x01, 0x05]),
            Asn1::Len(4, 5)
        ));
        assert!(matches!(
            asn1_length(&[0x30, 0x85, 1, 1, 1, 1, 1]),
            Asn1::Error
        ));
        assert!(matches!(asn1_length(&[0x30, 0x85, 1]), Asn1::More));
        assert!(matches!(asn1_length(&[0x30]), Asn1::More));
    }

    #[test]
    fn http_lines_and_continuations() {
        assert_eq!(http_length(b"GET / HTTP/1.0\r\nX", 17, &lim(), false), 16);
        assert_eq!(http_length(b"A: b\r\n c\r\nX", 11, &lim(), true), 10);
        assert_eq!(http_length(b"A: b\r\n", 6, &lim(), true), 0);
        assert_eq!(http_length(b"\r\n", 2, &lim(), true), 2);
    }
}
