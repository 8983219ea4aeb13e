//! Terms as text: [`write_term`] prints like `io_lib:write/1`, that is `io:format("~w")`,
//! and [`display_term`] like the C printer behind `erlang:display/1`. They differ: `~w` quotes
//! atoms by `io_lib`'s rules (reserved words, Latin-1 letters, `\x{...}` above 255), writes
//! floats in their shortest form and lists of integers as lists; `erlang:display` quotes by
//! the emulator's simpler rules, writes floats as `%e`, printable lists as `"..."`, printable
//! binaries as `<<"...">>`, maps without spaces and large maps as their internal trie, and
//! emits raw bytes (UTF-8 atoms, Latin-1 strings), so it writes into a byte buffer.
//!
//! Both walk the term with an explicit stack: nesting depth costs heap, not Rust stack.
//! Depth-limited forms (`~P`, `~W`) and `~p`'s layout belong to `io_lib` itself (Erlang code).

use crate::atom::Atom;
use crate::boxed;
use crate::etf::{pid_number, pid_serial};
use crate::float_fmt;
use crate::map::{self, Node};
use crate::term::Term;

/// Which printer's rules apply.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Style {
    /// `io_lib:write/1` (`~w`).
    Write,
    /// `erlang:display/1`.
    Display,
}

/// Where the text goes: a `String` of code points for `~w`, raw bytes for `erlang:display`.
trait Sink {
    fn text(&mut self, s: &str);
    /// A character below 256: a code point for `~w`, one raw byte for display.
    fn latin1(&mut self, c: u8);
}

impl Sink for String {
    fn text(&mut self, s: &str) {
        self.push_str(s);
    }

    fn latin1(&mut self, c: u8) {
        self.push(char::from(c));
    }
}

impl Sink for Vec<u8> {
    fn text(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }

    fn latin1(&mut self, c: u8) {
        self.push(c);
    }
}

/// Appends `t` as `io:format("~w", [T])` writes it.
pub fn write_term(out: &mut String, t: Term) {
    print(out, t, Style::Write);
}

/// `t` as `io_lib:write/1` gives it.
pub fn term_to_string(t: Term) -> String {
    let mut s = String::new();
    write_term(&mut s, t);
    s
}

/// Appends `t` as `erlang:display/1` prints it (without its newline). The bytes are what
/// BEAM writes to the terminal: atoms in UTF-8, strings and binaries byte by byte.
pub fn display_term(out: &mut Vec<u8>, t: Term) {
    print(out, t, Style::Display);
}

/// Appends an atom as `~w` writes it (quoted when needed, Latin-1 escapes).
pub fn write_atom(out: &mut String, a: Atom) {
    write_atom_io_lib(out, a.name());
}

/// One pending piece of output.
enum Item<'a> {
    Term(Term),
    Text(&'static str),
    /// Tuple elements (or trie children) still to print, each after a comma.
    Elems(&'a [Term]),
    /// A list from this point on: `,H...`, `|T` or nothing.
    Tail(Term),
}

fn print<S: Sink>(out: &mut S, root: Term, style: Style) {
    let mut stack: Vec<Item<'_>> = vec![Item::Term(root)];
    while let Some(item) = stack.pop() {
        let t = match item {
            Item::Term(t) => t,
            Item::Text(s) => {
                out.text(s);
                continue;
            }
            Item::Elems(ts) => {
                if let Some((first, rest)) = ts.split_first() {
                    if !rest.is_empty() {
                        stack.push(Item::Elems(rest));
                    }
                    stack.push(Item::Term(*first));
                    out.text(",");
                }
                continue;
            }
            Item::Tail(t) => {
                if let Some((h, tl)) = t.as_cons() {
                    stack.push(Item::Tail(tl));
                    stack.push(Item::Term(h));
                    out.text(",");
                } else if !t.is_nil() {
                    stack.push(Item::Term(t));
                    out.text("|");
                }
                continue;
            }
        };
        one(out, t, style, &mut stack);
    }
}

/// Prints the head of `t` and pushes its parts.
fn one<'a, S: Sink>(out: &mut S, t: Term, style: Style, stack: &mut Vec<Item<'a>>) {
    if let Some(v) = t.as_small() {
        out.text(&v.to_string());
        return;
    }
    if let Some(a) = t.as_atom() {
        match style {
            Style::Write => {
                let mut s = String::new();
                write_atom_io_lib(&mut s, a.name());
                out.text(&s);
            }
            Style::Display => write_atom_display(out, a.name()),
        }
        return;
    }
    if t.is_nil() {
        out.text("[]");
        return;
    }
    if let Some(id) = t.as_local_pid() {
        out.text(&format!("<0.{}.{}>", pid_number(id), pid_serial(id)));
        return;
    }
    if let Some(id) = t.as_local_port() {
        out.text(&format!("#Port<0.{id}>"));
        return;
    }
    if let Some((h, tl)) = t.as_cons() {
        if style == Style::Display {
            if let Some(bytes) = printable_latin1_list(t) {
                out.text("\"");
                for b in bytes {
                    match b {
                        b'\n' => out.text("\\n"),
                        b'"' => out.text("\\\""),
                        _ => out.latin1(b),
                    }
                }
                out.text("\"");
                return;
            }
        }
        out.text("[");
        stack.push(Item::Text("]"));
        stack.push(Item::Tail(tl));
        stack.push(Item::Term(h));
        return;
    }
    if !t.is_boxed() {
        out.text(&format!("<unknown:{:#x}>", t.raw()));
        return;
    }
    match t.header().subtag() {
        boxed::TUPLE => {
            let elems: &'a [Term] = t.boxed_payload();
            out.text("{");
            stack.push(Item::Text("}"));
            if let Some((first, rest)) = elems.split_first() {
                if !rest.is_empty() {
                    stack.push(Item::Elems(rest));
                }
                stack.push(Item::Term(*first));
            }
        }
        boxed::POS_BIG | boxed::NEG_BIG => {
            let s = t.as_bigint().map(|b| b.to_string()).unwrap_or_default();
            out.text(&s);
        }
        boxed::FLOAT => {
            let f = t.as_float().unwrap_or(0.0);
            match style {
                Style::Write => out.text(&float_fmt::float_short(f)),
                Style::Display => out.text(&float_fmt::format_e(f, 6)),
            }
        }
        boxed::REF => {
            let [n0, n1, n2] = t.ref_numbers();
            out.text(&format!("#Ref<0.{n2}.{n1}.{n0}>"));
        }
        boxed::HEAP_BIN | boxed::REFC_BIN | boxed::SUB_BIN => binary(out, t, style),
        boxed::MAP => map(out, t, style, stack),
        boxed::FUN => {
            let e = t.fun_entry();
            out.text(&format!(
                "#Fun<{}.{}.{}>",
                e.module.name(),
                e.old_index,
                e.old_uniq
            ));
        }
        boxed::EXPORT => {
            let e = t.export_entry();
            out.text("fun ");
            write_atom_display(out, e.module.name());
            out.text(":");
            write_atom_display(out, e.function.name());
            out.text(&format!("/{}", e.arity));
        }
        boxed::MATCH_CTX => out.text("#MatchState"),
        _ => out.text(&format!("<unknown:{:#x}>", t.raw())),
    }
}

/// A map: `~w` goes in `maps:iterator/1` order with ` => `; display prints flat maps with
/// `=>` and large maps as BEAM's trie (`#<bitmap>{...}`, inner nodes `<bitmap>{...}`, leaves
/// as the cons cells `[K|V]`), bitmaps in lowercase hex.
fn map<'a, S: Sink>(out: &mut S, t: Term, style: Style, stack: &mut Vec<Item<'a>>) {
    if style == Style::Display {
        if let Some(Node::Head {
            bitmap, children, ..
        }) = map::node(t)
        {
            out.text(&format!("#<{bitmap:x}>{{"));
            trie_children(stack, children);
            return;
        }
        if let Some(Node::Inner { bitmap, children }) = map::node(t) {
            out.text(&format!("<{bitmap:x}>{{"));
            trie_children(stack, children);
            return;
        }
    }
    let arrow = if style == Style::Write { " => " } else { "=>" };
    let pairs: Vec<(Term, Term)> = map::iter_next_order(t).collect();
    out.text("#{");
    stack.push(Item::Text("}"));
    for (i, &(k, v)) in pairs.iter().enumerate().rev() {
        stack.push(Item::Term(v));
        stack.push(Item::Text(arrow));
        stack.push(Item::Term(k));
        if i > 0 {
            stack.push(Item::Text(","));
        }
    }
}

fn trie_children<'a>(stack: &mut Vec<Item<'a>>, children: &'a [Term]) {
    stack.push(Item::Text("}"));
    if let Some((first, rest)) = children.split_first() {
        if !rest.is_empty() {
            stack.push(Item::Elems(rest));
        }
        stack.push(Item::Term(*first));
    }
}

/// A bitstring: `<<1,2,3>>`, trailing bits as `Value:Bits`; display writes a non-empty
/// binary of printable ASCII as `<<"...">>`.
fn binary<S: Sink>(out: &mut S, t: Term, style: Style) {
    let Some(bits) = t.as_bits() else {
        return;
    };
    let whole = bits.byte_size();
    let rest = bits.bit_size % 8;
    if style == Style::Display
        && rest == 0
        && whole > 0
        && (0..whole).all(|i| (32..127).contains(&bits.byte_at(i)))
    {
        out.text("<<\"");
        for i in 0..whole {
            let b = bits.byte_at(i);
            if b == b'"' {
                out.text("\\");
            }
            out.latin1(b);
        }
        out.text("\">>");
        return;
    }
    let mut s = String::with_capacity(4 + 4 * whole);
    s.push_str("<<");
    for i in 0..whole {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&bits.byte_at(i).to_string());
    }
    if rest > 0 {
        if whole > 0 {
            s.push(',');
        }
        let value = bits.byte_at(whole) >> (8 - rest);
        s.push_str(&format!("{value}:{rest}"));
    }
    s.push_str(">>");
    out.text(&s);
}

/// The bytes of a non-empty proper list that `erlang:display` prints as a string: integers
/// 0..=255 that are not control characters (space, `\n`, `\t`, `\r` allowed).
fn printable_latin1_list(mut l: Term) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    while let Some((h, tl)) = l.as_cons() {
        let c = u8::try_from(h.as_small()?).ok()?;
        let control = c < b' ' || c == 127 || (128..160).contains(&c);
        if control && !matches!(c, b' ' | b'\n' | b'\t' | b'\r') {
            return None;
        }
        bytes.push(c);
        l = tl;
    }
    (l.is_nil() && !bytes.is_empty()).then_some(bytes)
}

/// Words the Erlang scanner reserves (OTP 25, no features enabled): `io_lib` quotes them.
const RESERVED_WORDS: [&str; 27] = [
    "after", "begin", "case", "try", "cond", "catch", "andalso", "orelse", "end", "fun", "if",
    "let", "of", "receive", "when", "bnot", "not", "div", "rem", "band", "and", "bor", "bxor",
    "bsl", "bsr", "or", "xor",
];

fn io_lib_lower(c: char) -> bool {
    c.is_ascii_lowercase() || (('ß'..='ÿ').contains(&c) && c != '÷')
}

fn io_lib_name_char(c: char) -> bool {
    io_lib_lower(c)
        || c.is_ascii_uppercase()
        || (('À'..='Þ').contains(&c) && c != '×')
        || c.is_ascii_digit()
        || c == '_'
        || c == '@'
}

/// `io_lib:write_atom_as_latin1/1`.
fn write_atom_io_lib(out: &mut String, name: &str) {
    let mut chars = name.chars();
    let plain = !RESERVED_WORDS.contains(&name)
        && chars.next().is_some_and(io_lib_lower)
        && chars.all(io_lib_name_char);
    if plain {
        out.push_str(name);
        return;
    }
    out.push('\'');
    for c in name.chars() {
        let code = c as u32;
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            _ if (0xA0..=0xFF).contains(&code) => out.push(c),
            _ if code > 0xFF => out.push_str(&format!("\\x{{{code:X}}}")),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{1b}' => out.push_str("\\e"),
            '\u{7f}' => out.push_str("\\d"),
            _ => out.push_str(&format!(
                "\\{:o}{:o}{:o}",
                code >> 6,
                (code >> 3) & 7,
                code & 7
            )),
        }
    }
    out.push('\'');
}

/// The emulator's notion of a Latin-1 lowercase letter (`IS_LOWER` in `erl_printf_term.c`).
fn c_lower(c: u32) -> bool {
    (u32::from(b'a')..=u32::from(b'z')).contains(&c) || ((223..=255).contains(&c) && c != 247)
}

fn c_alnum(c: u32) -> bool {
    c_lower(c)
        || (u32::from(b'A')..=u32::from(b'Z')).contains(&c)
        || ((192..=222).contains(&c) && c != 215)
        || (u32::from(b'0')..=u32::from(b'9')).contains(&c)
}

/// The emulator's atom printer (`print_atom_name`): quoted unless a Latin-1 lowercase letter
/// followed by Latin-1 letters, digits and `_`; control characters escaped, other characters
/// written as their UTF-8 bytes.
fn write_atom_display<S: Sink>(out: &mut S, name: &str) {
    if name.is_empty() {
        out.text("''");
        return;
    }
    let mut codes = name.chars().map(|c| c as u32);
    // Characters of three or four UTF-8 bytes always need quotes (they count as 0 here).
    let as_latin1 = |c: u32| if c < 0x800 { c } else { 0 };
    let plain = codes.next().is_some_and(|c| c_lower(as_latin1(c)))
        && codes.all(|c| {
            let l = as_latin1(c);
            c_alnum(l) || l == u32::from(b'_')
        });
    if !plain {
        out.text("'");
    }
    let mut buf = [0u8; 4];
    for c in name.chars() {
        match c {
            '\'' => out.text("\\'"),
            '\\' => out.text("\\\\"),
            '\n' => out.text("\\n"),
            '\u{c}' => out.text("\\f"),
            '\t' => out.text("\\t"),
            '\r' => out.text("\\r"),
            '\u{8}' => out.text("\\b"),
            '\u{b}' => out.text("\\v"),
            _ if (c as u32) < 0x20 || (0x80..0xA0).contains(&(c as u32)) => {
                out.text(&format!("\\{:03o}", c as u32));
            }
            _ => out.text(c.encode_utf8(&mut buf)),
        }
    }
    if !plain {
        out.text("'");
    }
}

#[cfg(test)]
mod tests {
    //! Expected text from erl 25: `io_lib:format("~w", [T])` and `erts_debug:display(T)`
    //! (the string `erlang:display/1` prints), for terms written in Erlang syntax.

    use super::*;
    use crate::alloc::VecAlloc;
    use crate::build;
    use crate::etf::tests::parse;

    const WRITTEN: &[(&str, &str)] = &[
        ("0", "0"),
        ("255", "255"),
        ("256", "256"),
        ("-1", "-1"),
        ("2147483647", "2147483647"),
        ("2147483648", "2147483648"),
        ("-2147483648", "-2147483648"),
        ("-2147483649", "-2147483649"),
        ("576460752303423487", "576460752303423487"),
        ("576460752303423488", "576460752303423488"),
        ("-576460752303423488", "-576460752303423488"),
        ("-576460752303423489", "-576460752303423489"),
        ("18446744073709551616", "18446744073709551616"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("123456789012345678901234567890123456789012345678901234567890", "123456789012345678901234567890123456789012345678901234567890"),
        ("1.5", "1.5"),
        ("-0.0", "-0.0"),
        ("1.0e300", "1.0e300"),
        ("5.0e-324", "5.0e-324"),
        ("abc", "abc"),
        ("'h\\x{E9}'", "h\u{e9}"),
        ("'h\\x{20AC}'", "'h\\x{20AC}'"),
        ("''", "''"),
        ("'hello world'", "'hello world'"),
        ("{}", "{}"),
        ("{a,b}", "{a,b}"),
        ("[]", "[]"),
        ("\"abc\"", "[97,98,99]"),
        ("[1,2|3]", "[1,2|3]"),
        ("[256]", "[256]"),
        ("[1.0,2.5]", "[1.0,2.5]"),
        ("[[1],[[]],{[]}]", "[[1],[[]],{[]}]"),
        ("<<>>", "<<>>"),
        ("<<1,2,3>>", "<<1,2,3>>"),
        ("<<1:3>>", "<<1:3>>"),
        ("<<255,7:3>>", "<<255,7:3>>"),
        ("#{}", "#{}"),
        ("#{a => 1,b => [2]}", "#{a => 1,b => [2]}"),
        ("#{a => 1,1 => 2,\"x\" => 3,1.0 => 4}", "#{1 => 2,1.0 => 4,a => 1,[120] => 3}"),
        ("#{#{1 => 2} => #{},[] => {#{a => b}}}", "#{#{1 => 2} => #{},[] => {#{a => b}}}"),
        ("{[],<<\"hello\">>,\"\",[a|b],{{{}}}}", "{[],<<104,101,108,108,111>>,[],[a|b],{{{}}}}"),
        ("'case'", "'case'"),
        ("'receive'", "'receive'"),
        ("'Abc'", "'Abc'"),
        ("'a b'", "'a b'"),
        ("aB_9@x", "aB_9@x"),
        ("'_x'", "'_x'"),
        ("'a.b'", "'a.b'"),
        ("'nonode@nohost'", "nonode@nohost"),
        ("'end'", "'end'"),
        ("'maybe'", "maybe"),
        ("'else'", "else"),
        ("'cond'", "'cond'"),
        ("'query'", "query"),
        ("'div'", "'div'"),
        ("'a\\nb'", "'a\\nb'"),
        ("'a\\'b'", "'a\\'b'"),
        ("'a\\\\b'", "'a\\\\b'"),
        ("'a\"b'", "'a\"b'"),
        ("'\\x{FF}'", "\u{ff}"),
        ("'\\x{DF}'", "\u{df}"),
        ("'\\x{C4}'", "'\u{c4}'"),
        ("'\\x{7F}'", "'\\d'"),
        ("'\\x{80}'", "'\\200'"),
        ("'a\\x{A0}'", "'a\u{a0}'"),
        ("'a\\x{E9}'", "a\u{e9}"),
        ("'\\x{E9}a'", "\u{e9}a"),
        ("'\\x{E7}a'", "\u{e7}a"),
        ("'a\\x{1}b\\x{C8}\\x{80}\\n'", "'a\\001b\u{c8}\\200\\n'"),
        ("'\\x{3B1}'", "'\\x{3B1}'"),
        ("'\\x{F7}x'", "'\u{f7}x'"),
        ("'x\\x{F7}'", "'x\u{f7}'"),
        ("'x\\x{D7}'", "'x\u{d7}'"),
        ("'\\x{C0}x'", "'\u{c0}x'"),
        ("'a\\tb\\r\\x{B}\\x{8}\\x{C}\\x{1B}'", "'a\\tb\\r\\v\\b\\f\\e'"),
        ("[97,34,92,10,9,233]", "[97,34,92,10,9,233]"),
        ("\"a\\nb\"", "[97,10,98]"),
        ("[160]", "[160]"),
        ("[97,256]", "[97,256]"),
        ("[127]", "[127]"),
        ("<<\"a\\\"b\\\\c\">>", "<<97,34,98,92,99>>"),
        ("\"hello world\\r\"", "[104,101,108,108,111,32,119,111,114,108,100,13]"),
        ("{1.0,0.1,1.0e-10,1.0e22,123456789012345680.0,100.0,1.0e15,1.0e16,0.001,0.0001,123.456}", "{1.0,0.1,1.0e-10,1.0e22,1.2345678901234568e17,100.0,1.0e15,1.0e16,0.001,0.0001,123.456}"),
        ("[-5,-576460752303423489]", "[-5,-576460752303423489]"),
        ("#{a => \"bc\"}", "#{a => [98,99]}"),
        ("[[]]", "[[]]"),
        ("\"a\"", "[97]"),
        ("{<<0:1>>,<<128,3:2>>,<<\" \">>,<<\"~\">>,<<127>>}", "{<<0:1>>,<<128,3:2>>,<<32>>,<<126>>,<<127>>}"),
    ];
    const DISPLAYED: &[(&str, &[u8])] = &[
        ("0", b"0"),
        ("255", b"255"),
        ("256", b"256"),
        ("-1", b"-1"),
        ("2147483647", b"2147483647"),
        ("2147483648", b"2147483648"),
        ("-2147483648", b"-2147483648"),
        ("-2147483649", b"-2147483649"),
        ("576460752303423487", b"576460752303423487"),
        ("576460752303423488", b"576460752303423488"),
        ("-576460752303423488", b"-576460752303423488"),
        ("-576460752303423489", b"-576460752303423489"),
        ("18446744073709551616", b"18446744073709551616"),
        ("-9223372036854775808", b"-9223372036854775808"),
        ("123456789012345678901234567890123456789012345678901234567890", b"123456789012345678901234567890123456789012345678901234567890"),
        ("1.5", b"1.500000e+00"),
        ("-0.0", b"-0.000000e+00"),
        ("1.0e300", b"1.000000e+300"),
        ("5.0e-324", b"4.940656e-324"),
        ("abc", b"abc"),
        ("'h\\x{E9}'", b"h\xc3\xa9"),
        ("'h\\x{20AC}'", b"'h\xe2\x82\xac'"),
        ("''", b"''"),
        ("'hello world'", b"'hello world'"),
        ("{}", b"{}"),
        ("{a,b}", b"{a,b}"),
        ("[]", b"[]"),
        ("\"abc\"", b"\"abc\""),
        ("[1,2|3]", b"[1,2|3]"),
        ("[256]", b"[256]"),
        ("[1.0,2.5]", b"[1.000000e+00,2.500000e+00]"),
        ("[[1],[[]],{[]}]", b"[[1],[[]],{[]}]"),
        ("<<>>", b"<<>>"),
        ("<<1,2,3>>", b"<<1,2,3>>"),
        ("<<1:3>>", b"<<1:3>>"),
        ("<<255,7:3>>", b"<<255,7:3>>"),
        ("#{}", b"#{}"),
        ("#{a => 1,b => [2]}", b"#{a=>1,b=>[2]}"),
        ("#{a => 1,1 => 2,\"x\" => 3,1.0 => 4}", b"#{1=>2,1.000000e+00=>4,a=>1,\"x\"=>3}"),
        ("#{#{1 => 2} => #{},[] => {#{a => b}}}", b"#{#{1=>2}=>#{},[]=>{#{a=>b}}}"),
        ("{[],<<\"hello\">>,\"\",[a|b],{{{}}}}", b"{[],<<\"hello\">>,[],[a|b],{{{}}}}"),
        ("'case'", b"case"),
        ("'receive'", b"receive"),
        ("'Abc'", b"'Abc'"),
        ("'a b'", b"'a b'"),
        ("aB_9@x", b"'aB_9@x'"),
        ("'_x'", b"'_x'"),
        ("'a.b'", b"'a.b'"),
        ("'nonode@nohost'", b"'nonode@nohost'"),
        ("'end'", b"end"),
        ("'maybe'", b"maybe"),
        ("'else'", b"else"),
        ("'cond'", b"cond"),
        ("'query'", b"query"),
        ("'div'", b"div"),
        ("'a\\nb'", b"'a\\nb'"),
        ("'a\\'b'", b"'a\\'b'"),
        ("'a\\\\b'", b"'a\\\\b'"),
        ("'a\"b'", b"'a\"b'"),
        ("'\\x{FF}'", b"\xc3\xbf"),
        ("'\\x{DF}'", b"\xc3\x9f"),
        ("'\\x{C4}'", b"'\xc3\x84'"),
        ("'\\x{7F}'", b"'\x7f'"),
        ("'\\x{80}'", b"'\\200'"),
        ("'a\\x{A0}'", b"'a\xc2\xa0'"),
        ("'a\\x{E9}'", b"a\xc3\xa9"),
        ("'\\x{E9}a'", b"\xc3\xa9a"),
        ("'\\x{E7}a'", b"\xc3\xa7a"),
        ("'a\\x{1}b\\x{C8}\\x{80}\\n'", b"'a\\001b\xc3\x88\\200\\n'"),
        ("'\\x{3B1}'", b"'\xce\xb1'"),
        ("'\\x{F7}x'", b"'\xc3\xb7x'"),
        ("'x\\x{F7}'", b"'x\xc3\xb7'"),
        ("'x\\x{D7}'", b"'x\xc3\x97'"),
        ("'\\x{C0}x'", b"'\xc3\x80x'"),
        ("'a\\tb\\r\\x{B}\\x{8}\\x{C}\\x{1B}'", b"'a\\tb\\r\\v\\b\\f\\033'"),
        ("[97,34,92,10,9,233]", b"\"a\\\"\\\\n\x09\xe9\""),
        ("\"a\\nb\"", b"\"a\\nb\""),
        ("[160]", b"\"\xa0\""),
        ("[97,256]", b"[97,256]"),
        ("[127]", b"[127]"),
        ("<<\"a\\\"b\\\\c\">>", b"<<\"a\\\"b\\c\">>"),
        ("\"hello world\\r\"", b"\"hello world\x0d\""),
        ("{1.0,0.1,1.0e-10,1.0e22,123456789012345680.0,100.0,1.0e15,1.0e16,0.001,0.0001,123.456}", b"{1.000000e+00,1.000000e-01,1.000000e-10,1.000000e+22,1.234568e+17,1.000000e+02,1.000000e+15,1.000000e+16,1.000000e-03,1.000000e-04,1.234560e+02}"),
        ("[-5,-576460752303423489]", b"[-5,-576460752303423489]"),
        ("#{a => \"bc\"}", b"#{a=>\"bc\"}"),
        ("[[]]", b"[[]]"),
        ("\"a\"", b"\"a\""),
        ("{<<0:1>>,<<128,3:2>>,<<\" \">>,<<\"~\">>,<<127>>}", b"{<<0:1>>,<<128,3:2>>,<<\" \">>,<<\"~\">>,<<127>>}"),
    ];

    #[test]
    fn write_matches_erl() {
        let mut h = VecAlloc::new();
        for &(text, want) in WRITTEN {
            assert_eq!(term_to_string(parse(&mut h, text)), want, "{text}");
        }
    }

    #[test]
    fn display_matches_erl() {
        let mut h = VecAlloc::new();
        for &(text, want) in DISPLAYED {
            let mut out = Vec::new();
            display_term(&mut out, parse(&mut h, text));
            assert_eq!(out, want, "{text}: {}", String::from_utf8_lossy(&out));
        }
    }

    #[test]
    fn identifiers_match_erl() {
        let mut h = VecAlloc::new();
        let r = build::reference(&mut h, [94206, 884211714, 436309076]);
        let cases = [
            (Term::pid(9), "<0.9.0>"),
            (Term::pid(8191 << 28 | 32767), "<0.32767.8191>"),
            (Term::port(0), "#Port<0.0>"),
            (r, "#Ref<0.436309076.884211714.94206>"),
        ];
        for (t, want) in cases {
            assert_eq!(term_to_string(t), want);
            let mut out = Vec::new();
            display_term(&mut out, t);
            assert_eq!(out, want.as_bytes());
        }
    }

    /// Export funs name their module and function by the emulator's quoting rules, in `~w`
    /// too (`erlang:fun_to_list/1` is C code): `fun 'a@b':'c d'/0`.
    #[test]
    fn export_funs_match_erl() {
        use crate::atom::Atom;
        use crate::boxed::Export;
        use core::sync::atomic::AtomicUsize;
        let mut h = VecAlloc::new();
        let a = |s: &str| Atom::intern(s).unwrap_or(crate::atom::UNDEFINED);
        for (m, f, arity, want) in [
            ("A", "b", 0, "fun 'A':b/0"),
            ("a@b", "c d", 0, "fun 'a@b':'c d'/0"),
            ("erlang", "+", 2, "fun erlang:'+'/2"),
        ] {
            let e: &'static Export = Box::leak(Box::new(Export {
                module: a(m),
                function: a(f),
                arity,
                code: AtomicUsize::new(0),
            }));
            let t = build::export_fun(&mut h, e);
            assert_eq!(term_to_string(t), want);
            let mut out = Vec::new();
            display_term(&mut out, t);
            assert_eq!(out, want.as_bytes());
        }
    }

    /// `maps:from_list([{I, I} || I <- lists:seq(1, 40)])`: `~w` walks it in
    /// `maps:iterator/1` order, `erlang:display/1` prints the trie itself.
    #[test]
    fn large_maps_match_erl() {
        let mut h = VecAlloc::new();
        let pairs: Vec<(Term, Term)> = (1..=40).map(|i| (Term::small(i), Term::small(i))).collect();
        let m = map::from_pairs(&mut h, pairs);
        let order = [
            16, 18, 5, 19, 27, 35, 10, 24, 36, 4, 21, 22, 17, 3, 8, 1, 7, 2, 14, 15, 20, 40, 13,
            38, 6, 28, 25, 34, 32, 9, 37, 11, 31, 26, 39, 30, 29, 23, 12, 33,
        ];
        let want: Vec<String> = order.iter().map(|k| format!("{k} => {k}")).collect();
        assert_eq!(term_to_string(m), format!("#{{{}}}", want.join(",")));
        let mut out = Vec::new();
        display_term(&mut out, m);
        let trie = "#<fffb>{<1201>{[16|16],[18|18],[5|5]},<4400>{[19|19],[27|27]},<1084>{[35|35],<4080>{[10|10],[24|24]},[36|36]},<14>{[4|4],[21|21]},<240>{[22|22],[17|17]},<2a>{[3|3],[8|8],[1|1]},<8512>{[7|7],[2|2],[14|14],[15|15],[20|20]},<c0>{[40|40],<1001>{[13|13],[38|38]}},[6|6],<9400>{[28|28],[25|25],[34|34]},<312>{[32|32],[9|9],[37|37],[11|11]},[31|31],[26|26],<2060>{[39|39],[30|30],<8020>{[29|29],[23|23]}},<8200>{[12|12],[33|33]}}";
        assert_eq!(String::from_utf8_lossy(&out), trie);
    }

    #[test]
    fn deep_terms_print_without_recursion() {
        const DEPTH: usize = 1_000_000;
        let mut h = VecAlloc::new();
        let mut t = Term::NIL;
        for i in 0..DEPTH {
            t = if i % 2 == 0 {
                build::cons(&mut h, t, Term::NIL)
            } else {
                build::tuple(&mut h, &[t])
            };
        }
        let s = term_to_string(t);
        assert_eq!(s.len(), 2 + 2 * DEPTH);
        let mut out = Vec::new();
        display_term(&mut out, t);
        assert_eq!(out.len(), s.len());
    }
}
