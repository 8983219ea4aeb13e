//! The "smart line" of `tty_sl`: the driver's picture of the line being edited on the
//! terminal, and the cursor movements that keep the screen in step with it.
//!
//! `user_drv` speaks in characters of the current line: put these characters, move the
//! cursor N characters, insert, delete N. The terminal speaks in columns and rows, and
//! lines wrap at the window's width. So the line is kept as one entry per screen cell the
//! characters take (a character, or a tagged entry for what is shown as several cells:
//! `^A` for a control character, `\351` for a byte outside the terminal's encoding, the
//! spaces of a tab), and every edit is turned into output plus moves between the old and
//! new positions, counted in columns. A newline ends the line: what follows starts a new
//! one at column 0.
//!
//! The screen must look exactly as under BEAM, so this follows BEAM's `ttsl_drv.c` in its
//! rules, including two of its quirks that show on screen: tagged entries (tabs, control
//! characters) count no columns when the cursor's column is worked out, and `\e[...`
//! colour sequences count none either.

use super::terminfo::Caps;

/// Tag of the first entry of a control character (its value in the low bits), and of the
/// padding entries after it and after a tab.
pub const CONTROL_TAG: u32 = 0x1000_0000;
/// Tag of a character shown as an octal or `\x{...}` escape, and of its padding entries.
pub const ESCAPED_TAG: u32 = 0x0100_0000;
const TAG_MASK: u32 = 0xFF00_0000;

/// A line longer than this many entries is ended with a newline before more is put.
const MAXSIZE: usize = 1 << 16;

const ESC: u32 = 0x1b;

pub struct Line {
    /// The entries of the current line (as many as cells it takes, see above).
    buf: Vec<u32>,
    /// The cursor, as an index into `buf` (may equal its length).
    pos: usize,
    /// The window's width in columns.
    pub cols: usize,
    /// The terminal takes UTF-8 (else bytes are Latin-1 and the rest is escaped).
    pub utf8: bool,
    caps: Caps,
    /// Bytes for the terminal, produced by the last operations.
    pub out: Vec<u8>,
}

/// Decodes one UTF-8 character at `s[*pos..]`, advancing `pos`: `Err(true)` if the
/// sequence is cut short by the end of `s`, `Err(false)` if it is invalid (overlong,
/// surrogate, U+FFFE/FFFF, beyond U+10FFFF).
pub fn pick_utf8(s: &[u8], pos: &mut usize) -> Result<u32, bool> {
    let rest = &s[*pos..];
    let Some(&b0) = rest.first() else {
        return Err(false);
    };
    let (len, init) = match b0 {
        0x00..=0x7f => {
            *pos += 1;
            return Ok(b0 as u32);
        }
        0xc2..=0xdf => (2, (b0 & 0x1f) as u32),
        0xe0..=0xef => (3, (b0 & 0x0f) as u32),
        0xf0..=0xf4 => (4, (b0 & 0x07) as u32),
        _ => return Err(false),
    };
    if rest.len() < len {
        return Err(true);
    }
    let mut c = init;
    for &b in &rest[1..len] {
        if b & 0xc0 != 0x80 {
            return Err(false);
        }
        c = (c << 6) | (b & 0x3f) as u32;
    }
    let min = [0, 0, 0x80, 0x800, 0x10000][len];
    if c < min || (0xd800..=0xdfff).contains(&c) || c == 0xfffe || c == 0xffff || c > 0x10ffff {
        return Err(false);
    }
    *pos += len;
    Ok(c)
}

/// How many digits `\NNN` (octal, for up to 0o777) or `x{HHHH}` take after the backslash.
fn escape_len(c: u32) -> usize {
    if c == 0 {
        return 1;
    }
    let octal = (32 - c.leading_zeros()).div_ceil(3) as usize;
    if octal <= 3 {
        return 3;
    }
    (32 - c.leading_zeros()).div_ceil(4) as usize + 3
}

fn escape_text(c: u32) -> Vec<u8> {
    let n = escape_len(c);
    if n == 3 || c == 0 {
        (0..n)
            .rev()
            .map(|i| b'0' + ((c >> (3 * i)) & 7) as u8)
            .collect()
    } else {
        let mut v = b"x{".to_vec();
        for i in (0..n - 3).rev() {
            v.push(b"0123456789ABCDEF"[((c >> (4 * i)) & 0xf) as usize]);
        }
        v.push(b'}');
        v
    }
}

/// Printable in the C library's sense under a UTF-8 or C locale: ASCII graphic or space.
fn is_print(c: u32) -> bool {
    (0x20..0x7f).contains(&c)
}

fn is_pad(e: u32) -> bool {
    e & TAG_MASK != 0 && e & !TAG_MASK == 0
}

impl Line {
    pub fn new(caps: Caps, cols: usize, utf8: bool) -> Line {
        Line {
            buf: Vec::new(),
            pos: 0,
            cols: cols.max(1),
            utf8,
            caps,
            out: Vec::new(),
        }
    }

    /// Called before each command: a runaway line is broken.
    pub fn begin(&mut self) {
        if self.pos > MAXSIZE {
            self.put_chars(b"\n");
        }
    }

    fn outc(&mut self, b: u8) {
        self.out.push(b);
    }

    fn move_left(&mut self, n: usize) {
        for _ in 0..n {
            self.out.extend_from_slice(&self.caps.left);
        }
    }

    fn move_right(&mut self, n: usize) {
        for _ in 0..n {
            self.out.extend_from_slice(&self.caps.right);
        }
    }

    fn move_up(&mut self, n: usize) {
        for _ in 0..n {
            self.out.extend_from_slice(&self.caps.up);
        }
    }

    fn move_down(&mut self, n: usize) {
        for _ in 0..n {
            self.out.extend_from_slice(&self.caps.down);
        }
    }

    pub fn beep(&mut self) {
        self.outc(0x07);
    }

    /// Writes the entry at `at` (overwriting, or appending at the end).
    fn set(&mut self, at: usize, e: u32) {
        if at < self.buf.len() {
            self.buf[at] = e;
        } else {
            self.buf.push(e);
        }
    }

    /// `OP_PUTC`: the characters (UTF-8) written over the line from the cursor on.
    pub fn put_chars(&mut self, s: &[u8]) {
        let n = self.insert(s);
        if n > 0 {
            self.write(self.pos - n, n, false);
        }
    }

    /// `OP_MOVE`: the cursor `n` characters right (left if negative).
    pub fn move_rel(&mut self, n: i32) {
        let npos = self.step(n);
        self.move_cursor(self.pos, npos);
        self.pos = npos;
    }

    /// `OP_INSC`: the characters inserted at the cursor, the rest of the line after them.
    pub fn ins_chars(&mut self, s: &[u8]) {
        let tail = if self.pos < self.buf.len() {
            self.buf.split_off(self.pos)
        } else {
            Vec::new()
        };
        let n = self.insert(s);
        // What `insert` wrote past the cursor (only possible after a newline in `s`) is
        // replaced by the old tail.
        self.buf.truncate(self.pos);
        self.buf.extend_from_slice(&tail);
        let start = self.pos - n;
        self.write(start, self.buf.len() - start, false);
        self.move_cursor(self.buf.len(), self.pos);
    }

    /// `OP_DELC`: deletes `n` characters after the cursor (before it if negative); the
    /// cursor ends where the deleted ones began.
    pub fn del_chars(&mut self, n: i32) {
        let pos = self.step(n);
        if pos > self.pos {
            let cells = self.col_of(pos) - self.col_of(self.pos);
            self.buf.drain(self.pos..pos);
            let after = self.buf.len() - self.pos;
            self.blank_tail(self.pos, after, cells);
        } else if pos < self.pos {
            let back = -self.move_cursor(self.pos, pos);
            let cells = usize::try_from(back).unwrap_or(0);
            self.buf.drain(pos..self.pos);
            self.pos = pos;
            let after = self.buf.len() - self.pos;
            self.blank_tail(self.pos, after, cells);
        }
    }

    /// After a deletion: rewrites the `after` entries from `from`, blanks the `cells`
    /// columns the line got shorter by, and goes back to the cursor.
    fn blank_tail(&mut self, from: usize, after: usize, cells: usize) {
        self.write(from, after, false);
        for _ in 0..cells {
            self.outc(b' ');
        }
        let end = self.buf.len();
        if self.caps.xn && (self.col_of(end) + cells).is_multiple_of(self.cols) {
            self.outc(b' ');
            self.move_left(1);
        }
        self.move_cursor(end + cells, self.pos);
    }

    /// The index `n` characters from the cursor (padding entries are skipped over).
    fn step(&self, n: i32) -> usize {
        let mut c = self.pos;
        let end = self.buf.len();
        if n > 0 {
            for _ in 0..n {
                if c >= end {
                    break;
                }
                c += 1;
                while c < end && is_pad(self.buf[c]) {
                    c += 1;
                }
            }
        } else {
            for _ in 0..n.unsigned_abs() {
                if c == 0 {
                    break;
                }
                c -= 1;
                while c > 0 && is_pad(self.buf[c]) {
                    c -= 1;
                }
            }
        }
        c
    }

    /// Puts the characters of `s` into the line from the cursor on (overwriting), without
    /// writing them out; a newline writes out what came before it and starts a new line.
    /// Returns how many entries of the current line it wrote.
    fn insert(&mut self, s: &[u8]) -> usize {
        let mut i = 0;
        let mut start = self.pos;
        while i < s.len() {
            let ch = match pick_utf8(s, &mut i) {
                Ok(c) => c,
                Err(_) => {
                    // An invalid byte stands for itself.
                    let c = s[i] as u32;
                    i += 1;
                    c
                }
            };
            if (self.utf8 && (ch >= 128 || is_print(ch))) || (ch <= 255 && is_print(ch)) {
                self.set(self.pos, ch);
                self.pos += 1;
            } else if ch >= 128 {
                self.set(self.pos, ch | ESCAPED_TAG);
                self.pos += 1;
                for _ in 0..escape_len(ch) {
                    self.set(self.pos, ESCAPED_TAG);
                    self.pos += 1;
                }
            } else if ch == u32::from(b'\t') {
                let mut e = CONTROL_TAG | ch;
                loop {
                    self.set(self.pos, e);
                    self.pos += 1;
                    e = CONTROL_TAG;
                    if self.pos.is_multiple_of(8) {
                        break;
                    }
                }
            } else if ch == ESC {
                self.set(self.pos, CONTROL_TAG | ch);
                self.pos += 1;
            } else if ch == u32::from(b'\n') || ch == u32::from(b'\r') {
                self.write(start, self.pos - start, true);
                self.outc(b'\r');
                if ch == u32::from(b'\n') {
                    self.outc(b'\n');
                }
                self.buf.drain(..self.pos.min(self.buf.len()));
                self.pos = 0;
                start = 0;
            } else {
                self.set(self.pos, ch | CONTROL_TAG);
                self.pos += 1;
                self.set(self.pos, CONTROL_TAG);
                self.pos += 1;
            }
        }
        self.pos - start
    }

    /// Writes `n` entries from `from` to the terminal. `crnl_next`: a newline follows, so
    /// no wrap fix-up is needed.
    fn write(&mut self, from: usize, n: usize, crnl_next: bool) {
        let mut s = from;
        let mut left = n as isize;
        let mut last_put: u8 = b' ';
        let mut last_utf8: Vec<u8> = Vec::new();
        while left > 0 {
            let Some(&e) = self.buf.get(s) else {
                break;
            };
            if e & TAG_MASK == 0 {
                if self.utf8 {
                    if let Some(c) = char::from_u32(e) {
                        let mut tmp = [0u8; 4];
                        last_utf8 = c.encode_utf8(&mut tmp).as_bytes().to_vec();
                        self.out.extend_from_slice(&last_utf8);
                        last_put = 0;
                    }
                } else {
                    self.outc(e as u8);
                    last_put = e as u8;
                }
                left -= 1;
                s += 1;
            } else if e == CONTROL_TAG | u32::from(b'\t') {
                last_put = b' ';
                self.outc(b' ');
                left -= 1;
                s += 1;
                while left > 0 && self.buf.get(s) == Some(&CONTROL_TAG) {
                    self.outc(b' ');
                    left -= 1;
                    s += 1;
                }
            } else if e == CONTROL_TAG | ESC {
                last_put = 0x1b;
                self.outc(0x1b);
                left -= 1;
                s += 1;
            } else if e & CONTROL_TAG != 0 {
                self.outc(b'^');
                // As BEAM: the tagged value is compared with DEL, so DEL never shows as
                // `^?`; the low byte of value | 0x40 is shown.
                last_put = ((e | 0x40) & 0xff) as u8;
                self.outc(last_put);
                left -= 2;
                s += 2;
            } else {
                let c = e & !TAG_MASK;
                let text = escape_text(c);
                self.outc(b'\\');
                for &b in &text {
                    self.outc(b);
                    last_put = b;
                }
                left -= text.len() as isize + 1;
                s += text.len() + 1;
            }
        }
        // A terminal with `xn` leaves the cursor on the last column after writing there:
        // writing the character under it again (or a space at the end of the line) and
        // stepping back makes it wrap, so the cursor is where the line says.
        if !crnl_next && self.caps.xn && s != 0 && self.col_of(s).is_multiple_of(self.cols) {
            if s >= self.buf.len() {
                self.outc(b' ');
            } else if last_put == 0 {
                self.out.extend_from_slice(&last_utf8);
            } else {
                self.outc(last_put);
            }
            self.move_left(1);
        }
    }

    /// Moves the cursor from entry `from` to entry `to`; returns the columns moved.
    fn move_cursor(&mut self, from: usize, to: usize) -> isize {
        let from_col = self.col_of(from);
        let to_col = self.col_of(to);
        let cols = self.cols;
        let dc = (to_col % cols) as isize - (from_col % cols) as isize;
        let dl = (to_col / cols) as isize - (from_col / cols) as isize;
        if dl > 0 {
            self.move_down(dl as usize);
        } else if dl < 0 {
            self.move_up(dl.unsigned_abs());
        }
        if dc > 0 {
            self.move_right(dc as usize);
        } else if dc < 0 {
            self.move_left(dc.unsigned_abs());
        }
        to_col as isize - from_col as isize
    }

    /// The length in entries of a `\e[...m` sequence starting at `at` (0 if none there).
    fn ansi_escape_len(&self, at: usize) -> usize {
        if self.buf.get(at) != Some(&(CONTROL_TAG | ESC)) {
            return 0;
        }
        let max = self.buf.len() - at;
        if max <= 1 {
            return 1;
        }
        if self.buf[at + 1] != u32::from(b'[') {
            return 2;
        }
        let mut i = 2;
        while i < max {
            let c = self.buf[at + i];
            if c == u32::from(b';') || (u32::from(b'0')..=u32::from(b'9')).contains(&c) {
                i += 1;
            } else {
                break;
            }
        }
        i + 1
    }

    /// The screen column (counted from the start of the line, across wraps) of entry
    /// `at`; positions past the end count one column each.
    fn col_of(&self, at: usize) -> usize {
        let len = self.buf.len();
        let mut col = at.saturating_sub(len);
        let end = at.min(len);
        let mut i = 0;
        while i < end {
            let j = self.ansi_escape_len(i);
            if j > 0 {
                i += j;
            } else {
                col += cell_width(self.buf[i]);
                i += 1;
            }
        }
        col
    }
}

/// The columns an entry takes in the column count: what `wcwidth` says of it, where
/// tagged entries (no character) and non-printing characters count nothing.
fn cell_width(e: u32) -> usize {
    if e & TAG_MASK != 0 {
        return 0;
    }
    char::from_u32(e)
        .and_then(unicode_width::UnicodeWidthChar::width)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps() -> Caps {
        Caps {
            up: b"U".to_vec(),
            down: b"\n".to_vec(),
            left: b"\x08".to_vec(),
            right: b"R".to_vec(),
            xn: true,
            cols: None,
        }
    }

    #[test]
    fn put_then_newline() {
        let mut l = Line::new(caps(), 80, true);
        l.put_chars(b"1> ");
        assert_eq!(l.out, b"1> ");
        l.out.clear();
        l.put_chars("héllo\n".as_bytes());
        assert_eq!(l.out, "héllo\r\n".as_bytes());
        assert_eq!(l.pos, 0);
        assert!(l.buf.is_empty());
    }

    #[test]
    fn move_and_delete() {
        let mut l = Line::new(caps(), 80, true);
        l.put_chars(b"abcd");
        l.out.clear();
        l.move_rel(-2);
        assert_eq!(l.out, b"\x08\x08");
        l.out.clear();
        l.del_chars(1);
        // "d" moves left, the old last cell is blanked, the cursor goes back.
        assert_eq!(l.out, b"d \x08\x08");
        assert_eq!(l.buf, vec!['a' as u32, 'b' as u32, 'd' as u32]);
        l.out.clear();
        l.ins_chars(b"X");
        assert_eq!(l.out, b"Xd\x08");
    }

    #[test]
    fn wrap_fix_up_at_last_column() {
        let mut l = Line::new(caps(), 4, true);
        l.put_chars(b"abcd");
        assert_eq!(l.out, b"abcd \x08");
    }

    #[test]
    fn control_and_escaped_characters() {
        let mut l = Line::new(caps(), 80, false);
        l.put_chars(b"\x01");
        // Tagged cells count no columns (as in BEAM), so the cursor is taken to be at
        // column 0, where a terminal with `xn` gets the wrap fix-up (harmless here).
        assert_eq!(l.out, b"^A \x08");
        l.out.clear();
        l.put_chars("é".as_bytes());
        assert_eq!(l.out, b"\\351 \x08");
        assert_eq!(escape_text(0x20ac), b"x{20AC}");
    }

    #[test]
    fn utf8_decoding() {
        let mut i = 0;
        assert_eq!(pick_utf8("€".as_bytes(), &mut i), Ok(0x20ac));
        let mut i = 0;
        assert_eq!(pick_utf8(&[0xe2, 0x82], &mut i), Err(true));
        let mut i = 0;
        assert_eq!(pick_utf8(&[0xc0, 0x80], &mut i), Err(false));
    }
}
