//! BIFs of the `re` module: `version/0`, `compile/1,2`, `run/2,3`, `internal_run/4` and
//! `inspect/2`. The rest of `re` (`replace`, `split`, and the `grun`/`urun`/`ucompile` helpers
//! these BIFs trap to) is OTP's own Erlang code in `re.beam`.
//!
//! # Why PCRE2
//! BEAM's `re` is PCRE 8.44, bundled in erts. Programs depend on PCRE's dialect: backreferences,
//! lookahead and lookbehind, atomic groups and possessive quantifiers, recursion, `\R`, `\K`,
//! named groups (and duplicate names), Unicode properties (`\p{L}`), backtracking verbs, the
//! newline conventions. Rust's `regex` crate deliberately has none of the backtracking features,
//! and a home-made engine would differ in countless corner cases. PCRE2 is the maintained
//! successor of the same library with the same dialect, so we use it, with BEAM's ISO-8859-1
//! character tables, PCRE1's fixed-length lookbehind rule, PCRE1's literal hyphen after a class
//! escape (`[\w-.]`) and PCRE1's error texts and offsets ([`compat`]). It is linked through
//! `pcre2-sys` (which builds the bundled C sources with `cc`); [`pcre`] explains why not
//! through the safe `pcre2` crate.
//!
//! # The compiled pattern
//! `re:compile` returns `{re_pattern, NumGroups, Unicode, UseCrLf, Bin}` as BEAM does, but `Bin`
//! is ours: a magic prefix, the compile options and the pattern source (see [`Spec`]). A pattern
//! is compiled again from that description when used, through a small global cache keyed by the
//! description, so compiled patterns are plain data that can be sent, stored and compared.
//! Binaries compiled by BEAM (a `term_to_binary` of BEAM's tuple) are rejected with `badarg`.
//!
//! # Known differences from BEAM
//! - Error texts and offsets of `re:compile` are PCRE1's for the errors both libraries have
//!   (checked against `erl` for about 80 bad patterns); a few rare ones (`\g0`, `\N{U+41}`,
//!   `(?<>a)`) keep PCRE2's text or offset. PCRE2 accepts a little more (names longer than
//!   32 characters, `\N{U+hh}` in UTF mode).
//! - `re:version()` answers BEAM's `"8.44 2020-02-12"`, the PCRE whose behaviour this is.
//! - `match_limit` counts PCRE2's units and `match_limit_recursion` is PCRE2's depth limit, so
//!   the exact limit at which `{error, match_limit}` appears differs.
//! - A match runs to its end without yielding (BEAM yields every ~4000 reductions' worth of
//!   work) and charges no reductions.
//! - `{offset, N}` beyond the subject raises a catchable `error:internal_error` (BEAM raises an
//!   uncatchable internal error).

mod compat;
use enigma_pcre as pcre;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use enigma_term::atom::{self, Atom};
use enigma_term::{build, Term, TermAlloc};

use crate::bif;
use crate::bifs::erlang::binaries::iolist_bytes;
use crate::bifs::BifEntry;
use crate::emulator::exception::{badarg, BifResult, Exception, Fault};
use crate::process::Process;

use pcre::{Code, CompileConfig, CompileError, Exec, Limits};

/// The atoms this module reads and writes, interned once.
struct Atoms {
    re: Atom,
    re_pattern: Atom,
    grun: Atom,
    urun: Atom,
    ucompile: Atom,
    capture: Atom,
    offset: Atom,
    match_limit: Atom,
    match_limit_recursion: Atom,
    newline: Atom,
    cr: Atom,
    lf: Atom,
    crlf: Atom,
    any: Atom,
    anycrlf: Atom,
    anchored: Atom,
    notempty: Atom,
    notempty_atstart: Atom,
    notbol: Atom,
    noteol: Atom,
    no_start_optimize: Atom,
    caseless: Atom,
    dollar_endonly: Atom,
    dotall: Atom,
    extended: Atom,
    firstline: Atom,
    multiline: Atom,
    no_auto_capture: Atom,
    dupnames: Atom,
    ungreedy: Atom,
    ucp: Atom,
    never_utf: Atom,
    report_errors: Atom,
    bsr_anycrlf: Atom,
    bsr_unicode: Atom,
    all_but_first: Atom,
    all_names: Atom,
    match_: Atom,
    compile: Atom,
    namelist: Atom,
    internal_error: Atom,
}

fn atoms() -> &'static Atoms {
    static ATOMS: OnceLock<Atoms> = OnceLock::new();
    ATOMS.get_or_init(|| {
        let a = |s: &str| Atom::intern(s).unwrap_or(atom::UNDEFINED);
        Atoms {
            re: a("re"),
            re_pattern: a("re_pattern"),
            grun: a("grun"),
            urun: a("urun"),
            ucompile: a("ucompile"),
            capture: a("capture"),
            offset: a("offset"),
            match_limit: a("match_limit"),
            match_limit_recursion: a("match_limit_recursion"),
            newline: a("newline"),
            cr: a("cr"),
            lf: a("lf"),
            crlf: a("crlf"),
            any: a("any"),
            anycrlf: a("anycrlf"),
            anchored: a("anchored"),
            notempty: a("notempty"),
            notempty_atstart: a("notempty_atstart"),
            notbol: a("notbol"),
            noteol: a("noteol"),
            no_start_optimize: a("no_start_optimize"),
            caseless: a("caseless"),
            dollar_endonly: a("dollar_endonly"),
            dotall: a("dotall"),
            extended: a("extended"),
            firstline: a("firstline"),
            multiline: a("multiline"),
            no_auto_capture: a("no_auto_capture"),
            dupnames: a("dupnames"),
            ungreedy: a("ungreedy"),
            ucp: a("ucp"),
            never_utf: a("never_utf"),
            report_errors: a("report_errors"),
            bsr_anycrlf: a("bsr_anycrlf"),
            bsr_unicode: a("bsr_unicode"),
            all_but_first: a("all_but_first"),
            all_names: a("all_names"),
            match_: a("match"),
            compile: a("compile"),
            namelist: a("namelist"),
            internal_error: a("internal_error"),
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

/// An option only `re:compile` (and `re:run` with a textual pattern) accepts.
const FLAG_UNIQUE_COMPILE: u32 = 1;
/// An option only `re:run` accepts.
const FLAG_UNIQUE_EXEC: u32 = 2;
const FLAG_UNICODE: u32 = 4;
const FLAG_CAPTURE: u32 = 16;
const FLAG_GLOBAL: u32 = 32;
const FLAG_REPORT_ERRORS: u32 = 64;

/// PCRE1's newline option bits, which BEAM ORs together when several `{newline, _}` options
/// are given (`cr` + `lf` makes `crlf`; other mixes are an error at compile time).
const NL_CR: u8 = 1;
const NL_LF: u8 = 2;
const NL_CRLF: u8 = 3;
const NL_ANY: u8 = 4;
const NL_ANYCRLF: u8 = 5;

/// `\R` option bits (both at once is an error at compile time, as in PCRE1).
const BSR_ANYCRLF: u8 = 1;
const BSR_UNICODE: u8 = 2;

/// A parsed option list (`parse_options` in erts).
#[derive(Default)]
struct Opts {
    /// PCRE2 compile option bits.
    copt: u32,
    /// PCRE2 match option bits.
    eopt: u32,
    nl: u8,
    bsr: u8,
    flags: u32,
    offset: usize,
    /// `{capture, Values, Type}` (Type `index` for `{capture, Values}`).
    capture: Option<(Term, Term)>,
    match_limit: Option<u32>,
    match_limit_recursion: Option<u32>,
}

/// A non-negative integer that fits a C `int`, as erts' `term_to_int` accepts (negative values
/// and bignums are rejected).
fn term_to_int(t: Term) -> Option<u32> {
    let v = t.as_small()?;
    (0..=i32::MAX as i64).contains(&v).then_some(v as u32)
}

fn parse_options(list: Term) -> Option<Opts> {
    let a = atoms();
    let mut o = Opts::default();
    let mut cur = list;
    while let Some((item, tail)) = cur.as_cons() {
        cur = tail;
        if let Some(tuple) = item.as_tuple() {
            let tag = tuple.first().and_then(|t| t.as_atom());
            if tuple.len() != 2 || tag.is_none() {
                if tuple.len() == 3 && tag == Some(a.capture) {
                    o.capture = Some((tuple[1], tuple[2]));
                    o.flags |= FLAG_CAPTURE | FLAG_UNIQUE_EXEC;
                    continue;
                }
                return None;
            }
            let (tag, value) = (tag?, tuple[1]);
            if tag == a.capture {
                o.capture = Some((value, Term::atom(atom::INDEX)));
                o.flags |= FLAG_CAPTURE | FLAG_UNIQUE_EXEC;
            } else if tag == a.offset {
                o.offset = term_to_int(value)? as usize;
                o.flags |= FLAG_UNIQUE_EXEC;
            } else if tag == a.match_limit {
                o.match_limit = Some(term_to_int(value)?);
                o.flags |= FLAG_UNIQUE_EXEC;
            } else if tag == a.match_limit_recursion {
                o.match_limit_recursion = Some(term_to_int(value)?);
                o.flags |= FLAG_UNIQUE_EXEC;
            } else if tag == a.newline {
                let v = value.as_atom()?;
                o.nl |= if v == a.cr {
                    NL_CR
                } else if v == a.crlf {
                    NL_CRLF
                } else if v == a.lf {
                    NL_LF
                } else if v == a.anycrlf {
                    NL_ANYCRLF
                } else if v == a.any {
                    NL_ANY
                } else {
                    return None;
                };
            } else {
                return None;
            }
            continue;
        }
        let item = item.as_atom()?;
        let compile_flag = |o: &mut Opts, bit: u32| {
            o.copt |= bit;
            o.flags |= FLAG_UNIQUE_COMPILE;
        };
        let exec_flag = |o: &mut Opts, bit: u32| {
            o.eopt |= bit;
            o.flags |= FLAG_UNIQUE_EXEC;
        };
        match item {
            x if x == a.anchored => {
                o.copt |= pcre::ANCHORED;
                o.eopt |= pcre::ANCHORED;
            }
            x if x == a.notempty => exec_flag(&mut o, pcre::NOTEMPTY),
            x if x == a.notempty_atstart => exec_flag(&mut o, pcre::NOTEMPTY_ATSTART),
            x if x == a.notbol => exec_flag(&mut o, pcre::NOTBOL),
            x if x == a.noteol => exec_flag(&mut o, pcre::NOTEOL),
            x if x == a.no_start_optimize => compile_flag(&mut o, pcre::NO_START_OPTIMIZE),
            x if x == a.caseless => compile_flag(&mut o, pcre::CASELESS),
            x if x == a.dollar_endonly => compile_flag(&mut o, pcre::DOLLAR_ENDONLY),
            x if x == a.dotall => compile_flag(&mut o, pcre::DOTALL),
            x if x == a.extended => compile_flag(&mut o, pcre::EXTENDED),
            x if x == a.firstline => compile_flag(&mut o, pcre::FIRSTLINE),
            x if x == a.multiline => compile_flag(&mut o, pcre::MULTILINE),
            x if x == a.no_auto_capture => compile_flag(&mut o, pcre::NO_AUTO_CAPTURE),
            x if x == a.dupnames => compile_flag(&mut o, pcre::DUPNAMES),
            x if x == a.ungreedy => compile_flag(&mut o, pcre::UNGREEDY),
            x if x == a.ucp => compile_flag(&mut o, pcre::UCP),
            x if x == a.never_utf => compile_flag(&mut o, pcre::NEVER_UTF),
            x if x == a.report_errors => o.flags |= FLAG_UNIQUE_EXEC | FLAG_REPORT_ERRORS,
            atom::UNICODE => {
                o.copt |= pcre::UTF;
                o.flags |= FLAG_UNIQUE_COMPILE | FLAG_UNICODE;
            }
            atom::GLOBAL => o.flags |= FLAG_UNIQUE_EXEC | FLAG_GLOBAL,
            x if x == a.bsr_anycrlf => o.bsr |= BSR_ANYCRLF,
            x if x == a.bsr_unicode => o.bsr |= BSR_UNICODE,
            _ => return None,
        }
    }
    cur.is_nil().then_some(o)
}

// ---------------------------------------------------------------------------------------------
// Compiled patterns: description, binary form, cache
// ---------------------------------------------------------------------------------------------

/// Marks the binary of a pattern compiled by Enigma (BEAM's start with `ERCP`).
const MAGIC: &[u8; 5] = b"ENRE\x01";

/// What a pattern is compiled from: all a compiled pattern's binary holds.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Spec {
    /// PCRE2 compile option bits.
    copt: u32,
    nl: u8,
    bsr: u8,
    /// The pattern, cut at its first NUL byte as PCRE1's C-string interface did.
    pattern: Vec<u8>,
}

impl Spec {
    fn new(copt: u32, nl: u8, bsr: u8, pattern: &[u8]) -> Spec {
        let end = pattern
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(pattern.len());
        Spec {
            copt,
            nl,
            bsr,
            pattern: pattern[..end].to_vec(),
        }
    }

    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(MAGIC.len() + 6 + self.pattern.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.copt.to_le_bytes());
        out.push(self.nl);
        out.push(self.bsr);
        out.extend_from_slice(&self.pattern);
        out
    }

    fn decode(bytes: &[u8]) -> Option<Spec> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let copt = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
        let nl = *rest.get(4)?;
        let bsr = *rest.get(5)?;
        Some(Spec {
            copt,
            nl,
            bsr,
            pattern: rest.get(6..)?.to_vec(),
        })
    }
}

/// How many compiled patterns the cache keeps before it starts over.
const CACHE_CAPACITY: usize = 512;

fn cache() -> &'static Mutex<HashMap<Vec<u8>, Arc<Code>>> {
    static CACHE: OnceLock<Mutex<HashMap<Vec<u8>, Arc<Code>>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Compiles `spec`, or finds it in the cache.
fn compile_spec(spec: &Spec) -> Result<Arc<Code>, CompileError> {
    let key = spec.encode();
    if let Some(code) = cache().lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return Ok(code.clone());
    }
    let inconsistent = CompileError {
        code: pcre::ERR_INCONSISTENT_NEWLINE,
        offset: 0,
    };
    let newline = match spec.nl {
        0 => None,
        NL_CR => Some(pcre::NEWLINE_CR),
        NL_LF => Some(pcre::NEWLINE_LF),
        NL_CRLF => Some(pcre::NEWLINE_CRLF),
        NL_ANY => Some(pcre::NEWLINE_ANY),
        NL_ANYCRLF => Some(pcre::NEWLINE_ANYCRLF),
        _ => return Err(inconsistent),
    };
    let bsr = match spec.bsr {
        0 => None,
        BSR_ANYCRLF => Some(pcre::BSR_ANYCRLF),
        BSR_UNICODE => Some(pcre::BSR_UNICODE),
        _ => return Err(inconsistent),
    };
    let mut options = spec.copt;
    if options & pcre::UTF != 0 {
        // Invalid UTF-8 in a subject is then harmless to PCRE2: we check it ourselves on a
        // first call, as BEAM does, and later calls of a global match skip the check.
        options |= pcre::MATCH_INVALID_UTF;
        // BEAM never "studies" a pattern, PCRE2 always does, and the start-of-match bitmap
        // the study builds for a lone `\w` in UTF mode leaves out the Latin-1 letters above
        // 127 (a quirk of both PCRE versions), so `\w` would not find `ü` where BEAM does.
        // Without the start optimisation the result is BEAM's; patterns with backtracking
        // verbs keep it, as the optimisation changes what (*COMMIT) and its kin do.
        let has = |needle: &[u8]| spec.pattern.windows(needle.len()).any(|w| w == needle);
        if options & pcre::UCP == 0 && has(b"\\w") && !has(b"(*") {
            options |= pcre::NO_START_OPTIMIZE;
        }
    }
    let code = Arc::new(compat::compile(
        &spec.pattern,
        CompileConfig {
            options,
            newline,
            bsr,
        },
    )?);
    let mut cache = cache().lock().unwrap_or_else(|e| e.into_inner());
    if cache.len() >= CACHE_CAPACITY {
        cache.clear();
    }
    cache.insert(key, code.clone());
    Ok(code)
}

/// `{re_pattern, NumGroups, Unicode, UseCrLf, Bin}`.
fn pattern_tuple(heap: &mut dyn TermAlloc, spec: &Spec, code: &Code) -> Term {
    let nl = code.newline();
    let crlf = nl == pcre::NEWLINE_CRLF || nl == pcre::NEWLINE_ANY || nl == pcre::NEWLINE_ANYCRLF;
    let unicode = spec.copt & pcre::UTF != 0;
    let bin = build::binary_from_vec(heap, spec.encode());
    build::tuple(
        heap,
        &[
            Term::atom(atoms().re_pattern),
            Term::small(code.capture_count() as i64),
            Term::small(unicode as i64),
            Term::small(crlf as i64),
            bin,
        ],
    )
}

/// The elements of a well-formed `{re_pattern, N, U, C, Bin}` tuple (small integers and a
/// binary), as erts checks them before looking at the binary.
fn pattern_fields(t: Term) -> Option<&'static [Term]> {
    let tp = t.as_tuple()?;
    let ok = tp.len() == 5
        && tp[0] == Term::atom(atoms().re_pattern)
        && tp[1].is_small()
        && tp[2].is_small()
        && tp[3].is_small()
        && tp[4].is_binary();
    ok.then_some(tp)
}

/// `{error, {ErrString, Position}}`, with `Tag` inserted as `{error, {Tag, {..}}}` when given.
fn compile_error_term(
    heap: &mut dyn TermAlloc,
    err: &CompileError,
    spec: &Spec,
    tag: Option<Atom>,
) -> Term {
    let (message, offset) = compat::beam_error(err, &spec.pattern);
    let text = build::str_list(heap, &message);
    let mut t = build::tuple(heap, &[text, Term::small(offset as i64)]);
    if let Some(tag) = tag {
        t = build::tuple(heap, &[Term::atom(tag), t]);
    }
    build::tuple(heap, &[Term::atom(atom::ERROR), t])
}

// ---------------------------------------------------------------------------------------------
// version, compile, inspect
// ---------------------------------------------------------------------------------------------

/// `re:version()`: the PCRE library actually linked (PCRE2), not BEAM's PCRE 8.44. Code
/// that keeps patterns compiled by another VM checks this and recompiles from the source
/// when it differs (Elixir's `Regex` does), since a compiled pattern is only valid for the
/// library that compiled it.
fn version_0(p: &mut Process, _args: &[Term]) -> BifResult {
    let v = enigma_pcre::version();
    Ok(build::binary(&mut p.heap, v.as_bytes()))
}

fn compile_1(p: &mut Process, args: &[Term]) -> BifResult {
    compile(p, args[0], Term::NIL)
}

fn compile_2(p: &mut Process, args: &[Term]) -> BifResult {
    compile(p, args[0], args[1])
}

fn compile(p: &mut Process, pattern: Term, options: Term) -> BifResult {
    let opts = parse_options(options).ok_or_else(badarg)?;
    if opts.flags & FLAG_UNIQUE_EXEC != 0 {
        return Err(badarg());
    }
    if opts.flags & FLAG_UNICODE != 0 && !pattern.is_binary() {
        let a = atoms();
        return Err(Fault::Trap {
            module: a.re,
            function: a.ucompile,
            args: vec![pattern, options],
        });
    }
    let bytes = iolist_bytes(pattern).ok_or_else(badarg)?;
    let spec = Spec::new(opts.copt, opts.nl, opts.bsr, &bytes);
    let heap = &mut p.heap;
    Ok(match compile_spec(&spec) {
        Ok(code) => {
            let mp = pattern_tuple(heap, &spec, &code);
            build::tuple(heap, &[Term::atom(atom::OK), mp])
        }
        Err(e) => compile_error_term(heap, &e, &spec, None),
    })
}

fn inspect_2(p: &mut Process, args: &[Term]) -> BifResult {
    let tp = pattern_fields(args[0]).ok_or_else(badarg)?;
    if args[1] != Term::atom(atoms().namelist) {
        return Err(badarg());
    }
    let bytes = tp[4].binary_bytes().ok_or_else(badarg)?;
    let spec = Spec::decode(&bytes).ok_or_else(badarg)?;
    let code = compile_spec(&spec).map_err(|_| badarg())?;
    let heap = &mut p.heap;
    let dupnames = spec.copt & pcre::DUPNAMES != 0;
    let mut names: Vec<Term> = Vec::new();
    let mut last: Option<&[u8]> = None;
    for (_, name) in code.names() {
        if !dupnames || last != Some(name.as_slice()) {
            names.push(build::binary(heap, name));
        }
        last = Some(name.as_slice());
    }
    let list = build::list(heap, &names);
    Ok(build::tuple(heap, &[Term::atom(atoms().namelist), list]))
}

// ---------------------------------------------------------------------------------------------
// run
// ---------------------------------------------------------------------------------------------

fn run_2(p: &mut Process, args: &[Term]) -> BifResult {
    run(p, args[0], args[1], Term::NIL, true)
}

fn run_3(p: &mut Process, args: &[Term]) -> BifResult {
    run(p, args[0], args[1], args[2], true)
}

/// `re:internal_run(Subject, RE, Options, FirstCall)`: `re:grun` calls it for each match of a
/// global run; `FirstCall = false` skips the UTF-8 validation of a subject already checked.
fn internal_run_4(p: &mut Process, args: &[Term]) -> BifResult {
    let first = if args[3] == Term::FALSE {
        false
    } else if args[3] == Term::TRUE {
        true
    } else {
        return Err(badarg());
    };
    run(p, args[0], args[1], args[2], first)
}

/// What to return for each group.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RetType {
    Index,
    List,
    Binary,
    /// `{capture, none}`: just `match`.
    None,
}

/// Which group a requested value stands for.
enum Pick {
    /// A group number; `None` for a name the pattern lacks (always unset).
    Group(Option<u32>),
    /// A name several groups share (`dupnames`): the first of them that is set.
    OneOf(Vec<u32>),
}

/// Which groups to return.
enum Selection {
    /// Every group up to the highest set one, from group 0 or (`all_but_first`) group 1.
    All { skip_first: bool },
    /// The listed groups, in order.
    Picks(Vec<Pick>),
}

/// The group(s) named `name`. With `dupnames` every group of that name, the first one set
/// being returned; without, the one PCRE1's binary search of the name table finds (names are
/// then unique unless the pattern says `(?J)`).
fn pick_name(code: &Code, name: &[u8], dupnames: bool) -> Pick {
    let end = name.iter().position(|&b| b == 0).unwrap_or(name.len());
    let name = &name[..end];
    let names = code.names();
    if dupnames {
        let groups: Vec<u32> = names
            .iter()
            .filter(|(_, n)| n.as_slice() == name)
            .map(|(g, _)| *g)
            .collect();
        return match groups.as_slice() {
            [] => Pick::Group(None),
            [g] => Pick::Group(Some(*g)),
            _ => Pick::OneOf(groups),
        };
    }
    let (mut bot, mut top) = (0, names.len());
    while top > bot {
        let mid = (top + bot) / 2;
        let (group, entry) = &names[mid];
        match name.cmp(entry.as_slice()) {
            std::cmp::Ordering::Equal => return Pick::Group(Some(*group)),
            std::cmp::Ordering::Greater => bot = mid + 1,
            std::cmp::Ordering::Less => top = mid,
        }
    }
    Pick::Group(None)
}

/// Reads `{capture, Values, Type}` against the compiled pattern (`build_capture` in erts).
fn capture_spec(
    values: Term,
    ty: Term,
    code: &Code,
    dupnames: bool,
) -> Option<(RetType, Selection)> {
    let a = atoms();
    let mut ret = match ty.as_atom()? {
        atom::INDEX => RetType::Index,
        atom::LIST => RetType::List,
        atom::BINARY => RetType::Binary,
        _ => return None,
    };
    let selection = if values == Term::atom(atom::ALL) {
        Selection::All { skip_first: false }
    } else if values == Term::atom(atom::NONE) || values.is_nil() {
        ret = RetType::None;
        Selection::All { skip_first: false }
    } else if values == Term::atom(a.all_but_first) {
        Selection::All { skip_first: true }
    } else if values == Term::atom(atom::FIRST) {
        Selection::Picks(vec![Pick::Group(Some(0))])
    } else if values == Term::atom(a.all_names) {
        let names = code.names();
        if names.is_empty() {
            ret = RetType::None;
            Selection::All { skip_first: false }
        } else {
            let mut picks = Vec::new();
            let mut last: Option<&[u8]> = None;
            for (group, name) in names {
                if !dupnames {
                    picks.push(Pick::Group(Some(*group)));
                } else if last != Some(name.as_slice()) {
                    picks.push(pick_name(code, name, true));
                }
                last = Some(name.as_slice());
            }
            Selection::Picks(picks)
        }
    } else if values.is_cons() {
        let mut picks = Vec::new();
        let mut cur = values;
        while let Some((v, tail)) = cur.as_cons() {
            cur = tail;
            if let Some(n) = term_to_int(v) {
                picks.push(Pick::Group(Some(n)));
            } else if let Some(at) = v.as_atom() {
                picks.push(pick_name(code, at.name().as_bytes(), dupnames));
            } else if v.is_binary() || v.is_list() {
                picks.push(pick_name(code, &iolist_bytes(v)?, dupnames));
            } else {
                return None;
            }
        }
        if !cur.is_nil() {
            return None;
        }
        Selection::Picks(picks)
    } else {
        return None;
    };
    Some((ret, selection))
}

fn run(p: &mut Process, subject: Term, re: Term, options: Term, first: bool) -> BifResult {
    let a = atoms();
    let opts = parse_options(options).ok_or_else(badarg)?;
    let list_capture = opts.flags & FLAG_CAPTURE != 0
        && opts
            .capture
            .is_some_and(|(_, ty)| ty == Term::atom(atom::LIST));
    let global = opts.flags & FLAG_GLOBAL != 0;
    let trap = |function: Atom, args: Vec<Term>| {
        Err(Fault::Trap {
            module: a.re,
            function,
            args,
        })
    };

    let (spec, code) = if let Some(tp) = pattern_fields(re) {
        if opts.flags & FLAG_UNIQUE_COMPILE != 0 {
            return Err(badarg());
        }
        let unicode = tp[2].as_small().unwrap_or(0) != 0;
        if unicode && (!subject.is_binary() || (list_capture && !global)) {
            return trap(a.urun, vec![subject, re, options]);
        }
        if global {
            let extra = build::tuple(&mut p.heap, &[options, Term::FALSE]);
            return trap(a.grun, vec![subject, re, extra]);
        }
        let bytes = tp[4].binary_bytes().ok_or_else(badarg)?;
        let mut spec = Spec::decode(&bytes).ok_or_else(badarg)?;
        // Newline and \R options given to run override the compiled ones (PCRE1 took them at
        // match time; PCRE2 only at compile time, so the pattern is compiled again).
        if opts.nl != 0 {
            spec.nl = opts.nl;
        }
        if opts.bsr != 0 {
            spec.bsr = opts.bsr;
        }
        let code = compile_spec(&spec).map_err(|_| internal_error())?;
        (spec, code)
    } else if re.is_binary() || re.is_list() {
        if opts.flags & FLAG_UNICODE != 0
            && (!re.is_binary() || !subject.is_binary() || (list_capture && !global))
        {
            return trap(a.urun, vec![subject, re, options]);
        }
        let bytes = iolist_bytes(re).ok_or_else(badarg)?;
        let spec = Spec::new(opts.copt, opts.nl, opts.bsr, &bytes);
        let code = match compile_spec(&spec) {
            Ok(code) => code,
            Err(e) if opts.flags & FLAG_REPORT_ERRORS != 0 => {
                return Ok(compile_error_term(&mut p.heap, &e, &spec, Some(a.compile)));
            }
            Err(_) => return Err(badarg()),
        };
        if global {
            let heap = &mut p.heap;
            let precompiled = pattern_tuple(heap, &spec, &code);
            let need_clean = if opts.flags & FLAG_UNIQUE_COMPILE != 0 {
                Term::TRUE
            } else {
                Term::FALSE
            };
            let extra = build::tuple(heap, &[options, need_clean, re]);
            return trap(a.grun, vec![subject, precompiled, extra]);
        }
        (spec, code)
    } else {
        return Err(badarg());
    };
    let (ret, selection) = match opts.capture {
        Some((values, ty)) => {
            let dupnames = spec.copt & pcre::DUPNAMES != 0;
            capture_spec(values, ty, &code, dupnames).ok_or_else(badarg)?
        }
        None => (RetType::Index, Selection::All { skip_first: false }),
    };

    let bytes = if subject.is_binary() {
        subject.binary_bytes()
    } else {
        iolist_bytes(subject).map(Into::into)
    };
    let bytes = bytes.ok_or_else(badarg)?;

    if opts.offset > bytes.len() {
        return Err(internal_error());
    }
    if first && code.is_utf() {
        let continuation = bytes.get(opts.offset).is_some_and(|&b| b & 0xC0 == 0x80);
        if continuation || std::str::from_utf8(&bytes).is_err() {
            return Err(badarg());
        }
    }
    let limits = Limits {
        match_limit: opts.match_limit,
        depth_limit: opts.match_limit_recursion,
    };
    let report = opts.flags & FLAG_REPORT_ERRORS != 0;
    let heap = &mut p.heap;
    match code.exec(&bytes, opts.offset, opts.eopt, limits) {
        Exec::Match { rc, ovector } => Ok(build_result(
            heap, subject, &bytes, ret, &selection, rc, &ovector,
        )),
        Exec::NoMatch => Ok(Term::atom(atom::NOMATCH)),
        Exec::MatchLimit if report => Ok(error_pair(heap, a.match_limit)),
        Exec::DepthLimit if report => Ok(error_pair(heap, a.match_limit_recursion)),
        Exec::MatchLimit | Exec::DepthLimit => Ok(Term::atom(atom::NOMATCH)),
        Exec::BadUtf => Err(badarg()),
        Exec::BadOffset | Exec::Other(_) => Err(internal_error()),
    }
}

fn internal_error() -> Fault {
    Fault::Raise(Exception::error(Term::atom(atoms().internal_error)))
}

fn error_pair(heap: &mut dyn TermAlloc, reason: Atom) -> Term {
    build::tuple(heap, &[Term::atom(atom::ERROR), Term::atom(reason)])
}

/// Bytes above which a binary subject lives off-heap, where BEAM returns captured binaries
/// as sub-binaries of it instead of copies.
const HEAP_BIN_LIMIT: usize = 64;

/// `{match, Captured}` or `match` (`build_exec_return` in erts).
fn build_result(
    heap: &mut dyn TermAlloc,
    subject: Term,
    bytes: &[u8],
    ret: RetType,
    selection: &Selection,
    rc: usize,
    ovector: &[Option<(usize, usize)>],
) -> Term {
    if ret == RetType::None {
        return Term::atom(atoms().match_);
    }
    let set = |g: usize| {
        if g < rc {
            ovector.get(g).copied().flatten()
        } else {
            None
        }
    };
    let groups: Vec<Option<(usize, usize)>> = match selection {
        Selection::All { skip_first } => (usize::from(*skip_first)..rc)
            .map(|g| ovector.get(g).copied().flatten())
            .collect(),
        Selection::Picks(picks) => picks
            .iter()
            .map(|pick| match pick {
                Pick::Group(Some(g)) => set(*g as usize),
                Pick::Group(None) => None,
                Pick::OneOf(gs) => gs.iter().find_map(|&g| set(g as usize)),
            })
            .collect(),
    };
    let sub_binaries = subject
        .as_bits()
        .is_some_and(|b| b.is_byte_aligned() && b.byte_size() > HEAP_BIN_LIMIT);
    let mut elems = Vec::with_capacity(groups.len());
    for g in groups {
        let t = match (ret, g) {
            (RetType::Index, None) => build::tuple(heap, &[Term::small(-1), Term::small(0)]),
            (RetType::Index, Some((s, e))) => {
                build::tuple(heap, &[Term::small(s as i64), Term::small((e - s) as i64)])
            }
            (RetType::List, None) => Term::NIL,
            (RetType::List, Some((s, e))) => {
                build::string_list(heap, bytes[s..e].iter().map(|&b| b as u32))
            }
            (RetType::Binary, None) => build::binary(heap, &[]),
            (RetType::Binary, Some((s, e))) if sub_binaries => {
                build::sub_binary(heap, subject, s * 8, (e - s) * 8)
            }
            (RetType::Binary, Some((s, e))) => build::binary(heap, &bytes[s..e]),
            (RetType::None, _) => Term::NIL,
        };
        elems.push(t);
    }
    let list = build::list(heap, &elems);
    build::tuple(heap, &[Term::atom(atoms().match_), list])
}

pub const BIFS: &[BifEntry] = &[
    bif!("re", "version", 0, version_0),
    bif!("re", "compile", 1, compile_1),
    bif!("re", "compile", 2, compile_2),
    bif!("re", "run", 2, run_2),
    bif!("re", "run", 3, run_3),
    bif!("re", "internal_run", 4, internal_run_4),
    bif!("re", "inspect", 2, inspect_2),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn proc() -> Process {
        crate::test_util::test_process()
    }

    fn show(r: BifResult) -> String {
        match r {
            Ok(t) => {
                let mut s = String::new();
                enigma_term::print::write_term(&mut s, t);
                s
            }
            Err(Fault::Trap { function, .. }) => format!("trap {}", function.name()),
            Err(Fault::Raise(e)) => {
                let mut s = String::from("error ");
                enigma_term::print::write_term(&mut s, e.reason);
                s
            }
            Err(_) => "fault".into(),
        }
    }

    fn a(s: &str) -> Term {
        Term::atom(Atom::intern(s).unwrap())
    }

    fn run(p: &mut Process, subject: &str, re: &str, opts: &[Term]) -> String {
        let s = build::binary(&mut p.heap, subject.as_bytes());
        let r = build::str_list(&mut p.heap, re);
        let o = build::list(&mut p.heap, opts);
        show(run_3(p, &[s, r, o]))
    }

    fn capture(p: &mut Process, values: Term, ty: &str) -> Term {
        build::tuple(&mut p.heap, &[a("capture"), values, a(ty)])
    }

    #[test]
    fn run_returns_beams_shapes() {
        let mut p = proc();
        assert_eq!(run(&mut p, "abc", "(a)|(x)", &[]), "{match,[{0,1},{0,1}]}");
        assert_eq!(run(&mut p, "abc", "z", &[]), "nomatch");
        let c = capture(&mut p, a("all"), "list");
        assert_eq!(
            run(&mut p, "abc", "(x)|(b)", &[c]),
            "{match,[[98],[],[98]]}"
        );
        let c = capture(&mut p, a("all_but_first"), "binary");
        assert_eq!(run(&mut p, "abc", "(x)?(c)", &[c]), "{match,[<<>>,<<99>>]}");
        let none = build::tuple(&mut p.heap, &[a("capture"), a("none")]);
        assert_eq!(run(&mut p, "abc", "b", &[none]), "match");
        let names = build::list(&mut p.heap, &[a("B"), Term::small(7)]);
        let c = capture(&mut p, names, "index");
        assert_eq!(
            run(&mut p, "abc", "(?<A>x)|(?<B>b)", &[c]),
            "{match,[{1,1},{-1,0}]}"
        );
    }

    #[test]
    fn run_options_and_errors() {
        let mut p = proc();
        let off = build::tuple(&mut p.heap, &[a("offset"), Term::small(2)]);
        assert_eq!(run(&mut p, "aXbXc", "X", &[off]), "{match,[{3,1}]}");
        assert_eq!(run(&mut p, "abc", "b", &[a("anchored")]), "nomatch");
        assert_eq!(run(&mut p, "ABC", "b", &[a("caseless")]), "{match,[{1,1}]}");
        assert_eq!(run(&mut p, "abc", "(", &[]), "error badarg");
        assert_eq!(
            run(&mut p, "abc", "(", &[a("report_errors")]),
            "{error,{compile,{[109,105,115,115,105,110,103,32,41],1}}}"
        );
        assert_eq!(run(&mut p, "abc", "b", &[a("bogus")]), "error badarg");
        assert_eq!(run(&mut p, "abc", "b", &[a("global")]), "trap grun");
        assert_eq!(run(&mut p, "abc", "b", &[a("unicode")]), "trap urun");
        let off = build::tuple(&mut p.heap, &[a("offset"), Term::small(9)]);
        assert_eq!(run(&mut p, "abc", "b", &[off]), "error internal_error");
        let s = build::binary(&mut p.heap, &[0xff]);
        let r = build::binary(&mut p.heap, b"a");
        let o = build::list(&mut p.heap, &[a("unicode")]);
        assert_eq!(show(run_3(&mut p, &[s, r, o])), "error badarg");
    }

    #[test]
    fn compiled_patterns_round_trip() {
        let mut p = proc();
        let pat = build::str_list(&mut p.heap, "(?<x>a)(b)");
        let ok = compile_1(&mut p, &[pat]).unwrap();
        let mp = ok.as_tuple().unwrap()[1];
        let fields = mp.as_tuple().unwrap();
        assert_eq!(fields[1], Term::small(2));
        assert_eq!(fields[2], Term::small(0));
        let subject = build::str_list(&mut p.heap, "xab");
        assert_eq!(
            show(run_2(&mut p, &[subject, mp])),
            "{match,[{1,2},{1,1},{2,1}]}"
        );
        assert_eq!(
            show(inspect_2(&mut p, &[mp, a("namelist")])),
            "{namelist,[<<120>>]}"
        );
        let opts = build::list(&mut p.heap, &[a("caseless")]);
        assert_eq!(show(run_3(&mut p, &[subject, mp, opts])), "error badarg");
        let bad = build::str_list(&mut p.heap, "a{2,1}");
        let err = show(compile_1(&mut p, &[bad]));
        assert!(
            err.starts_with("{error,{[110,117,109,98,101,114,115,32,"),
            "{err}"
        );
        assert!(err.ends_with("],5}}"), "{err}");
        let opts = build::list(&mut p.heap, &[a("global")]);
        assert_eq!(show(compile_2(&mut p, &[bad, opts])), "error badarg");
    }

    #[test]
    fn nul_ends_the_pattern() {
        let mut p = proc();
        let s = build::binary(&mut p.heap, b"xab");
        let r = build::binary(&mut p.heap, b"a\0b");
        assert_eq!(show(run_2(&mut p, &[s, r])), "{match,[{1,1}]}");
    }
}
