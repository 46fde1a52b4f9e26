//! More `Dec` operations: exponentiation, rounding to a scale, float conversion, and the
//! std trait impls. (Child module of `dec`, so it sees the private representation.)

use super::{Dec, Mag, Repr, Round};
use crate::big::BigUint;
use std::cmp::Ordering;
use std::fmt;

impl Dec {
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

    /// Conversion to a double the way cobc stores COMP-1/COMP-2: truncated toward zero,
    /// not rounded (MOVE 0.1 TO a COMP-2 DISPLAYs 0.09999999999999999; 0.7 gives 0.7).
    pub fn to_f64(&self) -> f64 {
        if self.is_nan() {
            return f64::NAN;
        }
        let f: f64 = format!("{}", self).parse().unwrap_or(0.0);
        if f == 0.0 || !f.is_finite() {
            return f;
        }
        if exceeds(self, f) {
            f64::from_bits(f.to_bits() - 1) // one ulp toward zero
        } else {
            f
        }
    }

    /// Exact decimal expansion of a finite double, as GnuCOBOL uses when a COMP-1/COMP-2 value
    /// (or FUNCTION RANDOM) enters a MOVE or decimal arithmetic. Checked against cobc 3.1.2:
    /// `MOVE 0.1 TO D` (COMP-2) then `MOVE D TO Z` (PIC 9V9(30)) gives
    /// 0.099999999999999991673327315311 (D holds the double below 0.1), COMP-1 0.1 gives
    /// 0.100000001490116119384765625000.
    pub fn from_f64(v: f64) -> Dec {
        if !v.is_finite() {
            return Dec::nan();
        }
        if v == 0.0 {
            return Dec::ZERO;
        }
        let bits = v.to_bits();
        let neg = bits >> 63 == 1;
        let exp = ((bits >> 52) & 0x7ff) as i32;
        let frac = bits & ((1u64 << 52) - 1);
        // v = m * 2^e
        let (m, e) = if exp == 0 {
            (frac, -1074)
        } else {
            (frac | (1u64 << 52), exp - 1075)
        };
        let mut mag = BigUint::from_u128(m as u128);
        // multiplies `mag` by base^n, in chunks that fit a u128
        let times = |mut mag: BigUint, base: u128, mut n: u32, chunk: u32| {
            while n > 0 {
                let k = n.min(chunk);
                mag = mag.mul(&BigUint::from_u128(base.pow(k)));
                n -= k;
            }
            mag
        };
        if e >= 0 {
            mag = times(mag, 2, e as u32, 120);
            Dec::from_parts(neg, mag, 0)
        } else {
            // m / 2^k = m * 5^k / 10^k
            let k = (-e) as u32;
            mag = times(mag, 5, k, 50);
            Dec::from_parts(neg, mag, k).trim_zeros()
        }
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
}

/// Whether |f| > |d| exactly.
fn exceeds(d: &Dec, f: f64) -> bool {
    let bits = f.abs().to_bits();
    let exp_bits = ((bits >> 52) & 0x7FF) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, exp) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    let m = BigUint::parse_digits(d.digits_string().as_bytes());
    let s = d.scale();
    let mut lhs = BigUint::from_u128(mant as u128).mul_pow10(s); // |f| * 10^s / 2^exp
    let mut rhs = m; // |d| * 10^s
    let shift_pow2 = |mut b: BigUint, mut n: u32| {
        while n > 0 {
            let k = n.min(31);
            b = b.mul(&BigUint::from_u128(1u128 << k));
            n -= k;
        }
        b
    };
    if exp >= 0 {
        lhs = shift_pow2(lhs, exp as u32);
    } else {
        rhs = shift_pow2(rhs, (-exp) as u32);
    }
    lhs.cmp_mag(&rhs) == Ordering::Greater
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
