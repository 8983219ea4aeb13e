//! Floats as text, exactly as BEAM writes and reads them: the shortest round-trip form of
//! `float_to_list(F, [short])` and `io_lib`'s `~w`, the `"%.20e"` form of `float_to_list/1`
//! and of `FLOAT_EXT`, the `{decimals, N}` / `{scientific, N}` / `compact` options of
//! `float_to_list/2`, and the C-style parser BEAM uses for `FLOAT_EXT`.
//!
//! Everything here is a pure function over `f64`; the BIFs turn the strings into lists or
//! binaries. The digits come from the `ryu` crate (shortest) and from Rust's exact decimal
//! formatting (fixed precision), which rounds exact ties to even like glibc's `printf`; the
//! layout rules are BEAM's (`erts/emulator/ryu/d2s.c` `to_chars`, `sys_double_to_chars_fast`
//! and `sys_double_to_chars_ext`).

/// Size of BEAM's conversion buffer in `float_to_list/2`: results of this many characters or
/// more raise `badarg` (so `{decimals, 254}` fails and `{decimals, 253}` works).
pub const FLOAT_BUF_SIZE: usize = 256;

/// Precision of `float_to_list/1` and `FLOAT_EXT` (`SYS_DEFAULT_FLOAT_DECIMALS`).
pub const DEFAULT_DECIMALS: usize = 20;

/// Largest magnitude that `{decimals, N}` formats with its own fast algorithm (2^53); above
/// it, or with 19 or more decimals, BEAM falls back to `printf("%.*f")`.
const FAST_MAX: f64 = 9_007_199_254_740_992.0;

/// Powers of ten used by the fast `{decimals, N}` path, as in BEAM.
const POW10: [f64; 19] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18,
];

/// How `float_to_list/2` was asked to format (the last format option wins, as in BEAM).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FloatFormat {
    /// No format option: `"%.20e"` (`compact` is ignored).
    Legacy,
    /// `short`: the shortest string that reads back as the same float.
    Short,
    /// `{decimals, N}`: fixed notation with N decimals.
    Decimals(i64),
    /// `{scientific, N}`: `"%.Ne"`.
    Scientific(i64),
}

/// `float_to_list(F, Options)` for an already parsed option list; `None` means `badarg`.
pub fn float_to_list_opts(f: f64, format: FloatFormat, compact: bool) -> Option<String> {
    match format {
        FloatFormat::Legacy => Some(float_to_list_default(f)),
        FloatFormat::Short => Some(float_short(f)),
        FloatFormat::Decimals(n) => float_to_decimals(f, n, compact),
        FloatFormat::Scientific(n) => float_to_scientific(f, n),
    }
}

/// `float_to_list/1`: `"%.20e"`, like `1.50000000000000000000e+00`.
pub fn float_to_list_default(f: f64) -> String {
    format_e(f, DEFAULT_DECIMALS)
}

/// C's `printf("%.*e", precision, f)` for a finite `f`: exponent with a sign and at least two
/// digits, `-` kept on negative zero.
pub fn format_e(f: f64, precision: usize) -> String {
    let s = format!("{:.*e}", precision, f);
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{mantissa}e{sign}{:02}", exp.unsigned_abs())
}

/// C's `printf("%.*f", precision, f)` for a finite `f`.
pub fn format_f(f: f64, precision: usize) -> String {
    format!("{:.*}", precision, f)
}

/// `float_to_list(F, [{scientific, N}])`. A negative N reaches C's `printf` as a negative
/// precision, which means the default of 6 (BEAM does exactly that).
pub fn float_to_scientific(f: f64, decimals: i64) -> Option<String> {
    let precision = if decimals < 0 {
        6
    } else {
        usize::try_from(decimals).ok()?
    };
    if precision >= FLOAT_BUF_SIZE {
        return None;
    }
    let s = format_e(f, precision);
    (s.len() < FLOAT_BUF_SIZE).then_some(s)
}

/// `float_to_list(F, [{decimals, N}])`, with `compact` trimming trailing zeros. `None` for a
/// negative N or a result that does not fit BEAM's buffer.
pub fn float_to_decimals(f: f64, decimals: i64, compact: bool) -> Option<String> {
    let decimals = usize::try_from(decimals).ok()?;
    let neg = f.is_sign_negative();
    let af = f.abs();
    if af > FAST_MAX || decimals >= POW10.len() {
        if decimals >= FLOAT_BUF_SIZE {
            return None;
        }
        let mut s = format_f(f, decimals);
        if s.len() >= FLOAT_BUF_SIZE {
            return None;
        }
        if compact {
            // BEAM trims here even without a decimal point (`1.0e20` with `{decimals, 0}`
            // and `compact` gives "1"): reproduce it.
            trim_trailing_zeros(&mut s);
        }
        return Some(s);
    }
    let mut out = String::with_capacity(24 + decimals);
    if neg {
        out.push('-');
    }
    if decimals == 0 {
        // C's lround: halves away from zero.
        out.push_str(&(af.round() as u64).to_string());
        return Some(out);
    }
    let int_f = af.floor();
    let frac_f = ((af - int_f) * POW10[decimals]).round();
    let (mut int_part, mut frac_part) = (int_f as u64, frac_f as u64);
    if frac_f >= POW10[decimals] {
        int_part += 1;
        frac_part = 0;
    }
    out.push_str(&int_part.to_string());
    out.push('.');
    let frac = frac_part.to_string();
    for _ in frac.len()..decimals {
        out.push('0');
    }
    out.push_str(&frac);
    if compact {
        trim_trailing_zeros(&mut out);
    }
    Some(out)
}

/// BEAM's `find_first_trailing_zero`: drop trailing zeros, but keep one after a `.`.
fn trim_trailing_zeros(s: &mut String) {
    let trimmed = s.trim_end_matches('0').len();
    let keep = if s.as_bytes().get(trimmed.wrapping_sub(1)) == Some(&b'.') {
        trimmed + 1
    } else {
        trimmed
    };
    s.truncate(keep.min(s.len()));
}

/// The shortest decimal digits of a finite non-zero `|f|`: `(digits, exponent)` with
/// `|f| = digits * 10^exponent` and no trailing zeros in `digits`.
fn shortest_digits(f: f64) -> (u64, i32) {
    let mut buf = ryu::Buffer::new();
    let s = buf.format_finite(f.abs());
    let (mantissa, exp) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (s, 0),
    };
    let mut digits: u64 = 0;
    let mut exponent = exp;
    let mut after_point = false;
    for b in mantissa.bytes() {
        match b {
            b'.' => after_point = true,
            b'0'..=b'9' => {
                digits = digits.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
                if after_point {
                    exponent -= 1;
                }
            }
            _ => {}
        }
    }
    while digits != 0 && digits.is_multiple_of(10) {
        digits /= 10;
        exponent += 1;
    }
    (digits, exponent)
}

/// `float_to_list(F, [short])`, the form `io_lib` uses for `~w` and `~p`: the shortest digits
/// that read back as `f`, laid out as BEAM's `d2s.c` does (`0.1`, `1.0e22`, `-0.0`,
/// `1.2345678901234568e17`, `5.0e-324`).
pub fn float_short(f: f64) -> String {
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f.is_nan() {
        return "NaN".to_string();
    }
    if f.is_infinite() {
        return format!("{sign}Infinity");
    }
    if f == 0.0 {
        return format!("{sign}0.0");
    }
    let (output, exp) = shortest_digits(f);
    let digits = output.to_string();
    let olength = digits.len() as i32;
    let sci_exp = exp + olength - 1;
    let (lower, upper) = if olength == 1 {
        (-4, 2)
    } else if sci_exp >= 10 {
        (-(olength + 2), 2)
    } else {
        (-(olength + 2), 1)
    };
    let fixed = lower <= exp
        && exp <= upper
        && !((output >= 1 << 53 && exp == 0)
            || (output > (1 << 52) / 5 && exp == 1)
            || (output > (1 << 51) / 25 && exp == 2));
    let mut out = String::with_capacity(26);
    out.push_str(sign);
    if fixed {
        let whole = olength + exp;
        if exp >= 0 {
            out.push_str(&digits);
            for _ in 0..exp {
                out.push('0');
            }
            out.push_str(".0");
        } else if whole > 0 {
            let (a, b) = digits.split_at(whole as usize);
            out.push_str(a);
            out.push('.');
            out.push_str(b);
        } else {
            out.push_str("0.");
            for _ in 0..-whole {
                out.push('0');
            }
            out.push_str(&digits);
        }
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        out.push('.');
        out.push_str(if rest.is_empty() { "0" } else { rest });
        out.push('e');
        out.push_str(&sci_exp.to_string());
    }
    out
}

/// BEAM's `sys_chars_to_double`, used for `FLOAT_EXT`: `[+-]digits(.|,)digits[(e|E)[+-]digits]`
/// and nothing else; overflow to infinity is an error.
pub fn chars_to_double(s: &[u8]) -> Option<f64> {
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while s.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    if matches!(s.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    if !digits(&mut i) {
        return None;
    }
    let point = i;
    if !matches!(s.get(i), Some(b'.' | b',')) {
        return None;
    }
    i += 1;
    if !digits(&mut i) {
        return None;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return None;
        }
    }
    if i != s.len() {
        return None;
    }
    let mut text = String::from_utf8_lossy(s).into_owned();
    text.replace_range(point..point + 1, ".");
    let v: f64 = text.parse().ok()?;
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `float_to_list(F, [short])` on erl 25 for each value.
    #[test]
    fn short_matches_erl() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1.0e-10, "1.0e-10"),
            (1.0e22, "1.0e22"),
            (123456789012345680.0, "1.2345678901234568e17"),
            (5.0e-324, "5.0e-324"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1.5, "1.5"),
            (1.0e100, "1.0e100"),
            (1.7976931348623157e308, "1.7976931348623157e308"),
            (100.0, "100.0"),
            (1000.0, "1.0e3"),
            (12345.0, "12345.0"),
            (1.0e9, "1.0e9"),
            (123456789.0, "123456789.0"),
            (1234567890.0, "1234567890.0"),
            (12345678901.0, "12345678901.0"),
            (1.0e-5, "1.0e-5"),
            (0.00012345, "1.2345e-4"),
            (0.001, "0.001"),
            (0.0001, "0.0001"),
            (9007199254740992.0, "9.007199254740992e15"),
            (4503599627370496.0, "4503599627370496.0"),
            (1801439850948199.0, "1801439850948199.0"),
            (1801439850948200.0, "1801439850948200.0"),
            (2.0e15, "2.0e15"),
            (1.0e15, "1.0e15"),
            (720575940379279.0, "720575940379279.0"),
            (720575940379279.5, "720575940379279.5"),
            (7205759403792795.0, "7205759403792795.0"),
            (72057594037927950.0, "7.205759403792795e16"),
            (9.0e15, "9.0e15"),
            (9007199254740991.0, "9007199254740991.0"),
            (1.0e16, "1.0e16"),
            (12.5, "12.5"),
            (0.5, "0.5"),
            (2.5e-5, "2.5e-5"),
            (123.456, "123.456"),
            (1.0 / 3.0, "0.3333333333333333"),
            (-1.5e-7, "-1.5e-7"),
        ];
        for &(f, want) in cases {
            assert_eq!(float_short(f), want, "{f:e}");
        }
    }

    /// `float_to_list/1,2` on erl 25.
    #[test]
    fn fixed_and_scientific_match_erl() {
        assert_eq!(float_to_list_default(1.5), "1.50000000000000000000e+00");
        assert_eq!(float_to_list_default(-0.0), "-0.00000000000000000000e+00");
        assert_eq!(
            float_to_list_default(5.0e-324),
            "4.94065645841246544177e-324"
        );
        assert_eq!(
            float_to_list_default(1.0e300),
            "1.00000000000000005250e+300"
        );
        let d = |f, n, c| float_to_decimals(f, n, c);
        assert_eq!(d(1.5, 2, false).as_deref(), Some("1.50"));
        assert_eq!(d(-0.0, 2, false).as_deref(), Some("-0.00"));
        assert_eq!(d(1.0e20, 0, true).as_deref(), Some("1"));
        assert_eq!(
            d(1.0e20, 2, true).as_deref(),
            Some("100000000000000000000.0")
        );
        assert_eq!(d(1.5, 0, false).as_deref(), Some("2"));
        assert_eq!(d(2.5, 0, false).as_deref(), Some("3"));
        assert_eq!(d(0.125, 2, false).as_deref(), Some("0.13"));
        assert_eq!(d(1.005, 2, false).as_deref(), Some("1.00"));
        assert_eq!(d(1.5, 20, false).as_deref(), Some("1.50000000000000000000"));
        assert_eq!(d(1.5, 20, true).as_deref(), Some("1.5"));
        assert_eq!(d(1.5, 253, false).map(|s| s.len()), Some(255));
        assert_eq!(d(1.5, 254, false), None);
        assert_eq!(d(1.5, -1, false), None);
        assert_eq!(d(100.0, 3, true).as_deref(), Some("100.0"));
        assert_eq!(d(100.0, 0, true).as_deref(), Some("100"));
        assert_eq!(d(0.1, 1, true).as_deref(), Some("0.1"));
        assert_eq!(d(0.0, 3, true).as_deref(), Some("0.0"));
        assert_eq!(
            d(1.0e18, 2, false).as_deref(),
            Some("1000000000000000000.00")
        );
        assert_eq!(
            d(9007199254740993.0, 1, false).as_deref(),
            Some("9007199254740992.0")
        );
        assert_eq!(d(0.5, 0, false).as_deref(), Some("1"));
        assert_eq!(d(-0.5, 0, false).as_deref(), Some("-1"));
        assert_eq!(d(-1.5, 1, true).as_deref(), Some("-1.5"));
        assert_eq!(d(1.0e-300, 5, true).as_deref(), Some("0.0"));
        let s = |f, n| float_to_scientific(f, n);
        assert_eq!(s(1.5, -1).as_deref(), Some("1.500000e+00"));
        assert_eq!(s(1.5, 0).as_deref(), Some("2e+00"));
        assert_eq!(s(1.5, 249).map(|s| s.len()), Some(255));
        assert_eq!(s(1.5, 250), None);
        assert_eq!(s(1.0e100, 248).map(|s| s.len()), Some(255));
        assert_eq!(s(1.0e100, 249), None);
        assert_eq!(s(123.456, 3).as_deref(), Some("1.235e+02"));
        assert_eq!(
            float_to_list_opts(123.456, FloatFormat::Legacy, true).as_deref(),
            Some("1.23456000000000003070e+02")
        );
    }

    #[test]
    fn c_float_syntax() {
        assert_eq!(chars_to_double(b"1.5"), Some(1.5));
        assert_eq!(chars_to_double(b"1,5e3"), Some(1500.0));
        assert_eq!(chars_to_double(b"-2.0E-2"), Some(-0.02));
        assert_eq!(chars_to_double(b"1e3"), None);
        assert_eq!(chars_to_double(b"1."), None);
        assert_eq!(chars_to_double(b".5"), None);
        assert_eq!(chars_to_double(b"1.0e"), None);
        assert_eq!(chars_to_double(b"1.0e999"), None);
        assert_eq!(chars_to_double(b"1.0e-999"), Some(0.0));
        assert_eq!(chars_to_double(b""), None);
    }
}
