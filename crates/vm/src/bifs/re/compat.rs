//! Where PCRE2 and BEAM's PCRE 8.44 disagree about a pattern: one syntax PCRE1 accepted and
//! PCRE2 rejects, and the wording and position of compile errors.

use super::pcre::{self, CompileConfig, CompileError};

/// PCRE2's "invalid range in character class".
const ERR_INVALID_RANGE: i32 = 150;

/// Compiles `pattern`, accepting what PCRE1 accepted: a hyphen right after a class escape or
/// a POSIX class inside a character class (`[\w-.]`, `[[:alpha:]-z]`) is a literal hyphen in
/// PCRE1 (and Perl) but an error in PCRE2. Each such hyphen PCRE2 reports is escaped and the
/// compile retried; an error's offset is given in the caller's pattern.
pub fn compile(pattern: &[u8], cfg: CompileConfig) -> Result<pcre::Code, CompileError> {
    let mut pat = pattern.to_vec();
    // Which bytes of `pat` we inserted.
    let mut inserted = vec![false; pat.len()];
    loop {
        match pcre::compile(&pat, cfg) {
            Ok(code) => return Ok(code),
            Err(e)
                if e.code == ERR_INVALID_RANGE
                    && e.offset >= 1
                    && pat.get(e.offset - 1) == Some(&b'-') =>
            {
                pat.insert(e.offset - 1, b'\\');
                inserted.insert(e.offset - 1, true);
            }
            Err(mut e) => {
                let end = e.offset.min(inserted.len());
                e.offset -= inserted[..end].iter().filter(|&&i| i).count();
                return Err(e);
            }
        }
    }
}

/// The error string and position BEAM gives for a compile error of `pattern`: PCRE1's text
/// where PCRE2 reworded it, and PCRE1's offset where the two are known to differ by a rule.
pub fn beam_error(err: &CompileError, pattern: &[u8]) -> (String, usize) {
    let off = err.offset.min(pattern.len());
    let before = &pattern[..off];
    match err.code - 100 {
        // "missing )" right after `(?`, `(?i`, `(?1`: PCRE1 complained about what follows `(?`.
        14 if off == pattern.len() => {
            if let Some(start) = find_last(before, b"(?") {
                let tail = &before[start + 2..];
                if tail.iter().all(|c| c.is_ascii_alphabetic() || *c == b'-') && tail != b"R" {
                    return ("unrecognized character after (? or (?-".into(), off);
                }
                if tail == b"R"
                    || tail
                        .iter()
                        .all(|c| c.is_ascii_digit() || *c == b'+' || *c == b'-')
                {
                    return ("(?R or (?[+-]digits must be followed by )".into(), off);
                }
            }
        }
        // PCRE2 points after the offending item, PCRE1 at its last character.
        37 | 43 | 47 | 50 => return (err.message(), off.saturating_sub(1)),
        // Lookbehind and conditional group errors: PCRE2 points at the start of the group,
        // PCRE1 at its end.
        25 | 27 | 87 | 100 => {
            if let Some(close) = closing_paren(pattern, off) {
                return (err.message(), close);
            }
        }
        // A DEFINE group with two branches: PCRE1 points at the group's end.
        54 => {
            if let Some(close) =
                find_last(before, b"(?(").and_then(|open| closing_paren(pattern, open))
            {
                return (err.message(), close);
            }
        }
        // POSIX collating elements: PCRE1 points at their `[`.
        13 => {
            if let Some(i) = find_last(before, b"[.")
                .into_iter()
                .chain(find_last(before, b"[="))
                .max()
            {
                return (err.message(), i);
            }
        }
        // Unknown POSIX class: PCRE1 points at the name.
        30 => {
            if let Some(i) = find_last(before, b"[:") {
                return (err.message(), i + 2);
            }
        }
        // A reference to a group that does not exist.
        15 => return (err.message(), missing_reference_offset(pattern, off)),
        _ => {}
    }
    (err.message(), off)
}

/// PCRE1's offset for "reference to non-existent subpattern": after the condition of
/// `(?(name)`, at the end of the pattern for a numbered back reference (PCRE1 checked them
/// last), after the name for a named one. PCRE2 points at the number or name.
fn missing_reference_offset(pattern: &[u8], off: usize) -> usize {
    let before = &pattern[..off];
    let after = &pattern[off..];
    let condition =
        before.ends_with(b"(?(") || before.ends_with(b"(?(<") || before.ends_with(b"(?('");
    if condition || (before.ends_with(b"(?") && after.first() == Some(&b'(')) {
        return match after.iter().position(|&c| c == b')') {
            Some(i) => off + i + 1,
            None => off,
        };
    }
    match after.first() {
        Some(c) if c.is_ascii_digit() => pattern.len(),
        Some(_) => {
            off + after
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
                .count()
        }
        None => off,
    }
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| &hay[i..i + needle.len()] == needle)
}

/// The index of the `)` closing the group that opens at `open`, skipping escapes and
/// character classes.
fn closing_paren(pattern: &[u8], open: usize) -> Option<usize> {
    if pattern.get(open) != Some(&b'(') {
        return None;
    }
    let mut depth = 0usize;
    let mut i = open;
    while i < pattern.len() {
        match pattern[i] {
            b'\\' => i += 1,
            b'[' => {
                // Skip the class: a `]` right after `[` or `[^` is literal.
                i += 1;
                if pattern.get(i) == Some(&b'^') {
                    i += 1;
                }
                if pattern.get(i) == Some(&b']') {
                    i += 1;
                }
                while i < pattern.len() && pattern[i] != b']' {
                    if pattern[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' => depth += 1,
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(p: &str) -> (String, usize) {
        let e = compile(p.as_bytes(), CompileConfig::default())
            .err()
            .expect("an error");
        beam_error(&e, p.as_bytes())
    }

    #[test]
    fn hyphen_after_class_escape_is_literal() {
        assert!(compile(b"[\\w-.]+@", CompileConfig::default()).is_ok());
        assert!(compile(b"x[[:alpha:]-z][\\d-\\w]", CompileConfig::default()).is_ok());
        assert_eq!(
            err("[a-\\d]"),
            ("invalid range in character class".into(), 4)
        );
        // Offsets after an escaped hyphen are the caller's.
        assert_eq!(err("[\\w-.](").1, 7);
    }

    #[test]
    fn offsets_as_pcre1() {
        assert_eq!(
            err("(?<=a+)b"),
            ("lookbehind assertion is not fixed length".into(), 6)
        );
        assert_eq!(err("[(](?<=a+)").1, 9);
        assert_eq!(err("(?<ab>x)(?<ab>y)").1, 13);
        assert_eq!(err("ab[[:xx:]]").1, 5);
        assert_eq!(err("a\\2(b)").1, 6);
        assert_eq!(err("\\k<zz>").1, 5);
        assert_eq!(err("(?(x)a)").1, 5);
        assert_eq!(err("(?(1)a|b|c)").1, 5);
        assert_eq!(err("(?(?=a)a|b|c)").1, 12);
        assert_eq!(err("(?(DEFINE)a|b)").1, 13);
        assert_eq!(err("[[.a.]]").1, 1);
        assert_eq!(err("a(?").0, "unrecognized character after (? or (?-");
        assert_eq!(err("(?1").0, "(?R or (?[+-]digits must be followed by )");
    }
}
