//! High-precision ln/exp/sqrt for fractional exponents and the math intrinsics.
//!
//! cobc 3.1.2 computes `x ** y` for fractional y in high precision: 2 ** 0.5 into
//! PIC S9(9)V9(18) gives 1.414213562373095048, 4 ** 0.5 gives exactly 2, and
//! 8 ** (1 / 3) gives 1.999999999999999999 (1/3 is 0.333.. with 38 digits). We compute
//! with 70 fractional digits and round the result to 40 significant digits, which
//! reproduces all of these.

use crate::big::BigUint;
use crate::dec::{Dec, Round};

const P: u32 = 70;

/// Signed fixed-point number with P decimal places.
#[derive(Clone, Debug)]
struct Fx {
    neg: bool,
    m: BigUint,
}

impl Fx {
    fn from_dec(d: &Dec) -> Fx {
        let s = d.digits_string();
        let neg = d.signum() < 0;
        let m = BigUint::parse_digits(s.as_bytes());
        let sc = d.scale();
        let m = if sc <= P {
            m.mul_pow10(P - sc)
        } else {
            m.divrem_pow10(sc - P).0
        };
        Fx { neg, m }
    }
    fn int(v: u32) -> Fx {
        Fx {
            neg: false,
            m: BigUint::from_u128(v as u128).mul_pow10(P),
        }
    }
    fn to_dec(&self) -> Dec {
        let s = self.m.to_decimal();
        let d = Dec::parse(&s);
        let d = Dec::new(1, P).mul(&d);
        if self.neg {
            d.neg()
        } else {
            d
        }
    }
    fn add(&self, o: &Fx) -> Fx {
        if self.neg == o.neg {
            Fx {
                neg: self.neg,
                m: self.m.add(&o.m),
            }
        } else if self.m.cmp_mag(&o.m) != std::cmp::Ordering::Less {
            Fx {
                neg: self.neg,
                m: self.m.sub(&o.m),
            }
        } else {
            Fx {
                neg: o.neg,
                m: o.m.sub(&self.m),
            }
        }
    }
    fn sub(&self, o: &Fx) -> Fx {
        self.add(&Fx {
            neg: !o.neg,
            m: o.m.clone(),
        })
    }
    fn mul(&self, o: &Fx) -> Fx {
        Fx {
            neg: self.neg != o.neg,
            m: self.m.mul(&o.m).divrem_pow10(P).0,
        }
    }
    fn div(&self, o: &Fx) -> Fx {
        Fx {
            neg: self.neg != o.neg,
            m: self.m.mul_pow10(P).divrem(&o.m).0,
        }
    }
    fn div_small(&self, k: u32) -> Fx {
        Fx {
            neg: self.neg,
            m: self.m.divrem_small(k).0,
        }
    }
    fn is_zero(&self) -> bool {
        self.m.is_zero()
    }
    fn lt(&self, o: &Fx) -> bool {
        match (self.neg, o.neg) {
            (true, false) => true,
            (false, true) => false,
            (false, false) => self.m.cmp_mag(&o.m) == std::cmp::Ordering::Less,
            (true, true) => o.m.cmp_mag(&self.m) == std::cmp::Ordering::Less,
        }
    }
}

/// 2 * atanh(z) = ln((1+z)/(1-z)), |z| small.
fn two_atanh(z: &Fx) -> Fx {
    let z2 = z.mul(z);
    let mut term = z.clone();
    let mut sum = z.clone();
    let mut k = 1u32;
    loop {
        term = term.mul(&z2);
        k += 2;
        let t = term.div_small(k);
        if t.is_zero() {
            break;
        }
        sum = sum.add(&t);
    }
    sum.add(&sum)
}

fn ln2() -> Fx {
    two_atanh(&Fx::int(1).div_small(3))
}

/// Natural logarithm of x > 0.
fn ln(x: &Fx) -> Fx {
    let two = Fx::int(2);
    let one = Fx::int(1);
    let mut m = x.clone();
    let mut k: i64 = 0;
    while !m.lt(&two) {
        m = m.div_small(2);
        k += 1;
    }
    while m.lt(&one) {
        m = m.add(&m);
        k -= 1;
    }
    // m in [1,2): ln m = 2 atanh((m-1)/(m+1))
    let z = m.sub(&one).div(&m.add(&one));
    let r = two_atanh(&z);
    let l2 = ln2();
    let kk = Fx {
        neg: k < 0,
        m: BigUint::from_u128(k.unsigned_abs() as u128).mul_pow10(P),
    };
    r.add(&l2.mul(&kk))
}

/// e^y.
fn exp(y: &Fx) -> Fx {
    let l2 = ln2();
    // k = round(y / ln2)
    let q = y.div(&l2);
    let (kq, _) = q.m.divrem_pow10(P);
    let k = kq.to_u128().unwrap_or(0) as i64 * if q.neg { -1 } else { 1 };
    let kk = Fx {
        neg: k < 0,
        m: BigUint::from_u128(k.unsigned_abs() as u128).mul_pow10(P),
    };
    let r = y.sub(&l2.mul(&kk));
    // Taylor
    let mut term = Fx::int(1);
    let mut sum = Fx::int(1);
    let mut n = 1u32;
    loop {
        term = term.mul(&r).div_small(n);
        if term.is_zero() {
            break;
        }
        sum = sum.add(&term);
        n += 1;
    }
    let mut v = sum;
    for _ in 0..k.unsigned_abs() {
        v = if k > 0 { v.add(&v) } else { v.div_small(2) };
    }
    v
}

/// Round to `sig` significant digits.
fn round_sig(d: &Dec, sig: u32) -> Dec {
    let digits = d.digits_string().trim_start_matches('0').len() as i64;
    let int_digits = digits - d.scale() as i64;
    let keep_scale = sig as i64 - int_digits;
    if keep_scale >= d.scale() as i64 {
        return d.trim_zeros();
    }
    d.round_to(keep_scale as i32, Round::NearestAwayFromZero)
        .trim_zeros()
}

/// x ** y for x > 0 and fractional y.
pub(crate) fn pow_frac(x: &Dec, y: &Dec) -> Dec {
    let r = exp(&ln(&Fx::from_dec(x)).mul(&Fx::from_dec(y)));
    round_sig(&r.to_dec(), 40)
}

/// Square root (FUNCTION SQRT); NaN for negative arguments.
pub fn sqrt(x: &Dec) -> Dec {
    if x.signum() < 0 || x.is_nan() {
        return Dec::nan();
    }
    if x.is_zero() {
        return Dec::ZERO;
    }
    pow_frac(x, &Dec::new(5, 1))
}

/// Natural logarithm (FUNCTION LOG); NaN for x <= 0.
pub fn log(x: &Dec) -> Dec {
    if x.signum() <= 0 || x.is_nan() {
        return Dec::nan();
    }
    round_sig(&ln(&Fx::from_dec(x)).to_dec(), 40)
}

/// e^x (FUNCTION EXP).
pub fn exp_dec(x: &Dec) -> Dec {
    if x.is_nan() {
        return Dec::nan();
    }
    round_sig(&exp(&Fx::from_dec(x)).to_dec(), 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at18(d: Dec) -> String {
        let s = d.scaled(18, Round::Truncate, 27).unwrap();
        format!("{}{}", if s.neg { "-" } else { "" }, s.low)
    }

    #[test]
    fn fractional_powers_match_cobc() {
        // cobc 3.1.2, V PIC S9(9)V9(18): COMPUTE V = a ** b; DISPLAY V
        let p = |a: &str, b: Dec| at18(Dec::parse(a).pow(&b));
        let d = Dec::parse;
        assert_eq!(p("4", d("0.5")), "2000000000000000000");
        assert_eq!(p("100", d("0.5")), "10000000000000000000");
        assert_eq!(p("2", d("0.5")), "1414213562373095048");
        assert_eq!(p("1.1", d("2")), "1210000000000000000");
        assert_eq!(p("2", d("-3")), "125000000000000000");
        assert_eq!(p("3", d("-1")), "333333333333333333");
        assert_eq!(p("1.5", d("3")), "3375000000000000000");
        assert_eq!(p("8", d("1").div(&d("3"))), "1999999999999999999");
        assert_eq!(p("27", d("0.333333")), "2999996704164944418");
        assert_eq!(p("2.5", d("2.5")), "9882117688026185412");
        assert_eq!(p("10", d("1.5")), "31622776601683793319");
        assert_eq!(p("0.5", d("0.5")), "707106781186547524");
        assert_eq!(p("1000000", d("0.5")), "1000000000000000000000");
        assert_eq!(p("9", d("1.5")), "27000000000000000000");
        // 0 ** 0 = 1, 0 ** -1 = 0, -2 ** 0.5 size error
        assert_eq!(d("0").pow(&d("0")).to_string(), "1");
        assert!(d("0").pow(&d("-1")).is_zero());
        assert!(d("-2").pow(&d("0.5")).is_nan());
    }
}
