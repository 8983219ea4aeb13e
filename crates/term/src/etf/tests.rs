//! Tests of the external term format. Expected bytes come from `term_to_binary/1,2` on
//! erl 25 (the terms are written in Erlang syntax and read by both erl and [`parse`]), as do
//! the accepted and refused inputs of the decoder.

use super::tag::COMPRESSED;
use super::*;
use crate::alloc::{TermAlloc, VecAlloc};
use crate::boxed::{Export, FunEntry};
use crate::{build, integer, print};
use core::sync::atomic::AtomicUsize;
use num_bigint::BigInt;

/// Reads one term in Erlang syntax (integers, floats, atoms, strings, tuples, lists,
/// maps, binaries with `Value:Bits` segments) for tests.
pub(crate) fn parse(heap: &mut dyn TermAlloc, text: &str) -> Term {
    let chars: Vec<char> = text.chars().collect();
    let mut p = Parser { s: chars, i: 0 };
    let t = p.term(heap);
    p.ws();
    assert_eq!(p.i, p.s.len(), "trailing text in {text}");
    t
}

struct Parser {
    s: Vec<char>,
    i: usize,
}

impl Parser {
    fn peek(&self) -> char {
        self.s.get(self.i).copied().unwrap_or('\0')
    }

    fn ws(&mut self) {
        while self.peek().is_whitespace() {
            self.i += 1;
        }
    }

    fn eat(&mut self, s: &str) -> bool {
        self.ws();
        let n = s.chars().count();
        if self
            .s
            .get(self.i..self.i + n)
            .is_some_and(|w| w.iter().copied().eq(s.chars()))
        {
            self.i += n;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, s: &str) {
        assert!(self.eat(s), "expected {s} at {}", self.i);
    }

    /// Characters up to `quote`, with Erlang's escapes.
    fn quoted(&mut self, quote: char) -> Vec<u32> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let c = self.peek();
            self.i += 1;
            if c == quote {
                return out;
            }
            if c != '\\' {
                out.push(c as u32);
                continue;
            }
            let e = self.peek();
            self.i += 1;
            out.push(match e {
                'n' => 10,
                'r' => 13,
                't' => 9,
                'x' => {
                    self.expect("{");
                    let start = self.i;
                    while self.peek() != '}' {
                        self.i += 1;
                    }
                    let hex: String = self.s[start..self.i].iter().collect();
                    self.i += 1;
                    u32::from_str_radix(&hex, 16).unwrap_or(0)
                }
                other => other as u32,
            });
        }
    }

    fn elems(&mut self, heap: &mut dyn TermAlloc, close: &str) -> Vec<Term> {
        let mut v = Vec::new();
        if self.eat(close) {
            return v;
        }
        loop {
            v.push(self.term(heap));
            if !self.eat(",") {
                return v;
            }
        }
    }

    fn term(&mut self, heap: &mut dyn TermAlloc) -> Term {
        self.ws();
        if self.eat("{") {
            let v = self.elems(heap, "}");
            if !v.is_empty() {
                self.expect("}");
            }
            return build::tuple(heap, &v);
        }
        if self.eat("#{") {
            let mut pairs = Vec::new();
            if !self.eat("}") {
                loop {
                    let k = self.term(heap);
                    self.expect("=>");
                    let v = self.term(heap);
                    pairs.push((k, v));
                    if !self.eat(",") {
                        break;
                    }
                }
                self.expect("}");
            }
            return crate::map::from_pairs(heap, pairs);
        }
        if self.eat("<<") {
            let mut bits: Vec<bool> = Vec::new();
            if !self.eat(">>") {
                loop {
                    self.ws();
                    let (values, size) = if self.peek() == '"' {
                        (self.quoted('"'), 8)
                    } else {
                        let v = self.term(heap).as_small().unwrap_or(0) as u32;
                        let size = if self.eat(":") {
                            self.term(heap).as_small().unwrap_or(8) as u32
                        } else {
                            8
                        };
                        (vec![v], size)
                    };
                    for v in values {
                        bits.extend((0..size).rev().map(|b| v >> b & 1 == 1));
                    }
                    if !self.eat(",") {
                        break;
                    }
                }
                self.expect(">>");
            }
            let bytes: Vec<u8> = bits
                .chunks(8)
                .map(|c| {
                    c.iter()
                        .enumerate()
                        .fold(0u8, |a, (i, &b)| a | (u8::from(b) << (7 - i)))
                })
                .collect();
            let bin = build::binary(heap, &bytes);
            return if bits.len().is_multiple_of(8) {
                bin
            } else {
                build::sub_binary(heap, bin, 0, bits.len())
            };
        }
        if self.eat("[") {
            let v = self.elems(heap, "]");
            if v.is_empty() {
                return Term::NIL;
            }
            let tail = if self.eat("|") {
                self.term(heap)
            } else {
                Term::NIL
            };
            self.expect("]");
            return build::list_with_tail(heap, &v, tail);
        }
        match self.peek() {
            '"' => {
                let cs = self.quoted('"');
                build::string_list(heap, cs)
            }
            '\'' => {
                let cs = self.quoted('\'');
                let name: String = cs.iter().filter_map(|&c| char::from_u32(c)).collect();
                Term::atom(Atom::intern(&name).unwrap_or(atom::UNDEFINED))
            }
            c if c.is_ascii_lowercase() => {
                let start = self.i;
                while self.peek().is_ascii_alphanumeric()
                    || self.peek() == '_'
                    || self.peek() == '@'
                {
                    self.i += 1;
                }
                let name: String = self.s[start..self.i].iter().collect();
                Term::atom(Atom::intern(&name).unwrap_or(atom::UNDEFINED))
            }
            _ => {
                let start = self.i;
                if self.peek() == '-' {
                    self.i += 1;
                }
                while self.peek().is_ascii_alphanumeric()
                    || self.peek() == '.'
                    || (self.peek() == '-' && self.s[self.i - 1] == 'e')
                {
                    self.i += 1;
                }
                let text: String = self.s[start..self.i].iter().collect();
                if text.contains('.') {
                    build::float(heap, text.parse().unwrap_or(f64::NAN))
                } else {
                    integer::from_bigint(heap, &text.parse::<BigInt>().unwrap_or_default())
                }
            }
        }
    }
}

fn enc(t: Term) -> Vec<u8> {
    encode(t, &EncodeOptions::default()).unwrap_or_default()
}

fn dec(bytes: &[u8], heap: &mut VecAlloc) -> Result<(Term, usize), DecodeError> {
    decode(bytes, heap, &DecodeOptions::default())
}

const ENCODED: &[(&str, &[u8])] = &[
    ("0", &[131, 97, 0]),
    ("255", &[131, 97, 255]),
    ("256", &[131, 98, 0, 0, 1, 0]),
    ("-1", &[131, 98, 255, 255, 255, 255]),
    ("2147483647", &[131, 98, 127, 255, 255, 255]),
    ("2147483648", &[131, 110, 4, 0, 0, 0, 0, 128]),
    ("-2147483648", &[131, 98, 128, 0, 0, 0]),
    ("-2147483649", &[131, 110, 4, 1, 1, 0, 0, 128]),
    (
        "576460752303423487",
        &[131, 110, 8, 0, 255, 255, 255, 255, 255, 255, 255, 7],
    ),
    (
        "576460752303423488",
        &[131, 110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 8],
    ),
    (
        "-576460752303423488",
        &[131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 8],
    ),
    (
        "-576460752303423489",
        &[131, 110, 8, 1, 1, 0, 0, 0, 0, 0, 0, 8],
    ),
    (
        "18446744073709551616",
        &[131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    ),
    (
        "-9223372036854775808",
        &[131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 128],
    ),
    (
        "123456789012345678901234567890123456789012345678901234567890",
        &[
            131, 110, 25, 0, 210, 10, 63, 206, 150, 241, 207, 140, 156, 180, 55, 140, 55, 164, 135,
            63, 23, 98, 30, 188, 228, 4, 245, 170, 19,
        ],
    ),
    ("1.5", &[131, 70, 63, 248, 0, 0, 0, 0, 0, 0]),
    ("-0.0", &[131, 70, 128, 0, 0, 0, 0, 0, 0, 0]),
    ("1.0e300", &[131, 70, 126, 55, 228, 60, 136, 0, 117, 156]),
    ("5.0e-324", &[131, 70, 0, 0, 0, 0, 0, 0, 0, 1]),
    ("abc", &[131, 100, 0, 3, 97, 98, 99]),
    ("'h\\x{E9}'", &[131, 100, 0, 2, 104, 233]),
    ("'h\\x{20AC}'", &[131, 119, 4, 104, 226, 130, 172]),
    ("''", &[131, 100, 0, 0]),
    (
        "'hello world'",
        &[
            131, 100, 0, 11, 104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100,
        ],
    ),
    ("{}", &[131, 104, 0]),
    ("{a,b}", &[131, 104, 2, 100, 0, 1, 97, 100, 0, 1, 98]),
    ("[]", &[131, 106]),
    ("\"abc\"", &[131, 107, 0, 3, 97, 98, 99]),
    ("[1,2|3]", &[131, 108, 0, 0, 0, 2, 97, 1, 97, 2, 97, 3]),
    ("[256]", &[131, 108, 0, 0, 0, 1, 98, 0, 0, 1, 0, 106]),
    (
        "[1.0,2.5]",
        &[
            131, 108, 0, 0, 0, 2, 70, 63, 240, 0, 0, 0, 0, 0, 0, 70, 64, 4, 0, 0, 0, 0, 0, 0, 106,
        ],
    ),
    (
        "[[1],[[]],{[]}]",
        &[
            131, 108, 0, 0, 0, 3, 107, 0, 1, 1, 108, 0, 0, 0, 1, 106, 106, 104, 1, 106, 106,
        ],
    ),
    ("<<>>", &[131, 109, 0, 0, 0, 0]),
    ("<<1,2,3>>", &[131, 109, 0, 0, 0, 3, 1, 2, 3]),
    ("<<1:3>>", &[131, 77, 0, 0, 0, 1, 3, 32]),
    ("<<255,7:3>>", &[131, 77, 0, 0, 0, 2, 3, 255, 224]),
    ("#{}", &[131, 116, 0, 0, 0, 0]),
    (
        "#{a => 1,b => [2]}",
        &[
            131, 116, 0, 0, 0, 2, 100, 0, 1, 97, 97, 1, 100, 0, 1, 98, 107, 0, 1, 2,
        ],
    ),
    (
        "#{a => 1,1 => 2,\"x\" => 3,1.0 => 4}",
        &[
            131, 116, 0, 0, 0, 4, 97, 1, 97, 2, 70, 63, 240, 0, 0, 0, 0, 0, 0, 97, 4, 100, 0, 1,
            97, 97, 1, 107, 0, 1, 120, 97, 3,
        ],
    ),
    (
        "#{#{1 => 2} => #{},[] => {#{a => b}}}",
        &[
            131, 116, 0, 0, 0, 2, 116, 0, 0, 0, 1, 97, 1, 97, 2, 116, 0, 0, 0, 0, 106, 104, 1, 116,
            0, 0, 0, 1, 100, 0, 1, 97, 100, 0, 1, 98,
        ],
    ),
    (
        "{[],<<\"hello\">>,\"\",[a|b],{{{}}}}",
        &[
            131, 104, 5, 106, 109, 0, 0, 0, 5, 104, 101, 108, 108, 111, 106, 108, 0, 0, 0, 1, 100,
            0, 1, 97, 100, 0, 1, 98, 104, 1, 104, 1, 104, 0,
        ],
    ),
    ("'case'", &[131, 100, 0, 4, 99, 97, 115, 101]),
    (
        "'receive'",
        &[131, 100, 0, 7, 114, 101, 99, 101, 105, 118, 101],
    ),
    ("'Abc'", &[131, 100, 0, 3, 65, 98, 99]),
    ("'a b'", &[131, 100, 0, 3, 97, 32, 98]),
    ("aB_9@x", &[131, 100, 0, 6, 97, 66, 95, 57, 64, 120]),
    ("'_x'", &[131, 100, 0, 2, 95, 120]),
    ("'a.b'", &[131, 100, 0, 3, 97, 46, 98]),
    (
        "'nonode@nohost'",
        &[
            131, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116,
        ],
    ),
    ("'end'", &[131, 100, 0, 3, 101, 110, 100]),
    ("'maybe'", &[131, 100, 0, 5, 109, 97, 121, 98, 101]),
    ("'else'", &[131, 100, 0, 4, 101, 108, 115, 101]),
    ("'cond'", &[131, 100, 0, 4, 99, 111, 110, 100]),
    ("'query'", &[131, 100, 0, 5, 113, 117, 101, 114, 121]),
    ("'div'", &[131, 100, 0, 3, 100, 105, 118]),
    ("'a\\nb'", &[131, 100, 0, 3, 97, 10, 98]),
    ("'a\\'b'", &[131, 100, 0, 3, 97, 39, 98]),
    ("'a\\\\b'", &[131, 100, 0, 3, 97, 92, 98]),
    ("'a\"b'", &[131, 100, 0, 3, 97, 34, 98]),
    ("'\\x{FF}'", &[131, 100, 0, 1, 255]),
    ("'\\x{DF}'", &[131, 100, 0, 1, 223]),
    ("'\\x{C4}'", &[131, 100, 0, 1, 196]),
    ("'\\x{7F}'", &[131, 100, 0, 1, 127]),
    ("'\\x{80}'", &[131, 100, 0, 1, 128]),
    ("'a\\x{A0}'", &[131, 100, 0, 2, 97, 160]),
    ("'a\\x{E9}'", &[131, 100, 0, 2, 97, 233]),
    ("'\\x{E9}a'", &[131, 100, 0, 2, 233, 97]),
    ("'\\x{E7}a'", &[131, 100, 0, 2, 231, 97]),
    (
        "'a\\x{1}b\\x{C8}\\x{80}\\n'",
        &[131, 100, 0, 6, 97, 1, 98, 200, 128, 10],
    ),
    ("'\\x{3B1}'", &[131, 119, 2, 206, 177]),
    ("'\\x{F7}x'", &[131, 100, 0, 2, 247, 120]),
    ("'x\\x{F7}'", &[131, 100, 0, 2, 120, 247]),
    ("'x\\x{D7}'", &[131, 100, 0, 2, 120, 215]),
    ("'\\x{C0}x'", &[131, 100, 0, 2, 192, 120]),
    (
        "'a\\tb\\r\\x{B}\\x{8}\\x{C}\\x{1B}'",
        &[131, 100, 0, 8, 97, 9, 98, 13, 11, 8, 12, 27],
    ),
    (
        "[97,34,92,10,9,233]",
        &[131, 107, 0, 6, 97, 34, 92, 10, 9, 233],
    ),
    ("\"a\\nb\"", &[131, 107, 0, 3, 97, 10, 98]),
    ("[160]", &[131, 107, 0, 1, 160]),
    (
        "[97,256]",
        &[131, 108, 0, 0, 0, 2, 97, 97, 98, 0, 0, 1, 0, 106],
    ),
    ("[127]", &[131, 107, 0, 1, 127]),
    (
        "<<\"a\\\"b\\\\c\">>",
        &[131, 109, 0, 0, 0, 5, 97, 34, 98, 92, 99],
    ),
    (
        "\"hello world\\r\"",
        &[
            131, 107, 0, 12, 104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100, 13,
        ],
    ),
    (
        "{1.0,0.1,1.0e-10,1.0e22,123456789012345680.0,100.0,1.0e15,1.0e16,0.001,0.0001,123.456}",
        &[
            131, 104, 11, 70, 63, 240, 0, 0, 0, 0, 0, 0, 70, 63, 185, 153, 153, 153, 153, 153, 154,
            70, 61, 219, 124, 223, 217, 215, 189, 187, 70, 68, 128, 240, 207, 6, 77, 213, 146, 70,
            67, 123, 105, 180, 186, 99, 15, 53, 70, 64, 89, 0, 0, 0, 0, 0, 0, 70, 67, 12, 107, 245,
            38, 52, 0, 0, 70, 67, 65, 195, 121, 55, 224, 128, 0, 70, 63, 80, 98, 77, 210, 241, 169,
            252, 70, 63, 26, 54, 226, 235, 28, 67, 45, 70, 64, 94, 221, 47, 26, 159, 190, 119,
        ],
    ),
    (
        "[-5,-576460752303423489]",
        &[
            131, 108, 0, 0, 0, 2, 98, 255, 255, 255, 251, 110, 8, 1, 1, 0, 0, 0, 0, 0, 0, 8, 106,
        ],
    ),
    (
        "#{a => \"bc\"}",
        &[131, 116, 0, 0, 0, 1, 100, 0, 1, 97, 107, 0, 2, 98, 99],
    ),
    ("[[]]", &[131, 108, 0, 0, 0, 1, 106, 106]),
    ("\"a\"", &[131, 107, 0, 1, 97]),
    (
        "{<<0:1>>,<<128,3:2>>,<<\" \">>,<<\"~\">>,<<127>>}",
        &[
            131, 104, 5, 77, 0, 0, 0, 1, 1, 0, 77, 0, 0, 0, 2, 2, 128, 192, 109, 0, 0, 0, 1, 32,
            109, 0, 0, 0, 1, 126, 109, 0, 0, 0, 1, 127,
        ],
    ),
];

#[test]
fn encode_matches_erl() {
    let mut h = VecAlloc::new();
    for &(text, want) in ENCODED {
        let t = parse(&mut h, text);
        assert_eq!(enc(t), want, "{text}");
    }
}

#[test]
fn decode_round_trips_erl_bytes() {
    let mut h = VecAlloc::new();
    for &(text, bytes) in ENCODED {
        let (t, used) = dec(bytes, &mut h).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(used, bytes.len(), "{text}");
        assert_eq!(enc(t), bytes, "{text}");
        let expected = parse(&mut h, text);
        assert_eq!(
            crate::compare::compare(t, expected, true),
            core::cmp::Ordering::Equal,
            "{text}"
        );
    }
}

#[test]
fn minor_versions_match_erl() {
    let cases: &[(&str, u8, &[u8])] = &[
        ("abc", 0, &[131, 100, 0, 3, 97, 98, 99]),
        ("abc", 2, &[131, 119, 3, 97, 98, 99]),
        ("'h\\x{E9}'", 0, &[131, 100, 0, 2, 104, 233]),
        ("'h\\x{E9}'", 2, &[131, 119, 3, 104, 195, 169]),
        ("'h\\x{20AC}'", 0, &[131, 119, 4, 104, 226, 130, 172]),
        ("'h\\x{20AC}'", 2, &[131, 119, 4, 104, 226, 130, 172]),
        (
            "1.5",
            0,
            &[
                131, 99, 49, 46, 53, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48,
                48, 48, 48, 48, 101, 43, 48, 48, 0, 0, 0, 0, 0,
            ],
        ),
        ("1.5", 2, &[131, 70, 63, 248, 0, 0, 0, 0, 0, 0]),
        (
            "-0.0",
            0,
            &[
                131, 99, 45, 48, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48,
                48, 48, 48, 48, 48, 101, 43, 48, 48, 0, 0, 0, 0,
            ],
        ),
        (
            "5.0e-324",
            0,
            &[
                131, 99, 52, 46, 57, 52, 48, 54, 53, 54, 52, 53, 56, 52, 49, 50, 52, 54, 53, 52,
                52, 49, 55, 55, 101, 45, 51, 50, 52, 0, 0, 0, 0,
            ],
        ),
        (
            "1.0e300",
            0,
            &[
                131, 99, 49, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48,
                53, 50, 53, 48, 101, 43, 51, 48, 48, 0, 0, 0, 0,
            ],
        ),
    ];
    let mut h = VecAlloc::new();
    for &(text, minor, want) in cases {
        let t = parse(&mut h, text);
        let opts = EncodeOptions {
            minor_version: minor,
            ..EncodeOptions::default()
        };
        assert_eq!(encode(t, &opts), Ok(want.to_vec()), "{text} minor {minor}");
        let (back, _) = dec(want, &mut h).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(
            crate::compare::compare(t, back, true),
            core::cmp::Ordering::Equal,
            "{text}"
        );
    }
    // A local pid's node name follows the atom rules too.
    let opts = EncodeOptions {
        minor_version: 2,
        ..EncodeOptions::default()
    };
    let want = [
        131, 88, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0,
        9, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
    assert_eq!(encode(Term::pid(9), &opts), Ok(want.to_vec()));
}

const NODE: [u8; 16] = [
    100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116,
];

fn with_node(tag: &[u8], rest: &[u8]) -> Vec<u8> {
    let mut v = vec![VERSION_MAGIC];
    v.extend_from_slice(tag);
    v.extend_from_slice(&NODE);
    v.extend_from_slice(rest);
    v
}

#[test]
fn pids_ports_refs_match_erl() {
    let mut h = VecAlloc::new();
    // list_to_pid("<0.9.0>"), "<0.9.1>", "<0.32767.8191>".
    assert_eq!(
        enc(Term::pid(9)),
        with_node(&[88], &[0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0])
    );
    assert_eq!(
        enc(Term::pid(1 << 28 | 9)),
        with_node(&[88], &[0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 0])
    );
    assert_eq!(
        enc(Term::pid(8191 << 28 | 32767)),
        with_node(&[88], &[0, 0, 127, 255, 0, 0, 31, 255, 0, 0, 0, 0])
    );
    // list_to_port("#Port<0.0>"), "#Port<0.5>"; above 2^28 - 1 BEAM switches to V4_PORT_EXT.
    assert_eq!(
        enc(Term::port(0)),
        with_node(&[89], &[0, 0, 0, 0, 0, 0, 0, 0])
    );
    assert_eq!(
        enc(Term::port(5)),
        with_node(&[89], &[0, 0, 0, 5, 0, 0, 0, 0])
    );
    assert_eq!(
        enc(Term::port(1 << 28)),
        with_node(&[120], &[0, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0])
    );
    // list_to_ref("#Ref<0.1.2.3>"), "#Ref<0.436309076.884211714.94206>".
    let r = build::reference(&mut h, [3, 2, 1]);
    assert_eq!(
        enc(r),
        with_node(
            &[90, 0, 3],
            &[0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 1]
        )
    );
    let r = build::reference(&mut h, [94206, 884211714, 436309076]);
    assert_eq!(
        enc(r),
        with_node(
            &[90, 0, 3],
            &[0, 0, 0, 0, 0, 1, 111, 254, 52, 180, 0, 2, 26, 1, 140, 84]
        )
    );
    for t in [
        Term::pid(9),
        Term::pid(8191 << 28 | 32767),
        Term::port(5),
        Term::port(1 << 28),
        r,
    ] {
        let bytes = enc(t);
        let back = dec(&bytes, &mut h).map(|(t, _)| t);
        assert_eq!(back.map(enc), Ok(bytes));
    }
}

/// Old and odd encodings `binary_to_term` accepts, with what erl 25 prints for them.
#[test]
fn decode_accepts_what_erl_accepts() {
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (vec![131, 108, 0, 0, 0, 0, 97, 5], "5"),
        (vec![131, 104, 0], "{}"),
        (vec![131, 105, 0, 0, 0, 0], "{}"),
        (vec![131, 110, 3, 0, 0, 0, 0], "0"),
        (vec![131, 110, 3, 2, 1, 0, 0], "-1"),
        (
            vec![131, 111, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
            "18446744073709551616",
        ),
        (vec![131, 77, 0, 0, 0, 1, 3, 255], "<<7:3>>"),
        (vec![131, 77, 0, 0, 0, 1, 8, 255], "<<255>>"),
        (vec![131, 77, 0, 0, 0, 0, 0], "<<>>"),
        (vec![131, 115, 2, 104, 105], "hi"),
        (vec![131, 118, 0, 2, 0xc3, 0xa9], "\u{e9}"),
        (vec![131, 119, 2, 0xc3, 0xa9], "\u{e9}"),
        (
            with_node(&[88], &[0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0]),
            "<0.9.0>",
        ),
        (
            with_node(&[88], &[0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 0]),
            "<0.9.1>",
        ),
        (with_node(&[103], &[0, 0, 0, 9, 0, 0, 0, 1, 0]), "<0.9.1>"),
        (with_node(&[101], &[0, 0, 0, 9, 0]), "#Ref<0.0.0.9>"),
        (
            with_node(&[114, 0, 2], &[0, 0, 0, 0, 9, 0, 0, 0, 7]),
            "#Ref<0.0.7.9>",
        ),
        (
            with_node(&[90, 0, 1], &[0, 0, 0, 0, 0, 0, 0, 9]),
            "#Ref<0.0.0.9>",
        ),
        (
            with_node(&[90, 0, 0], &[0, 0, 0, 0, 0, 0, 0, 9]),
            "#Ref<0.0.0.0>",
        ),
        (with_node(&[102], &[0, 0, 0, 9, 0]), "#Port<0.9>"),
        (with_node(&[89], &[0, 0, 0, 9, 0, 0, 0, 0]), "#Port<0.9>"),
        (
            with_node(&[120], &[0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0]),
            "#Port<0.9>",
        ),
        ([&[131u8, 99][..], b"1.5", &[0; 28]].concat(), "1.5"),
        ([&[131u8, 99][..], b"1,5e3", &[0; 26]].concat(), "1.5e3"),
        // Trailing bytes are ignored (and not counted by `used`).
        (vec![131, 97, 1, 99], "1"),
    ];
    let mut h = VecAlloc::new();
    for (bytes, want) in &cases {
        match dec(bytes, &mut h) {
            Ok((t, _)) => assert_eq!(print::term_to_string(t), *want, "{bytes:?}"),
            Err(e) => panic!("{bytes:?}: {e}"),
        }
    }
    assert_eq!(dec(&[131, 97, 1, 99], &mut h).map(|(_, used)| used), Ok(3));
}

/// Binaries erl 25 refuses with `badarg`.
#[test]
fn decode_refuses_what_erl_refuses() {
    let cases: Vec<Vec<u8>> = vec![
        vec![],
        vec![131],
        vec![130, 97, 1],
        vec![131, 82, 0],
        vec![131, 117, 0, 0, 0, 0],
        vec![131, 99, 0],
        [&[131u8, 99][..], b"1e3", &[0; 28]].concat(),
        vec![131, 116, 0, 0, 0, 2, 97, 1, 97, 1, 97, 1, 97, 2],
        vec![131, 118, 0, 2, 0xc3, 0x29],
        vec![131, 70, 127, 240, 0, 0, 0, 0, 0, 0],
        vec![131, 80, 0, 0, 0, 0, 120, 156, 3, 0, 0, 0, 0, 1],
        vec![131, 77, 0, 0, 0, 1, 0, 255],
        vec![131, 77, 0, 0, 0, 1, 9, 255],
        vec![131, 77, 0, 0, 0, 0, 3],
        vec![131, 108, 0, 0, 0, 1, 97, 1],
        vec![131, 108, 255, 255, 255, 255, 106],
        vec![131, 105, 255, 255, 255, 255],
        vec![131, 116, 127, 255, 255, 255],
        vec![131, 111, 255, 255, 255, 255, 0],
        vec![131, 100, 1, 0],
        with_node(
            &[90, 0, 4],
            &[0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3],
        ),
        with_node(&[90, 0, 6], &[0; 28]),
        with_node(&[101], &[0, 4, 0, 0, 0]),
        with_node(&[103], &[0, 0, 0, 9, 0, 0, 0, 1, 4]),
        with_node(&[120], &[16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        with_node(&[88], &[0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0]),
    ];
    let mut h = VecAlloc::new();
    for bytes in &cases {
        assert!(dec(bytes, &mut h).is_err(), "{bytes:?}");
    }
}

#[test]
fn safe_refuses_new_atoms_only() {
    let mut h = VecAlloc::new();
    let safe = DecodeOptions {
        safe: true,
        ..DecodeOptions::default()
    };
    assert_eq!(
        decode(&[131, 100, 0, 2, 111, 107], &mut h, &safe).map(|(t, _)| t),
        Ok(Term::atom(atom::OK))
    );
    let fresh = b"\x83d\x00\x1betf_safe_test_atom_never_made";
    assert_eq!(decode(fresh, &mut h, &safe), Err(DecodeError::UnsafeAtom));
    assert!(Atom::existing("etf_safe_test_atom_never_made").is_none());
    assert!(dec(fresh, &mut h).is_ok());
}

#[test]
fn other_nodes_are_unsupported() {
    let mut h = VecAlloc::new();
    let mut other = vec![131, 88, 100, 0, 3, b'a', b'@', b'b'];
    other.extend_from_slice(&[0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(dec(&other, &mut h), Err(DecodeError::Unsupported));
    // Our own node name with another creation is another node too.
    assert_eq!(
        dec(
            &with_node(&[88], &[0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 1]),
            &mut h
        ),
        Err(DecodeError::Unsupported)
    );
}

fn leak<T>(v: T) -> &'static T {
    Box::leak(Box::new(v))
}

/// `funs:mk(5, [a, "b"])` and `fun() -> ok end` from a module `funs` compiled by erlc 25
/// (`erlang:fun_info/1` gave the entries' fields).
#[test]
fn funs_match_erl() {
    let module = Atom::intern("funs").unwrap_or(atom::UNDEFINED);
    let uniq = [
        11, 92, 96, 237, 213, 208, 244, 136, 231, 68, 45, 140, 49, 110, 99, 114,
    ];
    let mk = leak(FunEntry {
        module,
        function: Atom::intern("-mk/2-fun-0-").unwrap_or(atom::UNDEFINED),
        arity: 1,
        num_free: 2,
        index: 0,
        old_uniq: 5956359,
        new_uniq: uniq,
        old_index: 0,
        code: AtomicUsize::new(0),
    });
    let plain = leak(FunEntry {
        module,
        function: Atom::intern("-main/0-fun-0-").unwrap_or(atom::UNDEFINED),
        arity: 0,
        num_free: 0,
        index: 1,
        old_uniq: 5956359,
        new_uniq: uniq,
        old_index: 1,
        code: AtomicUsize::new(0),
    });
    let mut h = VecAlloc::new();
    let env = [Term::small(5), parse(&mut h, "[a,\"b\"]")];
    let f = build::fun(&mut h, mk, Term::pid(9), &env);
    let g = build::fun(&mut h, plain, Term::pid(9), &[]);
    let f_bytes: &[u8] = &[
        131, 112, 0, 0, 0, 88, 1, 11, 92, 96, 237, 213, 208, 244, 136, 231, 68, 45, 140, 49, 110,
        99, 114, 0, 0, 0, 0, 0, 0, 0, 2, 100, 0, 4, 102, 117, 110, 115, 97, 0, 98, 0, 90, 227, 7,
        88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 9,
        0, 0, 0, 0, 0, 0, 0, 0, 97, 5, 108, 0, 0, 0, 2, 100, 0, 1, 97, 107, 0, 1, 98, 106,
    ];
    let g_bytes: &[u8] = &[
        131, 112, 0, 0, 0, 72, 0, 11, 92, 96, 237, 213, 208, 244, 136, 231, 68, 45, 140, 49, 110,
        99, 114, 0, 0, 0, 1, 0, 0, 0, 0, 100, 0, 4, 102, 117, 110, 115, 97, 1, 98, 0, 90, 227, 7,
        88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 9,
        0, 0, 0, 0, 0, 0, 0, 0,
    ];
    assert_eq!(enc(f), f_bytes);
    assert_eq!(enc(g), g_bytes);
    assert_eq!(print::term_to_string(f), "#Fun<funs.0.5956359>");
    // term_to_binary({F, F}, [compressed])
    let pair = build::tuple(&mut h, &[f, f]);
    let compressed: &[u8] = &[
        131, 80, 0, 0, 0, 180, 120, 156, 203, 96, 42, 96, 96, 96, 136, 96, 228, 142, 73, 120, 123,
        245, 194, 151, 142, 231, 46, 186, 61, 134, 121, 201, 69, 12, 16, 192, 148, 194, 192, 146,
        86, 154, 87, 156, 200, 144, 196, 16, 245, 152, 61, 34, 133, 129, 55, 47, 63, 47, 63, 37,
        213, 33, 47, 63, 35, 191, 184, 4, 168, 132, 19, 170, 148, 33, 145, 53, 7, 162, 131, 49, 49,
        155, 129, 49, 41, 139, 102, 6, 3, 0, 253, 111, 44, 181,
    ];
    let opts = EncodeOptions {
        compression: DEFAULT_COMPRESSION,
        ..EncodeOptions::default()
    };
    assert_eq!(encode(pair, &opts), Ok(compressed.to_vec()));

    // Decoding needs the code: without a resolver, or when it finds nothing, it fails.
    assert_eq!(dec(f_bytes, &mut h), Err(DecodeError::UnknownFun));
    let entries = [mk, plain];
    let resolver = |m: Atom, index: u32, u: &[u8; 16]| {
        entries
            .iter()
            .copied()
            .find(|e| e.module == m && e.index == index && &e.new_uniq == u)
    };
    let opts = DecodeOptions {
        fun_resolver: Some(&resolver),
        ..DecodeOptions::default()
    };
    for bytes in [f_bytes, g_bytes, compressed] {
        let (t, used) = decode(bytes, &mut h, &opts).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(used, bytes.len());
        let again = encode(
            t,
            &EncodeOptions {
                compression: u32::from(bytes[1] == COMPRESSED) * 6,
                ..EncodeOptions::default()
            },
        );
        assert_eq!(again, Ok(bytes.to_vec()));
    }
    let none = |_: Atom, _: u32, _: &[u8; 16]| None;
    let opts = DecodeOptions {
        fun_resolver: Some(&none),
        ..DecodeOptions::default()
    };
    assert_eq!(decode(g_bytes, &mut h, &opts), Err(DecodeError::UnknownFun));
}

#[test]
fn export_funs_match_erl() {
    let lists = Atom::intern("lists").unwrap_or(atom::UNDEFINED);
    let map_atom = Atom::intern("map").unwrap_or(atom::UNDEFINED);
    let plus = Atom::intern("+").unwrap_or(atom::UNDEFINED);
    let e = leak(Export {
        module: lists,
        function: map_atom,
        arity: 2,
        code: AtomicUsize::new(0),
    });
    let p = leak(Export {
        module: atom::ERLANG,
        function: plus,
        arity: 2,
        code: AtomicUsize::new(0),
    });
    let mut h = VecAlloc::new();
    let lists_map: &[u8] = &[
        131, 113, 100, 0, 5, 108, 105, 115, 116, 115, 100, 0, 3, 109, 97, 112, 97, 2,
    ];
    let erlang_plus: &[u8] = &[
        131, 113, 100, 0, 6, 101, 114, 108, 97, 110, 103, 100, 0, 1, 43, 97, 2,
    ];
    let f = build::export_fun(&mut h, e);
    assert_eq!(enc(f), lists_map);
    assert_eq!(enc(build::export_fun(&mut h, p)), erlang_plus);
    assert_eq!(print::term_to_string(f), "fun lists:map/2");
    assert_eq!(dec(lists_map, &mut h), Err(DecodeError::UnknownExport));
    let made = std::cell::Cell::new(0);
    let resolver = |m: Atom, f: Atom, a: u32| {
        made.set(made.get() + 1);
        Some(leak(Export {
            module: m,
            function: f,
            arity: a,
            code: AtomicUsize::new(0),
        }))
    };
    let opts = DecodeOptions {
        export_resolver: Some(&resolver),
        ..DecodeOptions::default()
    };
    for bytes in [lists_map, erlang_plus] {
        let (t, _) = decode(bytes, &mut h, &opts).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(enc(t), bytes);
    }
    // Arity 300 as INTEGER_EXT: erl 25 decodes it (`fun a:b/300`).
    let t = decode(
        &[131, 113, 100, 0, 1, 97, 100, 0, 1, 98, 98, 0, 0, 1, 44],
        &mut h,
        &opts,
    )
    .map(|(t, _)| t);
    assert_eq!(t.map(print::term_to_string).as_deref(), Ok("fun a:b/300"));
    assert_eq!(made.get(), 3);
}

fn seq(h: &mut VecAlloc, n: i64) -> Term {
    let elems: Vec<Term> = (1..=n).map(Term::small).collect();
    build::list(h, &elems)
}

#[test]
fn compression_matches_erl() {
    let mut h = VecAlloc::new();
    let s = seq(&mut h, 300);
    let with = |level| {
        encode(
            s,
            &EncodeOptions {
                compression: level,
                ..EncodeOptions::default()
            },
        )
        .unwrap_or_default()
    };
    let prefix: &[u8] = &[
        21, 210, 119, 131, 8, 4, 28, 0, 208, 59, 103, 221, 29, 238, 14, 119, 182, 227, 220, 25, 119,
    ];
    for (level, zlib_header) in [(1, [120u8, 1]), (6, [120, 156]), (9, [120, 218])] {
        let b = with(level);
        assert_eq!(
            b[..8],
            [131, 80, 0, 0, 2, 229, zlib_header[0], zlib_header[1]],
            "level {level}"
        );
        assert_eq!(&b[8..8 + prefix.len()], prefix, "level {level}");
        assert_eq!(
            dec(&b, &mut h).map(|(t, used)| (enc(t), used)),
            Ok((enc(s), b.len()))
        );
    }
    assert_eq!(with(1).len(), 496);
    assert_eq!(with(9).len(), 496);
    // term_to_binary(lists:seq(1, 300), [compressed])
    let seq300: &[u8] = &[
        131, 80, 0, 0, 2, 229, 120, 156, 21, 210, 119, 131, 8, 4, 28, 0, 208, 59, 103, 221, 29,
        238, 14, 119, 182, 227, 220, 25, 119, 215, 180, 119, 42, 161, 68, 73, 9, 149, 222, 149,
        178, 42, 74, 40, 91, 218, 200, 46, 100, 52, 85, 34, 164, 140, 150, 162, 65, 105, 217, 26,
        162, 164, 105, 53, 104, 145, 223, 63, 239, 19, 188, 65, 9, 9, 137, 133, 18, 21, 147, 164,
        184, 18, 74, 42, 165, 180, 100, 41, 82, 149, 81, 86, 57, 105, 210, 101, 40, 175, 130, 138,
        50, 101, 169, 164, 178, 42, 170, 170, 166, 186, 26, 106, 202, 86, 75, 109, 57, 234, 200,
        149, 167, 174, 122, 234, 107, 32, 95, 129, 66, 103, 56, 211, 89, 206, 118, 142, 115, 53,
        212, 72, 99, 77, 52, 213, 76, 115, 45, 180, 212, 74, 107, 109, 180, 117, 158, 118, 206,
        119, 129, 11, 181, 119, 145, 14, 58, 234, 228, 98, 151, 232, 236, 82, 93, 116, 117, 153,
        203, 117, 115, 133, 238, 174, 116, 149, 30, 174, 214, 83, 47, 189, 93, 227, 90, 215, 233,
        227, 122, 20, 185, 193, 141, 250, 186, 201, 205, 250, 233, 111, 128, 129, 6, 185, 197, 173,
        110, 51, 216, 16, 183, 187, 195, 80, 119, 26, 102, 184, 17, 238, 114, 183, 145, 70, 25,
        109, 140, 177, 198, 25, 111, 130, 123, 76, 116, 175, 251, 220, 239, 1, 15, 122, 200, 195,
        38, 153, 108, 138, 71, 76, 53, 205, 116, 51, 204, 52, 203, 108, 143, 122, 204, 28, 115,
        205, 243, 184, 249, 22, 88, 104, 145, 39, 60, 233, 41, 79, 123, 198, 179, 22, 123, 206,
        243, 94, 176, 196, 139, 150, 90, 230, 37, 203, 173, 176, 210, 203, 86, 121, 197, 171, 86,
        91, 99, 173, 117, 94, 243, 186, 55, 188, 233, 45, 235, 189, 237, 29, 27, 108, 244, 174,
        247, 188, 239, 3, 155, 108, 246, 161, 143, 108, 241, 177, 79, 124, 234, 51, 159, 219, 106,
        155, 237, 118, 216, 105, 151, 221, 246, 248, 194, 151, 190, 242, 181, 189, 190, 177, 207,
        126, 223, 250, 206, 1, 223, 59, 232, 7, 63, 250, 201, 207, 126, 241, 171, 67, 14, 59, 226,
        168, 99, 126, 243, 187, 63, 252, 233, 184, 19, 254, 242, 183, 127, 252, 235, 63, 39, 157,
        42, 58, 93, 32, 33, 72, 12, 138, 5, 73, 65, 241, 160, 68, 80, 50, 40, 21, 148, 14, 146,
        131, 148, 32, 53, 40, 19, 148, 13, 202, 5, 105, 65, 122, 144, 17, 148, 15, 42, 4, 21, 131,
        204, 32, 43, 168, 20, 84, 14, 170, 4, 85, 131, 106, 65, 245, 160, 70, 80, 51, 200, 14, 106,
        5, 181, 131, 156, 160, 78, 144, 27, 228, 5, 117, 131, 122, 65, 253, 160, 65, 144, 31, 20,
        4, 133, 3, 254, 7, 35, 56, 246, 104,
    ];
    assert_eq!(with(6), seq300);
    assert_eq!(with(0), enc(s));
    let zeros: Vec<Term> = vec![Term::small(0); 100];
    let zeros = build::list(&mut h, &zeros);
    let opts = EncodeOptions {
        compression: 6,
        ..EncodeOptions::default()
    };
    assert_eq!(
        encode(zeros, &opts),
        Ok(vec![
            131, 80, 0, 0, 0, 103, 120, 156, 203, 102, 72, 97, 160, 3, 0, 0, 82, 232, 0, 208
        ])
    );
    let a1000 = build::binary(&mut h, &[b'a'; 1000]);
    assert_eq!(
        encode(a1000, &opts),
        Ok(vec![
            131, 80, 0, 0, 3, 237, 120, 156, 203, 101, 96, 96, 126, 145, 56, 10, 70, 193, 40, 24,
            246, 0, 0, 61, 6, 124, 80
        ])
    );
    // Compression is kept only when it is no larger: erl keeps it at equal size and drops
    // it one byte above.
    let small = build::binary(&mut h, &[1, 2, 3]);
    assert_eq!(encode(small, &opts), Ok(enc(small)));
    for (text, kept) in [
        ("dbcbccdcadddadbbcdbbddccddccdacddacdbcccab", false),
        ("ddaadcacdbbdbbbaaaddadbacbdaadcbbadcbcdbd", false),
        ("acddcbcdabadcadbbbbbdccbadaaddaddcbaccccab", true),
        ("cabccccbccbccbabcdaadbdddcdbdababacbccabdbb", true),
    ] {
        let b = build::binary(&mut h, text.as_bytes());
        let out = encode(b, &opts).unwrap_or_default();
        assert_eq!(out[1] == COMPRESSED, kept, "{text}");
        assert_eq!(out.len(), enc(b).len(), "{text}");
        assert_eq!(dec(&out, &mut h).map(|(t, _)| enc(t)), Ok(enc(b)));
    }
    // The compressed header of the first kept case, from erl.
    let b = build::binary(&mut h, b"acddcbcdabadcadbbbbbdccbadaaddaddcbaccccab");
    assert_eq!(
        encode(b, &opts).map(|v| v[..12].to_vec()),
        Ok(vec![131, 80, 0, 0, 0, 47, 120, 156, 21, 201, 177, 17])
    );
}

#[test]
fn compressed_input_is_bounded() {
    let mut h = VecAlloc::new();
    let s = seq(&mut h, 300);
    let good = encode(
        s,
        &EncodeOptions {
            compression: 6,
            ..EncodeOptions::default()
        },
    )
    .unwrap_or_default();
    // `used` counts the compressed stream, not what follows it.
    let mut trailing = good.clone();
    trailing.extend_from_slice(&[1, 2, 3]);
    assert_eq!(dec(&trailing, &mut h).map(|(_, used)| used), Ok(good.len()));
    // A declared size that is a lie, either way, is refused.
    for declared in [0u32, 740, 742, 0xFFFF_FFFF, 100_000_000] {
        let mut bad = good.clone();
        bad[2..6].copy_from_slice(&declared.to_be_bytes());
        assert_eq!(
            dec(&bad, &mut h).map(|_| ()),
            Err(DecodeError::Invalid),
            "{declared}"
        );
    }
    // Truncated streams.
    for cut in [7, 20, good.len() - 1] {
        assert!(dec(&good[..cut], &mut h).is_err());
    }
    // A large honest expansion works: 4 MB of zeros from a few kilobytes.
    let zeros = build::binary(&mut h, &vec![0u8; 4 << 20]);
    let packed = encode(
        zeros,
        &EncodeOptions {
            compression: 9,
            ..EncodeOptions::default()
        },
    )
    .unwrap_or_default();
    assert!(packed.len() < 8192, "{}", packed.len());
    let (t, _) = dec(&packed, &mut h).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.binary_bytes().map(|b| b.len()), Some(4 << 20));
}

/// `term_to_binary` of `maps:from_list([{I, I} || I <- lists:seq(1, 40)])`, plain and
/// `deterministic`: a HAMT goes in `maps:to_list/1` order, sorted with the option.
#[test]
fn large_maps_match_erl() {
    let order = [
        33, 12, 23, 29, 30, 39, 26, 31, 11, 37, 9, 32, 34, 25, 28, 6, 38, 13, 40, 20, 15, 14, 2, 7,
        1, 8, 3, 17, 22, 21, 4, 36, 24, 10, 35, 27, 19, 5, 18, 16,
    ];
    let mut h = VecAlloc::new();
    let pairs: Vec<(Term, Term)> = (1..=40).map(|i| (Term::small(i), Term::small(i))).collect();
    let m = crate::map::from_pairs(&mut h, pairs);
    let body = |keys: &[i64]| {
        let mut v = vec![131, 116, 0, 0, 0, 40];
        for &k in keys {
            v.extend_from_slice(&[97, k as u8, 97, k as u8]);
        }
        v
    };
    assert_eq!(enc(m), body(&order));
    let sorted: Vec<i64> = (1..=40).collect();
    let det = EncodeOptions {
        deterministic: true,
        ..EncodeOptions::default()
    };
    assert_eq!(encode(m, &det), Ok(body(&sorted)));
    // Decoding the sorted form rebuilds the same map, which encodes in its own order.
    assert_eq!(
        dec(&body(&sorted), &mut h).map(|(t, _)| enc(t)),
        Ok(body(&order))
    );
}

#[test]
fn option_lists_parse_like_beam() {
    let mut h = VecAlloc::new();
    let o = |h: &mut VecAlloc, s: &str| EncodeOptions::from_list(parse(h, s));
    assert_eq!(o(&mut h, "[]"), Some(EncodeOptions::default()));
    assert_eq!(o(&mut h, "[compressed]").map(|o| o.compression), Some(6));
    assert_eq!(
        o(&mut h, "[{compressed,9},{minor_version,2},deterministic]"),
        Some(EncodeOptions {
            compression: 9,
            minor_version: 2,
            deterministic: true
        })
    );
    assert_eq!(o(&mut h, "[{compressed,10}]"), None);
    assert_eq!(o(&mut h, "[{minor_version,3}]"), None);
    assert_eq!(o(&mut h, "[foo]"), None);
    assert_eq!(o(&mut h, "[compressed|x]"), None);
    assert_eq!(
        parse_decode_flags(parse(&mut h, "[safe,used]")),
        Some((true, true))
    );
    assert_eq!(
        parse_decode_flags(parse(&mut h, "[]")),
        Some((false, false))
    );
    assert_eq!(parse_decode_flags(parse(&mut h, "[safe,bad]")), None);
}

#[test]
fn million_deep_nesting_works() {
    const DEPTH: usize = 1_000_000;
    let mut h = VecAlloc::new();
    let mut list = Term::NIL;
    let mut tuple = Term::NIL;
    for _ in 0..DEPTH {
        list = build::cons(&mut h, list, Term::NIL);
        tuple = build::tuple(&mut h, &[tuple]);
    }
    for t in [list, tuple] {
        let bytes = enc(t);
        let (back, used) = dec(&bytes, &mut h).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(used, bytes.len());
        assert_eq!(enc(back), bytes);
    }
    assert_eq!(enc(list).len(), 1 + 6 * DEPTH + 1);
    assert_eq!(enc(tuple).len(), 1 + 2 * DEPTH + 1);
    let mut long = Vec::new();
    for i in 0..DEPTH {
        long.push(Term::small(i as i64 % 300));
    }
    let long = build::list(&mut h, &long);
    let bytes = enc(long);
    assert_eq!(dec(&bytes, &mut h).map(|(t, _)| enc(t)), Ok(bytes));
}

/// `<<_:3, X:16/bits, _/bits>> = <<1,2,3>>` gives `<<8,16>>`; an unaligned window encodes
/// as plain bytes, and `<<_:3, Y:13/bits, _/bits>>` as a bitstring.
#[test]
fn unaligned_sub_binaries_encode_as_bytes() {
    let mut h = VecAlloc::new();
    let bin = build::binary(&mut h, &[1, 2, 3]);
    let x = build::sub_binary(&mut h, bin, 3, 16);
    assert_eq!(enc(x), [131, 109, 0, 0, 0, 2, 8, 16]);
    let y = build::sub_binary(&mut h, bin, 3, 13);
    assert_eq!(enc(y), [131, 77, 0, 0, 0, 2, 5, 8, 16]);
}

#[test]
fn strings_switch_to_lists_at_65536() {
    let mut h = VecAlloc::new();
    let s = build::string_list(&mut h, (0..65535u32).map(|i| i % 256));
    let b = enc(s);
    assert_eq!(b[..4], [131, 107, 255, 255]);
    assert_eq!(b.len(), 4 + 65535);
    let s = build::string_list(&mut h, (0..65536u32).map(|i| i % 256));
    let b = enc(s);
    assert_eq!(b[..6], [131, 108, 0, 1, 0, 0]);
    assert_eq!(dec(&b, &mut h).map(|(t, _)| enc(t)), Ok(b));
}

/// xorshift64*: a small deterministic generator for the robustness test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tens of thousands of random and mutated binaries: no panic, and what decodes stays
/// small (a few words per input byte) and encodes again.
#[test]
fn decoder_survives_hostile_input() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut seeds: Vec<Vec<u8>> = ENCODED.iter().map(|&(_, b)| b.to_vec()).collect();
    let mut h = VecAlloc::new();
    let s = seq(&mut h, 300);
    seeds.push(
        encode(
            s,
            &EncodeOptions {
                compression: 6,
                ..EncodeOptions::default()
            },
        )
        .unwrap_or_default(),
    );
    seeds.push(with_node(
        &[90, 0, 3],
        &[0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 1],
    ));
    seeds.push(with_node(&[88], &[0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0]));
    seeds.push(vec![131, 113, 100, 0, 1, 97, 100, 0, 1, 98, 97, 2]);
    let fun_like = vec![
        131, 112, 0, 0, 0, 72, 0, 11, 92, 96, 237, 213, 208, 244, 136, 231, 68, 45, 140, 49, 110,
        99, 114, 0, 0, 0, 1, 0, 0, 0, 0, 100, 0, 4, 102, 117, 110, 115, 97, 1, 98, 0, 90, 227, 7,
        88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 9,
        0, 0, 0, 0, 0, 0, 0, 0,
    ];
    seeds.push(fun_like);
    let export = |m: Atom, f: Atom, a: u32| {
        Some(leak(Export {
            module: m,
            function: f,
            arity: a,
            code: AtomicUsize::new(0),
        }))
    };
    let no_fun = |_: Atom, _: u32, _: &[u8; 16]| None;
    let interesting = [
        0u8, 1, 2, 3, 4, 97, 98, 100, 104, 106, 107, 108, 109, 110, 111, 116, 118, 119, 127, 128,
        255,
    ];
    let mut decoded = 0;
    for round in 0..40_000 {
        let input: Vec<u8> = if round % 4 == 0 {
            let n = rng.below(64);
            let mut v = vec![131];
            v.extend((0..n).map(|_| {
                if rng.below(2) == 0 {
                    interesting[rng.below(interesting.len())]
                } else {
                    rng.next() as u8
                }
            }));
            v
        } else {
            let mut v = seeds[rng.below(seeds.len())].clone();
            for _ in 0..1 + rng.below(4) {
                match rng.below(5) {
                    0 if v.len() > 1 => {
                        let i = 1 + rng.below(v.len() - 1);
                        v[i] = interesting[rng.below(interesting.len())];
                    }
                    1 if v.len() > 1 => {
                        let i = 1 + rng.below(v.len() - 1);
                        v[i] = rng.next() as u8;
                    }
                    2 => {
                        let n = rng.below(v.len() + 1);
                        v.truncate(n.max(1));
                    }
                    3 => {
                        let i = rng.below(v.len() + 1);
                        v.insert(i.max(1).min(v.len()), rng.next() as u8);
                    }
                    _ if v.len() > 2 => {
                        let i = 1 + rng.below(v.len() - 1);
                        v.remove(i);
                    }
                    _ => {}
                }
            }
            v
        };
        let mut heap = VecAlloc::new();
        let opts = DecodeOptions {
            safe: round % 3 == 0,
            fun_resolver: Some(&no_fun),
            export_resolver: Some(&export),
        };
        if let Ok((t, used)) = decode(&input, &mut heap, &opts) {
            decoded += 1;
            assert!(used <= input.len());
            let size = if input.get(1) == Some(&COMPRESSED) {
                1040 * input.len()
            } else {
                input.len()
            };
            assert!(
                heap.words_used() <= 8 * size + 64,
                "{} words from {input:?}",
                heap.words_used()
            );
            let again = encode(t, &EncodeOptions::default());
            assert!(again.is_ok(), "{input:?}");
            let _ = print::term_to_string(t);
        }
    }
    assert!(decoded > 1000, "only {decoded} inputs decoded");
}
