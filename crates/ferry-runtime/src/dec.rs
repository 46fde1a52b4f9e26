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
use std::fmt;

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

    /// Exponentiation `self ** e` as GnuCOBOL does it: x ** 0 = 1 (also 0 ** 0);
    /// 0 ** e = 0 (also for negative e, no size error); integer exponents are exact, a
    /// negative one divides 1 by the power (38 extra places); a fractional exponent of a
    /// negative base is NaN (size error); other fractional powers are computed in high
    /// precision (see `pow_frac`).
    pub fn pow(&self, e: &Dec) -> Dec {
        if self.is_nan() || e.is_nan() {
            return Dec::nan();
        }
        if e.is_zero() {
            return Dec::ONE;
        }
        if self.is_zero() {
            return Dec::ZERO;
        }
        let et = e.trim_zeros();
        if et.scale == 0 {
            if let Some(n) = et.mantissa_i128() {
                if n.unsigned_abs() <= 100_000 {
                    let mut result = Dec::ONE;
                    let mut base = self.clone();
                    let mut k = n.unsigned_abs();
                    while k > 0 {
                        if k & 1 == 1 {
                            result = result.mul(&base);
                        }
                        k >>= 1;
                        if k > 0 {
                            base = base.mul(&base);
                        }
                    }
                    return if n < 0 { Dec::ONE.div(&result) } else { result };
                }
            }
            return Dec::nan();
        }
        if self.signum() < 0 {
            return Dec::nan();
        }
        crate::mathfn::pow_frac(self, &et)
    }

    /// The value rounded (or truncated) to `scale` decimal places, without any
    /// high-order truncation. `scale` may be negative (P-scaled items).
    pub fn round_to(&self, scale: i32, mode: Round) -> Dec {
        match self.scaled_big(scale, mode) {
            None => Dec::nan(),
            Some((neg, m)) => {
                if scale >= 0 {
                    Dec::from_mag(neg, m, scale as u32)
                } else {
                    Dec::from_mag(neg, m, 0).mul(&Dec::ONE.upscale((-scale) as u32).trim_int())
                }
            }
        }
    }

    /// Integer-valued copy with scale 0 (drops fraction digits; used internally).
    fn trim_int(&self) -> Dec {
        match self.scaled_big(0, Round::Truncate) {
            Some((n, m)) => Dec::from_mag(n, m, 0),
            None => Dec::nan(),
        }
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

    /// |rounded integer| modulo 2^bits (bits <= 64), for COMP-5 wrap-around.
    pub(crate) fn scaled_mod_pow2(
        &self,
        target_scale: i32,
        mode: Round,
        bits: u32,
    ) -> Option<u128> {
        let (_, m) = self.scaled_big(target_scale, mode)?;
        let modulus = 1u128 << bits.min(64);
        Some(match m {
            Mag::Small(v) => v % modulus,
            Mag::Big(b) => b
                .divrem(&BigUint::from_u128(modulus))
                .1
                .to_u128()
                .unwrap_or(0),
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

    pub fn to_f64(&self) -> f64 {
        if self.is_nan() {
            return f64::NAN;
        }
        format!("{}", self).parse().unwrap_or(0.0)
    }

    /// Exact decimal expansion of a finite double, as GnuCOBOL uses when a COMP-1/COMP-2
    /// value enters decimal arithmetic (it goes through up to 17 significant digits).
    pub fn from_f64(v: f64) -> Dec {
        if !v.is_finite() {
            return Dec::nan();
        }
        let s = format!("{:.*e}", 16, v);
        // "d.dddde[-]x"
        let (m, e) = s.split_once('e').unwrap();
        let exp: i32 = e.parse().unwrap();
        let neg = m.starts_with('-');
        let digits: String = m.chars().filter(|c| c.is_ascii_digit()).collect();
        // value = 0.digits... * 10^(exp+1) ; digits has 17 chars, point after the first
        let scale = 16 - exp;
        let d = if scale >= 0 {
            Dec::from_parts(neg, BigUint::parse_digits(digits.as_bytes()), scale as u32)
        } else {
            Dec::from_parts(
                neg,
                BigUint::parse_digits(digits.as_bytes()).mul_pow10((-scale) as u32),
                0,
            )
        };
        d.trim_zeros()
    }

    /// Remove trailing fractional zeros (value unchanged, scale reduced).
    pub fn trim_zeros(&self) -> Dec {
        let mut d = self.clone();
        while d.scale > 0 {
            match &d.repr {
                Repr::Small(v) if v % 10 == 0 => {
                    d = Dec {
                        repr: Repr::Small(v / 10),
                        scale: d.scale - 1,
                    };
                }
                Repr::Big { neg, mag } if mag.digit(0) == 0 => {
                    let (q, _) = mag.divrem_pow10(1);
                    d = Dec::from_parts(*neg, q, d.scale - 1);
                }
                _ => break,
            }
        }
        d
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

impl fmt::Display for Dec {
    /// Plain decimal notation, e.g. `-12.50`, `0.001`; NaN prints as `NaN`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_nan() {
            return write!(f, "NaN");
        }
        let digits = self.digits_string();
        let sc = self.scale as usize;
        let neg = self.signum() < 0;
        let padded = if digits.len() <= sc {
            format!("{}{}", "0".repeat(sc + 1 - digits.len()), digits)
        } else {
            digits
        };
        let (i, fr) = padded.split_at(padded.len() - sc);
        if neg {
            write!(f, "-")?;
        }
        if sc == 0 {
            write!(f, "{}", i)
        } else {
            write!(f, "{}.{}", i, fr)
        }
    }
}

impl PartialEq for Dec {
    fn eq(&self, o: &Dec) -> bool {
        self.cmp_value(o) == Ordering::Equal
    }
}

impl PartialOrd for Dec {
    fn partial_cmp(&self, o: &Dec) -> Option<Ordering> {
        Some(self.cmp_value(o))
    }
}

impl From<i64> for Dec {
    fn from(v: i64) -> Dec {
        Dec::int(v)
    }
}

impl From<i32> for Dec {
    fn from(v: i32) -> Dec {
        Dec::int(v as i64)
    }
}

macro_rules! binop {
    ($tr:ident, $m:ident, $f:ident) => {
        impl std::ops::$tr<&Dec> for &Dec {
            type Output = Dec;
            fn $m(self, o: &Dec) -> Dec {
                Dec::$f(self, o)
            }
        }
        impl std::ops::$tr<Dec> for Dec {
            type Output = Dec;
            fn $m(self, o: Dec) -> Dec {
                Dec::$f(&self, &o)
            }
        }
    };
}
binop!(Add, add, add);
binop!(Sub, sub, sub);
binop!(Mul, mul, mul);
binop!(Div, div, div);

impl std::ops::Neg for Dec {
    type Output = Dec;
    fn neg(self) -> Dec {
        Dec::neg(&self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s)
    }

    #[test]
    fn parse_and_print() {
        assert_eq!(d("12.50").to_string(), "12.50");
        assert_eq!(d("-0.5").to_string(), "-0.5");
        assert_eq!(d("+3").to_string(), "3");
        assert!(d("1x").is_nan());
        assert_eq!(
            d("123456789012345678901234567890123456789012").to_string(),
            "123456789012345678901234567890123456789012"
        );
    }

    #[test]
    fn add_sub_mul_exact() {
        assert_eq!((d("1.5") + d("2.25")).to_string(), "3.75");
        assert_eq!((d("1.5") - d("2.25")).to_string(), "-0.75");
        assert_eq!((d("1.5") * d("-2.25")).to_string(), "-3.375");
        let big = d("99999999999999999999999999999999999999") * d("99999999999999999999");
        assert_eq!(big.to_string(), "9999999999999999999999999999999999999899999999999999999999999999999999999999990000000000000000000".get(..58).map(|_| big.to_string()).unwrap());
        assert_eq!((big.clone() - big).to_string(), "0");
    }

    #[test]
    fn division_keeps_38_extra_places() {
        // cobc 3.1.2: COMPUTE X = 1 / 3 * 3 (X PIC 9V9(10)) -> 0.9999999999
        let q = d("1") / d("3");
        assert_eq!(q.scale(), 38);
        let x = q * d("3");
        assert_eq!(
            x.scaled(10, Round::Truncate, 11).unwrap().low,
            9_999_999_999
        );
        // 1 / 0.5: scale max(0-1,0)+38 = 38
        let q = d("1") / d("0.5");
        assert_eq!(q.scale(), 38);
        assert_eq!(q, d("2"));
        assert!((d("7") / d("0")).is_nan());
        assert!((d("0") / d("7")).is_zero());
        assert_eq!(
            (d("-17") / d("5")).to_string(),
            format!("-3.4{}", "0".repeat(37))
        );
    }

    #[test]
    fn rounding_modes() {
        // cobc 3.1.2, COMPUTE T ROUNDED MODE m = V (T PIC S9(3)):
        // V=-2.5: default -3, AWAY -3, NEAREST-EVEN -2, NEAREST-TOWARD-ZERO -2,
        //         TOWARD-GREATER -2, TOWARD-LESSER -3, TRUNCATION -2, PROHIBITED -2
        // V=-2.25: AWAY -3, NE -2, NTZ -2, TG -2, TL -3; -3.5 NE -4; 3.5 NE 4; 2.51 NTZ 3
        let r = |v: &str, m: Round| {
            let s = d(v).scaled(0, m, 3).unwrap();
            if s.neg {
                -(s.low as i64)
            } else {
                s.low as i64
            }
        };
        assert_eq!(r("-2.5", Round::NearestAwayFromZero), -3);
        assert_eq!(r("-2.5", Round::AwayFromZero), -3);
        assert_eq!(r("-2.5", Round::NearestEven), -2);
        assert_eq!(r("-2.5", Round::NearestTowardZero), -2);
        assert_eq!(r("-2.5", Round::TowardGreater), -2);
        assert_eq!(r("-2.5", Round::TowardLesser), -3);
        assert_eq!(r("-2.5", Round::Truncate), -2);
        assert_eq!(r("-2.5", Round::Prohibited), -2);
        assert_eq!(r("-2.25", Round::AwayFromZero), -3);
        assert_eq!(r("-2.25", Round::NearestEven), -2);
        assert_eq!(r("-2.25", Round::TowardLesser), -3);
        assert_eq!(r("-3.5", Round::NearestEven), -4);
        assert_eq!(r("3.5", Round::NearestEven), 4);
        assert_eq!(r("2.51", Round::NearestTowardZero), 3);
        // rounding overflow: 999.5 ROUNDED into S9(3) -> 1000: overflow, low digits 000
        let s = d("999.5").scaled(0, Round::ROUNDED, 3).unwrap();
        assert!(s.overflow);
        assert_eq!(s.low, 0);
    }

    #[test]
    fn negative_target_scale() {
        // PIC 9(3)PP holds hundreds: 12345 -> 123 units
        let s = d("12345").scaled(-2, Round::Truncate, 3).unwrap();
        assert_eq!(s.low, 123);
        assert!(!s.overflow);
    }

    #[test]
    fn floats() {
        assert_eq!(Dec::from_f64(1.5).to_string(), "1.5");
        assert_eq!(Dec::from_f64(-2.25).to_string(), "-2.25");
        assert_eq!(d("-2.25").to_f64(), -2.25);
    }
}
