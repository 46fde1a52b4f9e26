//! `Dec`: the decimal intermediate of COBOL arithmetic, with GnuCOBOL's semantics.
//!
//! A value is `mantissa / 10^scale`. The mantissa is an `i128` on the fast path and a
//! base-10^9 big integer when an intermediate outgrows it (GnuCOBOL uses GMP, so its
//! intermediates are unbounded; ours are too). A third state, NaN, is produced by division
//! by zero and invalid exponentiation; storing a NaN is a size error that leaves the target
//! unchanged (GnuCOBOL does this whether or not ON SIZE ERROR is coded).
//!
//! Division follows GnuCOBOL: the quotient is computed by truncating integer division after
//! shifting the dividend so that the quotient keeps 38 extra decimal places
//! (scale = max(s1 - s2, 0) + 38). `COMPUTE X = 1 / 3 * 3` with X PIC 9V9(10) gives
//! 0.9999999999 under cobc 3.1.2, and so does ours.

use crate::big::BigUint;
use std::cmp::Ordering;

/// Extra decimal places kept by division (GnuCOBOL's COB_MAX_DIGITS).
pub const DIV_EXTRA_SCALE: u32 = 38;

#[derive(Clone, Debug)]
enum Repr {
    Small(i128),
    Big { neg: bool, mag: BigUint },
    Nan,
}

/// Decimal number `mantissa × 10^-scale`, or NaN (result of a failed operation).
#[derive(Clone, Debug)]
pub struct Dec {
    repr: Repr,
    scale: u32,
}

/// Rounding applied when a value is stored into a field with fewer decimal places.
/// `Truncate` is what a statement without ROUNDED does; `ROUNDED` alone is
/// `NearestAwayFromZero`; the rest are COBOL-2014 `ROUNDED MODE` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Round {
    Truncate,
    NearestAwayFromZero,
    AwayFromZero,
    NearestEven,
    NearestTowardZero,
    TowardGreater,
    TowardLesser,
    /// ROUNDED MODE PROHIBITED: cobc 3.1.2 stores truncated (checked: -2.5 -> -2).
    Prohibited,
}

impl Round {
    /// `ROUNDED` without MODE.
    pub const ROUNDED: Round = Round::NearestAwayFromZero;
}

pub(crate) fn pow10_u128(n: u32) -> u128 {
    10u128.pow(n)
}

/// Sign and magnitude of an integer, used when rescaling.
pub(crate) enum Mag {
    Small(u128),
    Big(BigUint),
}

impl Mag {
    fn to_big(&self) -> BigUint {
        match self {
            Mag::Small(v) => BigUint::from_u128(*v),
            Mag::Big(b) => b.clone(),
        }
    }
    fn is_zero(&self) -> bool {
        match self {
            Mag::Small(v) => *v == 0,
            Mag::Big(b) => b.is_zero(),
        }
    }
}

/// Result of rounding a value to an integer count of units of 10^-scale.
pub(crate) struct Scaled {
    pub neg: bool,
    /// |N| mod 10^keep
    pub low: u128,
    /// |N| >= 10^keep
    pub overflow: bool,
}

impl Dec {
    pub const ZERO: Dec = Dec {
        repr: Repr::Small(0),
        scale: 0,
    };
    pub const ONE: Dec = Dec {
        repr: Repr::Small(1),
        scale: 0,
    };

    /// `mantissa × 10^-scale`, e.g. `Dec::new(1250, 2)` is 12.50.
    pub const fn new(mantissa: i128, scale: u32) -> Dec {
        Dec {
            repr: Repr::Small(mantissa),
            scale,
        }
    }

    pub const fn int(v: i64) -> Dec {
        Dec {
            repr: Repr::Small(v as i128),
            scale: 0,
        }
    }

    pub const fn nan() -> Dec {
        Dec {
            repr: Repr::Nan,
            scale: 0,
        }
    }

    pub fn is_nan(&self) -> bool {
        matches!(self.repr, Repr::Nan)
    }

    pub fn scale(&self) -> u32 {
        self.scale
    }

    /// The mantissa if it fits an `i128`.
    pub fn mantissa_i128(&self) -> Option<i128> {
        match &self.repr {
            Repr::Small(v) => Some(*v),
            _ => None,
        }
    }

    fn from_parts(neg: bool, mag: BigUint, scale: u32) -> Dec {
        if let Some(v) = mag.to_u128() {
            if v <= i128::MAX as u128 {
                let v = v as i128;
                return Dec {
                    repr: Repr::Small(if neg { -v } else { v }),
                    scale,
                };
            }
        }
        Dec {
            repr: Repr::Big {
                neg: neg && !mag.is_zero(),
                mag,
            },
            scale,
        }
    }

    pub(crate) fn from_mag(neg: bool, mag: Mag, scale: u32) -> Dec {
        match mag {
            Mag::Small(v) if v <= i128::MAX as u128 => {
                let v = v as i128;
                Dec {
                    repr: Repr::Small(if neg { -v } else { v }),
                    scale,
                }
            }
            m => Dec::from_parts(neg, m.to_big(), scale),
        }
    }

    /// (negative, magnitude); panics on NaN (callers check first).
    fn parts(&self) -> (bool, Mag) {
        match &self.repr {
            Repr::Small(v) => (*v < 0, Mag::Small(v.unsigned_abs())),
            Repr::Big { neg, mag } => (*neg, Mag::Big(mag.clone())),
            Repr::Nan => panic!("Dec::parts on NaN"),
        }
    }

    fn big_parts(&self) -> (bool, BigUint) {
        let (n, m) = self.parts();
        (n, m.to_big())
    }

    /// Parse a numeric literal: optional sign, digits, optional '.' or ',' and digits.
    /// Anything else yields NaN.
    pub fn parse(s: &str) -> Dec {
        let b = s.trim().as_bytes();
        let (neg, body) = match b.first() {
            Some(b'-') => (true, &b[1..]),
            Some(b'+') => (false, &b[1..]),
            _ => (false, b),
        };
        let mut digits = Vec::with_capacity(body.len());
        let mut scale = 0u32;
        let mut seen_point = false;
        for &c in body {
            match c {
                b'0'..=b'9' => {
                    digits.push(c);
                    if seen_point {
                        scale += 1;
                    }
                }
                b'.' | b',' if !seen_point => seen_point = true,
                _ => return Dec::nan(),
            }
        }
        if digits.is_empty() {
            return Dec::nan();
        }
        Dec::from_parts(neg, BigUint::parse_digits(&digits), scale)
    }

    /// -1, 0 or 1 (0 for NaN).
    pub fn signum(&self) -> i32 {
        match &self.repr {
            Repr::Small(v) => v.signum() as i32,
            Repr::Big { neg, mag } => {
                if mag.is_zero() {
                    0
                } else if *neg {
                    -1
                } else {
                    1
                }
            }
            Repr::Nan => 0,
        }
    }

    pub fn is_zero(&self) -> bool {
        !self.is_nan() && self.signum() == 0
    }

    pub fn neg(&self) -> Dec {
        match &self.repr {
            Repr::Small(v) if *v != i128::MIN => Dec {
                repr: Repr::Small(-*v),
                scale: self.scale,
            },
            Repr::Nan => Dec::nan(),
            _ => {
                let (n, m) = self.big_parts();
                Dec::from_parts(!n, m, self.scale)
            }
        }
    }

    pub fn abs(&self) -> Dec {
        if self.signum() < 0 {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// Same value with the mantissa multiplied by 10^k (scale + k).
    pub(crate) fn upscale(&self, k: u32) -> Dec {
        if k == 0 {
            return self.clone();
        }
        match &self.repr {
            Repr::Nan => Dec::nan(),
            Repr::Small(v) => {
                if k <= 38 {
                    if let Some(r) = v.checked_mul(pow10_u128(k) as i128) {
                        return Dec {
                            repr: Repr::Small(r),
                            scale: self.scale + k,
                        };
                    }
                }
                let (n, m) = self.big_parts();
                Dec::from_parts(n, m.mul_pow10(k), self.scale + k)
            }
            Repr::Big { neg, mag } => Dec::from_parts(*neg, mag.mul_pow10(k), self.scale + k),
        }
    }

    fn align(a: &Dec, b: &Dec) -> (Dec, Dec) {
        match a.scale.cmp(&b.scale) {
            Ordering::Equal => (a.clone(), b.clone()),
            Ordering::Less => (a.upscale(b.scale - a.scale), b.clone()),
            Ordering::Greater => (a.clone(), b.upscale(a.scale - b.scale)),
        }
    }

    pub fn add(&self, o: &Dec) -> Dec {
        if self.is_nan() || o.is_nan() {
            return Dec::nan();
        }
        if let (Repr::Small(x), Repr::Small(y)) = (&self.repr, &o.repr) {
            if self.scale == o.scale {
                if let Some(r) = x.checked_add(*y) {
                    return Dec {
                        repr: Repr::Small(r),
                        scale: self.scale,
                    };
                }
            }
        }
        let (a, b) = Dec::align(self, o);
        if let (Repr::Small(x), Repr::Small(y)) = (&a.repr, &b.repr) {
            if let Some(r) = x.checked_add(*y) {
                return Dec {
                    repr: Repr::Small(r),
                    scale: a.scale,
                };
            }
        }
        let (an, am) = a.big_parts();
        let (bn, bm) = b.big_parts();
        if an == bn {
            Dec::from_parts(an, am.add(&bm), a.scale)
        } else {
            match am.cmp_mag(&bm) {
                Ordering::Less => Dec::from_parts(bn, bm.sub(&am), a.scale),
                _ => Dec::from_parts(an, am.sub(&bm), a.scale),
            }
        }
    }

    pub fn sub(&self, o: &Dec) -> Dec {
        self.add(&o.neg())
    }

    pub fn mul(&self, o: &Dec) -> Dec {
        if self.is_nan() || o.is_nan() {
            return Dec::nan();
        }
        let scale = self.scale + o.scale;
        if let (Repr::Small(x), Repr::Small(y)) = (&self.repr, &o.repr) {
            if let Some(r) = x.checked_mul(*y) {
                return Dec {
                    repr: Repr::Small(r),
                    scale,
                };
            }
        }
        let (an, am) = self.big_parts();
        let (bn, bm) = o.big_parts();
        Dec::from_parts(an != bn, am.mul(&bm), scale)
    }

    /// GnuCOBOL division: NaN on zero divisor; otherwise the truncated quotient with
    /// `max(s1 - s2, 0) + 38` decimal places.
    pub fn div(&self, o: &Dec) -> Dec {
        if self.is_nan() || o.is_nan() || o.is_zero() {
            return Dec::nan();
        }
        if self.is_zero() {
            return Dec::ZERO;
        }
        let s1 = self.scale as i64;
        let s2 = o.scale as i64;
        let shift = DIV_EXTRA_SCALE as i64 + (s2 - s1).max(0);
        let scale = (s1 - s2).max(0) as u32 + DIV_EXTRA_SCALE;
        let (an, am) = self.big_parts();
        let (bn, bm) = o.big_parts();
        let (q, _) = am.mul_pow10(shift as u32).divrem(&bm);
        Dec::from_parts(an != bn, q, scale)
    }

    /// Integer value truncated toward zero, if it fits an i128.
    pub fn trunc_i128(&self) -> Option<i128> {
        let s = self.scaled(0, Round::Truncate, 38)?;
        if s.overflow {
            return None;
        }
        Some(if s.neg {
            -(s.low as i128)
        } else {
            s.low as i128
        })
    }

    /// True if the value has no fractional part.
    pub fn is_integer(&self) -> bool {
        match self.scaled_big(0, Round::Truncate) {
            None => false,
            Some((n, m)) => Dec::from_mag(n, m, 0).cmp_value(self) == Ordering::Equal,
        }
    }

    /// Round to an integer count of 10^-target_scale units (target_scale may be negative
    /// for P-scaled pictures). None for NaN.
    fn scaled_big(&self, target_scale: i32, mode: Round) -> Option<(bool, Mag)> {
        if self.is_nan() {
            return None;
        }
        let (neg, mag) = self.parts();
        let shift = self.scale as i64 - target_scale as i64;
        if shift <= 0 {
            let k = (-shift) as u32;
            let m = match mag {
                Mag::Small(v) if k <= 38 && v.checked_mul(pow10_u128(k)).is_some() => {
                    Mag::Small(v * pow10_u128(k))
                }
                m => Mag::Big(m.to_big().mul_pow10(k)),
            };
            return Some((neg, m));
        }
        let k = shift as u32;
        let (q, inc) = match mag {
            Mag::Small(v) => {
                if k > 38 {
                    (
                        Mag::Small(0),
                        round_inc(mode, neg, v != 0, Ordering::Less, false),
                    )
                } else {
                    let p = pow10_u128(k);
                    let (q, r) = (v / p, v % p);
                    let half = (r * 2).cmp(&p); // r < 10^38 so 2r fits
                    (
                        Mag::Small(q),
                        round_inc(mode, neg, r != 0, half, q % 2 == 1),
                    )
                }
            }
            Mag::Big(b) => {
                let (q, r) = b.divrem_pow10(k);
                let half = r.add(&r).cmp_mag(&BigUint::pow10(k));
                let odd = q.digit(0) % 2 == 1;
                (Mag::Big(q), round_inc(mode, neg, !r.is_zero(), half, odd))
            }
        };
        let q = if inc {
            match q {
                Mag::Small(v) if v < u128::MAX => Mag::Small(v + 1),
                m => Mag::Big(m.to_big().add(&BigUint::from_u128(1))),
            }
        } else {
            q
        };
        let neg = neg && !q.is_zero();
        Some((neg, q))
    }

    /// Rounded integer N (units of 10^-target_scale) split into its low `keep` digits
    /// and an overflow flag. `keep` ≤ 38.
    pub(crate) fn scaled(&self, target_scale: i32, mode: Round, keep: u32) -> Option<Scaled> {
        let (neg, m) = self.scaled_big(target_scale, mode)?;
        let keep = keep.min(38);
        let p = pow10_u128(keep);
        Some(match m {
            Mag::Small(v) => Scaled {
                neg,
                low: v % p,
                overflow: v >= p,
            },
            Mag::Big(b) => {
                let (q, r) = b.divrem_pow10(keep);
                Scaled {
                    neg,
                    low: r.to_u128().unwrap(),
                    overflow: !q.is_zero(),
                }
            }
        })
    }

    /// Compare by value (NaN compares equal to zero; callers avoid comparing NaN).
    pub fn cmp_value(&self, o: &Dec) -> Ordering {
        if self.is_nan() || o.is_nan() {
            return self.signum().cmp(&o.signum());
        }
        let (a, b) = Dec::align(self, o);
        match (&a.repr, &b.repr) {
            (Repr::Small(x), Repr::Small(y)) => x.cmp(y),
            _ => {
                let (an, am) = a.big_parts();
                let (bn, bm) = b.big_parts();
                match (an, bn) {
                    (false, true) => Ordering::Greater,
                    (true, false) => Ordering::Less,
                    (false, false) => am.cmp_mag(&bm),
                    (true, true) => bm.cmp_mag(&am),
                }
            }
        }
    }

    /// Decimal digits of |value| (no point) and the scale, for formatting.
    pub(crate) fn digits_string(&self) -> String {
        match &self.repr {
            Repr::Small(v) => v.unsigned_abs().to_string(),
            Repr::Big { mag, .. } => mag.to_decimal(),
            Repr::Nan => "0".into(),
        }
    }
}

/// Whether rounding adds one unit to the truncated magnitude.
fn round_inc(mode: Round, neg: bool, nonzero_rem: bool, half: Ordering, odd: bool) -> bool {
    if !nonzero_rem {
        return false;
    }
    match mode {
        Round::Truncate | Round::Prohibited => false,
        Round::NearestAwayFromZero => half != Ordering::Less,
        Round::NearestEven => half == Ordering::Greater || (half == Ordering::Equal && odd),
        Round::NearestTowardZero => half == Ordering::Greater,
        Round::AwayFromZero => true,
        Round::TowardGreater => !neg,
        Round::TowardLesser => neg,
    }
}

#[path = "dec_ext.rs"]
mod ext;

#[cfg(test)]
#[path = "dec_tests.rs"]
mod tests;
