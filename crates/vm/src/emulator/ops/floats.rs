//! Float instructions' conversions.

use enigma_term::Term;

/// The numeric value of a number term as `f64` (`fconv`); `None` for non-numbers and for
/// integers too large for a float.
pub fn to_f64(t: Term) -> Option<f64> {
    if let Some(v) = t.as_small() {
        return Some(v as f64);
    }
    if let Some(f) = t.as_float() {
        return Some(f);
    }
    let b = t.as_bigint()?;
    let v = num_traits::ToPrimitive::to_f64(&b)?;
    v.is_finite().then_some(v)
}
