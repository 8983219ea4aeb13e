//! The few terminal capabilities `tty_sl` needs, read from the compiled terminfo entry of
//! `$TERM` (the files ncurses installs; BEAM asks libtermcap for the same four strings and
//! flag). Only the standard part of an entry is read: the boolean, number and string
//! capabilities sit at fixed indexes there (`term.h`'s order), so no name table is needed.

use std::path::PathBuf;

/// What the smart line needs to move the cursor.
#[derive(Clone, Debug)]
pub struct Caps {
    /// `cuu1` (termcap `up`): one line up.
    pub up: Vec<u8>,
    /// `cud1` (`do`): one line down (a newline if the terminal has none).
    pub down: Vec<u8>,
    /// `cub1` (`le`/`bc`): one column left (a backspace if none).
    pub left: Vec<u8>,
    /// `cuf1` (`nd`): one column right.
    pub right: Vec<u8>,
    /// `xenl` (`xn`): the cursor stays on the last column after writing there, instead of
    /// wrapping at once.
    pub xn: bool,
    /// `cols` (`co`), if the entry gives it.
    pub cols: Option<usize>,
}

// Indexes in term.h's order.
const XENL: usize = 4;
const COLS: usize = 0;
const CUD1: usize = 11;
const CUB1: usize = 14;
const CUF1: usize = 17;
const CUU1: usize = 19;

/// The directories ncurses searches, in its order.
fn search_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(d) = std::env::var_os("TERMINFO") {
        dirs.push(PathBuf::from(d));
    }
    if let Some(h) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(h).join(".terminfo"));
    }
    if let Some(list) = std::env::var_os("TERMINFO_DIRS") {
        for d in std::env::split_paths(&list) {
            // An empty element stands for the compiled-in default.
            if d.as_os_str().is_empty() {
                dirs.push(PathBuf::from("/usr/share/terminfo"));
            } else {
                dirs.push(d);
            }
        }
    }
    for d in [
        "/etc/terminfo",
        "/lib/terminfo",
        "/usr/share/terminfo",
        "/usr/lib/terminfo",
    ] {
        dirs.push(PathBuf::from(d));
    }
    dirs
}

/// The capabilities of terminal `name`, or `None` if there is no usable entry (as
/// `tgetent` failing: the driver then does not start and the shell falls back to the
/// plain line-at-a-time one).
pub fn load(name: &str) -> Option<Caps> {
    if name.is_empty() || name.contains('/') || name.starts_with('.') {
        return None;
    }
    let first = name.chars().next()?;
    for dir in search_dirs() {
        for sub in [first.to_string(), format!("{:02x}", first as u32)] {
            if let Ok(bytes) = std::fs::read(dir.join(&sub).join(name)) {
                return parse(&bytes);
            }
        }
    }
    None
}

fn le16(b: &[u8], at: usize) -> Option<i32> {
    let lo = *b.get(at)?;
    let hi = *b.get(at + 1)?;
    Some(i16::from_le_bytes([lo, hi]) as i32)
}

/// Parses a compiled entry (the legacy 16-bit format or ncurses' 32-bit one).
pub fn parse(b: &[u8]) -> Option<Caps> {
    let magic = le16(b, 0)?;
    let num_size = match magic {
        0o432 => 2,
        0o1036 => 4,
        _ => return None,
    };
    let names_len = usize::try_from(le16(b, 2)?).ok()?;
    let bools = usize::try_from(le16(b, 4)?).ok()?;
    let nums = usize::try_from(le16(b, 6)?).ok()?;
    let strings = usize::try_from(le16(b, 8)?).ok()?;
    let table_len = usize::try_from(le16(b, 10)?).ok()?;
    let bools_at = 12 + names_len;
    let mut nums_at = bools_at + bools;
    // Numbers start on an even offset.
    if nums_at % 2 == 1 {
        nums_at += 1;
    }
    let strings_at = nums_at + nums * num_size;
    let table_at = strings_at + strings * 2;
    let table = b.get(table_at..table_at + table_len)?;

    let flag = |i: usize| i < bools && b.get(bools_at + i) == Some(&1);
    let number = |i: usize| -> Option<usize> {
        if i >= nums {
            return None;
        }
        let at = nums_at + i * num_size;
        let v = if num_size == 2 {
            le16(b, at)?
        } else {
            i32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?)
        };
        usize::try_from(v).ok().filter(|v| *v > 0)
    };
    let string = |i: usize| -> Option<Vec<u8>> {
        if i >= strings {
            return None;
        }
        let off = usize::try_from(le16(b, strings_at + i * 2)?).ok()?;
        let rest = table.get(off..)?;
        let end = rest.iter().position(|&c| c == 0)?;
        Some(strip_padding(&rest[..end]))
    };
    let up = string(CUU1)?;
    let right = string(CUF1)?;
    Some(Caps {
        up,
        down: string(CUD1).unwrap_or_else(|| b"\n".to_vec()),
        left: string(CUB1).unwrap_or_else(|| b"\x08".to_vec()),
        right,
        xn: flag(XENL),
        cols: number(COLS),
    })
}

/// Drops `$<n>` padding specifications: `tputs` would send pad characters for them only
/// on slow lines, which no terminal of today is.
fn strip_padding(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'$' && s.get(i + 1) == Some(&b'<') {
            if let Some(end) = s[i..].iter().position(|&c| c == b'>') {
                i += end + 1;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xterm_entry_if_installed() {
        // The entry ncurses-base installs on every Debian system.
        let Some(c) = load("xterm") else {
            return;
        };
        assert_eq!(c.up, b"\x1b[A");
        assert_eq!(c.down, b"\n");
        assert_eq!(c.left, b"\x08");
        assert_eq!(c.right, b"\x1b[C");
        assert!(c.xn);
    }

    #[test]
    fn dumb_terminal_cannot_move() {
        if std::path::Path::new("/lib/terminfo/d/dumb").exists()
            || std::path::Path::new("/usr/share/terminfo/d/dumb").exists()
        {
            assert!(load("dumb").is_none());
        }
    }

    #[test]
    fn padding_is_dropped() {
        assert_eq!(strip_padding(b"\x1b[A$<5>x"), b"\x1b[Ax");
    }

    #[test]
    fn garbage_is_no_entry() {
        assert!(parse(b"").is_none());
        assert!(parse(&[0x1a, 0x01, 200, 0, 0, 0]).is_none());
    }
}
