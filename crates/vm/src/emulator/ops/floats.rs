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
    // BEAM's own bignum-to-double conversion (not correctly rounded), so that `A / B` on
    // bignums agrees with erl to the last bit.
    let v = crate::bifs::erlang::arith::number_to_f64(t)?;
    v.is_finite().then_some(v)
}
