//! A small safe wrapper over the PCRE2 C library (through `pcre2-sys`, which builds the
//! bundled sources with `cc`): compile a pattern, ask it about its groups and names, match it.
//!
//! A crate of its own so that the VM's `bifs/` stay free of `unsafe`: everything here is
//! foreign calls, each block argued.
//! The `pcre2` crate (the safe binding) cannot be used instead: it takes patterns as `&str`
//! (BEAM's Latin-1 patterns are arbitrary bytes), and it exposes neither the match-time options
//! `re:run` needs (`anchored`, `notbol`, `noteol`, `notempty`, `notempty_atstart`, the match
//! and depth limits) nor the compile options `firstline`, `dollar_endonly`, `ungreedy`,
//! `no_auto_capture`, `dupnames`, `never_utf`, the newline and `\R` conventions, nor custom
//! character tables.
//!
//! Every call is self-contained: contexts and match data are created and freed within one
//! function, and a compiled [`Code`] owns its `pcre2_code` and frees it on drop. A compiled
//! pattern is immutable after `pcre2_compile`, which PCRE2 documents as safe to use from many
//! threads at once (each match has its own match data), so `Code` is `Send + Sync`.

use std::ffi::c_void;
use std::ptr::{self, NonNull};
use std::sync::OnceLock;

use pcre2_sys as sys;

pub use sys::{
    PCRE2_ANCHORED as ANCHORED, PCRE2_CASELESS as CASELESS, PCRE2_DOLLAR_ENDONLY as DOLLAR_ENDONLY,
    PCRE2_DOTALL as DOTALL, PCRE2_DUPNAMES as DUPNAMES, PCRE2_EXTENDED as EXTENDED,
    PCRE2_FIRSTLINE as FIRSTLINE, PCRE2_MATCH_INVALID_UTF as MATCH_INVALID_UTF,
    PCRE2_MULTILINE as MULTILINE, PCRE2_NEVER_UTF as NEVER_UTF, PCRE2_NOTBOL as NOTBOL,
    PCRE2_NOTEMPTY as NOTEMPTY, PCRE2_NOTEMPTY_ATSTART as NOTEMPTY_ATSTART, PCRE2_NOTEOL as NOTEOL,
    PCRE2_NO_AUTO_CAPTURE as NO_AUTO_CAPTURE, PCRE2_NO_START_OPTIMIZE as NO_START_OPTIMIZE,
    PCRE2_UCP as UCP, PCRE2_UNGREEDY as UNGREEDY, PCRE2_UTF as UTF,
};

/// Newline conventions (`pcre2_set_newline` values).
pub use sys::{
    PCRE2_NEWLINE_ANY as NEWLINE_ANY, PCRE2_NEWLINE_ANYCRLF as NEWLINE_ANYCRLF,
    PCRE2_NEWLINE_CR as NEWLINE_CR, PCRE2_NEWLINE_CRLF as NEWLINE_CRLF,
    PCRE2_NEWLINE_LF as NEWLINE_LF,
};

/// What `\R` matches (`pcre2_set_bsr` values).
pub use sys::{PCRE2_BSR_ANYCRLF as BSR_ANYCRLF, PCRE2_BSR_UNICODE as BSR_UNICODE};

/// PCRE2's compile error numbers start here (`pcre2_get_error_message`).
const COMPILE_ERROR_BASE: i32 = 100;

/// A compile error: PCRE2's error number and the byte offset in the pattern where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    pub code: i32,
    pub offset: usize,
}

/// Error number used for newline or `\R` settings that contradict each other (PCRE1 checks
/// this in its compiler; we check before calling PCRE2). Its PCRE2 text is never shown.
pub const ERR_INCONSISTENT_NEWLINE: i32 = COMPILE_ERROR_BASE + 56;

/// Error number for a failed allocation of a context.
const ERR_NO_MEMORY: i32 = COMPILE_ERROR_BASE + 21;

/// How a compile is configured.
#[derive(Debug, Clone, Copy, Default)]
pub struct CompileConfig {
    /// `PCRE2_*` compile option bits.
    pub options: u32,
    /// A `NEWLINE_*` value, or `None` for the default (LF).
    pub newline: Option<u32>,
    /// A `BSR_*` value, or `None` for the default (Unicode).
    pub bsr: Option<u32>,
}

/// A compiled pattern with the facts BEAM asks about it.
pub struct Code {
    raw: NonNull<sys::pcre2_code_8>,
    capture_count: u32,
    /// The name table in PCRE's order (sorted by name): group number and name bytes.
    names: Vec<(u32, Vec<u8>)>,
    /// The newline convention in force (`NEWLINE_*`), including one set by `(*CRLF)` & co.
    newline: u32,
    utf: bool,
}

// SAFETY: the `pcre2_code` is never modified after `pcre2_compile` returns it (no JIT compile
// is done later) and PCRE2 allows one compiled pattern to be used by several threads at once;
// all other fields are plain data.
unsafe impl Send for Code {}
// SAFETY: as above, every `&Code` method only reads the compiled pattern.
unsafe impl Sync for Code {}

impl Drop for Code {
    fn drop(&mut self) {
        // SAFETY: `raw` came from `pcre2_compile_8`, is owned by this `Code` and freed once.
        unsafe { sys::pcre2_code_free_8(self.raw.as_ptr()) }
    }
}

/// The outcome of one match attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exec {
    /// `rc` pairs were set (the highest matched group + 1); `ovector` holds all
    /// `capture_count + 1` pairs, `None` for a group that did not take part.
    Match {
        rc: usize,
        ovector: Vec<Option<(usize, usize)>>,
    },
    NoMatch,
    MatchLimit,
    /// The depth or heap limit (PCRE1's "recursion limit").
    DepthLimit,
    /// Invalid UTF-8 in the subject, or a start offset inside a character.
    BadUtf,
    /// Start offset beyond the subject.
    BadOffset,
    /// Any other PCRE2 error number.
    Other(i32),
}

/// Limits for one match (`None` keeps PCRE2's default of 10,000,000 each, as BEAM's PCRE).
#[derive(Debug, Clone, Copy, Default)]
pub struct Limits {
    pub match_limit: Option<u32>,
    pub depth_limit: Option<u32>,
}

/// Compiles `pattern` (bytes, UTF-8 when `UTF` is set) with BEAM's ISO-8859-1 character tables.
pub fn compile(pattern: &[u8], cfg: CompileConfig) -> Result<Code, CompileError> {
    let tables = latin1_tables();
    // SAFETY: a null general context asks for the default allocator.
    let ctx = unsafe { sys::pcre2_compile_context_create_8(ptr::null_mut()) };
    if ctx.is_null() {
        return Err(CompileError {
            code: ERR_NO_MEMORY,
            offset: 0,
        });
    }
    let mut errcode: i32 = 0;
    let mut erroffset: usize = 0;
    // SAFETY: `ctx` is a live compile context owned here; `tables` is 'static and has the
    // TABLES_LENGTH bytes PCRE2 reads; the setters only store values (an invalid newline or
    // bsr value is rejected with an error code, which we do not need since ours are valid).
    // `pattern` is valid for `pattern.len()` bytes during the call (PCRE2 copies what it keeps).
    let raw = unsafe {
        sys::pcre2_set_character_tables_8(ctx, tables.as_ptr());
        if let Some(nl) = cfg.newline {
            sys::pcre2_set_newline_8(ctx, nl);
        }
        if let Some(bsr) = cfg.bsr {
            sys::pcre2_set_bsr_8(ctx, bsr);
        }
        // PCRE1 (BEAM's engine) only had fixed-length lookbehind branches and allowed \K in
        // lookarounds.
        sys::pcre2_set_max_varlookbehind_8(ctx, 0);
        sys::pcre2_set_compile_extra_options_8(ctx, sys::PCRE2_EXTRA_ALLOW_LOOKAROUND_BSK);
        let raw = sys::pcre2_compile_8(
            pattern.as_ptr(),
            pattern.len(),
            cfg.options,
            &mut errcode,
            &mut erroffset,
            ctx,
        );
        sys::pcre2_compile_context_free_8(ctx);
        raw
    };
    let Some(raw) = NonNull::new(raw) else {
        return Err(CompileError {
            code: errcode,
            offset: erroffset,
        });
    };
    let mut code = Code {
        raw,
        capture_count: 0,
        names: Vec::new(),
        newline: NEWLINE_LF,
        utf: false,
    };
    code.capture_count = code.info_u32(sys::PCRE2_INFO_CAPTURECOUNT);
    code.newline = code.info_u32(sys::PCRE2_INFO_NEWLINE);
    code.utf = code.info_u32(sys::PCRE2_INFO_ALLOPTIONS) & UTF != 0;
    code.names = code.read_name_table();
    Ok(code)
}

impl Code {
    fn info_u32(&self, what: u32) -> u32 {
        let mut v: u32 = 0;
        // SAFETY: the requested items all write one uint32_t into `v`.
        let rc = unsafe {
            sys::pcre2_pattern_info_8(self.raw.as_ptr(), what, &mut v as *mut u32 as *mut c_void)
        };
        if rc == 0 {
            v
        } else {
            0
        }
    }

    fn read_name_table(&self) -> Vec<(u32, Vec<u8>)> {
        let count = self.info_u32(sys::PCRE2_INFO_NAMECOUNT) as usize;
        let entry = self.info_u32(sys::PCRE2_INFO_NAMEENTRYSIZE) as usize;
        if count == 0 || entry < 3 {
            return Vec::new();
        }
        let mut table: *const u8 = ptr::null();
        // SAFETY: PCRE2_INFO_NAMETABLE writes one PCRE2_SPTR.
        let rc = unsafe {
            sys::pcre2_pattern_info_8(
                self.raw.as_ptr(),
                sys::PCRE2_INFO_NAMETABLE,
                &mut table as *mut *const u8 as *mut c_void,
            )
        };
        if rc != 0 || table.is_null() {
            return Vec::new();
        }
        // SAFETY: PCRE2 documents the name table as `count` entries of `entry` bytes each,
        // living as long as the compiled pattern, which `self` keeps alive during this call.
        let bytes = unsafe { std::slice::from_raw_parts(table, count * entry) };
        bytes
            .chunks_exact(entry)
            .map(|e| {
                let group = (u32::from(e[0]) << 8) | u32::from(e[1]);
                let name = &e[2..];
                let len = name.iter().position(|&b| b == 0).unwrap_or(name.len());
                (group, name[..len].to_vec())
            })
            .collect()
    }

    /// Number of capturing groups.
    pub fn capture_count(&self) -> u32 {
        self.capture_count
    }

    /// The named groups, sorted by name as PCRE keeps them (duplicates adjacent).
    pub fn names(&self) -> &[(u32, Vec<u8>)] {
        &self.names
    }

    /// The newline convention (`NEWLINE_*`).
    pub fn newline(&self) -> u32 {
        self.newline
    }

    /// Whether the pattern is in UTF mode (the `unicode` option or `(*UTF)`).
    pub fn is_utf(&self) -> bool {
        self.utf
    }

    /// Matches against `subject` from byte `start` with `PCRE2_*` match options.
    pub fn exec(&self, subject: &[u8], start: usize, options: u32, limits: Limits) -> Exec {
        let code = self.raw.as_ptr();
        // SAFETY: `code` is a live compiled pattern; a null general context is allowed.
        let md = unsafe { sys::pcre2_match_data_create_from_pattern_8(code, ptr::null_mut()) };
        if md.is_null() {
            return Exec::Other(sys::PCRE2_ERROR_NOMEMORY);
        }
        let mut mctx: *mut sys::pcre2_match_context_8 = ptr::null_mut();
        if limits.match_limit.is_some() || limits.depth_limit.is_some() {
            // SAFETY: a null general context asks for the default allocator.
            mctx = unsafe { sys::pcre2_match_context_create_8(ptr::null_mut()) };
            if mctx.is_null() {
                // SAFETY: `md` was created above and is freed once.
                unsafe { sys::pcre2_match_data_free_8(md) };
                return Exec::Other(sys::PCRE2_ERROR_NOMEMORY);
            }
            // SAFETY: `mctx` is a live match context owned here.
            unsafe {
                if let Some(n) = limits.match_limit {
                    sys::pcre2_set_match_limit_8(mctx, n);
                }
                if let Some(n) = limits.depth_limit {
                    sys::pcre2_set_depth_limit_8(mctx, n);
                }
            }
        }
        // SAFETY: `subject` is valid for its length during the call (PCRE2 keeps no pointer
        // to it after returning, as we never ask for substrings by pointer); `md` was made for
        // this pattern; `mctx` is live or null. UTF validity is checked by PCRE2 unless the
        // pattern was compiled with PCRE2_MATCH_INVALID_UTF, which makes invalid input safe.
        let rc = unsafe {
            sys::pcre2_match_8(
                code,
                subject.as_ptr(),
                subject.len(),
                start,
                options,
                md,
                mctx,
            )
        };
        let result = if rc > 0 {
            // SAFETY: `md` is live; the ovector has `count` pairs of PCRE2_SIZE.
            let ovector = unsafe {
                let count = sys::pcre2_get_ovector_count_8(md) as usize;
                let p = sys::pcre2_get_ovector_pointer_8(md);
                std::slice::from_raw_parts(p, count * 2)
            };
            let pairs = ovector
                .chunks_exact(2)
                .map(|pair| match (pair[0], pair[1]) {
                    (s, e) if s == sys::PCRE2_UNSET || e < s || e > subject.len() => None,
                    (s, e) => Some((s, e)),
                })
                .collect();
            Exec::Match {
                rc: rc as usize,
                ovector: pairs,
            }
        } else {
            match rc {
                sys::PCRE2_ERROR_NOMATCH | sys::PCRE2_ERROR_RECURSELOOP => Exec::NoMatch,
                sys::PCRE2_ERROR_MATCHLIMIT => Exec::MatchLimit,
                sys::PCRE2_ERROR_DEPTHLIMIT | sys::PCRE2_ERROR_HEAPLIMIT => Exec::DepthLimit,
                sys::PCRE2_ERROR_BADOFFSET => Exec::BadOffset,
                sys::PCRE2_ERROR_BADUTFOFFSET => Exec::BadUtf,
                e if (sys::PCRE2_ERROR_UTF8_ERR21..=sys::PCRE2_ERROR_UTF8_ERR1).contains(&e) => {
                    Exec::BadUtf
                }
                // rc == 0 means the ovector was too small, which cannot happen with match data
                // made from the pattern.
                e => Exec::Other(e),
            }
        };
        // SAFETY: both were created in this function and are freed once; null is allowed.
        unsafe {
            sys::pcre2_match_data_free_8(md);
            if !mctx.is_null() {
                sys::pcre2_match_context_free_8(mctx);
            }
        }
        result
    }
}

/// PCRE2's own text for an error number.
fn pcre2_message(code: i32) -> String {
    let mut buf = [0u8; 256];
    // SAFETY: `buf` is writable for its length, which is passed.
    let n = unsafe { sys::pcre2_get_error_message_8(code, buf.as_mut_ptr(), buf.len()) };
    if n < 0 {
        return format!("error {code}");
    }
    String::from_utf8_lossy(buf.get(..n as usize).unwrap_or(&[])).into_owned()
}

impl CompileError {
    /// The message BEAM (PCRE 8.44) gives for this error: PCRE1's wording where PCRE2 reworded
    /// an error that both libraries have, PCRE2's text otherwise.
    pub fn message(&self) -> String {
        if self.code < 0 {
            // A UTF error in the pattern.
            return "invalid UTF-8 string".to_string();
        }
        let pcre1 = match self.code - COMPILE_ERROR_BASE {
            7 => "invalid escape sequence in character class",
            9 => "nothing to repeat",
            14 => "missing )",
            17 => "unknown option bit(s) set",
            18 => "missing ) after comment",
            21 => "failed to get memory",
            22 => "unmatched parentheses",
            24 => "malformed number or name after (?(",
            25 | 87 | 100 => "lookbehind assertion is not fixed length",
            26 => "a numbered reference must not be zero",
            27 => "conditional group contains more than two branches",
            28 => "assertion expected after (?( or (?(?C)",
            29 => "digit expected after (?+",
            34 => "character value in \\x{} or \\o{} is too large",
            36 => "\\C not allowed in lookbehind assertion",
            37 => "PCRE does not support \\L, \\l, \\N{name}, \\U, or \\u",
            38 => "number after (?C is > 255",
            39 => "closing ) for (?C expected",
            42 => "syntax error in subpattern name (missing terminator)",
            43 => "two named subpatterns have the same name",
            44 => "group name must start with a non-digit",
            47 => "unknown property name after \\P or \\p",
            48 => "subpattern name is too long (maximum 32 characters)",
            54 => "DEFINE group contains more than one branch",
            56 => "inconsistent NEWLINE options",
            58 => "(?R or (?[+-]digits must be followed by )",
            61 => "number is too big",
            68 => "\\c must be followed by an ASCII character",
            74 => "setting UTF is disabled by the application",
            77 => "character value in \\u.... sequence is too large",
            78 => "digits missing in \\x{} or \\o{}",
            _ => return pcre2_message(self.code),
        };
        pcre1.to_string()
    }
}

/// Length of a PCRE2 character table set: lower-case map, case-flip map, class bitmaps
/// (10 × 32 bytes), character types.
const TABLES_LENGTH: usize = 256 + 256 + 320 + 256;

/// The linked PCRE2's version string (`"10.46 2025-08-27"`), as `pcre2_config` gives it.
pub fn version() -> String {
    let mut buf = [0u8; 64];
    // SAFETY: PCRE2_CONFIG_VERSION writes a NUL-terminated string of at most 24 code
    // units into the buffer, which holds 64.
    let n = unsafe {
        pcre2_sys::pcre2_config_8(
            pcre2_sys::PCRE2_CONFIG_VERSION,
            buf.as_mut_ptr() as *mut core::ffi::c_void,
        )
    };
    let len = if n > 0 {
        (n as usize - 1).min(buf.len())
    } else {
        0
    };
    String::from_utf8_lossy(&buf[..len]).into_owned()
}

/// BEAM's character tables: ISO-8859-1 (Latin-1), as `erts/emulator/pcre/pcre_latin_1_table.c`
/// defines them for PCRE1, in PCRE2's layout. They decide `\w`, `\d`, `\s`, POSIX classes and
/// caseless matching for code points below 256 (in UTF mode too, unless `ucp` is given).
pub fn latin1_tables() -> &'static [u8; TABLES_LENGTH] {
    static TABLES: OnceLock<[u8; TABLES_LENGTH]> = OnceLock::new();
    TABLES.get_or_init(build_latin1_tables)
}

fn build_latin1_tables() -> [u8; TABLES_LENGTH] {
    let is_upper = |c: u8| c.is_ascii_uppercase() || ((0xC0..=0xDE).contains(&c) && c != 0xD7);
    let is_lower = |c: u8| {
        c.is_ascii_lowercase() || matches!(c, 0xAA | 0xB5 | 0xBA) || (c >= 0xDF && c != 0xF7)
    };
    let is_alpha = |c: u8| is_upper(c) || is_lower(c);
    let is_digit = |c: u8| c.is_ascii_digit();
    let is_alnum = |c: u8| is_alpha(c) || is_digit(c);
    let is_space = |c: u8| matches!(c, 9..=13 | 32);
    let is_graph = |c: u8| matches!(c, 33..=126 | 160..=255);
    let is_print = |c: u8| c == 32 || is_graph(c);
    let is_punct = |c: u8| is_graph(c) && !is_alnum(c);
    let is_cntrl = |c: u8| matches!(c, 0..=31 | 127..=159);
    let to_lower = |c: u8| if is_upper(c) { c + 32 } else { c };
    let to_upper = |c: u8| {
        if c.is_ascii_lowercase() || ((0xE0..=0xFE).contains(&c) && c != 0xF7) {
            c - 32
        } else {
            c
        }
    };

    // Offsets of the class bitmaps inside the cbits part (pcre2_internal.h).
    const SPACE: usize = 0;
    const XDIGIT: usize = 32;
    const DIGIT: usize = 64;
    const UPPER: usize = 96;
    const LOWER: usize = 128;
    const WORD: usize = 160;
    const GRAPH: usize = 192;
    const PRINT: usize = 224;
    const PUNCT: usize = 256;
    const CNTRL: usize = 288;
    // Character type bits (pcre2_internal.h).
    const CT_SPACE: u8 = 0x01;
    const CT_LETTER: u8 = 0x02;
    const CT_LCLETTER: u8 = 0x04;
    const CT_DIGIT: u8 = 0x08;
    const CT_WORD: u8 = 0x10;

    let mut t = [0u8; TABLES_LENGTH];
    let (lcc, rest) = t.split_at_mut(256);
    let (fcc, rest) = rest.split_at_mut(256);
    let (cbits, ctypes) = rest.split_at_mut(320);
    for c in 0..=255u8 {
        let i = c as usize;
        lcc[i] = to_lower(c);
        fcc[i] = if is_lower(c) {
            to_upper(c)
        } else {
            to_lower(c)
        };
        let mut set = |base: usize, yes: bool| {
            if yes {
                cbits[base + i / 8] |= 1 << (i % 8);
            }
        };
        set(DIGIT, is_digit(c));
        set(UPPER, is_upper(c));
        set(LOWER, is_lower(c));
        set(WORD, is_alnum(c) || c == b'_');
        set(SPACE, is_space(c));
        set(XDIGIT, c.is_ascii_hexdigit());
        set(GRAPH, is_graph(c));
        set(PRINT, is_print(c));
        set(PUNCT, is_punct(c));
        set(CNTRL, is_cntrl(c));
        let mut ty = 0;
        if is_space(c) {
            ty |= CT_SPACE;
        }
        if is_alpha(c) {
            ty |= CT_LETTER;
        }
        if is_lower(c) {
            ty |= CT_LCLETTER;
        }
        if is_digit(c) {
            ty |= CT_DIGIT;
        }
        if is_alnum(c) || c == b'_' {
            ty |= CT_WORD;
        }
        ctypes[i] = ty;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_tables_match_beams() {
        let t = latin1_tables();
        // Spot checks against erts/emulator/pcre/pcre_latin_1_table.c.
        assert_eq!(t[0xC0], 0xE0); // lcc: À -> à
        assert_eq!(t[0xD7], 0xD7); // × is not a letter
        assert_eq!(t[256 + 0xE0], 0xC0); // fcc: à -> À
        assert_eq!(t[256 + 0xDF], 0xDF); // ß has no upper case in Latin-1
        let cbits = &t[512..832];
        assert_eq!(&cbits[0..5], &[0x00, 0x3e, 0x00, 0x00, 0x01]); // space
        assert_eq!(
            &cbits[160 + 20..160 + 32],
            &[0x00, 0x04, 0x20, 0x04, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0x7f, 0xff]
        ); // word
        assert_eq!(
            &cbits[256 + 20..256 + 32],
            &[0xff, 0xfb, 0xdf, 0xfb, 0, 0, 0x80, 0, 0, 0, 0x80, 0]
        ); // punct
        assert_eq!(&cbits[288..292], &[0xff, 0xff, 0xff, 0xff]); // cntrl 0..31
        assert_eq!(cbits[288 + 15], 0x80); // cntrl 127
    }

    #[test]
    fn compile_and_match() {
        let code = compile(b"(a)(?<n>b)?c", CompileConfig::default()).unwrap();
        assert_eq!(code.capture_count(), 2);
        assert_eq!(code.names(), &[(2, b"n".to_vec())]);
        match code.exec(b"xac", 0, 0, Limits::default()) {
            Exec::Match { rc, ovector } => {
                assert_eq!(rc, 2);
                assert_eq!(ovector, vec![Some((1, 3)), Some((1, 2)), None]);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(code.exec(b"xyz", 0, 0, Limits::default()), Exec::NoMatch);
        assert_eq!(code.exec(b"ac", 3, 0, Limits::default()), Exec::BadOffset);
    }

    #[test]
    fn compile_errors_use_pcre1_wording() {
        let e = compile(b"(a", CompileConfig::default()).err().unwrap();
        assert_eq!((e.message().as_str(), e.offset), ("missing )", 2));
        let e = compile(b"a)", CompileConfig::default()).err().unwrap();
        assert_eq!(e.message(), "unmatched parentheses");
        let e = compile(
            &[0xff],
            CompileConfig {
                options: UTF,
                ..Default::default()
            },
        )
        .err()
        .unwrap();
        assert_eq!(e.message(), "invalid UTF-8 string");
    }

    #[test]
    fn latin1_word_and_case() {
        let w = compile(b"\\w", CompileConfig::default()).unwrap();
        assert!(matches!(
            w.exec(&[0xE9], 0, 0, Limits::default()),
            Exec::Match { .. }
        ));
        let c = compile(
            &[0xE9],
            CompileConfig {
                options: CASELESS,
                ..Default::default()
            },
        )
        .unwrap();
        assert!(matches!(
            c.exec(&[0xC9], 0, 0, Limits::default()),
            Exec::Match { .. }
        ));
    }
}
